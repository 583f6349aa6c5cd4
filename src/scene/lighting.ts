import { CubeTexture } from '@babylonjs/core/Materials/Textures/cubeTexture';
import { HemisphericLight } from '@babylonjs/core/Lights/hemisphericLight';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Scene } from '@babylonjs/core/scene';
import { fetchLimited } from '../twin/fetch-limits';

/**
 * The app's own environment for image-based light (no CDN): public/env/gallery.hdr prefiltered once at build time
 * (`npm run bake:environment`) into Babylon's .env, so a visitor's device loads it without filtering anything.
 */
export const DEFAULT_ENVIRONMENT = `${import.meta.env.BASE_URL}env/gallery.env`;

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
  // Within the environment map's download limits (twin/fetch-limits.ts); Babylon reads the bytes from a blob: URL.
  const fetched = fetchLimited(environmentUrl, 'environment').then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return URL.createObjectURL(new Blob([r.bytes]));
  });
  return fetched.then(
    // The blob: URL stays: Babylon reads it again to rebuild the cube after a lost WebGL context.
    (src) =>
      /\.env$/i.test(new URL(environmentUrl, 'http://x/').pathname)
        ? baked(scene, environmentUrl, src, hemi, onProblem)
        : // An .hdr's loader and prefiltering are fetched only for it: the default environment is a baked .env.
          import('./lighting-hdr').then(
            ({ prefiltered }) => prefiltered(scene, environmentUrl, src, hemi, onProblem),
            (e: unknown) => {
              onProblem(`the lighting environment '${environmentUrl}' could not be prepared (${(e as Error).message}); a plain light is used`);
              hemi.intensity = 1.2;
            },
          ),
    (e: unknown) => {
      onProblem(`the lighting environment '${environmentUrl}' could not be loaded (${(e as Error).message}); a plain light is used`);
      hemi.intensity = 1.2;
    },
  );
}

/** A .env baked at build time: already prefiltered, in use once its faces are uploaded. */
function baked(scene: Scene, environmentUrl: string, src: string, hemi: HemisphericLight, onProblem: (message: string) => void): Promise<void> {
  return new Promise((resolve) => {
    const env = new CubeTexture(src, scene, {
      forcedExtension: '.env',
      prefiltered: true,
      createPolynomials: true,
      onLoad: () => {
        scene.environmentTexture = env;
        performance.measure('twin:environment', 'twin:environment-start');
        resolve();
      },
      onError: (message) => {
        onProblem(`the lighting environment '${environmentUrl}' could not be loaded${message ? ` (${message})` : ''}; a plain light is used`);
        hemi.intensity = 1.2;
        env.dispose();
        resolve();
      },
    });
  });
}
