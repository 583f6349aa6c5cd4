/**
 * One 360° photograph made into a panorama's images: its XMP GPano read (a partial or cropped panorama refused,
 * its compass heading kept), then cut into levels of tiles (tiles.ts). The one way both imports make a panorama:
 * `npm run import:panoramas` (import.ts) and a photo dropped in the curating view (into-draft.ts, run by the server
 * through src/cli/panorama-draft.ts).
 */
import { rm } from 'node:fs/promises';
import type { PanoramaLevel } from '../../../twin/panorama';
import { partialPanorama, readGPano } from './gpano';
import { cutPanorama, PhotoRefused, type CutOptions } from './tiles';

/** A photo cut into tiles, with what its GPano says. */
export interface PhotoPanorama {
  ok: true;
  pixels: [number, number];
  levels: PanoramaLevel[];
  /** GPano:PoseHeadingDegrees, a compass heading (turn it into the plan's with planHeading); undefined when absent. */
  compassHeading: number | undefined;
  tiles: number;
}

/** Why the photo cannot be a panorama, without its name (the caller says which photo). */
export interface PhotoProblem {
  ok: false;
  message: string;
}

/**
 * Makes the panorama images of `bytes` (the photo named `file`) in `outDir`, replacing what was there, with tile
 * paths relative to `relativeTo`. Nothing is left in `outDir` when the photo cannot be used.
 */
export async function panoramaFromPhoto(bytes: Buffer, file: string, outDir: string, relativeTo: string, options: CutOptions = {}): Promise<PhotoPanorama | PhotoProblem> {
  const gpano = await readGPano(bytes);
  const partial = partialPanorama(gpano);
  if (partial) return { ok: false, message: `not a whole 360° photograph: ${partial}` };
  try {
    await rm(outDir, { recursive: true, force: true });
    const cut = await cutPanorama(bytes, outDir, relativeTo, file, options);
    return { ok: true, pixels: cut.pixels, levels: cut.levels, compassHeading: gpano?.heading, tiles: cut.levels.reduce((n, l) => n + l.tiles.length, 0) };
  } catch (e) {
    await rm(outDir, { recursive: true, force: true });
    const message = (e as Error).message;
    // The cutter's messages start with the photo's name: said once, by the caller.
    return { ok: false, message: e instanceof PhotoRefused ? message.replace(`${file} `, '').replace(`${file}: `, '') : `cannot be read as an image (${message.split('\n')[0]})` };
  }
}
