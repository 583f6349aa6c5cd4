/**
 * A small painterly raster engine: a "target" picture (computed per pixel by a
 * style) is repainted with thousands of oriented, bristled brush strokes, then
 * lit through the paint's height field (impasto), given a canvas weave or a
 * panel grain, optional craquelure and varnish tone, and encoded with sharp.
 */
import sharp from 'sharp';
import { clamp, lerp, makeRng, Noise2, smoothstep, type Rng } from './rng';

export type RGB = [number, number, number];

export const hex = (s: string): RGB => {
  const n = parseInt(s.replace('#', ''), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
};
export const mix = (a: RGB, b: RGB, t: number): RGB => [lerp(a[0], b[0], t), lerp(a[1], b[1], t), lerp(a[2], b[2], t)];
export const scale = (a: RGB, k: number): RGB => [a[0] * k, a[1] * k, a[2] * k];

/** A target picture, evaluated once per pixel (u, v in [0, 1], v down). */
export interface Target {
  colour(u: number, v: number): RGB;
  /** Optional region id: strokes never cross region borders (crisp edges). */
  region?(u: number, v: number): number;
}

export interface StrokePass {
  /** Stroke width as a fraction of the picture's long side. */
  width: number;
  /** Length / width. */
  aspect: number;
  /** Strokes per (width × width) cell; 1 ≈ full coverage. */
  density: number;
  opacity: number;
  /** Random colour jitter per stroke (0–0.1). */
  jitter: number;
  /** Only paint where the target has detail (contrast above this), 0 = everywhere. */
  detailThreshold?: number;
  /** Paint thickness (impasto). */
  thickness?: number;
  /** Curvature of the stroke (bend, in radians over its length). */
  bend?: number;
}

export interface PaintOptions {
  seed: string;
  width: number;
  height: number;
  target: Target;
  passes: StrokePass[];
  /** Stroke direction in radians (0 = along +x), given u, v and the local gradient angle. */
  flow?: (u: number, v: number, gradientAngle: number, gradientMag: number) => number;
  /** Emboss strength of the impasto lighting. */
  impasto?: number;
  support?: 'canvas' | 'panel' | 'board';
  /** 0–1: craquelure network. */
  craquelure?: number;
  /** 0–1: warm, slightly darkened old varnish. */
  varnish?: number;
  /** Strokes keep to the target's regions. */
  respectRegions?: boolean;
  /** Blur radius (px) of the underpainting. */
  underBlur?: number;
}

export class Picture {
  readonly data: Float32Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Float32Array(width * height * 3);
  }
  get(x: number, y: number): RGB {
    const i = (y * this.width + x) * 3;
    return [this.data[i]!, this.data[i + 1]!, this.data[i + 2]!];
  }
  toBytes(): Buffer {
    const out = Buffer.alloc(this.width * this.height * 3);
    for (let i = 0; i < out.length; i++) out[i] = Math.round(clamp(this.data[i]!) * 255);
    return out;
  }
  async toJpeg(quality = 82): Promise<Buffer> {
    return sharp(this.toBytes(), { raw: { width: this.width, height: this.height, channels: 3 } })
      .jpeg({ quality, mozjpeg: true, chromaSubsampling: '4:2:0' })
      .toBuffer();
  }
  async toPng(): Promise<Buffer> {
    return sharp(this.toBytes(), { raw: { width: this.width, height: this.height, channels: 3 } })
      .png({ compressionLevel: 9 })
      .toBuffer();
  }
}

