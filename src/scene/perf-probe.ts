/**
 * Frame statistics for benchmarks and budgets (loaded on demand, never in the initial bundle):
 * Babylon's scene instrumentation for CPU time per frame and draw calls, the scene for active
 * triangles and meshes, and the whole frame's time on the page's main thread: Babylon's frame time counts
 * `scene.render` only, and the images' uploads run before it, as the engine begins the frame (image-detail.ts).
 */
import { SceneInstrumentation } from '@babylonjs/core/Instrumentation/sceneInstrumentation';
import type { Scene } from '@babylonjs/core/scene';

export interface FrameSample {
  /** CPU time of the last frame (ms): Babylon's frame time counter (`scene.render`). */
  frameMs: number;
  /** The last frame from the engine's beginning it to its end (ms): uploads and everything else the frame ran. */
  wholeFrameMs: number;
  drawCalls: number;
  activeTriangles: number;
  activeMeshes: number;
}

export interface PerfProbe {
  sample: () => FrameSample;
  dispose: () => void;
}

export function probe(scene: Scene): PerfProbe {
  const inst = new SceneInstrumentation(scene);
  inst.captureFrameTime = true;
  const engine = scene.getEngine();
  let begun = 0;
  let whole = 0;
  // First among the frame's beginning observers (before the uploads), last among its end ones.
  const begin = engine.onBeginFrameObservable.add(() => (begun = performance.now()), undefined, true);
  const end = engine.onEndFrameObservable.add(() => (whole = performance.now() - begun));
  return {
    sample: () => ({
      frameMs: inst.frameTimeCounter.current,
      wholeFrameMs: whole,
      drawCalls: inst.drawCallsCounter.current,
      activeTriangles: Math.round(scene.getActiveIndices() / 3),
      activeMeshes: scene.getActiveMeshes().length,
    }),
    dispose: () => {
      inst.dispose();
      engine.onBeginFrameObservable.remove(begin);
      engine.onEndFrameObservable.remove(end);
    },
  };
}
