/** The still-life painters: lemons, bottles and a blue bowl. See painting-styles-kit.ts for the coordinates and the shared helpers. */
import { clamp, lerp, Noise2 } from './rng';
import { hex, mix, scale, type RGB } from './raster';
import { ell, ellShade, norm3, passesFine, passesLoose, regions, type StyleFn } from './painting-styles-kit';

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