/** Separable box blur, repeated for a near-Gaussian result. */
export function blur(src: Float32Array, w: number, h: number, channels: number, radius: number, passes = 2): Float32Array {
  let a = src.slice();
  let b = new Float32Array(a.length);
  const r = Math.max(1, Math.round(radius));
  for (let p = 0; p < passes; p++) {
    for (let dir = 0; dir < 2; dir++) {
      const len = dir === 0 ? w : h;
      const lines = dir === 0 ? h : w;
      for (let line = 0; line < lines; line++) {
        const start = dir === 0 ? line * w * channels : line * channels;
        const stride = dir === 0 ? channels : w * channels;
        for (let c = 0; c < channels; c++) {
          const base = start + c;
          let acc = 0;
          for (let k = -r; k <= r; k++) acc += a[base + (k < 0 ? 0 : k >= len ? len - 1 : k) * stride]!;
          for (let k = 0; k < len; k++) {
            b[base + k * stride] = acc / (2 * r + 1);
            const kin = k + r + 1;
            const kout = k - r;
            acc += a[base + (kin >= len ? len - 1 : kin) * stride]! - a[base + (kout < 0 ? 0 : kout) * stride]!;
          }
        }
      }
      const t = a;
      a = b;
      b = t;
    }
  }
  return a;
}

