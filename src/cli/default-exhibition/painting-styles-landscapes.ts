/** The landscape painters: a river town, a marsh at dawn, poplars, threshing, a mountain pasture. See painting-styles-kit.ts for the coordinates and the shared helpers. */
import { clamp, fract, makeRng, Noise2, smoothstep } from './rng';
import { hex, mix, scale, type RGB } from './raster';
import { ell, ellShade, gradient, norm3, passesDivided, passesLoose, type StyleFn } from './painting-styles-kit';

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
