/** A fade of the whole view (the scene's exposure) to black (`to` 0) or back (1) over `ms`: tour stops in VR. */
import type { Scene } from '@babylonjs/core/scene';

const baseExposure = new WeakMap<Scene, number>();

export function fade(scene: Scene, to: 0 | 1, ms: number): Promise<void> {
  const ip = scene.imageProcessingConfiguration;
  if (!baseExposure.has(scene)) baseExposure.set(scene, ip.exposure);
  const target = to * baseExposure.get(scene)!;
  const from = ip.exposure;
  const start = performance.now();
  return new Promise((resolve) => {
    const obs = scene.onBeforeRenderObservable.add(() => {
      const k = Math.min(1, (performance.now() - start) / ms);
      ip.exposure = from + (target - from) * k;
      if (k >= 1) {
        scene.onBeforeRenderObservable.remove(obs);
        resolve();
      }
    });
  });
}