/** Paint a picture from a target with layered brush strokes. */
export function paint(opts: PaintOptions): Picture {
  const { width: w, height: h, target } = opts;
  const rng = makeRng(`${opts.seed}:strokes`);
  const noise = new Noise2(`${opts.seed}:finish`);
  const long = Math.max(w, h);

  // 1. The target, pixel by pixel.
  const T = new Float32Array(w * h * 3);
  const R = new Int32Array(w * h);
  for (let y = 0; y < h; y++) {
    const v = (y + 0.5) / h;
    for (let x = 0; x < w; x++) {
      const u = (x + 0.5) / w;
      const c = target.colour(u, v);
      const i = y * w + x;
      T[i * 3] = c[0];
      T[i * 3 + 1] = c[1];
      T[i * 3 + 2] = c[2];
      if (target.region) R[i] = target.region(u, v);
    }
  }
  // Luminance, slightly blurred, for stroke directions and detail detection.
  const L = new Float32Array(w * h);
  for (let i = 0; i < w * h; i++) L[i] = 0.2126 * T[i * 3]! + 0.7152 * T[i * 3 + 1]! + 0.0722 * T[i * 3 + 2]!;
  const Lb = blur(L, w, h, 1, Math.max(2, long / 250), 2);

  // 2. Underpainting: a soft version of the target.
  const pic = new Picture(w, h);
  const under = blur(T, w, h, 3, opts.underBlur ?? long / 120, 2);
  pic.data.set(under);
  const H = new Float32Array(w * h); // paint height field

  const respect = opts.respectRegions === true && target.region !== undefined;

  // 3. Stroke passes, coarse to fine.
  for (const pass of opts.passes) {
    const sw = Math.max(2, pass.width * long);
    const sl = sw * pass.aspect;
    const cell = sw / Math.sqrt(pass.density);
    const cols = Math.ceil(w / cell) + 1;
    const rows = Math.ceil(h / cell) + 1;
    const order: number[] = [];
    for (let k = 0; k < cols * rows; k++) order.push(k);
    for (let k = order.length - 1; k > 0; k--) {
      const j = Math.floor(rng() * (k + 1));
      const t = order[k]!;
      order[k] = order[j]!;
      order[j] = t;
    }
    for (const k of order) {
      const cx = ((k % cols) + rng()) * cell - cell * 0.5;
      const cy = (Math.floor(k / cols) + rng()) * cell - cell * 0.5;
      const ix = Math.min(w - 1, Math.max(0, Math.round(cx)));
      const iy = Math.min(h - 1, Math.max(0, Math.round(cy)));
      // local gradient of luminance
      const gx = Lb[iy * w + Math.min(w - 1, ix + 2)]! - Lb[iy * w + Math.max(0, ix - 2)]!;
      const gy = Lb[Math.min(h - 1, iy + 2) * w + ix]! - Lb[Math.max(0, iy - 2) * w + ix]!;
      const gmag = Math.hypot(gx, gy);
      if (pass.detailThreshold !== undefined && pass.detailThreshold > 0) {
        // measure local contrast over the stroke's footprint
        const rr = Math.round(sl * 0.5);
        let lo = 1e9;
        let hi = -1e9;
        for (let s = 0; s < 9; s++) {
          const px = Math.min(w - 1, Math.max(0, ix + Math.round((rng() * 2 - 1) * rr)));
          const py = Math.min(h - 1, Math.max(0, iy + Math.round((rng() * 2 - 1) * rr)));
          const l = L[py * w + px]!;
          lo = Math.min(lo, l);
          hi = Math.max(hi, l);
        }
        if (hi - lo < pass.detailThreshold) continue;
      }
      const gangle = Math.atan2(gy, gx);
      let angle = opts.flow ? opts.flow(cx / w, cy / h, gangle, gmag) : gangle + Math.PI / 2;
      angle += (rng() - 0.5) * 0.35;
      const base: RGB = [T[(iy * w + ix) * 3]!, T[(iy * w + ix) * 3 + 1]!, T[(iy * w + ix) * 3 + 2]!];
      const j = pass.jitter;
      const lj = (rng() - 0.5) * j * 2;
      const col: RGB = [
        base[0] + lj + (rng() - 0.5) * j,
        base[1] + lj + (rng() - 0.5) * j,
        base[2] + lj + (rng() - 0.5) * j,
      ];
      drawStroke(pic, H, R, respect ? R[iy * w + ix]! : null, cx, cy, angle, sl * (0.7 + rng() * 0.6), sw * (0.8 + rng() * 0.4), col, pass.opacity, pass.thickness ?? 1, pass.bend ?? 0, rng);
    }
  }

  // 4. Finish: impasto lighting, support texture, craquelure, varnish.
  const imp = opts.impasto ?? 0.6;
  const Hb = blur(H, w, h, 1, 1, 1);
  const cr = opts.craquelure ?? 0;
  const varnish = opts.varnish ?? 0;
  const support = opts.support ?? 'canvas';
  const weave = long / 1400; // px per thread ≈ 2.4
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const dx = Hb[y * w + Math.min(w - 1, x + 1)]! - Hb[y * w + Math.max(0, x - 1)]!;
      const dy = Hb[Math.min(h - 1, y + 1) * w + x]! - Hb[Math.max(0, y - 1) * w + x]!;
      // light from the upper left
      let shade = 1 + imp * (-dx * 0.7 - dy * 0.7);
      if (support === 'canvas') {
        const t1 = Math.sin((x / (2.4 * weave)) * Math.PI);
        const t2 = Math.sin((y / (2.4 * weave)) * Math.PI);
        const thin = 1 - clamp(H[i]! * 0.5);
        shade += 0.035 * t1 * t2 * (0.4 + thin) + 0.012 * noise.value(x * 0.9, y * 0.07);
      } else if (support === 'panel') {
        shade += 0.025 * noise.fbm(x * 0.004, y * 0.12, 3);
      }
      let r = pic.data[i * 3]! * shade;
      let g = pic.data[i * 3 + 1]! * shade;
      let b = pic.data[i * 3 + 2]! * shade;
      if (cr > 0) {
        const c = crackle(x / long, y / long, noise);
        const patchy = smoothstep(-0.3, 0.4, noise.fbm(x * 0.004 + 9, y * 0.004, 3));
        const line = 1 - smoothstep(0.0003, 0.0011, c);
        const dark = line * cr * 0.28 * patchy;
        r *= 1 - dark;
        g *= 1 - dark;
        b *= 1 - dark * 1.1;
      }
      if (varnish > 0) {
        const u = x / w - 0.5;
        const v = y / h - 0.5;
        const edge = 1 - varnish * 0.22 * (u * u + v * v) * 2.5;
        r = lerp(r, r * 1.02 + 0.015, varnish) * edge;
        g = lerp(g, g * 0.97 + 0.008, varnish) * edge;
        b = lerp(b, b * 0.8, varnish) * edge;
      }
      pic.data[i * 3] = r;
      pic.data[i * 3 + 1] = g;
      pic.data[i * 3 + 2] = b;
    }
  }
  return pic;
}

