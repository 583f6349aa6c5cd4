/** The abstract painters (ochre bars, red rhythm, colour fields) and the harbour at night. See painting-styles-kit.ts for the coordinates and the shared helpers. */
import { makeRng, Noise2, smoothstep } from './rng';
import { hex, mix, scale, type RGB } from './raster';
import { gradient, passesField, passesFlat, regions, type StyleFn } from './painting-styles-kit';

/** Geometric composition: bars, a disc and a square on an off-white ground. */
export const ochreBars: StyleFn = (seed, ar) => {
  const n = new Noise2(seed);
  interface Shape { inside(x: number, y: number): boolean; col: RGB }
  const rect = (x0: number, y0: number, x1: number, y1: number, col: string): Shape => ({
    inside: (x, y) => x > x0 && x < x1 && y > y0 && y < y1,
    col: hex(col),
  });
  const shapes: Shape[] = [
    rect(0.08 * ar, 0.16, 0.9 * ar, 0.24, '#d19a3a'),
    rect(0.22 * ar, 0.08, 0.3 * ar, 0.92, '#20201e'),
    rect(0.46 * ar, 0.34, 0.86 * ar, 0.4, '#d19a3a'),
    rect(0.56 * ar, 0.48, 0.8 * ar, 0.72, '#2f4f86'),
    rect(0.1 * ar, 0.62, 0.46 * ar, 0.68, '#c9882e'),
    rect(0.66 * ar, 0.8, 0.94 * ar, 0.84, '#20201e'),
    { inside: (x, y) => Math.hypot(x - 0.4 * ar, y - 0.48) < 0.085, col: hex('#b8372b') },
  ];
  const sample = (u: number, v: number): { c: RGB; r: number } => {
    const x = u * ar;
    const wob = 0.002 * n.value(u * 60, v * 60);
    for (let i = shapes.length - 1; i >= 0; i--) {
      if (shapes[i]!.inside(x + wob, v - wob)) return { c: shapes[i]!.col, r: i + 2 };
    }
    return { c: mix(hex('#ebe4d2'), hex('#ded5bf'), 0.5 + 0.5 * n.fbm(u * 3, v * 3, 3)), r: 1 };
  };
  return {
    target: regions(sample),
    passes: passesFlat,
    respectRegions: true,
    flow: (u, v) => (Math.abs(n.value(u * 3, v * 3)) > 0.2 ? 0 : Math.PI / 2),
    support: 'canvas',
    impasto: 0.5,
    features: { disc: [0.4, 0.48], blue: [0.68, 0.6], bar: [0.26, 0.85] },
  };
};

/** Red Rhythm: diagonal bands and arcs. */
export const redRhythm: StyleFn = (seed, ar) => {
  const n = new Noise2(seed);
  const sample = (u: number, v: number): { c: RGB; r: number } => {
    const x = u * ar;
    const wob = 0.003 * n.value(u * 50, v * 50);
    const d1 = x * 0.55 + v - 0.9 + wob;
    const arcs = Math.hypot(x - 0.95 * ar, v - 1.05);
    const disc = Math.hypot(x - 0.32 * ar, v - 0.36);
    if (disc < 0.13) return { c: hex('#f2ece0'), r: 9 };
    if (disc < 0.16 && x > 0.32 * ar) return { c: hex('#1c1b1a'), r: 8 };
    for (let k = 0; k < 4; k++) {
      const r0 = 0.35 + k * 0.16;
      if (arcs > r0 && arcs < r0 + 0.07) return { c: k % 2 ? hex('#1c1b1a') : hex('#e3b23c'), r: 20 + k };
    }
    if (Math.abs(d1) < 0.06) return { c: hex('#1c1b1a'), r: 3 };
    if (Math.abs(d1 + 0.3) < 0.03) return { c: hex('#f2ece0'), r: 4 };
    const field = d1 > 0 ? mix(hex('#a8231c'), hex('#c8372a'), 0.5 + 0.5 * n.fbm(u * 3, v * 3, 3)) : mix(hex('#d14a33'), hex('#b72e22'), 0.5 + 0.5 * n.fbm(u * 3, v * 3, 3));
    return { c: field, r: d1 > 0 ? 1 : 2 };
  };
  return {
    target: regions(sample),
    passes: passesFlat,
    respectRegions: true,
    flow: (_u, _v, g, m) => (m > 0.02 ? g + Math.PI / 2 : -0.5),
    support: 'canvas',
    impasto: 0.6,
    features: { disc: [0.32, 0.36], arcs: [0.8, 0.62] },
  };
};

