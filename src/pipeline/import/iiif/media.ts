/**
 * Fetching a work's image or model at import time and keeping it in the exhibition's folder, so a visit never
 * depends on the remote server. Images are checked by decoding them (sharp): a body that is not an image
 * (an HTML error page served as 200, a PDF) is refused with its place named. Models must be binary glTF.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { PACK_DEFAULTS } from '../../pack';
import { fetchBytes, MAX_MEDIA_BYTES } from './fetch-source';

/** Long side, pixels, of an image fetched for a work of unknown size. */
const DEFAULT_SIDE = 2048;
/** Many phones and headsets cap textures at 4096 px. */
const MAX_SIDE = 4096;
const MIN_SIDE = 1024;

/** The long side, in pixels, that suits a work of this real size (the pack's painting density). */
export function suitableSide(size: { width: number; height: number } | undefined): number {
  if (!size) return DEFAULT_SIDE;
  const side = Math.round(Math.max(size.width, size.height) * PACK_DEFAULTS.paintingDensity);
  return Math.min(MAX_SIDE, Math.max(MIN_SIDE, side));
}

export class MediaError extends Error {}

/** A file name safe on every system, from a source id. */
export function safeName(id: string): string {
  const base = id.replace(/^[a-z]+:\/\//i, '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(-60).toLowerCase();
  return base || 'work';
}

/** Fetches an image, checks it decodes, scales it down to `side` on its long side and stores it as JPEG or PNG. */
export async function storeImage(url: URL, outDir: string, name: string, side: number): Promise<string> {
  const { bytes, type } = await fetchBytes(url, MAX_MEDIA_BYTES);
  let hasAlpha: boolean;
  try {
    hasAlpha = (await sharp(bytes).metadata()).hasAlpha === true;
  } catch {
    throw new MediaError(`not an image (${type ?? 'unknown type'}, ${bytes.byteLength} bytes from ${url.href})`);
  }
  const img = sharp(bytes, { limitInputPixels: 40_000 * 40_000 })
    .rotate()
    .resize(side, side, { fit: 'inside', withoutEnlargement: true });
  const data = hasAlpha ? await img.png().toBuffer() : await img.jpeg({ quality: 88 }).toBuffer();
  const file = join(outDir, 'media', `${name}.${hasAlpha ? 'png' : 'jpg'}`);
  await mkdir(join(outDir, 'media'), { recursive: true });
  await writeFile(file, data);
  return file;
}

/** Fetches a binary glTF (GLB) model and stores it as it is. */
export async function storeModel(url: URL, outDir: string, name: string): Promise<string> {
  const { bytes, type } = await fetchBytes(url, MAX_MEDIA_BYTES);
  if (new TextDecoder().decode(bytes.subarray(0, 4)) !== 'glTF') {
    throw new MediaError(`not a binary glTF model (${type ?? 'unknown type'}, ${bytes.byteLength} bytes from ${url.href}); only GLB is imported`);
  }
  const file = join(outDir, 'media', `${name}.glb`);
  await mkdir(join(outDir, 'media'), { recursive: true });
  await writeFile(file, bytes);
  return file;
}
