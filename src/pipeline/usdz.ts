/**
 * A USDZ beside each object's GLB at pack time, for AR Quick Look on iPhone and iPad (Safari there has no WebXR):
 * the page links to the file and Quick Look opens it at once, with nothing converted on the phone.
 *
 * Made by Babylon's own exporter (`USDZExportAsync`, @babylonjs/serializers, the one the app uses in the browser
 * when a packed USDZ is missing) on a NullEngine in Node: it reads geometry from the loaded meshes and each
 * texture from the image bytes Babylon keeps, so no GPU or canvas is needed, provided every texture is PNG or
 * JPEG (the only kinds USDZ allows). glTF Transform prepares the model for that first: compressed geometry
 * (Draco, meshopt) and quantised attributes decoded, coarser levels (MSFT_lod) dropped so only full detail is
 * exported, and every other texture (WebP, AVIF) re-encoded as PNG with sharp, within the largest texture side.
 */
// Node's own module resolution (the iPhone journey imports this): Babylon's files named with .js.
import { usdzPathFor } from '../twin/media-path';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine.js';
import { Scene } from '@babylonjs/core/scene.js';
import { LoadAssetContainerAsync } from '@babylonjs/core/Loading/sceneLoader.js';
import { Logger as BabylonLogger } from '@babylonjs/core/Misc/logger.js';
import '@babylonjs/loaders/glTF/2.0/index.js';
import { USDZExportAsync } from '@babylonjs/serializers/USDZ/usdzExporter.js';
import { dequantize, prune } from '@gltf-transform/functions';
import type { Document } from '@gltf-transform/core';
// The exporter zips with fflate, which it would otherwise load from unpkg.
import * as fflate from 'fflate';
import sharp from 'sharp';
import { pipelineIO } from './model';

/** Texture kinds a USDZ may hold. */
const USDZ_IMAGES = new Set(['image/png', 'image/jpeg']);
/** Extensions whose data glTF Transform has decoded on reading; written plain for Babylon in Node. */
const DECODED_ON_READ = ['KHR_draco_mesh_compression', 'EXT_meshopt_compression', 'KHR_mesh_quantization', 'EXT_texture_webp', 'EXT_texture_avif', 'MSFT_lod'];

export interface UsdzOptions {
  /** Largest texture side in the USDZ. */
  maxTexture: number;
}

export interface UsdzResult {
  bytes: Uint8Array;
  /** Meshes and textures written. */
  meshes: number;
  textures: number;
}

/** Why a model cannot become a USDZ (the pack goes on; the phone converts it itself). */
export class UsdzError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsdzError';
  }
}

let engine: NullEngine | undefined;

/** The USDZ of the glTF/GLB at `sourceFile`: true size, resting on a horizontal surface in Quick Look. */
export async function modelFileToUsdz(sourceFile: string, o: UsdzOptions): Promise<UsdzResult> {
  const io = await pipelineIO();
  const doc = await io.read(sourceFile);
  await plainForExport(doc, o);
  const glb = await io.writeBinary(doc);

  (globalThis as { fflate?: unknown }).fflate ??= fflate;
  if (!engine) {
    BabylonLogger.LogLevels = BabylonLogger.WarningLogLevel | BabylonLogger.ErrorLogLevel; // no banner in the pack's log
    engine = new NullEngine();
  }
  const scene = new Scene(engine);
  try {
    const container = await LoadAssetContainerAsync(glb, scene, { pluginExtension: '.glb' });
    container.addAllToScene();
    const bytes = await USDZExportAsync(scene, { includeAnchoringProperties: true, anchoringType: 'plane', planeAnchoringAlignment: 'horizontal' });
    const files = Object.keys(fflate.unzipSync(bytes));
    const meshes = files.filter((f) => f.startsWith('geometries/')).length;
    if (meshes === 0) throw new UsdzError('no mesh with a material the exporter can write (standard or PBR)');
    return { bytes, meshes, textures: files.filter((f) => f.startsWith('textures/')).length };
  } finally {
    scene.dispose();
  }
}

/** Full detail only, geometry decoded, every texture PNG or JPEG within `maxTexture`. */
async function plainForExport(doc: Document, o: UsdzOptions): Promise<void> {
  const root = doc.getRoot();
  const used = root.listExtensionsUsed();
  const basis = used.find((e) => e.extensionName === 'KHR_texture_basisu');
  if (basis) throw new UsdzError('its textures are KTX2 (KHR_texture_basisu), which cannot be decoded here; pack from a model with PNG, JPEG or WebP textures');
  await doc.transform(dequantize());
  for (const e of used) if (DECODED_ON_READ.includes(e.extensionName)) e.dispose();
  // The coarser levels' nodes are no longer in any scene once MSFT_lod goes.
  await doc.transform(prune());
  for (const texture of root.listTextures()) {
    const image = texture.getImage();
    if (!image) continue;
    const type = texture.getMimeType();
    const meta = await sharp(image).metadata();
    const big = Math.max(meta.width ?? 0, meta.height ?? 0) > o.maxTexture;
    if (USDZ_IMAGES.has(type) && !big) continue;
    const resized = sharp(image).resize(o.maxTexture, o.maxTexture, { fit: 'inside', withoutEnlargement: true });
    const jpeg = type === 'image/jpeg';
    texture.setImage(new Uint8Array(await (jpeg ? resized.jpeg({ quality: 90 }) : resized.png()).toBuffer()));
    texture.setMimeType(jpeg ? 'image/jpeg' : 'image/png');
    const uri = texture.getURI();
    if (uri) texture.setURI(uri.replace(/\.[^./]*$/, jpeg ? '.jpg' : '.png'));
  }
}

/**
 * `npm run pack`'s step for an object: writes the USDZ beside its packed GLB. A model that cannot be converted is
 * named with the reason on stderr and the pack goes on (on an iPhone the app then converts it itself).
 */
export async function usdzBeside(
  sourceFile: string,
  packedModel: string,
  o: UsdzOptions,
  write: (rel: string, bytes: Uint8Array) => Promise<void>,
): Promise<{ packed: string; bytes: number } | undefined> {
  try {
    const { bytes } = await modelFileToUsdz(sourceFile, o);
    const packed = usdzPathFor(packedModel);
    await write(packed, bytes);
    return { packed, bytes: bytes.byteLength };
  } catch (e) {
    console.warn(`no USDZ for ${packedModel} (AR Quick Look will convert it on the phone): ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}
