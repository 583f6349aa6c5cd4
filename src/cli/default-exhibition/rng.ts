/**
 * Deterministic randomness and noise for the default-exhibition generator.
 * Every generated pixel, vertex and sample derives from a seed string, so the
 * output is byte-for-byte reproducible.
 */

/** 32-bit FNV-1a hash of a string. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Rng {
  /** Uniform in [0, 1). */
  (): number;
  range(a: number, b: number): number;
  int(a: number, b: number): number;
  pick<T>(items: readonly T[]): T;
  normal(): number;
}

/** mulberry32, seeded by a string. */
export function makeRng(seed: string): Rng {
  let a = hashString(seed) || 1;
  const next = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng = next as Rng;
  rng.range = (lo, hi) => lo + (hi - lo) * next();
  rng.int = (lo, hi) => Math.floor(lo + (hi - lo + 1) * next());
  rng.pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  rng.normal = () => {
    const u = Math.max(next(), 1e-12);
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return rng;
}

export const clamp = (x: number, lo = 0, hi = 1): number => (x < lo ? lo : x > hi ? hi : x);
export const lerp = (a: number, b: number, t: number): number => a + (b - a) * t;
export const smoothstep = (e0: number, e1: number, x: number): number => {
  const t = clamp((x - e0) / (e1 - e0));
  return t * t * (3 - 2 * t);
};
export const fract = (x: number): number => x - Math.floor(x);

/**
 * Seeded 2D value noise on an integer lattice, optionally periodic in x and/or y
 * (for textures that wrap around a lathe-turned vessel).
 */
export class Noise2 {
  private readonly perm: Uint16Array;
  private readonly vals: Float32Array;
  constructor(seed: string) {
    const rng = makeRng(seed);
    this.perm = new Uint16Array(512);
    this.vals = new Float32Array(256);
    const p: number[] = [];
    for (let i = 0; i < 256; i++) {
      p.push(i);
      this.vals[i] = rng() * 2 - 1;
    }
    for (let i = 255; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      const t = p[i]!;
      p[i] = p[j]!;
      p[j] = t;
    }
    for (let i = 0; i < 512; i++) this.perm[i] = p[i & 255]!;
  }

  private lattice(ix: number, iy: number): number {
    return this.vals[this.perm[(this.perm[ix & 255]! + iy) & 511]! & 255]!;
  }

  /** Value noise in [-1, 1]. periodX / periodY wrap the lattice (integers, 0 = none). */
  value(x: number, y: number, periodX = 0, periodY = 0): number {
    const x0 = Math.floor(x);
    const y0 = Math.floor(y);
    const fx = x - x0;
    const fy = y - y0;
    const sx = fx * fx * fx * (fx * (fx * 6 - 15) + 10);
    const sy = fy * fy * fy * (fy * (fy * 6 - 15) + 10);
    let xa = x0;
    let xb = x0 + 1;
    let ya = y0;
    let yb = y0 + 1;
    if (periodX > 0) {
      xa = ((xa % periodX) + periodX) % periodX;
      xb = ((xb % periodX) + periodX) % periodX;
    }
    if (periodY > 0) {
      ya = ((ya % periodY) + periodY) % periodY;
      yb = ((yb % periodY) + periodY) % periodY;
    }
    const a = this.lattice(xa, ya);
    const b = this.lattice(xb, ya);
    const c = this.lattice(xa, yb);
    const d = this.lattice(xb, yb);
    return lerp(lerp(a, b, sx), lerp(c, d, sx), sy);
  }

  /** Fractal sum of octaves, roughly in [-1, 1]. */
  fbm(x: number, y: number, octaves = 5, lacunarity = 2, gain = 0.5, periodX = 0, periodY = 0): number {
    let sum = 0;
    let amp = 1;
    let norm = 0;
    let f = 1;
    for (let o = 0; o < octaves; o++) {
      const px = periodX > 0 ? Math.round(periodX * f) : 0;
      const py = periodY > 0 ? Math.round(periodY * f) : 0;
      sum += amp * this.value(x * f + o * 17.31, y * f + o * 9.73, px, py);
      norm += amp;
      amp *= gain;
      f *= lacunarity;
    }
    return sum / norm;
  }

  /** Ridged fractal noise in [0, 1] (sharp crests: mountains, marble veins). */
  ridged(x: number, y: number, octaves = 5): number {
    let sum = 0;
    let amp = 0.5;
    let f = 1;
    let norm = 0;
    for (let o = 0; o < octaves; o++) {
      const n = 1 - Math.abs(this.value(x * f + o * 5.1, y * f - o * 3.7));
      sum += amp * n * n;
      norm += amp;
      amp *= 0.5;
      f *= 2;
    }
    return sum / norm;
  }
}
