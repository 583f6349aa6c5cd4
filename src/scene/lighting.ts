import { HDRCubeTexture } from '@babylonjs/core/Materials/Textures/hdrCubeTexture';
import { HemisphericLight } from '@babylonjs/core/Lights/hemisphericLight';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Scene } from '@babylonjs/core/scene';

/** The app's own environment for image-based light (no CDN). */
export const DEFAULT_ENVIRONMENT = `${import.meta.env.BASE_URL}env/gallery.hdr`;

/**
 * Soft, even gallery light: image-based light from an interior environment, plus a sky/ground
 * hemisphere so no corner goes black. Resolves even when the environment fails (the scene stays lit).
 */
export function lightGallery(scene: Scene, environmentUrl: string, onProblem: (message: string) => void): Promise<void> {
  const hemi = new HemisphericLight('sky', new Vector3(0.2, 1, 0.1), scene);
  hemi.intensity = 0.55;
  hemi.diffuse = new Color3(1, 0.97, 0.92);
  hemi.groundColor = new Color3(0.35, 0.32, 0.3);
  hemi.specular = Color3.Black();
  scene.environmentIntensity = 0.9;
  scene.imageProcessingConfiguration.exposure = 1.05;
  scene.imageProcessingConfiguration.contrast = 1.1;
  scene.imageProcessingConfiguration.toneMappingEnabled = true;
  // Marks read by the first-view benchmark: how long the environment takes to load and prefilter.
  performance.mark('twin:environment-start');
  return new Promise((resolve) => {
    const env = new HDRCubeTexture(
      environmentUrl,
      scene,
      128,
      false,
      true,
      false,
      true,
      () => {
        scene.environmentTexture = env;
        performance.measure('twin:environment', 'twin:environment-start');
        resolve();
      },
      (message) => {
        onProblem(`the lighting environment '${environmentUrl}' could not be loaded${message ? ` (${message})` : ''}; a plain light is used`);
        hemi.intensity = 1.2;
        resolve();
      },
    );
  });
}
