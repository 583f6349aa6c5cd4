/**
 * Models, painting images and surface textures through the download limits (twin/fetch-limits.ts): the bytes are fetched with a
 * deadline, a stall timer and the size cap of their kind, then handed to Babylon. A .gltf's separate buffers and textures, and
 * any file a GLB names by address, come through the same limits (model-files.ts).
 */
import type { Scene } from '@babylonjs/core/scene';
import type { AssetContainer } from '@babylonjs/core/assetContainer';
import { LoadAssetContainerAsync } from '@babylonjs/core/Loading/sceneLoader';
import { Texture } from '@babylonjs/core/Materials/Textures/texture';
import { FetchLimitError, fetchLimited } from '../twin/fetch-limits';
import { ModelFileError, modelFilesOptions } from './model-files';
import { modelTextureLevelsOptions, type ModelTextureLevelsOptions } from './model-texture-levels';

/**
 * Loads a glTF/GLB model from `url` within the model limits, its own files too; throws FetchLimitError past them (or
 * a web page in place of a file), ModelFileError for a file outside the model's folder, Error on HTTP errors.
 * With `levels`, its textures are held at the level their size on screen asks for (model-texture-levels.ts).
 */
export async function loadModelLimited(url: string, scene: Scene, fetcher: typeof fetch = fetch, levels?: ModelTextureLevelsOptions): Promise<AssetContainer> {
  const gltf = new URL(url).pathname.toLowerCase().endsWith('.gltf');
  const r = await fetchLimited(url, 'model', {}, fetcher);
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  const pluginOptions = modelFilesOptions({ modelUrl: url, modelBytes: r.bytes.byteLength, fetcher });
  if (levels) Object.assign(pluginOptions.gltf.extensionOptions, modelTextureLevelsOptions(levels));
  const rootUrl = new URL('./', url).href;
  // A .gltf is JSON: Babylon takes it as text from a data: source ("data:" then the JSON itself).
  const source = gltf ? `data:${r.text()}` : r.bytes;
  let container: AssetContainer;
  try {
    container = await LoadAssetContainerAsync(source, scene, { pluginExtension: gltf ? '.gltf' : '.glb', rootUrl, pluginOptions });
  } catch (e) {
    // Babylon wraps every failure in "Unable to load from <source>: …": a refused file is named by its own error, and
    // a .gltf's source (the whole JSON) is replaced by its address.
    const inner = (e as { innerError?: unknown }).innerError;
    if (inner instanceof FetchLimitError || inner instanceof ModelFileError) throw inner;
    if (gltf && e instanceof Error) e.message = e.message.replace(source as string, () => url);
    throw e;
  }
  keepLightLimit(scene, container);
  return container;
}

/** Lights one mesh is lit by at most: the room's sky light and its work's own spot light (Babylon's default, 4). */
export const LIGHTS_PER_MESH = 4;

/**
 * Babylon's glTF loader raises every material's `maxSimultaneousLights` to the scene's light count after each
 * model, and each work brings its own spot light: every material of the scene would then compile its shaders
 * again after each model, for no visible change (a mesh is lit by the sky and at most its own spot, the others
 * include only their work's meshes). This puts the limit back before the next frame.
 */
export function keepLightLimit(scene: Scene, container?: AssetContainer): void {
  for (const m of [...scene.materials, ...(container?.materials ?? [])]) {
    const lit = m as unknown as { maxSimultaneousLights?: number };
    if (lit.maxSimultaneousLights !== undefined && lit.maxSimultaneousLights > LIGHTS_PER_MESH) lit.maxSimultaneousLights = LIGHTS_PER_MESH;
  }
}

/** An image file fetched within the image limits, as a Blob (decode it with `createImageBitmap`). */
export async function imageBlobLimited(url: string): Promise<Blob> {
  const r = await fetchLimited(url, 'image');
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return new Blob([r.bytes], { type: r.headers.get('content-type') ?? '' });
}

/**
 * A texture from an image file fetched within the image limits and decoded off the main thread
 * (`createImageBitmap`); rejects past the limits, on HTTP errors, or when the file is not an image.
 */
export async function textureLimited(url: string, scene: Scene, name = url): Promise<Texture> {
  const blob = await imageBlobLimited(url);
  // WebGL ignores UNPACK_FLIP_Y for ImageBitmaps: flipped as it is made, as Babylon does for its own.
  const bitmap = await createImageBitmap(blob, { imageOrientation: 'flipY' });
  return new Texture(name, scene, { buffer: bitmap, invertY: true, samplingMode: Texture.TRILINEAR_SAMPLINGMODE });
}
