/**
 * The generative "painters". Each style builds a target picture from noise and
 * simple shapes, and says how it is to be brushed. Coordinates: u, v in [0, 1]
 * (v down); shapes use x = u · aspect so that circles stay round.
 * Each style also reports named feature points (u, v) used for annotations.
 */
import { clamp, fract, lerp, makeRng, Noise2, smoothstep } from './rng';
import { hex, mix, scale, type PaintOptions, type RGB, type StrokePass, type Target } from './raster';

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

const gradient = (t: number, stops: [number, RGB][]): RGB => {
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
const ell = (x: number, y: number, cx: number, cy: number, rx: number, ry: number): number =>
  Math.hypot((x - cx) / rx, (y - cy) / ry);

/** Lambert shading of an ellipsoid seen from the front; light (lx, ly, lz) normalised. */
const ellShade = (x: number, y: number, cx: number, cy: number, rx: number, ry: number, l: [number, number, number]): number => {
  const nx = (x - cx) / rx;
  const ny = (y - cy) / ry;
  const nz = Math.sqrt(Math.max(0, 1 - nx * nx - ny * ny));
  return Math.max(0, nx * l[0] + ny * l[1] + nz * l[2]);
};

const norm3 = (x: number, y: number, z: number): [number, number, number] => {
  const n = Math.hypot(x, y, z);
  return [x / n, y / n, z / n];
};

const passesLoose: StrokePass[] = [
  { width: 0.04, aspect: 2.6, density: 0.9, opacity: 0.8, jitter: 0.05, thickness: 1 },
  { width: 0.02, aspect: 3, density: 1, opacity: 0.85, jitter: 0.04, thickness: 1 },
  { width: 0.01, aspect: 3.2, density: 1.1, opacity: 0.9, jitter: 0.03, detailThreshold: 0.05, thickness: 0.9 },
  { width: 0.005, aspect: 3, density: 1.2, opacity: 0.9, jitter: 0.025, detailThreshold: 0.1, thickness: 0.8 },
];

const passesFine: StrokePass[] = [
  { width: 0.03, aspect: 2.5, density: 0.9, opacity: 0.75, jitter: 0.03, thickness: 0.6 },
  { width: 0.014, aspect: 2.8, density: 1, opacity: 0.85, jitter: 0.025, thickness: 0.6 },
  { width: 0.007, aspect: 3, density: 1.1, opacity: 0.9, jitter: 0.02, detailThreshold: 0.04, thickness: 0.5 },
  { width: 0.0035, aspect: 2.6, density: 1.3, opacity: 0.95, jitter: 0.015, detailThreshold: 0.08, thickness: 0.4 },
];

/** Divisionism: short dabs of separated colour. */
const passesDivided: StrokePass[] = [
  { width: 0.025, aspect: 2, density: 0.8, opacity: 0.8, jitter: 0.08, thickness: 1 },
  { width: 0.009, aspect: 2.6, density: 1.4, opacity: 0.95, jitter: 0.2, thickness: 1.2 },
  { width: 0.0055, aspect: 2.4, density: 1.5, opacity: 0.95, jitter: 0.22, thickness: 1.2 },
];

/** Flat brush, keeping to shapes (hard-edge abstraction). */
const passesFlat: StrokePass[] = [
  { width: 0.03, aspect: 4, density: 1.1, opacity: 0.85, jitter: 0.03, thickness: 0.8 },
  { width: 0.012, aspect: 5, density: 1.2, opacity: 0.8, jitter: 0.025, thickness: 0.7 },
  { width: 0.005, aspect: 4, density: 1, opacity: 0.8, jitter: 0.02, detailThreshold: 0.05, thickness: 0.6 },
];

/** Colour field: broad, thin, scumbled layers. */
const passesField: StrokePass[] = [
  { width: 0.08, aspect: 1.6, density: 1.2, opacity: 0.45, jitter: 0.05, thickness: 0.5 },
  { width: 0.045, aspect: 2, density: 1.3, opacity: 0.4, jitter: 0.045, thickness: 0.5 },
  { width: 0.02, aspect: 2.4, density: 1, opacity: 0.35, jitter: 0.035, thickness: 0.4 },
];

/** A target whose colour and region come from one sampling function (evaluated once per pixel). */
const regions = (sample: (u: number, v: number) => { c: RGB; r: number }): Target => {
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

// ------------------------------------------------------------------ landscapes

/** A river town in warm afternoon light, reflected in the water. */
export const riverTown: StyleFn = (seed, ar) => {
  const n = new Noise2(seed);
  const rng = makeRng(seed + ':town');
  const horizon = 0.56;
  const waterTop = 0.62;
  // buildings along the far bank, in two rows (the back row paler, in the haze)
  interface Bldg { x0: number; x1: number; top: number; roof: number; col: RGB }
  const palette = ['#d9a66b', '#c98a5a', '#e3c28f', '#b8704a', '#dcb48a', '#c9a27a', '#e8d2a8', '#d69a7a'].map(hex);
  const row = (minH: number, maxH: number, haze: number): Bldg[] => {
    const out: Bldg[] = [];
    let x = -0.02;
    while (x < ar) {
      const wdt = rng.range(0.035, 0.1);
      const centre = 1 - Math.min(1, Math.abs((x + wdt / 2) / ar - 0.5) * 2.2);
      out.push({
        x0: x,
        x1: x + wdt,
        top: horizon - rng.range(minH, maxH) * (0.7 + 0.5 * centre),
        roof: rng.range(0.008, 0.02),
        col: mix(rng.pick(palette), hex('#c9d0d6'), haze),
      });
      x += wdt + (rng() < 0.15 ? rng.range(0.01, 0.03) : 0);
    }
    return out;
  };
  const front = row(0.04, 0.1, 0);
  const back = row(0.09, 0.16, 0.35);
  const trees = Array.from({ length: 7 }, () => ({ x: rng.range(0.05, 0.95) * ar, h: rng.range(0.06, 0.11), w: rng.range(0.008, 0.014) }));
  const towerX = 0.58 * ar;
  const domeX = 0.36 * ar;
  const sun: RGB = hex('#ffe3b0');
  const sky = (u: number, v: number): RGB => {
    const base = gradient(v / horizon, [
      [0, hex('#7d9bbd')],
      [0.45, hex('#a9bfd2')],
      [0.85, hex('#f0d9b0')],
      [1, hex('#f6dfb5')],
    ]);
    // cumulus clouds
    const c = n.fbm(u * 3.2 * ar, v * 7, 5) + 0.35 - v * 0.5;
    const cl = smoothstep(0.05, 0.35, c);
    const lit = clamp(0.5 + 2.5 * (n.fbm(u * 3.2 * ar + 0.04, v * 7 + 0.1, 5) - n.fbm(u * 3.2 * ar, v * 7 + 0.25, 5)));
    const cloud = mix(hex('#9ea3ad'), mix(hex('#fff4e0'), sun, 0.3), lit);
    return mix(base, cloud, cl * 0.85);
  };
  const townAt = (u: number, v: number): { col: RGB; hit: boolean } => {
    const xx = u * ar;
    // dome
    const dy = v - (horizon - 0.2);
    const dd = Math.hypot((xx - domeX) / 0.07, dy / 0.085);
    if (dd < 1 && dy < 0.02) {
      const sh = ellShade(xx, v, domeX, horizon - 0.2, 0.07, 0.085, norm3(-0.7, -0.2, 0.7));
      return { col: mix(hex('#6f7f86'), hex('#c9d3cf'), sh), hit: true };
    }
    if (Math.abs(xx - domeX) < 0.012 && v > horizon - 0.325 && v < horizon - 0.28) return { col: hex('#5a5a55'), hit: true };
    if (Math.abs(xx - domeX) < 0.07 && v > horizon - 0.2 && v < horizon) {
      return { col: mix(hex('#e6cfa4'), hex('#a7805a'), clamp((xx - domeX + 0.07) / 0.14)), hit: true };
    }
    const building = (list: Bldg[]): RGB | null => {
      for (const b of list) {
        if (xx < b.x0 || xx > b.x1) continue;
        const mid = (b.x0 + b.x1) / 2;
        const half = (b.x1 - b.x0) / 2;
        const roofY = b.top - b.roof * (1 - Math.abs(xx - mid) / half);
        if (v < roofY) return null;
        if (v < b.top + 0.01) return mix(hex('#8e4a34'), hex('#c0674a'), clamp(1 - (xx - b.x0) / (b.x1 - b.x0)));
        const lit = xx - b.x0 < (b.x1 - b.x0) * 0.78 ? 1 : 0.72;
        const wy = fract((v - b.top) / 0.028);
        const wx = fract((xx - b.x0) / 0.022);
        const win = wy > 0.45 && wy < 0.8 && wx > 0.35 && wx < 0.65 && v < horizon - 0.015 ? 0.78 : 1;
        return scale(b.col, lit * win);
      }
      return null;
    };
    for (const t of trees) {
      const k = (horizon - v) / t.h;
      if (k > 0 && k < 1 && Math.abs(xx - t.x) < t.w * Math.sin(Math.min(1, (1 - k) * 1.4) * Math.PI * 0.5 + 0.2)) {
        return { col: mix(hex('#2f3a22'), hex('#5e6a3a'), clamp(0.5 - (xx - t.x) / t.w)), hit: true };
      }
    }
    const f = building(front);
    if (f) return { col: f, hit: true };
    if (Math.abs(xx - towerX) < 0.028 && v > 0.13) {
      const tw = 0.028;
      const spire = 0.2 - 0.07 * (1 - Math.abs(xx - towerX) / tw);
      if (v >= spire) {
        const side = xx < towerX + 0.008 ? 1 : 0.72;
        const belfry = v > 0.225 && v < 0.27 && Math.abs(xx - towerX) < 0.014 ? 0.35 : 1;
        const cornice = Math.abs(v - 0.21) < 0.005 || Math.abs(v - 0.285) < 0.004 ? 1.12 : 1;
        return { col: scale(v < 0.2 ? hex('#a65a3e') : hex('#d7a877'), side * belfry * cornice), hit: true };
      }
    }
    const bk = building(back);
    if (bk) return { col: bk, hit: true };
    return { col: [0, 0, 0], hit: false };
  };
  const land = (u: number, v: number): RGB => {
    // a stone embankment below the town, darker at the waterline
    const t = (v - horizon) / (waterTop - horizon);
    const course = fract((v - horizon) / 0.012) < 0.15 ? 0.85 : 1;
    return scale(mix(hex('#c2a67a'), hex('#6d6450'), t * t + 0.15 * n.fbm(u * 30, v * 30, 2)), course);
  };
  const scene = (u: number, v: number): RGB => {
    if (v < horizon) {
      const t = townAt(u, v);
      return t.hit ? t.col : sky(u, v);
    }
    return land(u, v);
  };
  const boat = { x: 0.22 * ar, y: 0.8 };
  const colour = (u: number, v: number): RGB => {
    const wave = n.fbm(u * 2, v * 40, 3);
    const bankEdge = waterTop + 0.01 * n.fbm(u * 12, 3, 2);
    if (v < bankEdge) return scene(u, v);
    // near bank, bottom-left: reeds
    const reedLine = 0.9 + 0.05 * Math.sin(u * 9) - 0.12 * smoothstep(0.35, 0, u);
    if (v > reedLine + 0.02 * n.fbm(u * 80, 1, 2)) {
      const stripes = n.fbm(u * 140, v * 4, 3);
      return mix(hex('#4a4a26'), hex('#9a8a4c'), clamp(0.5 + stripes));
    }
    // a small boat
    const bx = u * ar - boat.x;
    const by = v - boat.y;
    if (Math.abs(bx) < 0.09 && by > -0.012 && by < 0.012 - 0.015 * (bx / 0.09) ** 2) return by < -0.002 ? hex('#3d2b20') : hex('#6a4a33');
    if (Math.abs(bx + 0.02) < 0.006 && by < -0.012 && by > -0.05) return hex('#2e2a28');
    // reflection
    const mv = 2 * waterTop - v + 0.01 * wave;
    const mu = u + 0.004 * n.value(u * 20, v * 300);
    const refl = scene(mu, Math.max(0, mv));
    const deep = mix(hex('#5f7284'), hex('#36505c'), smoothstep(waterTop, 1, v));
    const glint = smoothstep(0.55, 0.8, n.value(u * 60, v * 220)) * 0.25 * (1 - (v - waterTop));
    return mix(mix(refl, deep, 0.35 + 0.4 * (v - waterTop)), hex('#fff1d6'), glint);
  };
  return {
    target: { colour },
    passes: passesLoose,
    flow: (u, v, g, m) => (v > 0.6 || (v < 0.3 && m < 0.01) ? 0.08 * n.value(u * 4, v * 4) : m > 0.02 ? g + Math.PI / 2 : 0.3 * n.value(u * 3, v * 3)),
    support: 'canvas',
    varnish: 0.35,
    craquelure: 0.15,
    features: {
      tower: [towerX / ar, 0.24],
      dome: [domeX / ar, horizon - 0.21],
      boat: [boat.x / ar, boat.y],
      clouds: [0.8, 0.18],
    },
  };
};

/** A marsh at dawn: low sun, water channels, reeds and a heron. */
export const marshDawn: StyleFn = (seed, ar) => {
  const n = new Noise2(seed);
  const horizon = 0.5;
  const sunX = 0.68 * ar;
  const sunY = horizon - 0.07;
  const heron = { x: 0.24 * ar, y: 0.74 };
  const sky = (u: number, v: number): RGB => {
    const x = u * ar;
    const d = Math.hypot(x - sunX, (v - sunY) * 1.2);
    let c = gradient(v / horizon, [
      [0, hex('#5d6f95')],
      [0.4, hex('#b58fa2')],
      [0.75, hex('#efb48a')],
      [1, hex('#f7d39a')],
    ]);
    c = mix(c, hex('#fff0c8'), Math.exp(-d * 7) * 0.9);
    if (d < 0.045) c = mix(c, hex('#fffbe8'), smoothstep(0.045, 0.035, d));
    // thin bands of cloud
    const band = n.fbm(u * 2 * ar, v * 18, 4);
    const cl = smoothstep(0.15, 0.45, band) * smoothstep(horizon, horizon * 0.4, v);
    c = mix(c, mix(hex('#7d6b80'), hex('#f2a77e'), Math.exp(-d * 3)), cl * 0.7);
    return c;
  };
  const treeline = (u: number): number => horizon - 0.025 - 0.03 * Math.max(0, n.fbm(u * 14, 0.5, 4) + 0.2);
  const colour = (u: number, v: number): RGB => {
    const x = u * ar;
    if (v < horizon) {
      if (v > treeline(u) && u < 0.55) return mix(hex('#5a5060'), hex('#8a7a84'), 0.5 + 0.5 * n.value(u * 90, v * 50));
      return sky(u, v);
    }
    // marsh: water channels winding through reed banks
    const depth = (v - horizon) / (1 - horizon);
    const persp = 1 / (0.12 + depth);
    const ch = n.fbm(x * 1.3 * persp * 0.3, persp * 0.6, 4);
    const isWater = ch > 0.05 - 0.1 * depth;
    // heron: body, neck and head
    const hx = x - heron.x;
    const hy = v - heron.y;
    const body = ell(hx, hy, 0, 0, 0.028, 0.014) < 1;
    const neck = Math.abs(hx - 0.022 + (hy + 0.03) * 0.3) < 0.004 && hy < -0.005 && hy > -0.045;
    const head = ell(hx, hy, 0.031, -0.046, 0.009, 0.006) < 1;
    const beak = hy > -0.049 && hy < -0.044 && hx > 0.038 && hx < 0.058 - (hy + 0.046) * 2;
    const legs = (Math.abs(hx + 0.002) < 0.0015 || Math.abs(hx - 0.008) < 0.0015) && hy > 0.01 && hy < 0.05;
    if (body || neck || head || beak || legs) return beak ? hex('#c49a55') : mix(hex('#6b6e78'), hex('#b7b9bf'), body ? 0.4 : 0.6);
    if (isWater) {
      const mv = horizon - (v - horizon) * 0.9;
      const refl = sky(u + 0.003 * n.value(u * 10, v * 200), mv);
      return mix(refl, hex('#4c5a70'), 0.25 + 0.2 * depth);
    }
    const reeds = n.fbm(x * 60 * persp * 0.2, v * 8, 3);
    const base = gradient(depth, [
      [0, hex('#6b5a55')],
      [0.3, hex('#8a6f4f')],
      [1, hex('#5a4a2a')],
    ]);
    return mix(base, hex('#c89b62'), clamp(0.5 + reeds) * 0.45 * (1 - Math.exp(-((sunX - x) ** 2) * 4) * 0.3));
  };
  return {
    target: { colour },
    passes: passesLoose,
    flow: (u, v, g, m) => (v > horizon + 0.15 ? -Math.PI / 2 + 0.4 * n.value(u * 8, v * 3) : m > 0.03 ? g + Math.PI / 2 : 0.05 * n.value(u * 5, v)),
    support: 'canvas',
    varnish: 0.3,
    craquelure: 0.12,
    features: { sun: [sunX / ar, sunY], heron: [heron.x / ar, heron.y - 0.02], trees: [0.25, horizon - 0.04] },
  };
};

/** A road of poplars in autumn. */
export const poplars: StyleFn = (seed, ar) => {
  const n = new Noise2(seed);
  const horizon = 0.62;
  const vp = 0.42 * ar; // vanishing point x
  const trees: { x: number; base: number; h: number; w: number }[] = [];
  for (let i = 0; i < 9; i++) {
    const d = Math.pow(0.72, i); // perspective scale
    for (const side of [-1, 1]) {
      const x = vp + side * (0.1 + 0.55 * d) * ar * 0.8;
      const base = horizon + 0.33 * d;
      trees.push({ x, base, h: 0.62 * d + 0.04, w: 0.055 * d + 0.005 });
    }
  }
  trees.sort((a, b) => a.base - b.base);
  const colour = (u: number, v: number): RGB => {
    const x = u * ar;
    for (let i = trees.length - 1; i >= 0; i--) {
      const t = trees[i]!;
      const top = t.base - t.h;
      if (v < top || v > t.base) continue;
      const k = (v - top) / t.h; // 0 at the tip
      const halfW = t.w * Math.sin(Math.min(1, k * 1.15) * Math.PI * 0.5) * (k > 0.9 ? 0.25 : 1);
      const wob = t.w * 0.25 * n.fbm(x * 40, v * 40, 3);
      if (Math.abs(x - t.x) < halfW + wob) {
        if (k > 0.9) return hex('#4b3b2e'); // trunk
        const lit = clamp(0.5 - (x - t.x) / (t.w * 2) + 0.4 * n.fbm(x * 60, v * 60, 3));
        return mix(hex('#8a5a1e'), hex('#f0c24b'), lit);
      }
    }
    if (v < horizon) {
      const c = gradient(v / horizon, [
        [0, hex('#8797a6')],
        [0.7, hex('#c5c9c4')],
        [1, hex('#dcd6c4')],
      ]);
      return mix(c, hex('#eeeae2'), smoothstep(0.1, 0.5, n.fbm(u * 3, v * 6, 4)) * 0.6);
    }
    // road narrowing to the vanishing point
    const depth = (v - horizon) / (1 - horizon);
    const roadHalf = 0.02 + depth * 0.45;
    if (Math.abs(x - vp) < roadHalf * ar * 0.8) {
      const rut = Math.abs(Math.abs(x - vp) / (roadHalf * ar * 0.8) - 0.45) < 0.06 ? 0.85 : 1;
      return scale(mix(hex('#bfa982'), hex('#9d8562'), n.fbm(x * 20, v * 30, 3) + 0.5), rut);
    }
    const furrow = 0.5 + 0.5 * Math.sin((x - vp) / (depth + 0.05) * 40);
    return mix(hex('#5e4a32'), hex('#8a6d45'), furrow * 0.5 + 0.3 * n.fbm(x * 10, v * 10, 3));
  };
  return {
    target: { colour },
    passes: passesLoose,
    flow: (u, v, _g, m) => (v < horizon ? (m > 0.03 ? -Math.PI / 2 : 0.2 * n.value(u * 4, v * 4)) : Math.atan2(v - horizon, u * ar - vp)),
    support: 'canvas',
    varnish: 0.2,
    features: { nearTree: [(vp + (0.1 + 0.55) * ar * 0.8) / ar, 0.45], road: [vp / ar, 0.85] },
  };
};

/** Divisionist summer: golden field, haystacks, farmhouse. */
export const threshing: StyleFn = (seed, ar) => {
  const n = new Noise2(seed);
  const horizon = 0.42;
  const stacks = [
    { x: 0.3 * ar, y: 0.7, r: 0.15 },
    { x: 0.64 * ar, y: 0.6, r: 0.095 },
    { x: 0.86 * ar, y: 0.54, r: 0.06 },
  ];
  const house = { x0: 0.05 * ar, x1: 0.19 * ar, top: horizon - 0.1 };
  const colour = (u: number, v: number): RGB => {
    const x = u * ar;
    // farmhouse
    if (x > house.x0 && x < house.x1 && v > house.top && v < horizon + 0.01) {
      const roofY = house.top + 0.03 * Math.abs((x - house.x0) / (house.x1 - house.x0) - 0.5) * 2;
      if (v < roofY + 0.02) return hex('#b4553a');
      const door = Math.abs(x - (house.x0 + house.x1) / 2) < 0.012 && v > horizon - 0.045;
      return door ? hex('#5a3a2a') : x < house.x0 + (house.x1 - house.x0) * 0.7 ? hex('#f0dfb8') : hex('#c9b18c');
    }
    if (v < horizon) {
      const c = gradient(v / horizon, [
        [0, hex('#3f78c0')],
        [0.7, hex('#8fb6de')],
        [1, hex('#d9e4d8')],
      ]);
      const hills = horizon - 0.04 - 0.03 * n.fbm(u * 5, 0.3, 3);
      if (v > hills) return mix(hex('#7d9a8a'), hex('#a0b49c'), n.fbm(u * 20, v * 20, 2) + 0.5);
      return c;
    }
    for (const s of stacks) {
      const dx = (x - s.x) / s.r;
      const dy = (v - s.y) / s.r;
      if (dy < 0.3 && dy > -1.3 && Math.abs(dx) < 1 - Math.max(0, -dy - 0.2) * 0.6) {
        const lit = clamp(0.65 - dx * 0.5 + 0.2 * n.fbm(x * 50, v * 50, 2));
        return mix(hex('#8a5a22'), hex('#ffd86a'), lit);
      }
      // cast shadow to the right
      if (dy > 0.1 && dy < 0.45 && dx > 0 && dx < 2.2) return mix(hex('#6b7fa0'), hex('#c79d3f'), 0.45);
    }
    const depth = (v - horizon) / (1 - horizon);
    const stubble = n.fbm(x * 30 / (depth + 0.2), v * 60, 3);
    return mix(gradient(depth, [[0, hex('#d8b45a')], [1, hex('#e9a93c')]]), hex('#fff0a0'), clamp(0.4 + stubble) * 0.5);
  };
  return {
    target: { colour },
    passes: passesDivided,
    flow: (u, v) => -0.6 + 0.8 * n.value(u * 9, v * 9),
    support: 'canvas',
    impasto: 0.9,
    features: { stack: [stacks[0]!.x / ar, stacks[0]!.y - 0.06], house: [(house.x0 + house.x1) / 2 / ar, horizon - 0.05], sky: [0.5, 0.15] },
  };
};

/** Divisionist mountains: snow, pasture, grazing cows. */
export const pasture: StyleFn = (seed, ar) => {
  const n = new Noise2(seed);
  const peaks: [number, number, number][] = [[0.22, 0.17, 0.26], [0.56, 0.27, 0.24], [0.84, 0.19, 0.22]];
  const ridge = (u: number): number => {
    let p = 0;
    for (const [c, h, w] of peaks) p = Math.max(p, h * (1 - Math.abs(u - c) / w));
    return 0.47 - p - 0.025 * n.fbm(u * 9, 0.5, 4) - 0.04 * n.ridged(u * 4 + 1, 0.3, 3);
  };
  const cows = [
    { x: 0.3, y: 0.8, s: 0.045 },
    { x: 0.52, y: 0.72, s: 0.032 },
    { x: 0.72, y: 0.86, s: 0.055 },
  ];
  const colour = (u: number, v: number): RGB => {
    const x = u * ar;
    for (const c of cows) {
      const cx = c.x * ar;
      if (ell(x, v, cx, c.y, c.s * 1.4, c.s * 0.6) < 1 || ell(x, v, cx + c.s * 1.3, c.y - c.s * 0.25, c.s * 0.4, c.s * 0.35) < 1) {
        return mix(hex('#5a3a28'), hex('#e8dccb'), n.value(x * 200, v * 200) > 0.1 ? 0.9 : 0.2);
      }
      if (Math.abs(v - c.y - c.s * 0.8) < c.s * 0.3 && (Math.abs(x - cx + c.s) < c.s * 0.12 || Math.abs(x - cx - c.s * 0.9) < c.s * 0.12)) return hex('#4a3324');
    }
    const r = ridge(u);
    if (v < r) {
      return gradient(v / 0.45, [
        [0, hex('#1f4f9e')],
        [1, hex('#4f86c8')],
      ]);
    }
    const mountainBottom = 0.56 + 0.04 * n.fbm(u * 4, 1, 3);
    if (v < mountainBottom) {
      const t = (v - r) / (mountainBottom - r);
      const snow = t < 0.38 + 0.22 * n.fbm(u * 8, v * 8, 4) ? 1 : 0;
      const lit = clamp(0.55 + 6 * (ridge(u + 0.01) - ridge(u - 0.01)) + 0.2 * n.fbm(u * 30, v * 30, 3));
      const rock = mix(hex('#4d5068'), hex('#b0907a'), lit);
      const snowC = mix(hex('#b8c8ea'), hex('#ffffff'), 0.3 + 0.7 * lit);
      return snow ? snowC : mix(rock, hex('#4d6a48'), smoothstep(0.5, 1, t));
    }
    const depth = (v - mountainBottom) / (1 - mountainBottom);
    const g = gradient(depth, [
      [0, hex('#6e9a4a')],
      [0.5, hex('#94b94a')],
      [1, hex('#7aa13a')],
    ]);
    return mix(g, hex('#e8e06a'), smoothstep(0.3, 0.6, n.fbm(x * 12, v * 20, 3)) * 0.5);
  };
  return {
    target: { colour },
    passes: passesDivided,
    flow: (u, v, g, m) => (m > 0.03 ? g + Math.PI / 2 : 0.5 * n.value(u * 6, v * 6) - (v > 0.5 ? 0.3 : 0)),
    support: 'canvas',
    impasto: 0.9,
    features: { summit: [0.56, ridge(0.56) + 0.03], cow: [cows[2]!.x, cows[2]!.y] },
  };
};

// ------------------------------------------------------------------ still lifes

/** Lemons, a jug and a white cloth on a table; light from the left. */
export const lemons: StyleFn = (seed, ar) => {
  const n = new Noise2(seed);
  const light = norm3(-0.6, -0.5, 0.62);
  const table = 0.62;
  const jug = { x: 0.62 * ar, top: 0.2, bottom: 0.7 };
  const lemonsAt = [
    { x: 0.25 * ar, y: 0.72, rx: 0.075, ry: 0.05 },
    { x: 0.38 * ar, y: 0.76, rx: 0.07, ry: 0.048 },
    { x: 0.31 * ar, y: 0.67, rx: 0.065, ry: 0.045 },
    { x: 0.83 * ar, y: 0.8, rx: 0.07, ry: 0.05 },
  ];
  const jugR = (v: number): number => {
    const t = (v - jug.top) / (jug.bottom - jug.top);
    return 0.05 + 0.1 * Math.sin(Math.min(1, t * 1.1) * Math.PI * 0.9 + 0.2) - (t < 0.12 ? 0.015 : 0);
  };
  const sample = (u: number, v: number): { c: RGB; r: number } => {
    const x = u * ar;
    // lemons, front to back
    for (let i = 0; i < lemonsAt.length; i++) {
      const l = lemonsAt[i]!;
      const d = ell(x, v, l.x, l.y, l.rx, l.ry);
      const tip = ell(x, v, l.x + l.rx * 0.95, l.y - l.ry * 0.1, l.rx * 0.2, l.ry * 0.28);
      if (d < 1 || tip < 1) {
        const s = ellShade(x, v, l.x, l.y, l.rx, l.ry, light);
        const spec = Math.pow(s, 20) * 0.5;
        return { c: mix(mix(hex('#7a5a10'), hex('#f5d23a'), s), hex('#fffbe0'), spec), r: 10 + i };
      }
    }
    // jug
    if (v > jug.top && v < jug.bottom) {
      const r = jugR(v);
      const dx = x - jug.x;
      if (Math.abs(dx) < r) {
        const nx = dx / r;
        const s = Math.max(0, nx * light[0] + Math.sqrt(1 - nx * nx) * light[2] * 0.9 + 0.1);
        const band = Math.abs(v - 0.45) < 0.015 ? 0.75 : 1;
        return { c: scale(mix(hex('#2c4a6a'), hex('#6f98c0'), s), band), r: 5 };
      }
      // handle
      const hx = x - (jug.x + 0.15);
      const hy = v - 0.4;
      const hd = Math.hypot(hx / 0.07, hy / 0.12);
      if (hd > 0.72 && hd < 1 && hx > -0.04) return { c: hex('#2a4460'), r: 5 };
    }
    if (v > table) {
      // cloth on the left, wood on the right
      const clothEdge = 0.55 * ar + 0.05 * Math.sin(v * 30);
      let shadow = Math.abs(x - jug.x - 0.08) < 0.12 && v < jug.bottom + 0.05 && v > table;
      for (const l of lemonsAt) if (ell(x, v, l.x + 0.06, l.y + 0.035, l.rx * 1.2, l.ry * 0.9) < 1) shadow = true;
      const sh = shadow ? 0.62 : 1;
      if (x < clothEdge) {
        const fold = 0.5 + 0.5 * Math.sin(x * 35 + n.fbm(x * 3, v * 3, 2) * 4);
        return { c: scale(mix(hex('#c9c5b5'), hex('#f4f1e6'), fold), sh), r: 2 };
      }
      return { c: scale(mix(hex('#5e3a22'), hex('#8a5a35'), 0.5 + 0.5 * n.fbm(x * 2, v * 40, 3)), sh), r: 3 };
    }
    // wall: dark green-grey, lighter toward the upper left
    const glow = clamp(1 - Math.hypot(x - 0.2 * ar, v - 0.2) * 1.1);
    return { c: mix(hex('#39413a'), hex('#7f8a74'), glow * 0.8 + 0.1 * n.fbm(x * 4, v * 4, 3)), r: 1 };
  };
  return {
    target: regions(sample),
    passes: passesLoose,
    respectRegions: true,
    support: 'canvas',
    varnish: 0.15,
    features: { lemon: [lemonsAt[0]!.x / ar, lemonsAt[0]!.y], jug: [jug.x / ar, 0.42], cloth: [0.2, 0.9] },
  };
};

/** Bottles and a blue bowl: a quiet, muted arrangement. */
export const bottles: StyleFn = (seed, ar) => {
  const n = new Noise2(seed);
  const table = 0.66;
  const objs = [
    { kind: 'bottle', x: 0.3 * ar, w: 0.06, top: 0.14, col: hex('#c9bfae'), r: 10 },
    { kind: 'bottle', x: 0.45 * ar, w: 0.075, top: 0.24, col: hex('#a69a86'), r: 11 },
    { kind: 'box', x: 0.64 * ar, w: 0.1, top: 0.46, col: hex('#d8cdb4'), r: 12 },
    { kind: 'bowl', x: 0.5 * ar, w: 0.13, top: 0.6, col: hex('#4f6f8f'), r: 13 },
    { kind: 'bottle', x: 0.75 * ar, w: 0.05, top: 0.3, col: hex('#b79a7a'), r: 14 },
  ];
  const sample = (u: number, v: number): { c: RGB; r: number } => {
    const x = u * ar;
    // front objects first
    for (let i = objs.length - 1; i >= 0; i--) {
      const o = objs[i]!;
      const dx = x - o.x;
      const front = o.kind === 'bowl' ? 0.74 : table + 0.02 + i * 0.008;
      if (v < o.top || v > front) continue;
      let half = o.w;
      if (o.kind === 'bottle') {
        const neck = o.top + 0.12;
        half = v < neck ? o.w * 0.32 : v < neck + 0.05 ? lerp(o.w * 0.32, o.w, (v - neck) / 0.05) : o.w;
      } else if (o.kind === 'bowl') {
        const t = (v - o.top) / (front - o.top);
        half = o.w * (1 - 0.45 * t * t);
      }
      if (Math.abs(dx) > half) continue;
      const side = dx / half;
      const s = clamp(0.75 - side * 0.35);
      return { c: mix(scale(o.col, 0.7), mix(o.col, hex('#f3ecdc'), 0.15), s), r: o.r };
    }
    if (v > table) return { c: mix(hex('#b5a58a'), hex('#cdbf9f'), 0.5 + 0.3 * n.fbm(x * 3, v * 20, 3)), r: 2 };
    return { c: mix(hex('#d6cfc0'), hex('#bfb6a4'), 0.5 + 0.5 * n.fbm(x * 2, v * 2, 3)), r: 1 };
  };
  return {
    target: regions(sample),
    passes: passesFine,
    respectRegions: true,
    flow: (u, v, g, m) => (m > 0.02 ? g + Math.PI / 2 : -Math.PI / 2 + 0.3 * n.value(u * 5, v * 5)),
    support: 'canvas',
    features: { bowl: [objs[3]!.x / ar, 0.66], bottle: [objs[0]!.x / ar, 0.35] },
  };
};

// ------------------------------------------------------------------ abstraction

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

// ------------------------------------------------------------------ figures

/** Gold-ground panel: a saint in red and blue calming stylised waves, with a boat. */
export const goldGroundSaint: StyleFn = (seed, ar) => {
  const n = new Noise2(seed);
  const cx = 0.5 * ar;
  const headY = 0.2;
  const waterTop = 0.72;
  const boat = { x: 0.28 * ar, y: 0.82 };
  const sample = (u: number, v: number): { c: RGB; r: number } => {
    const x = u * ar;
    const dx = x - cx;
    // halo
    const hd = Math.hypot(dx, v - headY);
    // hair over the brow, parted in the middle
    if (ell(x, v, cx, headY - 0.012, 0.06, 0.078) < 1 && v < headY - 0.042 + 0.01 * (dx / 0.05) ** 2) {
      return { c: mix(hex('#4a2e1a'), hex('#7a5232'), 0.5 + 0.5 * Math.sin(dx * 200)), r: 4 };
    }
    // head
    if (ell(x, v, cx, headY, 0.05, 0.065) < 1) {
      const s = ellShade(x, v, cx, headY, 0.05, 0.065, norm3(-0.5, -0.3, 0.8));
      const eyes = Math.abs(v - headY + 0.005) < 0.005 && Math.abs(Math.abs(dx) - 0.02) < 0.008;
      const mouth = Math.abs(dx) < 0.012 && Math.abs(v - headY - 0.034) < 0.0035;
      if (mouth) return { c: hex('#7a2a22'), r: 3 };
      const beard = v > headY + 0.014 + 0.024 * (1 - (dx / 0.05) ** 2);
      const nose = Math.abs(dx - 0.006) < 0.003 && v > headY && v < headY + 0.022;
      if (nose) return { c: hex('#a06a48'), r: 3 };
      if (beard) return { c: mix(hex('#3a2414'), hex('#6a4528'), 0.5 + 0.5 * Math.sin(dx * 260)), r: 4 };
      return { c: eyes ? hex('#3a2418') : mix(hex('#a06a48'), hex('#f0c8a0'), s), r: 3 };
    }
    // hair and a short beard
    if (ell(x, v, cx, headY - 0.012, 0.056, 0.076) < 1 && v < headY + 0.02 && (v < headY - 0.035 || Math.abs(dx) > 0.042)) return { c: mix(hex('#4a2e1a'), hex('#7a5232'), 0.5 + 0.5 * Math.sin(dx * 200)), r: 4 };
    if (hd < 0.11) {
      const ring = Math.abs(hd - 0.1) < 0.004 || Math.abs(hd - 0.085) < 0.002;
      return { c: ring ? hex('#8c6a2a') : mix(hex('#d6a84a'), hex('#f3d27a'), 0.5 + 0.5 * n.value(x * 50, v * 50)), r: 5 };
    }
    // raised hand
    if (ell(x, v, cx + 0.16, 0.3, 0.022, 0.032) < 1) return { c: hex('#e0b08a'), r: 6 };
    if (Math.abs(dx - 0.12 - (0.4 - v) * 0.3) < 0.025 && v > 0.32 && v < 0.42) return { c: hex('#2d4f8f'), r: 7 };
    // body: red robe under a blue mantle, widening to the feet
    const bodyTop = headY + 0.07;
    if (v > bodyTop && v < waterTop + 0.02) {
      const t = (v - bodyTop) / (waterTop - bodyTop);
      const half = 0.09 + 0.09 * t;
      if (Math.abs(dx) < half) {
        const mantle = dx < -half * 0.1 + 0.06 * Math.sin(t * 6) || dx > half * 0.65;
        const fold = 0.5 + 0.5 * Math.sin(dx * 90 + t * 3);
        return mantle ? { c: mix(hex('#1d3266'), hex('#3d64aa'), fold * 0.7), r: 8 } : { c: mix(hex('#7a1a16'), hex('#c23a2a'), fold * 0.8), r: 9 };
      }
    }
    if (v > waterTop) {
      // boat with two small figures
      const bx = x - boat.x;
      const by = v - boat.y;
      if (Math.abs(bx) < 0.1 && by > -0.015 && by < 0.02 - 0.02 * (bx / 0.1) ** 2) return { c: hex('#5a3a1e'), r: 10 };
      if ((ell(x, v, boat.x - 0.03, boat.y - 0.04, 0.012, 0.025) < 1 || ell(x, v, boat.x + 0.03, boat.y - 0.035, 0.012, 0.022) < 1)) return { c: hex('#6a2a1a'), r: 11 };
      if (Math.abs(x - boat.x) < 0.004 && by < -0.015 && by > -0.13) return { c: hex('#3a2a1a'), r: 12 };
      const wave = Math.sin(x * 60 + Math.sin(v * 40) * 2) * 0.5 + 0.5;
      const crest = fract(v * 28 + 0.3 * Math.sin(x * 30)) < 0.15;
      return { c: crest ? hex('#cfe0dc') : mix(hex('#1f4a5a'), hex('#3f7a80'), wave), r: 13 };
    }
    // gold ground with a punched border
    const border = Math.min(u, 1 - u, v * 1.4, 1 - v) < 0.035;
    const punch = border && fract(u * 60) < 0.35 && fract(v * 60 * 1.4) < 0.35;
    const gold = mix(hex('#b38632'), hex('#f2d27e'), 0.5 + 0.35 * n.fbm(x * 6, v * 6, 4) + 0.15 * n.value(x * 300, v * 300));
    return { c: punch ? scale(gold, 0.7) : gold, r: 1 };
  };
  return {
    target: regions(sample),
    passes: [
      { width: 0.012, aspect: 3, density: 1.2, opacity: 0.8, jitter: 0.02, thickness: 0.4 },
      { width: 0.005, aspect: 3.5, density: 1.3, opacity: 0.85, jitter: 0.02, thickness: 0.3, detailThreshold: 0.03 },
      { width: 0.0025, aspect: 4, density: 1.2, opacity: 0.9, jitter: 0.015, thickness: 0.3, detailThreshold: 0.06 },
    ],
    respectRegions: true,
    flow: (u, v, g, m) => (v < waterTop && v > headY + 0.07 ? -Math.PI / 2 + 0.2 * n.value(u * 8, v * 8) : m > 0.02 ? g + Math.PI / 2 : 0),
    support: 'panel',
    craquelure: 1,
    varnish: 0.5,
    impasto: 0.3,
    underBlur: 2,
    features: { halo: [0.5, headY - 0.09], hand: [(cx + 0.16) / ar, 0.3], boat: [boat.x / ar, boat.y], gold: [0.15, 0.12] },
  };
};

/** Half-length portrait against a dark ground; optional shelves with pharmacy jars. */
export const portrait = (opts: { coat: string; shirt: string; hair: string; background: [string, string]; ribbon?: boolean; shelves?: boolean; female?: boolean }): StyleFn => (seed, ar) => {
  const n = new Noise2(seed);
  const light = norm3(-0.75, -0.4, 0.55);
  const head = { x: 0.5 * ar + 0.01, y: 0.31, rx: 0.105, ry: 0.14 };
  const shoulderY = head.y + head.ry + 0.035;
  const hair = hex(opts.hair);
  const skinDark = hex('#6e3f2c');
  const skinLight = hex('#f1c9a8');
  const sample = (u: number, v: number): { c: RGB; r: number } => {
    const x = u * ar;
    const dx = x - head.x;
    const fy = (v - head.y) / head.ry;
    const jaw = fy > 0 ? 1 - 0.28 * fy * fy : 1;
    const fx = dx / (head.rx * jaw);
    const rr = fx * fx + fy * fy;
    const wobble = 0.03 * n.fbm(x * 30, v * 30, 3);
    // hair behind and around the face
    if (opts.female) {
      const cap = ell(x, v, head.x, head.y - 0.025, head.rx * 1.22, head.ry * 1.02) + wobble;
      const side = ell(x, v, head.x, head.y + 0.03, head.rx * 1.28, head.ry * 0.95) + wobble;
      const bun = ell(x, v, head.x + 0.105, head.y + 0.02, 0.055, 0.06) + wobble;
      const hairline = -0.62 + 0.55 * fx * fx + 0.12 * Math.abs(fx);
      const inHair = (cap < 1 && (fy < hairline || rr >= 1)) || (side < 1 && rr >= 1 && fy < 0.55) || bun < 1;
      if (inHair && !(rr < 1 && fy > hairline)) {
        const part = Math.abs(dx + 0.01) < 0.004 && fy < -0.6;
        const sheen = 0.5 + 0.5 * Math.sin((dx + 0.01) * 150 * (1 - fy * 0.2));
        return { c: part ? mix(skinLight, skinDark, 0.4) : mix(hair, mix(hair, hex('#c09070'), 0.35), sheen * clamp(0.6 - dx * 4)), r: 4 };
      }
    } else {
      const cap = ell(x, v, head.x + 0.008, head.y - 0.02, head.rx * 1.12, head.ry * 1.07) + 2.2 * wobble + 0.05 * Math.sin(x * 140 + v * 40);
      const sideburn = Math.abs(fx) > 0.86 && Math.abs(fx) < 1.1 && fy < 0.35 && fy > -0.5;
      if ((cap < 1 && (fy < -0.66 + 0.35 * fx * fx || rr >= 1) && fy < 0.35) || sideburn) {
        const lit = clamp(0.55 - dx * 5 + 0.45 * n.fbm(x * 120 + v * 30, v * 30, 3));
        return { c: mix(scale(hair, 0.55), mix(hair, hex('#ffffff'), 0.25), lit), r: 4 };
      }
    }
    if (rr < 1) {
      // the face: an ellipsoid lit from the upper left, modelled with soft sockets, nose and mouth
      const nz = Math.sqrt(Math.max(0, 1 - rr));
      let s = Math.max(0, fx * light[0] + fy * light[1] + nz * light[2]) * 0.9 + 0.1;
      const socket = (ex: number): number => Math.exp(-((fx - ex) ** 2) / 0.05 - ((fy + 0.14) ** 2) / 0.025);
      s *= 1 - 0.32 * (socket(-0.42) + socket(0.42));
      if (fx > 0.02 && fx < 0.2 && fy > -0.12 && fy < 0.32) s *= 0.78 + 0.2 * smoothstep(0.02, 0.2, fx); // nose shadow
      if (fx > -0.1 && fx < 0.02 && fy > -0.1 && fy < 0.28) s = Math.min(1, s * 1.12); // nose ridge
      s *= 1 - 0.35 * Math.exp(-(fx * fx) / 0.03 - ((fy - 0.36) ** 2) / 0.004); // under the nose
      s *= 1 - 0.25 * Math.exp(-(fx * fx) / 0.08 - ((fy - 0.72) ** 2) / 0.01); // under the lip
      let c = mix(skinDark, skinLight, s);
      const blush = Math.exp(-((Math.abs(fx) - 0.5) ** 2) / 0.05 - ((fy - 0.18) ** 2) / 0.04);
      c = mix(c, hex('#d07a68'), blush * (opts.female ? 0.25 : 0.15));
      for (const ex of [-0.42, 0.42]) {
        const e = ell(fx, fy, ex, -0.12, 0.19, 0.065);
        if (e < 1) {
          const iris = Math.hypot(fx - ex - 0.03, fy + 0.12) < 0.075;
          const glint = Math.hypot(fx - ex + 0.0, fy + 0.14) < 0.022;
          c = glint ? hex('#f4efe6') : iris ? hex('#2e2018') : mix(hex('#cdbfae'), scale(skinDark, 0.9), smoothstep(0.5, 1, e));
        }
        if (Math.abs(fy + 0.175 - 0.06 * ((fx - ex) / 0.2) ** 2) < 0.018 && Math.abs(fx - ex) < 0.2) c = mix(c, hex('#3a2418'), 0.7); // lid
        if (!opts.female && Math.abs(fy + 0.34 - 0.08 * ((fx - ex) / 0.24) ** 2) < 0.04 && Math.abs(fx - ex) < 0.24) c = mix(c, scale(hair, 0.8), 0.75); // brow
        if (opts.female && Math.abs(fy + 0.32 - 0.1 * ((fx - ex) / 0.22) ** 2) < 0.02 && Math.abs(fx - ex) < 0.22) c = mix(c, hair, 0.5);
      }
      const lips = ell(fx, fy, 0.02, 0.55, 0.3, opts.female ? 0.075 : 0.05);
      if (lips < 1) c = mix(c, hex(opts.female ? '#b0524a' : '#94544a'), 0.75 * (1 - lips * 0.5));
      if (Math.abs(fy - 0.55) < 0.012 && Math.abs(fx - 0.02) < 0.3) c = mix(c, hex('#4a2a22'), 0.7);
      if (opts.female && Math.hypot(fx + 1.02, fy - 0.32) < 0.06) c = hex('#e8c060'); // earring
      return { c, r: 3 };
    }
    // a high white collar and cravat (men, 1840s)
    if (!opts.female && Math.abs(dx) < 0.07 - 0.25 * Math.max(0, shoulderY - v) && v > head.y + head.ry * 0.78 && v < shoulderY + 0.06) {
      const cravat = v > shoulderY - 0.01;
      return { c: cravat ? mix(hex('#1c1c22'), hex('#4a4a55'), 0.5 - dx * 5) : mix(hex('#cfc8b8'), hex('#fbf7ee'), 0.55 - dx * 5), r: 6 };
    }
    // neck, in the shadow of the head
    if (Math.abs(dx - 0.006) < 0.06 && v > head.y + head.ry * 0.6 && v < shoulderY + 0.05) {
      const t = (v - head.y - head.ry * 0.6) / (shoulderY + 0.05 - head.y - head.ry * 0.6);
      return { c: mix(mix(skinDark, skinLight, 0.45 - dx * 4), skinDark, 0.45 * (1 - t)), r: 5 };
    }
    // body with sloping shoulders
    const adx = Math.abs(dx + 0.01);
    const top = shoulderY + 0.05 * smoothstep(0.04, 0.16, adx) + 0.4 * Math.pow(Math.max(0, adx - 0.14), 1.2) + 0.02 * wobble;
    if (v > top && adx < 0.5) {
      const depth = v - shoulderY;
      if (opts.female) {
        // a wide neckline showing the collarbones
        const neckline = shoulderY + 0.06 + 0.06 * Math.sqrt(Math.max(0, 1 - (dx / 0.2) ** 2));
        if (Math.abs(dx) < 0.2 && v < neckline) return { c: mix(mix(skinDark, skinLight, 0.75 - dx * 2.5), skinDark, 0.1), r: 5 };
        if (Math.abs(dx) < 0.21 && v < neckline + 0.015) return { c: hex(opts.shirt), r: 6 };
      } else {
        const open = 0.07 - depth * 0.16;
        if (Math.abs(dx) < open && depth < 0.45) {
          if (depth < 0.05) return { c: mix(hex('#d8d2c4'), hex('#fbf7ee'), 0.6 - dx * 4), r: 6 }; // collar
          if (ell(x, v, head.x, shoulderY + 0.1, 0.011, 0.011) < 1) return { c: hex('#e8c060'), r: 6 }; // pin
          return { c: mix(scale(hex(opts.shirt), 0.8), hex(opts.shirt), 0.6 - dx * 3), r: 6 };
        }
        if (Math.abs(Math.abs(dx) - open) < 0.012 && depth < 0.45) return { c: mix(hex(opts.coat), hex('#ffffff'), 0.12), r: 8 }; // lapel edge
      }
      if (opts.ribbon && Math.abs(x - (head.x - 0.16)) < 0.013 && depth > 0.14 && depth < 0.22) return { c: hex('#b8242a'), r: 7 };
      if (opts.ribbon && ell(x, v, head.x - 0.16, shoulderY + 0.24, 0.024, 0.024) < 1) return { c: hex('#d8b050'), r: 7 };
      const fold = 0.5 + 0.5 * Math.sin(dx * 30 + v * 12 + 2 * n.fbm(x * 5, v * 5, 2));
      const lit = clamp(0.62 - (dx + 0.03) * 1.6 + 0.15 * fold);
      return { c: mix(scale(hex(opts.coat), 0.4), mix(hex(opts.coat), hex('#ffffff'), 0.1), lit), r: 8 };
    }
    // background
    if (opts.shelves) {
      for (const sy of [0.24, 0.52, 0.8]) {
        if (v > sy && v < sy + 0.018) return { c: mix(hex('#3a2616'), hex('#6a4a30'), v < sy + 0.006 ? 1 : 0.2), r: 2 };
        const jx = fract(x / 0.12);
        if (v > sy - 0.14 && v < sy && jx > 0.18 && jx < 0.82) {
          const t = (v - (sy - 0.14)) / 0.14;
          const waist = 1 - 0.22 * Math.sin(t * Math.PI);
          const off = Math.abs(jx - 0.5) / (0.32 * waist);
          if (off < 1) {
            const band = Math.abs(t - 0.5) < 0.16;
            const lit = clamp(0.85 - (jx - 0.4) * 1.6);
            return { c: mix(scale(band ? hex('#34558a') : hex('#e4dac2'), 0.45), band ? hex('#5a80b8') : hex('#efe6d0'), lit * 0.8), r: 2 };
          }
        }
      }
      const dim = clamp(1 - Math.hypot(x - head.x + 0.1, v - head.y) * 1.4);
      return { c: mix(hex(opts.background[0]), hex(opts.background[1]), dim * 0.8 + 0.15 * n.fbm(x * 4, v * 4, 3)), r: 1 };
    }
    const glow = clamp(1 - Math.hypot(x - head.x + 0.12, v - head.y - 0.05) * 1.6);
    return { c: mix(hex(opts.background[0]), hex(opts.background[1]), glow + 0.15 * n.fbm(x * 4, v * 4, 3)), r: 1 };
  };
  return {
    target: regions(sample),
    passes: passesFine,
    respectRegions: true,
    support: 'canvas',
    varnish: 0.4,
    craquelure: 0.35,
    features: {
      face: [head.x / ar, head.y],
      eyes: [(head.x - 0.042) / ar, head.y - 0.016],
      collar: [head.x / ar, shoulderY + 0.03],
      ribbon: [(head.x - 0.16) / ar, shoulderY + 0.2],
      shelves: [0.14, 0.45],
    },
  };
};

export const STYLES = {
  riverTown,
  marshDawn,
  poplars,
  threshing,
  pasture,
  lemons,
  bottles,
  ochreBars,
  redRhythm,
  harbourNight,
  goldGroundSaint,
  fieldOfSienna: colourField('#b5653a', [
    { y0: 0.08, y1: 0.46, col: '#d4822f' },
    { y0: 0.54, y1: 0.92, col: '#5a1f1c' },
  ]),
  nightField: colourField('#141a35', [
    { y0: 0.1, y1: 0.7, col: '#2a4f9a' },
    { y0: 0.78, y1: 0.86, col: '#5a3a7a' },
  ], 0.03),
  portraitCount: portrait({ coat: '#2a2a2e', shirt: '#efe8da', hair: '#6a6258', background: ['#2a2418', '#6a5a3a'], ribbon: true }),
  portraitDaughter: portrait({ coat: '#7d9a7a', shirt: '#e8e0cc', hair: '#3a2418', background: ['#3a2e22', '#7a6a50'], shelves: true, female: true }),
} satisfies Record<string, StyleFn>;

export type StyleName = keyof typeof STYLES;
