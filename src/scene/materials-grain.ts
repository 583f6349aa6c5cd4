/**
 * Wood grain for oak frames on the baked tiers: a small texture generated here (no image to fetch, 48 KB with its
 * mipmaps) and texture coordinates that run the grain along each bar of a frame, as a joiner cuts it.
 * The texels and coordinates are pure (numbers in, numbers out), so tests read them without a GPU.
 */
import { Constants } from '@babylonjs/core/Engines/constants';
import { RawTexture } from '@babylonjs/core/Materials/Textures/rawTexture';
import { Texture } from '@babylonjs/core/Materials/Textures/texture';
import type { Scene } from '@babylonjs/core/scene';

/** Texels along the grain and across it. */
export const GRAIN_SIZE = { along: 256, across: 32 };
/** Metres of wood one repeat of the texture covers, along the bar and across it. */
export const GRAIN_TILE = { along: 0.6, across: 0.12 };
/** Growth rings across one repeat (a whole number, so the texture repeats without a seam). */
const RINGS = 5;
/** How dark the late wood of a ring is, and the fine streaks along the grain. */
const LATE_WOOD = 0.3;
const STREAKS = 0.1;

/** A repeatable value noise: lattice `px` × `py` cells over the unit square, wrapping at its edges. */
function noise(x: number, y: number, px: number, py: number, seed: number): number {
  const hash = (i: number, j: number): number => {
    const h = Math.sin((((i % px) + px) % px) * 127.1 + (((j % py) + py) % py) * 311.7 + seed * 74.7) * 43758.5453;
    return h - Math.floor(h);
  };
  const fx = x * px;
  const fy = y * py;
  const i = Math.floor(fx);
  const j = Math.floor(fy);
  const s = fx - i;
  const t = fy - j;
  const u = s * s * (3 - 2 * s);
  const v = t * t * (3 - 2 * t);
  const a = hash(i, j) + (hash(i + 1, j) - hash(i, j)) * u;
  const b = hash(i, j + 1) + (hash(i + 1, j + 1) - hash(i, j + 1)) * u;
  return a + (b - a) * v;
}

/**
 * The grain's brightness, 0–1, row by row (rows across the grain, columns along it): rings that wander a little
 * along the bar, each with a darker band of late wood, and fine streaks along the grain. Repeats seamlessly.
 */
export function grainTexels(along = GRAIN_SIZE.along, across = GRAIN_SIZE.across, seed = 3): Float32Array {
  const out = new Float32Array(along * across);
  for (let y = 0; y < across; y++) {
    for (let x = 0; x < along; x++) {
      const u = x / along;
      const v = y / across;
      const ring = v * RINGS + 0.9 * noise(u, v, 3, 2, seed);
      const late = Math.pow(0.5 + 0.5 * Math.cos(2 * Math.PI * ring), 6);
      const streak = noise(u, v, 2, 24, seed + 1);
      out[y * along + x] = 1 - LATE_WOOD * late - STREAKS * streak;
    }
  }
  return out;
}

/** The texels' mean, for keeping an oak frame's average colour when the grain multiplies it. */
export function grainMean(texels: Float32Array): number {
  let sum = 0;
  for (const t of texels) sum += t;
  return sum / texels.length;
}

/** The grain as a linear greyscale texture that repeats (multiplies a material's albedo colour). */
export function grainTexture(scene: Scene, texels = grainTexels()): RawTexture {
  const bytes = new Uint8Array(texels.length * 4);
  texels.forEach((t, i) => {
    const b = Math.round(Math.min(1, Math.max(0, t)) * 255);
    bytes.set([b, b, b, 255], i * 4);
  });
  const texture = RawTexture.CreateRGBATexture(bytes, GRAIN_SIZE.along, GRAIN_SIZE.across, scene, true, false, Constants.TEXTURE_TRILINEAR_SAMPLINGMODE);
  texture.name = 'oak-grain';
  texture.gammaSpace = false;
  texture.wrapU = Texture.WRAP_ADDRESSMODE;
  texture.wrapV = Texture.WRAP_ADDRESSMODE;
  return texture;
}

/**
 * Texture coordinates for merged frame bars (boxes, four vertices to a face, as Babylon's box builder makes them):
 * on every face u runs along its longer side (the bar's length) and v across, in metres over GRAIN_TILE, each bar
 * shifted by its own amount so neighbouring bars do not show the same wood.
 */
export function barUVs(positions: ArrayLike<number>): Float32Array {
  const n = positions.length / 3;
  if (n % 4 !== 0) throw new Error(`frame bars must have four vertices to a face (${n} vertices)`);
  const uv = new Float32Array(n * 2);
  const at = (i: number): [number, number, number] => [positions[i * 3]!, positions[i * 3 + 1]!, positions[i * 3 + 2]!];
  for (let f = 0; f < n; f += 4) {
    const p0 = at(f);
    // The three other corners from the first: the longest is the diagonal, the other two are the face's sides.
    const sides = [1, 2, 3]
      .map((k) => {
        const p = at(f + k);
        const d: [number, number, number] = [p[0] - p0[0], p[1] - p0[1], p[2] - p0[2]];
        return { d, len: Math.hypot(...d) };
      })
      .sort((a, b) => a.len - b.len)
      .slice(0, 2);
    const [short, long] = sides as [(typeof sides)[0], (typeof sides)[0]];
    const dir = (s: typeof short): [number, number, number] => (s.len > 0 ? [s.d[0] / s.len, s.d[1] / s.len, s.d[2] / s.len] : [0, 0, 0]);
    const along = dir(long);
    const across = dir(short);
    // A box's 24 vertices are one bar: its own offset into the wood.
    const bar = Math.floor(f / 24);
    const shift = [(bar * 0.618) % 1, (bar * 0.382) % 1];
    for (let k = 0; k < 4; k++) {
      const p = at(f + k);
      const d = [p[0] - p0[0], p[1] - p0[1], p[2] - p0[2]];
      uv[(f + k) * 2] = (d[0]! * along[0] + d[1]! * along[1] + d[2]! * along[2]) / GRAIN_TILE.along + shift[0]!;
      uv[(f + k) * 2 + 1] = (d[0]! * across[0] + d[1]! * across[1] + d[2]! * across[2]) / GRAIN_TILE.across + shift[1]!;
    }
  }
  return uv;
}
