/**
 * Tiling floor textures (1 m repeat) and the printable AR marker.
 * The floor textures are detail maps around white: the room's finish colour
 * gives the tone (colour × texture, as glTF and the app's PBR floor do).
 */
import sharp from 'sharp';
import { fract, makeRng, Noise2, smoothstep } from './rng';
import { hex, mix, scale } from './raster';
import { makeDetailTexture } from './textures';

/** Oak boards, 6 per metre, staggered joints; tiles seamlessly at 1 m. */
export function oakFloor(seed = 'oak-floor'): Promise<Uint8Array> {
  const n = new Noise2(seed);
  const rng = makeRng(seed);
  const boards = 6;
  const joints = Array.from({ length: boards }, () => rng());
  const tones = Array.from({ length: boards * 2 }, () => rng());
  return makeDetailTexture(1024, 1024, (u, v) => {
    const b = Math.floor(v * boards);
    const across = fract(v * boards);
    const along = fract(u - joints[b]!);
    const piece = u - joints[b]! < 0 ? 0 : 1; // two pieces per board per tile
    const tone = tones[b * 2 + piece]!;
    // grain streaks along the board (periodic in u so the tile wraps)
    const grain = n.fbm(u * 6, v * 180 + b * 13.7, 4, 2, 0.55, 6, 180);
    const figure = fract(across * 3 + 1.5 * n.fbm(u * 3 + b, b * 0.37, 3, 2, 0.5, 3, 0));
    let c = mix(hex('#a77b4f'), hex('#c49a6a'), 0.35 + 0.4 * tone);
    c = mix(c, hex('#8a6038'), 0.25 * smoothstep(0.3, 0.7, 0.5 + 0.5 * grain) + 0.12 * smoothstep(0.85, 1, figure));
    const seam = Math.min(across, 1 - across) < 0.012 || Math.min(along, 1 - along) < 0.003 ? 0.62 : 1;
    return scale(c, seam);
  }, 0.9);
}

/** Pale limestone slabs, 0.5 m square, with soft cloudy veining. */
export function stoneFloor(seed = 'stone-floor'): Promise<Uint8Array> {
  const n = new Noise2(seed);
  const rng = makeRng(seed);
  const tones = Array.from({ length: 4 }, () => rng());
  return makeDetailTexture(1024, 1024, (u, v) => {
    const tx = Math.floor(u * 2);
    const ty = Math.floor(v * 2);
    const tone = tones[ty * 2 + tx]!;
    const cloud = n.fbm(u * 8, v * 8, 5, 2, 0.5, 8, 8);
    let c = mix(hex('#cfc8bb'), hex('#e2dccf'), 0.3 + 0.4 * tone + 0.3 * cloud);
    c = mix(c, hex('#b9ae9a'), 0.2 * smoothstep(0.55, 0.75, 0.5 + 0.5 * n.fbm(u * 20 + 3, v * 20, 4, 2, 0.5, 20, 20)));
    const fu = fract(u * 2);
    const fv = fract(v * 2);
    const joint = Math.min(fu, 1 - fu, fv, 1 - fv) < 0.004 ? 0.7 : 1;
    return scale(c, joint);
  }, 0.94);
}

/**
 * A square fiducial marker: 8 × 8 cells, a one-cell black border around 6 × 6
 * data bits chosen from a seed so that the pattern has no rotational symmetry.
 * Returned as a greyscale PNG, `size` pixels wide.
 */
export async function markerPng(seed: string, size = 1024): Promise<Buffer> {
  const rng = makeRng(seed);
  const cells = 8;
  let bits: number[][] = [];
  const rotate = (b: number[][]): number[][] => b.map((row, i) => row.map((_, j) => b[b.length - 1 - j]![i]!));
  const same = (a: number[][], b: number[][]): boolean => a.every((row, i) => row.every((x, j) => x === b[i]![j]));
  for (let attempt = 0; attempt < 100; attempt++) {
    bits = Array.from({ length: 6 }, () => Array.from({ length: 6 }, () => (rng() < 0.5 ? 1 : 0)));
    const r1 = rotate(bits);
    const r2 = rotate(r1);
    const r3 = rotate(r2);
    const ones = bits.flat().filter((x) => x === 1).length;
    if (!same(bits, r1) && !same(bits, r2) && !same(bits, r3) && ones > 12 && ones < 24) break;
  }
  const px = Buffer.alloc(size * size);
  const cell = size / cells;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const cx = Math.floor(x / cell);
      const cy = Math.floor(y / cell);
      const border = cx === 0 || cy === 0 || cx === cells - 1 || cy === cells - 1;
      const white = !border && bits[cy - 1]![cx - 1] === 1;
      px[y * size + x] = white ? 255 : 0;
    }
  }
  return sharp(px, { raw: { width: size, height: size, channels: 1 } }).png({ compressionLevel: 9 }).toBuffer();
}
