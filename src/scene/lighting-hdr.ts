/**
 * An exhibition's own equirectangular .hdr environment, prefiltered on the visitor's device (lighting.ts loads
 * this module only for one: the default environment is baked into a .env at build time).
 */
import { HDRCubeTexture } from '@babylonjs/core/Materials/Textures/hdrCubeTexture';
import { HDRFiltering } from '@babylonjs/core/Materials/Textures/Filtering/hdrFiltering';
import { Constants } from '@babylonjs/core/Engines/constants';
import type { HemisphericLight } from '@babylonjs/core/Lights/hemisphericLight';
import type { Scene } from '@babylonjs/core/scene';

/** An equirectangular .hdr, prefiltered here on load, in use once it resolves (or a plain light and a problem). */
export function prefiltered(scene: Scene, environmentUrl: string, src: string, hemi: HemisphericLight, onProblem: (message: string) => void): Promise<void> {
  return new Promise((resolve) => {
    const env = new HDRCubeTexture(
      src,
      scene,
      128,
      false,
      true,
      false,
      // Prefiltered below, with fewer samples than Babylon's default.
      false,
      () => {
        // Babylon prefilters on load with 4,096 samples a texel (its offline quality): seconds of GPU time in
        // software WebGL. Its filtering reads the source's mipmaps by each sample's footprint (filtered importance
        // sampling), so its real-time quality of 64 samples gives the same soft reflections on the gallery's
        // matte and satin surfaces, in a sixty-fourth of the work.
        new HDRFiltering(scene.getEngine(), { quality: Constants.TEXTURE_FILTERING_QUALITY_HIGH })
          .prefilter(env)
          .then(
            () => {
              scene.environmentTexture = env;
              performance.measure('twin:environment', 'twin:environment-start');
            },
            (e: unknown) => onProblem(`the lighting environment '${environmentUrl}' could not be prepared (${(e as Error).message}); a plain light is used`),
          )
          .finally(resolve);
      },
      (message) => {
        onProblem(`the lighting environment '${environmentUrl}' could not be loaded${message ? ` (${message})` : ''}; a plain light is used`);
        hemi.intensity = 1.2;
        resolve();
      },
    );
  });
}
