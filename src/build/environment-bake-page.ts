/**
 * Runs in headless Chromium at build time (`npm run bake:environment`, src/cli/bake-environment.ts), never in the
 * app: loads an equirectangular .hdr, prefilters it with Babylon at its offline quality (4,096 samples a texel) and
 * returns Babylon's prefiltered `.env` file. The app then loads that file as it is, so no visitor's device spends
 * seconds of GPU time filtering the same light on every visit.
 */
import { Engine } from '@babylonjs/core/Engines/engine';
import { Scene } from '@babylonjs/core/scene';
import { HDRCubeTexture } from '@babylonjs/core/Materials/Textures/hdrCubeTexture';
import { CreateEnvTextureAsync } from '@babylonjs/core/Misc/environmentTextureTools';

async function bake(hdrUrl: string, size: number): Promise<string> {
  const canvas = document.createElement('canvas');
  document.body.append(canvas);
  const engine = new Engine(canvas, false, { preserveDrawingBuffer: true });
  const scene = new Scene(engine);
  const texture = await new Promise<HDRCubeTexture>((resolve, reject) => {
    // Babylon's constructor: (url, scene, size, noMipmap, generateHarmonics, gammaSpace, prefilterOnLoad, onLoad, onError).
    const t: HDRCubeTexture = new HDRCubeTexture(hdrUrl, scene, size, false, true, false, true, () => resolve(t), (message) => reject(new Error(message ?? 'the .hdr could not be read')));
  });
  const data = await CreateEnvTextureAsync(texture, { imageType: 'image/png' });
  engine.dispose();
  // Base64 crosses the page boundary as one string.
  let binary = '';
  const bytes = new Uint8Array(data);
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

(window as unknown as { bakeEnvironment: typeof bake }).bakeEnvironment = bake;
