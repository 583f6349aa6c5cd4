/**
 * The paintings: physical size, frame and which generative style paints them.
 * Rendering writes paintings/<id>.jpg whose aspect ratio equals width / height.
 */
import { paint } from './raster';
import { STYLES, type Features, type StyleName } from './painting-styles';

export type FrameStyle = 'gilded' | 'oak' | 'black' | 'white' | 'none';

export interface PaintingSpec {
  id: string;
  style: StyleName;
  /** metres */
  width: number;
  height: number;
  frame: { style: FrameStyle; width: number };
}

export const PAINTINGS: PaintingSpec[] = [
  { id: 'castelrovo-from-the-river', style: 'riverTown', width: 2.0, height: 1.2, frame: { style: 'gilded', width: 0.1 } },
  { id: 'portrait-of-count-rovere', style: 'portraitCount', width: 0.92, height: 1.15, frame: { style: 'gilded', width: 0.09 } },
  { id: 'harbour-lights', style: 'harbourNight', width: 1.5, height: 1.0, frame: { style: 'none', width: 0 } },
  { id: 'dawn-over-the-marsh', style: 'marshDawn', width: 1.2, height: 0.8, frame: { style: 'gilded', width: 0.08 } },
  { id: 'threshing-in-the-sun', style: 'threshing', width: 1.3, height: 0.9, frame: { style: 'white', width: 0.06 } },
  { id: 'mountain-pasture', style: 'pasture', width: 1.0, height: 0.75, frame: { style: 'white', width: 0.06 } },
  { id: 'poplars-in-november', style: 'poplars', width: 0.8, height: 1.0, frame: { style: 'oak', width: 0.07 } },
  { id: 'still-life-with-lemons', style: 'lemons', width: 0.9, height: 0.7, frame: { style: 'oak', width: 0.06 } },
  { id: 'bottles-and-a-blue-bowl', style: 'bottles', width: 0.7, height: 0.6, frame: { style: 'oak', width: 0.05 } },
  { id: 'composition-with-ochre-bars', style: 'ochreBars', width: 1.0, height: 1.0, frame: { style: 'black', width: 0.04 } },
  { id: 'red-rhythm', style: 'redRhythm', width: 1.4, height: 0.9, frame: { style: 'black', width: 0.04 } },
  { id: 'field-of-sienna', style: 'fieldOfSienna', width: 1.6, height: 2.0, frame: { style: 'white', width: 0.04 } },
  { id: 'night-field-blue', style: 'nightField', width: 1.2, height: 1.5, frame: { style: 'black', width: 0.04 } },
  { id: 'saint-ravo-calms-the-waters', style: 'goldGroundSaint', width: 0.62, height: 0.86, frame: { style: 'gilded', width: 0.1 } },
  { id: 'the-apothecarys-daughter', style: 'portraitDaughter', width: 0.64, height: 0.8, frame: { style: 'gilded', width: 0.08 } },
  // The mezzanine: smaller pictures by painters downstairs (each style seeded by the work's id, so a picture of its own).
  { id: 'poplars-for-her-sister', style: 'poplars', width: 0.6, height: 0.75, frame: { style: 'oak', width: 0.05 } },
  { id: 'study-for-red-rhythm', style: 'redRhythm', width: 0.8, height: 0.5, frame: { style: 'black', width: 0.03 } },
  { id: 'lemons-and-a-blue-jug-study', style: 'lemons', width: 0.6, height: 0.45, frame: { style: 'oak', width: 0.05 } },
];

export function paintingSpec(id: string): PaintingSpec {
  const p = PAINTINGS.find((s) => s.id === id);
  if (!p) throw new Error(`no painting spec ${id}`);
  return p;
}

/**
 * Pixel size whose aspect equals width/height exactly: the long side is the
 * value in [1200, 1600] nearest to `preferred` for which the short side is an integer.
 */
export function pixelSize(spec: PaintingSpec, preferred = 1400): { w: number; h: number } {
  const landscape = spec.width >= spec.height;
  const ratio = landscape ? spec.height / spec.width : spec.width / spec.height;
  for (let d = 0; d <= 400; d++) {
    for (const long of [preferred - d, preferred + d]) {
      if (long < 1200 || long > 1600) continue;
      const short = long * ratio;
      if (Math.abs(short - Math.round(short)) < 1e-9) {
        return landscape ? { w: long, h: Math.round(short) } : { w: Math.round(short), h: long };
      }
    }
  }
  throw new Error(`no exact pixel size for ${spec.id}`);
}

export interface RenderedPainting {
  jpeg: Buffer;
  w: number;
  h: number;
  /** Feature points in metres from the image centre, x right, y up. */
  features: Record<string, [number, number]>;
}

export async function renderPainting(spec: PaintingSpec, preferred = 1400, quality = 82): Promise<RenderedPainting> {
  const { w, h } = pixelSize(spec, preferred);
  const style = STYLES[spec.style](spec.id, w / h);
  const pic = paint({
    seed: spec.id,
    width: w,
    height: h,
    target: style.target,
    passes: style.passes,
    flow: style.flow,
    respectRegions: style.respectRegions,
    support: style.support,
    craquelure: style.craquelure,
    varnish: style.varnish,
    impasto: style.impasto,
    underBlur: style.underBlur,
  });
  const jpeg = await pic.toJpeg(quality);
  return { jpeg, w, h, features: toMetres(style.features, spec) };
}

function toMetres(features: Features, spec: PaintingSpec): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const [k, [u, v]] of Object.entries(features)) {
    out[k] = [round3((u - 0.5) * spec.width), round3((0.5 - v) * spec.height)];
  }
  return out;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
