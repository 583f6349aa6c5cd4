/**
 * The app's default image-based lighting: a procedural gallery interior seen
 * from eye height, written as an equirectangular Radiance RGBE (.hdr) file
 * with flat (uncompressed) scanlines.
 *
 * The room: white ceiling with a grid of daylight skylight panels, warm
 * off-white walls with a few dark picture rectangles and a skirting board,
 * and a warm oak floor.
 */
import { clamp, fract, Noise2, smoothstep } from './rng';

type RGB = [number, number, number];

/** Encode linear RGB floats (row-major, top row first) as a Radiance .hdr file. */
export function encodeRgbe(width: number, height: number, pixels: Float32Array): Buffer {
  const header = Buffer.from(`#?RADIANCE\n# museum-twin default gallery environment\nFORMAT=32-bit_rle_rgbe\n\n-Y ${height} +X ${width}\n`, 'ascii');
  const body = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const r = Math.max(0, pixels[i * 3]!);
    const g = Math.max(0, pixels[i * 3 + 1]!);
    const b = Math.max(0, pixels[i * 3 + 2]!);
    const v = Math.max(r, g, b);
    if (v < 1e-32) continue; // stays 0, 0, 0, 0
    let e = Math.floor(Math.log2(v)) + 1;
    let m = v / Math.pow(2, e); // in [0.5, 1)
    if (m >= 1) {
      m /= 2;
      e += 1;
    }
    const scale = (m * 256) / v;
    body[i * 4] = Math.min(255, Math.floor(r * scale));
    body[i * 4 + 1] = Math.min(255, Math.floor(g * scale));
    body[i * 4 + 2] = Math.min(255, Math.floor(b * scale));
    body[i * 4 + 3] = e + 128;
  }
  return Buffer.concat([header, body]);
}

/** Decode (for self-checks): returns linear floats. Handles flat scanlines only. */
export function decodeRgbe(file: Buffer): { width: number; height: number; pixels: Float32Array } {
  const text = file.subarray(0, Math.min(file.length, 512)).toString('latin1');
  const m = /\n-Y (\d+) \+X (\d+)\n/.exec(text);
  if (!text.startsWith('#?') || !m || !text.includes('FORMAT=32-bit_rle_rgbe')) throw new Error('not a Radiance RGBE file');
  const height = Number(m[1]);
  const width = Number(m[2]);
  const start = m.index + m[0].length;
  const pixels = new Float32Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const e = file[start + i * 4 + 3]!;
    if (e === 0) continue;
    const f = Math.pow(2, e - 136);
    for (let k = 0; k < 3; k++) pixels[i * 3 + k] = (file[start + i * 4 + k]! + 0.5) * f;
  }
  return { width, height, pixels };
}

const ROOM = { halfX: 7, halfZ: 8, height: 4.2, eye: 1.6 };

