/**
 * What a 360° photograph says about itself in its XMP `GPano` block (Google's Photo Sphere metadata,
 * https://developers.google.com/streetview/spherical-metadata), read with exifr (a well-kept EXIF/XMP parser).
 */
import exifr from 'exifr';

export interface GPanoInfo {
  /** GPano:ProjectionType, e.g. "equirectangular". */
  projection?: string;
  /** GPano:PoseHeadingDegrees: the compass heading of the image's centre, degrees from true north. */
  heading?: number;
  /** The full sphere and the part of it the image covers (a cropped panorama covers less). */
  fullWidth?: number;
  fullHeight?: number;
  croppedWidth?: number;
  croppedHeight?: number;
}

const num = (v: unknown): number | undefined => {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};

/** Reads the GPano block of a JPEG (or any file exifr reads); undefined when there is none. Never throws on odd metadata. */
export async function readGPano(input: Buffer | string): Promise<GPanoInfo | undefined> {
  let out: Record<string, unknown> | undefined;
  try {
    // XMP only: the EXIF blocks are not needed, and a camera's maker notes can be large.
    out = (await exifr.parse(input, { xmp: true, tiff: false, exif: false, gps: false, mergeOutput: false })) as Record<string, unknown> | undefined;
  } catch {
    return undefined;
  }
  const g = out?.GPano as Record<string, unknown> | undefined;
  if (!g || typeof g !== 'object') return undefined;
  const info: GPanoInfo = {
    projection: typeof g.ProjectionType === 'string' ? g.ProjectionType : undefined,
    heading: num(g.PoseHeadingDegrees),
    fullWidth: num(g.FullPanoWidthPixels),
    fullHeight: num(g.FullPanoHeightPixels),
    croppedWidth: num(g.CroppedAreaImageWidthPixels),
    croppedHeight: num(g.CroppedAreaImageHeightPixels),
  };
  return info;
}

/** Why GPano says the photo is not a whole sphere (a partial or cropped panorama), or undefined when it is, or does not say. */
export function partialPanorama(g: GPanoInfo | undefined): string | undefined {
  if (!g) return undefined;
  if (g.projection !== undefined && g.projection.toLowerCase() !== 'equirectangular') return `its GPano projection is '${g.projection}', not equirectangular`;
  if (g.fullWidth !== undefined && g.croppedWidth !== undefined && g.croppedWidth < g.fullWidth) return `it covers ${g.croppedWidth} of ${g.fullWidth} px around (a partial panorama)`;
  if (g.fullHeight !== undefined && g.croppedHeight !== undefined && g.croppedHeight < g.fullHeight) return `it covers ${g.croppedHeight} of ${g.fullHeight} px top to bottom (a cropped panorama)`;
  return undefined;
}

/** A compass heading turned into the plan's: `north` is the plan heading of true north (0 when the plan's −z is north). */
export function planHeading(compass: number, north = 0): number {
  const h = (((compass + north) % 360) + 360) % 360;
  return Math.round(h * 100) / 100;
}
