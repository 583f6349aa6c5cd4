/**
 * Frame statistics for benchmarks and budgets (loaded on demand, never in the initial bundle):
 * Babylon's scene instrumentation for CPU time per frame and draw calls, the scene for active
 * triangles and meshes.
 */
import { SceneInstrumentation } from '@babylonjs/core/Instrumentation/sceneInstrumentation';
import type { Scene } from '@babylonjs/core/scene';

export interface FrameSample {
  /** CPU time of the last frame (ms): Babylon's frame time counter. */
  frameMs: number;
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
  return {
    sample: () => ({
      frameMs: inst.frameTimeCounter.current,
      drawCalls: inst.drawCallsCounter.current,
      activeTriangles: Math.round(scene.getActiveIndices() / 3),
      activeMeshes: scene.getActiveMeshes().length,
    }),
    dispose: () => inst.dispose(),
  };
}