/** Distance to the nearest cell border of a jittered grid (F2 − F1 of Worley noise). */
function crackle(x: number, y: number, noise: Noise2): number {
  const s = 70;
  const px = x * s + 0.45 * noise.value(x * 90, y * 90);
  const py = y * s + 0.45 * noise.value(x * 90 + 7, y * 90 + 3);
  const cx = Math.floor(px);
  const cy = Math.floor(py);
  let f1 = 1e9;
  let f2 = 1e9;
  for (let j = -1; j <= 1; j++) {
    for (let i = -1; i <= 1; i++) {
      const gx = cx + i;
      const gy = cy + j;
      const ox = 0.5 + 0.45 * noise.value(gx * 12.9898, gy * 78.233);
      const oy = 0.5 + 0.45 * noise.value(gx * 39.346 + 11, gy * 11.135 - 5);
      const d = Math.hypot(gx + ox - px, gy + oy - py);
      if (d < f1) {
        f2 = f1;
        f1 = d;
      } else if (d < f2) f2 = d;
    }
  }
  return (f2 - f1) / s;
}

const BRISTLES = 24;

function drawStroke(
  pic: Picture,
  H: Float32Array,
  R: Int32Array,
  region: number | null,
  cx: number,
  cy: number,
  angle: number,
  length: number,
  width: number,
  col: RGB,
  opacity: number,
  thickness: number,
  bend: number,
  rng: Rng,
): void {
  const w = pic.width;
  const h = pic.height;
  const dxs = Math.cos(angle);
  const dys = Math.sin(angle);
  // bristle profile across the stroke
  const bristle = new Float32Array(BRISTLES);
  const shadeB = new Float32Array(BRISTLES);
  for (let b = 0; b < BRISTLES; b++) {
    bristle[b] = 0.55 + 0.45 * rng();
    shadeB[b] = (rng() - 0.5) * 0.06;
  }
  const dryStart = 0.35 + rng() * 0.5; // fraction of length where the brush starts to run dry
  const halfL = length / 2;
  const halfW = width / 2;
  const reach = halfL + halfW + Math.abs(bend) * length * 0.3;
  const x0 = Math.max(0, Math.floor(cx - reach));
  const x1 = Math.min(w - 1, Math.ceil(cx + reach));
  const y0 = Math.max(0, Math.floor(cy - reach));
  const y1 = Math.min(h - 1, Math.ceil(cy + reach));
  const curve = bend / Math.max(1, length);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const px = x - cx;
      const py = y - cy;
      const s = px * dxs + py * dys;
      let t = -px * dys + py * dxs;
      t -= curve * s * s * 0.5; // bend the stroke into an arc
      const as = Math.abs(s);
      if (as > halfL + halfW * 0.5 || Math.abs(t) > halfW) continue;
      const i = y * w + x;
      if (region !== null && R[i] !== region) continue;
      const tn = (t / halfW) * 0.5 + 0.5; // 0..1 across
      const bi = Math.min(BRISTLES - 1, Math.floor(tn * BRISTLES));
      const br = bristle[bi]!;
      const sn = (s / halfL) * 0.5 + 0.5; // 0..1 along (start → end)
      let a = opacity;
      a *= 1 - smoothstep(halfL - halfW * 0.6, halfL + halfW * 0.5, as); // rounded ends
      a *= 1 - smoothstep(0.75, 1, Math.abs(t) / halfW); // soft sides
      // dry brush: toward the end only the loaded bristles still deposit paint
      if (sn > dryStart) {
        const dry = (sn - dryStart) / (1 - dryStart);
        a *= br > dry * 0.9 ? 1 : 0.15;
      }
      a *= 0.55 + 0.45 * br;
      if (a <= 0.003) continue;
      const k = i * 3;
      const sh = shadeB[bi]!;
      pic.data[k] = lerp(pic.data[k]!, col[0] + sh, a);
      pic.data[k + 1] = lerp(pic.data[k + 1]!, col[1] + sh, a);
      pic.data[k + 2] = lerp(pic.data[k + 2]!, col[2] + sh, a);
      // height: ridges along bristles plus a lip at the stroke's edges
      const lip = smoothstep(0.6, 0.95, Math.abs(t) / halfW) * 0.5;
      H[i] = lerp(H[i]!, thickness * (br * 0.8 + lip), a);
    }
  }
}