/** Colour field: soft rectangles floating over a ground. */
export const colourField = (ground: string, blocks: { y0: number; y1: number; col: string }[], edgeSoftness = 0.025): StyleFn => (seed, ar) => {
  const n = new Noise2(seed);
  const g = hex(ground);
  const margin = 0.09;
  const colour = (u: number, v: number): RGB => {
    let c = mix(g, scale(g, 0.85), 0.5 + 0.5 * n.fbm(u * 4, v * 4, 4));
    const mx = margin / ar * 1.0;
    for (const b of blocks) {
      const eu = Math.min(u - mx, 1 - mx - u);
      const ev = Math.min(v - b.y0, b.y1 - v);
      const e = Math.min(eu * ar, ev) + edgeSoftness * 0.8 * n.fbm(u * 20, v * 20, 3);
      const a = smoothstep(-edgeSoftness, edgeSoftness, e);
      const bc = hex(b.col);
      const inner = mix(bc, scale(bc, 1.12), 0.5 + 0.5 * n.fbm(u * 6 + 3, v * 6, 4));
      c = mix(c, inner, a * 0.95);
    }
    return c;
  };
  return {
    target: { colour },
    passes: passesField,
    flow: (u, v) => 0.25 * n.value(u * 2, v * 2) + (n.value(u * 7, v * 7) > 0.3 ? Math.PI / 2 : 0),
    support: 'canvas',
    impasto: 0.35,
    underBlur: 8,
    features: { upper: [0.5, ((blocks[0]?.y0 ?? 0.2) + (blocks[0]?.y1 ?? 0.4)) / 2], edge: [0.5, blocks[0]?.y1 ?? 0.5] },
  };
};

/** A harbour at night: lights and their long reflections. */
export const harbourNight: StyleFn = (seed, ar) => {
  const n = new Noise2(seed);
  const rng = makeRng(seed + ':lights');
  const quay = 0.52;
  const lights: { x: number; y: number; c: RGB; s: number }[] = [];
  for (let i = 0; i < 26; i++) {
    lights.push({
      x: rng.range(0.04, 0.96) * ar,
      y: quay - rng.range(0.005, 0.09) * (1 + rng()),
      c: rng.pick([hex('#ffd27a'), hex('#ffb45a'), hex('#fff0c0'), hex('#ff8a5a'), hex('#bfe0ff')]),
      s: rng.range(0.004, 0.009),
    });
  }
  const crane = { x: 0.74 * ar };
  const glowAt = (x: number, y: number, stretch: number): RGB => {
    let r = 0;
    let g = 0;
    let b = 0;
    for (const l of lights) {
      const d = Math.hypot(x - l.x, (y - l.y) / stretch);
      const e = Math.exp(-d / l.s) * 0.9 + Math.exp(-d / (l.s * 6)) * 0.12;
      r += l.c[0] * e;
      g += l.c[1] * e;
      b += l.c[2] * e;
    }
    return [r, g, b];
  };
  const colour = (u: number, v: number): RGB => {
    const x = u * ar;
    if (v < quay) {
      let c = gradient(v / quay, [
        [0, hex('#0d1430')],
        [0.7, hex('#243056')],
        [1, hex('#4a3a5a')],
      ]);
      // silhouettes: warehouses and a crane
      const roof = quay - 0.06 - 0.05 * (n.value(x * 6, 0.5) > 0 ? 1 : 0.4) - 0.03 * Math.abs(Math.sin(x * 9));
      const craneArm = v > 0.16 && v < 0.18 && x > crane.x - 0.25 && x < crane.x + 0.08;
      const craneMast = Math.abs(x - crane.x) < 0.008 && v > 0.16;
      if (v > roof || craneArm || craneMast) c = mix(hex('#0a0c16'), hex('#1b1d2b'), 0.5 + 0.5 * n.value(x * 30, v * 30));
      const gl = glowAt(x, v, 1);
      return [c[0] + gl[0], c[1] + gl[1], c[2] + gl[2]];
    }
    const depth = (v - quay) / (1 - quay);
    const ripple = 0.004 * n.value(x * 8, v * 120) + 0.002 * Math.sin(v * 400);
    const mirrored = quay - (v - quay) * 0.6;
    const gl = glowAt(x + ripple * (1 + depth * 4), mirrored, 6 + depth * 10);
    const broken = 0.5 + 0.5 * n.value(x * 20, v * 90);
    const water = mix(hex('#0c1428'), hex('#1a2440'), 0.5 + 0.5 * n.fbm(x * 4, v * 30, 3));
    return [water[0] + gl[0] * broken * 0.8, water[1] + gl[1] * broken * 0.8, water[2] + gl[2] * broken * 0.8];
  };
  return {
    target: { colour },
    passes: [
      { width: 0.03, aspect: 3.5, density: 1, opacity: 0.8, jitter: 0.03, thickness: 1 },
      { width: 0.012, aspect: 4, density: 1.1, opacity: 0.85, jitter: 0.025, thickness: 1 },
      { width: 0.005, aspect: 3, density: 1.2, opacity: 0.95, jitter: 0.02, detailThreshold: 0.08, thickness: 1.2 },
    ],
    flow: (u, v) => (v > quay ? Math.PI / 2 + 0.15 * n.value(u * 10, v * 10) : 0.1 * n.value(u * 4, v * 4)),
    support: 'canvas',
    impasto: 0.8,
    features: { crane: [crane.x / ar, 0.2], reflections: [0.5, 0.75] },
  };
};
