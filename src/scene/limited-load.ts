/**
 * Models and painting images through the download limits (twin/fetch-limits.ts): the bytes are fetched with a
 * deadline, a stall timer and the size cap of their kind, then handed to Babylon. A .gltf with separate buffers still has those
 * fetched by Babylon itself (packed exhibitions are .glb, one file).
 */
import type { Scene } from '@babylonjs/core/scene';
import type { AssetContainer } from '@babylonjs/core/assetContainer';
import { LoadAssetContainerAsync } from '@babylonjs/core/Loading/sceneLoader';
import { fetchLimited } from '../twin/fetch-limits';

/** Loads a glTF/GLB model from `url` within the model limits; throws FetchLimitError past them, Error on HTTP errors. */
export async function loadModelLimited(url: string, scene: Scene): Promise<AssetContainer> {
  const gltf = new URL(url).pathname.toLowerCase().endsWith('.gltf');
  if (gltf) return LoadAssetContainerAsync(url, scene, { pluginExtension: '.gltf' });
  const r = await fetchLimited(url, 'model');
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return LoadAssetContainerAsync(r.bytes, scene, { pluginExtension: '.glb', rootUrl: new URL('./', url).href });
}

/** An image fetched within the image limits, as a blob: URL for Babylon's Texture (revoke it once loaded). */
export async function imageUrlLimited(url: string): Promise<string> {
  const r = await fetchLimited(url, 'image');
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  return URL.createObjectURL(new Blob([r.bytes], { type: r.headers.get('content-type') ?? '' }));
}