function radiance(d: [number, number, number], noise: Noise2): RGB {
  // intersect the ray from the eye with the room box
  const [dx, dy, dz] = d;
  let t = Infinity;
  let hit: 'ceiling' | 'floor' | 'wallX' | 'wallZ' = 'ceiling';
  if (dy > 1e-6) {
    const tt = (ROOM.height - ROOM.eye) / dy;
    if (tt < t) [t, hit] = [tt, 'ceiling'];
  } else if (dy < -1e-6) {
    const tt = -ROOM.eye / dy;
    if (tt < t) [t, hit] = [tt, 'floor'];
  }
  if (Math.abs(dx) > 1e-6) {
    const tt = ROOM.halfX / Math.abs(dx);
    if (tt < t) [t, hit] = [tt, 'wallX'];
  }
  if (Math.abs(dz) > 1e-6) {
    const tt = ROOM.halfZ / Math.abs(dz);
    if (tt < t) [t, hit] = [tt, 'wallZ'];
  }
  const x = dx * t;
  const y = ROOM.eye + dy * t;
  const z = dz * t;
  const daylight: RGB = [0.97, 1.0, 1.04];
  if (hit === 'ceiling') {
    // skylight panels 2.6 × 1.3 m on a 3.6 × 3.2 m grid, with a soft diffuser edge
    const gx = fract((x + 1.8) / 3.6) * 3.6 - 1.8;
    const gz = fract((z + 1.6) / 3.2) * 3.2 - 1.6;
    const inside = smoothstep(1.3, 1.22, Math.abs(gx)) * smoothstep(0.65, 0.57, Math.abs(gz));
    const frame = smoothstep(1.42, 1.34, Math.abs(gx)) * smoothstep(0.77, 0.69, Math.abs(gz)) - inside;
    const ceiling = 1.05 - 0.15 * clamp(Math.hypot(x, z) / 10);
    const panel = 7 + 0.5 * noise.value(x * 2, z * 2);
    const v = ceiling * (1 - inside - frame) + panel * inside + 0.75 * frame;
    return [v * (inside > 0.5 ? daylight[0] : 1.0), v * (inside > 0.5 ? daylight[1] : 0.99), v * (inside > 0.5 ? daylight[2] : 0.97)];
  }
  if (hit === 'floor') {
    // warm oak boards along x, lit from above
    const board = Math.floor(z / 0.18);
    const tone = 0.85 + 0.15 * noise.value(board * 3.1, Math.floor((x + board * 0.7) / 1.4) * 5.3);
    const grain = 0.93 + 0.07 * noise.fbm(x * 3, z * 40, 3);
    const seam = fract(z / 0.18) < 0.04 ? 0.7 : 1;
    const light = 0.42 * tone * grain * seam;
    return [light * 1.0, light * 0.68, light * 0.42];
  }
  // walls: warm off-white, brighter toward the ceiling, a skirting board and a few pictures
  const along = hit === 'wallX' ? z : x;
  const wallSeed = hit === 'wallX' ? (dx > 0 ? 1 : 2) : dz > 0 ? 3 : 4;
  let v = 0.72 + 0.28 * smoothstep(0, ROOM.height, y);
  let c: RGB = [0.96, 0.93, 0.87];
  if (y < 0.12) {
    v = 0.45;
    c = [0.9, 0.88, 0.85];
  }
  const slot = Math.round(along / 3.2);
  const cx = slot * 3.2 + 0.4 * noise.value(slot * 7.7, wallSeed * 3.3);
  const w = 0.5 + 0.35 * (0.5 + 0.5 * noise.value(slot * 2.9, wallSeed));
  const h = 0.45 + 0.3 * (0.5 + 0.5 * noise.value(slot * 4.1, wallSeed + 9));
  if (Math.abs(along - cx) < w && Math.abs(y - 1.6) < h && Math.abs(slot) <= 2) {
    const frame = Math.abs(along - cx) > w - 0.06 || Math.abs(y - 1.6) > h - 0.06;
    const hue = 0.5 + 0.5 * noise.value(slot * 5.3, wallSeed * 1.7);
    c = frame ? [0.75, 0.58, 0.3] : [0.35 + 0.3 * hue, 0.3 + 0.15 * hue, 0.22 + 0.1 * (1 - hue)];
    v = frame ? 0.8 : 0.6 + 0.3 * noise.fbm(along * 4, y * 4, 3);
  }
  return [c[0] * v, c[1] * v, c[2] * v];
}

/** Render the equirectangular panorama (row 0 = straight up; u = 0.5 looks toward −z). */
export function renderGalleryHdr(width = 512, height = 256): Buffer {
  const noise = new Noise2('gallery-environment');
  const pixels = new Float32Array(width * height * 3);
  const ss = 3;
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sj = 0; sj < ss; sj++) {
        for (let si = 0; si < ss; si++) {
          const u = (i + (si + 0.5) / ss) / width;
          const v = (j + (sj + 0.5) / ss) / height;
          const phi = (u - 0.5) * Math.PI * 2; // longitude: 0 → −z
          const theta = v * Math.PI; // 0 = up
          const d: [number, number, number] = [Math.sin(theta) * Math.sin(phi), Math.cos(theta), -Math.sin(theta) * Math.cos(phi)];
          const c = radiance(d, noise);
          r += c[0];
          g += c[1];
          b += c[2];
        }
      }
      const k = (j * width + i) * 3;
      pixels[k] = r / (ss * ss);
      pixels[k + 1] = g / (ss * ss);
      pixels[k + 2] = b / (ss * ss);
    }
  }
  return encodeRgbe(width, height, pixels);
}
