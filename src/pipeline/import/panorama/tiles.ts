/**
 * Cuts an equirectangular photograph into what every device can upload: a small whole image first (shown at once),
 * then sharper levels cut into tiles no larger than MAX_TILE_PX a side (many phones and headsets cap textures at
 * 4096 px, some at 2048). Resizing and cutting by sharp (libvips).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { MAX_TILE_PX, type PanoramaLevel } from '../../../twin/panorama';

/** The first level's width: small enough to arrive at once on a phone. */
export const PREVIEW_WIDTH = 1024;
/** Widths of the sharper levels, kept below the photo's own (its full resolution is always the last level). */
const LEVEL_WIDTHS = [4096, 8192];

/** How a photo is cut: the defaults suit devices; tests cut small images finer. */
export interface CutOptions {
  previewWidth?: number;
  levelWidths?: number[];
  maxTile?: number;
  /** The most pixels a photo may have (a decompression bomb is refused before it is decoded); default 2^30. */
  maxPixels?: number;
  /** The image formats taken, as sharp names them (e.g. ['jpeg', 'png']); default any sharp reads. */
  formats?: readonly string[];
}

/** The widths of the levels for a photo `width` px wide: the preview, the in-between ones, the photo itself. */
export function levelWidths(width: number, preview = PREVIEW_WIDTH, between = LEVEL_WIDTHS): number[] {
  const out = [Math.min(preview, width)];
  for (const w of between) if (w < width && w > out[out.length - 1]!) out.push(w);
  if (width > out[out.length - 1]!) out.push(width);
  return out;
}

/** Columns and rows so that no tile is larger than `max` px a side. */
export function tileGrid(width: number, height: number, max = MAX_TILE_PX): { columns: number; rows: number } {
  return { columns: Math.ceil(width / max), rows: Math.ceil(height / max) };
}

/** A photograph that cannot be a panorama (not a readable image, a format not taken, too many pixels); the message names it. */
export class PhotoRefused extends Error {}
/** A photograph that is not 2:1. */
export class NotEquirectangular extends PhotoRefused {}

/**
 * Writes the levels of `photo` into `outDir` (made if needed) as JPEG files named `<level>-<row>-<column>.jpg`
 * and returns them with their paths relative to `relativeTo` (the exhibition's folder), lowest first.
 * Throws NotEquirectangular, naming the file, when the photo is not 2:1, and PhotoRefused when it cannot be used.
 */
export async function cutPanorama(
  photo: string | Buffer,
  outDir: string,
  relativeTo: string,
  name = 'the photograph',
  options: CutOptions = {},
): Promise<{ pixels: [number, number]; levels: PanoramaLevel[] }> {
  // A 12K photograph is 75 megapixels: above sharp's default pixel limit is fine here (our own files, at import).
  const limitInputPixels = options.maxPixels ?? 1 << 30;
  // The header only (nothing is decoded): the pixel limit is said below in the photo's own words.
  const meta = await sharp(photo, { limitInputPixels: false }).metadata();
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height) throw new PhotoRefused(`${name}: not an image sharp can read`);
  if (options.formats && !options.formats.includes(meta.format ?? '')) {
    throw new PhotoRefused(`${name} is ${meta.format ? `a ${meta.format.toUpperCase()} image` : 'not an image'}: a 360° photograph is taken as ${options.formats.map((f) => f.toUpperCase()).join(' or ')}`);
  }
  // Said before anything is decoded: metadata() reads the header only.
  if (width * height > limitInputPixels) {
    throw new PhotoRefused(`${name} is ${width} × ${height} px, more than the ${Math.round(limitInputPixels / 1e6)} megapixels a 360° photograph may have here`);
  }
  if (width !== 2 * height) throw new NotEquirectangular(`${name} is ${width} × ${height} px: a 360° photograph is 2:1 (equirectangular), e.g. ${2 * height} × ${height}`);
  await mkdir(outDir, { recursive: true });
  const levels: PanoramaLevel[] = [];
  for (const [li, w] of levelWidths(width, options.previewWidth, options.levelWidths).entries()) {
    const h = w / 2;
    const { columns, rows } = tileGrid(w, h, options.maxTile);
    // One resize per level, kept raw in memory, then cut: the photo is decoded once per level, not once per tile.
    const { data, info } = await sharp(photo, { limitInputPixels }).rotate().resize(w, h, { kernel: 'lanczos3' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const tiles: string[] = [];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        const left = Math.round((c * w) / columns);
        const top = Math.round((r * h) / rows);
        const tw = Math.round(((c + 1) * w) / columns) - left;
        const th = Math.round(((r + 1) * h) / rows) - top;
        const file = path.join(outDir, `${li}-${r}-${c}.jpg`);
        await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
          .extract({ left, top, width: tw, height: th })
          .jpeg({ quality: li === 0 ? 80 : 85, mozjpeg: true })
          .toFile(file);
        tiles.push(path.relative(relativeTo, file).split(path.sep).join('/'));
      }
    }
    levels.push({ width: w, height: h, columns, rows, tiles });
  }
  return { pixels: [width, height], levels };
}
