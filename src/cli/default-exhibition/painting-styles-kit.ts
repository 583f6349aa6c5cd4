/**
 * The generative "painters". Each style builds a target picture from noise and
 * simple shapes, and says how it is to be brushed. Coordinates: u, v in [0, 1]
 * (v down); shapes use x = u · aspect so that circles stay round.
 * Each style also reports named feature points (u, v) used for annotations.
 * This file: the style type and the helpers every painter shares; the painters are in painting-styles-*.ts.
 */
import { mix, type PaintOptions, type RGB, type StrokePass, type Target } from './raster';

export type Features = Record<string, [number, number]>;

export interface Style {
  target: Target;
  passes: StrokePass[];
  flow?: PaintOptions['flow'];
  respectRegions?: boolean;
  support?: PaintOptions['support'];
  craquelure?: number;
  varnish?: number;
  impasto?: number;
  underBlur?: number;
  features: Features;
}

export type StyleFn = (seed: string, aspect: number) => Style;

// ------------------------------------------------------------------ helpers

export const gradient = (t: number, stops: [number, RGB][]): RGB => {
  const first = stops[0]!;
  if (t <= first[0]) return first[1];
  for (let i = 1; i < stops.length; i++) {
    const a = stops[i - 1]!;
    const b = stops[i]!;
    if (t <= b[0]) return mix(a[1], b[1], (t - a[0]) / (b[0] - a[0]));
  }
  return stops[stops.length - 1]![1];
};

/** Normalised ellipse distance: < 1 inside. */
export const ell = (x: number, y: number, cx: number, cy: number, rx: number, ry: number): number =>
  Math.hypot((x - cx) / rx, (y - cy) / ry);

/** Lambert shading of an ellipsoid seen from the front; light (lx, ly, lz) normalised. */
export const ellShade = (x: number, y: number, cx: number, cy: number, rx: number, ry: number, l: [number, number, number]): number => {
  const nx = (x - cx) / rx;
  const ny = (y - cy) / ry;
  const nz = Math.sqrt(Math.max(0, 1 - nx * nx - ny * ny));
  return Math.max(0, nx * l[0] + ny * l[1] + nz * l[2]);
};

export const norm3 = (x: number, y: number, z: number): [number, number, number] => {
  const n = Math.hypot(x, y, z);
  return [x / n, y / n, z / n];
};

export const passesLoose: StrokePass[] = [
  { width: 0.04, aspect: 2.6, density: 0.9, opacity: 0.8, jitter: 0.05, thickness: 1 },
  { width: 0.02, aspect: 3, density: 1, opacity: 0.85, jitter: 0.04, thickness: 1 },
  { width: 0.01, aspect: 3.2, density: 1.1, opacity: 0.9, jitter: 0.03, detailThreshold: 0.05, thickness: 0.9 },
  { width: 0.005, aspect: 3, density: 1.2, opacity: 0.9, jitter: 0.025, detailThreshold: 0.1, thickness: 0.8 },
];

export const passesFine: StrokePass[] = [
  { width: 0.03, aspect: 2.5, density: 0.9, opacity: 0.75, jitter: 0.03, thickness: 0.6 },
  { width: 0.014, aspect: 2.8, density: 1, opacity: 0.85, jitter: 0.025, thickness: 0.6 },
  { width: 0.007, aspect: 3, density: 1.1, opacity: 0.9, jitter: 0.02, detailThreshold: 0.04, thickness: 0.5 },
  { width: 0.0035, aspect: 2.6, density: 1.3, opacity: 0.95, jitter: 0.015, detailThreshold: 0.08, thickness: 0.4 },
];

/** Divisionism: short dabs of separated colour. */
export const passesDivided: StrokePass[] = [
  { width: 0.025, aspect: 2, density: 0.8, opacity: 0.8, jitter: 0.08, thickness: 1 },
  { width: 0.009, aspect: 2.6, density: 1.4, opacity: 0.95, jitter: 0.2, thickness: 1.2 },
  { width: 0.0055, aspect: 2.4, density: 1.5, opacity: 0.95, jitter: 0.22, thickness: 1.2 },
];

/** Flat brush, keeping to shapes (hard-edge abstraction). */
export const passesFlat: StrokePass[] = [
  { width: 0.03, aspect: 4, density: 1.1, opacity: 0.85, jitter: 0.03, thickness: 0.8 },
  { width: 0.012, aspect: 5, density: 1.2, opacity: 0.8, jitter: 0.025, thickness: 0.7 },
  { width: 0.005, aspect: 4, density: 1, opacity: 0.8, jitter: 0.02, detailThreshold: 0.05, thickness: 0.6 },
];

/** Colour field: broad, thin, scumbled layers. */
export const passesField: StrokePass[] = [
  { width: 0.08, aspect: 1.6, density: 1.2, opacity: 0.45, jitter: 0.05, thickness: 0.5 },
  { width: 0.045, aspect: 2, density: 1.3, opacity: 0.4, jitter: 0.045, thickness: 0.5 },
  { width: 0.02, aspect: 2.4, density: 1, opacity: 0.35, jitter: 0.035, thickness: 0.4 },
];

/** A target whose colour and region come from one sampling function (evaluated once per pixel). */
export const regions = (sample: (u: number, v: number) => { c: RGB; r: number }): Target => {
  let lu = NaN;
  let lv = NaN;
  let last: { c: RGB; r: number } = { c: [0, 0, 0], r: 0 };
  const at = (u: number, v: number): { c: RGB; r: number } => {
    if (u !== lu || v !== lv) {
      last = sample(u, v);
      lu = u;
      lv = v;
    }
    return last;
  };
  return { colour: (u, v) => at(u, v).c, region: (u, v) => at(u, v).r };
};
