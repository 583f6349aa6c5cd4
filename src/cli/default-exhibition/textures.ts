/**
 * Procedural base-colour textures for the objects: painted vessel decoration,
 * glaze crackle, marble veins, wood grain, bronze patina. u wraps around a
 * lathe-turned vessel (textures are periodic in u); v follows the profile.
 */
import sharp from 'sharp';
import { clamp, fract, makeRng, Noise2, smoothstep } from './rng';
import { hex, mix, scale, type RGB } from './raster';

export async function makeTexture(w: number, h: number, f: (u: number, v: number) => RGB, quality = 85): Promise<Uint8Array> {
  const buf = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) {
    // texture row 0 is v = 0 (glTF UV origin is the top-left of the image)
    const v = (y + 0.5) / h;
    for (let x = 0; x < w; x++) {
      const c = f((x + 0.5) / w, v);
      const i = (y * w + x) * 3;
      buf[i] = Math.round(clamp(c[0]) * 255);
      buf[i + 1] = Math.round(clamp(c[1]) * 255);
      buf[i + 2] = Math.round(clamp(c[2]) * 255);
    }
  }
  const jpeg = await sharp(buf, { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality, mozjpeg: true }).toBuffer();
  return new Uint8Array(jpeg);
}

/**
 * A detail texture for a Finish: the app multiplies the finish colour by the
 * texture (as glTF does with baseColorFactor), so the texture carries only the
 * pattern. Each channel is scaled to the given mean (≈ white), keeping the
 * relative variation of the coloured pattern `f`.
 */
export async function makeDetailTexture(w: number, h: number, f: (u: number, v: number) => RGB, mean = 0.9, quality = 85): Promise<Uint8Array> {
  const data = new Float32Array(w * h * 3);
  const sum = [0, 0, 0];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const c = f((x + 0.5) / w, (y + 0.5) / h);
      for (let k = 0; k < 3; k++) {
        data[(y * w + x) * 3 + k] = c[k]!;
        sum[k]! += c[k]!;
      }
    }
  }
  const buf = Buffer.alloc(w * h * 3);
  for (let i = 0; i < buf.length; i++) buf[i] = Math.round(clamp((data[i]! * mean * w * h) / sum[i % 3]!) * 255);
  const jpeg = await sharp(buf, { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality, mozjpeg: true }).toBuffer();
  return new Uint8Array(jpeg);
}

/** Greek-key meander: 1 where the band is painted, in cell coordinates x, y ∈ [0, 1). */
function meander(x: number, y: number): boolean {
  // a 5×5 cell key
  const gx = Math.floor(x * 5);
  const gy = Math.floor(y * 5);
  const key = ['11111', '10001', '10101', '10111', '10000'];
  return key[gy]?.[gx] === '1';
}

/** Terracotta with black-figure style decoration; heightAt maps v to height on the vessel (m). */
export function amphoraTexture(seed: string, heightAt: (v: number) => number, innerFrom: number) {
  const n = new Noise2(seed);
  const clay = hex('#c0703f');
  const clayLight = hex('#d48a55');
  const black = hex('#1d1713');
  return (u: number, v: number): RGB => {
    const grain = n.fbm(u * 64, v * 32, 4, 2, 0.5, 64, 0);
    const wear = smoothstep(0.35, 0.6, n.fbm(u * 24 + 3, v * 12, 4, 2, 0.5, 24, 0));
    let ground = mix(clay, clayLight, 0.5 + 0.5 * grain);
    const gloss = (c: RGB): RGB => mix(c, ground, wear * 0.6);
    if (v > innerFrom) return mix(black, ground, 0.2 + 0.2 * grain); // inside the mouth
    const y = heightAt(v);
    // foot and lower body: black glaze with a reserved ray band
    if (y < 0.04) return gloss(black);
    if (y < 0.14) {
      const x = fract(u * 28);
      const k = (y - 0.04) / 0.1;
      return Math.abs(x - 0.5) < 0.5 * (1 - k) ? gloss(black) : ground;
    }
    if (y < 0.16) return gloss(black);
    if (y > 0.165 && y < 0.175) return gloss(black);
    // frieze: an ivy stem with leaves and grape clusters
    if (y > 0.2 && y < 0.38) {
      const k = (y - 0.2) / 0.18;
      const x = u * 10;
      const stem = 0.5 + 0.28 * Math.sin(x * Math.PI * 2);
      if (Math.abs(k - stem) < 0.025) return gloss(black);
      const cell = fract(x);
      const up = cell < 0.5;
      const lx = (fract(x * 2) - 0.5) * 2;
      const ly = (k - (up ? stem + 0.18 : stem - 0.18)) / 0.16;
      const hx = lx * 1.25;
      const hy = (up ? -ly : ly) * 1.25 + 0.25;
      const heart = (hx * hx + hy * hy - 1) ** 3 - hx * hx * hy * hy * hy < 0;
      if (heart) return gloss(black);
      const gx = (fract(x * 2 + 0.25) - 0.5) * 4;
      const gy = (k - (up ? stem - 0.16 : stem + 0.16)) * 10;
      if (Math.hypot(fract(gx * 2) - 0.5, fract(gy * 2) - 0.5) < 0.38 && Math.abs(gx) < 0.9 && Math.abs(gy) < 1.1) return gloss(black);
      return ground;
    }
    if (y > 0.385 && y < 0.395) return gloss(black);
    // shoulder: tongues
    if (y > 0.4 && y < 0.45) {
      const x = fract(u * 40);
      const k = (y - 0.4) / 0.05;
      const tongue = Math.hypot((x - 0.5) * 2, Math.max(0, 0.5 - k) * 2) < 0.8;
      return tongue ? (Math.floor(u * 40) % 2 ? gloss(black) : gloss(hex('#7a2a1a'))) : ground;
    }
    // neck: meander band
    if (y > 0.47 && y < 0.53) {
      const x = fract(u * 24);
      const k = (y - 0.47) / 0.06;
      return meander(x, k) ? gloss(black) : ground;
    }
    if (y > 0.535) return gloss(black);
    ground = mix(ground, scale(ground, 0.85), 0.3 * wear);
    return ground;
  };
}

/** Celadon glaze with a fine crackle network. */
export function celadonTexture(seed: string) {
  const n = new Noise2(seed);
  const rng = makeRng(seed);
  const cells = 40;
  const jit = Array.from({ length: cells * cells }, () => [rng(), rng()] as [number, number]);
  return (u: number, v: number): RGB => {
    const px = u * cells + 0.3 * n.value(u * 80, v * 80, 80, 0);
    const py = v * cells * 1.6 + 0.3 * n.value(u * 80 + 5, v * 80, 80, 0);
    let f1 = 9;
    let f2 = 9;
    const cx = Math.floor(px);
    const cy = Math.floor(py);
    for (let j = -1; j <= 1; j++) {
      for (let i = -1; i <= 1; i++) {
        const gx = cx + i;
        const gy = cy + j;
        const o = jit[(((gx % cells) + cells) % cells) * cells + (((gy % cells) + cells) % cells)]!;
        const d = Math.hypot(gx + o[0] - px, gy + o[1] - py);
        if (d < f1) {
          f2 = f1;
          f1 = d;
        } else if (d < f2) f2 = d;
      }
    }
    const line = 1 - smoothstep(0.02, 0.07, f2 - f1);
    const pool = 0.5 + 0.5 * n.fbm(u * 6, v * 4, 3, 2, 0.5, 6, 0);
    const glaze = mix(hex('#8fb3a0'), hex('#b9d2bf'), pool);
    return mix(glaze, hex('#4f6a5a'), line * 0.45);
  };
}

/** Tin-glazed maiolica bowl: outside bands, inside a rosette medallion and a ring of leaves. */
export function maiolicaBowlTexture(seed: string, rimV: number) {
  const n = new Noise2(seed);
  const white = hex('#f1ead8');
  const blue = hex('#23488f');
  const ochre = hex('#d99a2b');
  const green = hex('#4f7a3a');
  const manganese = hex('#5a3a4a');
  return (u: number, v: number): RGB => {
    const speck = 0.03 * n.fbm(u * 200, v * 200, 2, 2, 0.5, 200, 0);
    const ground = scale(white, 1 + speck);
    if (v < rimV) {
      // outside: two blue lines under the rim and a foot ring
      const k = v / rimV;
      if (Math.abs(k - 0.9) < 0.02 || Math.abs(k - 0.83) < 0.012) return blue;
      if (k < 0.18) return mix(hex('#c99a6a'), ground, smoothstep(0.1, 0.18, k)); // unglazed foot
      return ground;
    }
    // inside: distance from the rim (0) to the centre (1)
    const r = (v - rimV) / (1 - rimV);
    const a = u * Math.PI * 2;
    if (r < 0.05) return ochre; // rim band
    if (r < 0.08) return blue;
    if (r > 0.12 && r < 0.36) {
      // ring of leaves, alternating colours
      const k = (r - 0.12) / 0.24;
      const x = fract(u * 16);
      const leaf = Math.abs(x - 0.5) < 0.42 * Math.sin(k * Math.PI);
      const vein = Math.abs(x - 0.5) < 0.03;
      if (leaf) return vein ? manganese : Math.floor(u * 16) % 2 ? green : blue;
      return ground;
    }
    if (r > 0.4 && r < 0.43) return ochre;
    if (r > 0.46) {
      // central medallion in plane coordinates (ρ = 0 at the centre)
      const rho = (1 - r) / 0.54;
      const x = rho * Math.sin(a);
      const y = rho * Math.cos(a);
      if (rho > 0.9) return blue;
      const petals = Math.abs(Math.cos(3 * Math.atan2(y, x)));
      if (rho < 0.16) return ochre;
      if (rho < 0.2) return manganese;
      if (rho < 0.7 * petals + 0.15) return rho < 0.55 * petals + 0.12 ? blue : hex('#5a7ec0');
      return ground;
    }
    return ground;
  };
}

/** Albarello (pharmacy jar): blue-and-ochre bands with a foliage scroll. */
export function albarelloTexture(seed: string, heightAt: (v: number) => number, innerFrom: number) {
  const n = new Noise2(seed);
  const white = hex('#ece4cf');
  const blue = hex('#1f3f80');
  const ochre = hex('#d0902a');
  return (u: number, v: number): RGB => {
    const ground = scale(white, 1 + 0.03 * n.fbm(u * 150, v * 150, 2, 2, 0.5, 150, 0));
    if (v > innerFrom) return scale(white, 0.9);
    const y = heightAt(v);
    if (y < 0.012) return hex('#c9a57a');
    if (y < 0.05 || y > 0.25) return y > 0.285 ? ground : blue;
    if (y < 0.06 || (y > 0.24 && y < 0.25)) return ochre;
    // central band: scrolling foliage in blue on white
    const x = u * 6;
    const k = (y - 0.06) / 0.18;
    const scroll = 0.5 + 0.3 * Math.sin(x * Math.PI * 2);
    if (Math.abs(k - scroll) < 0.03) return blue;
    const lx = fract(x * 2) - 0.5;
    const ly = k - (fract(x) < 0.5 ? scroll - 0.17 : scroll + 0.17);
    if (lx * lx * 5 + ly * ly * 30 < 0.5) return Math.floor(x * 2) % 2 === 0 ? blue : ochre;
    if (Math.abs(lx) < 0.04 && Math.abs(ly) < 0.12) return blue;
    return ground;
  };
}

/** Bronze with a mottled green-brown patina (metallic). */
export function bronzeTexture(seed: string) {
  const n = new Noise2(seed);
  return (u: number, v: number): RGB => {
    const m = 0.5 + 0.5 * n.fbm(u * 16, v * 8, 5, 2, 0.5, 16, 0);
    const patina = smoothstep(0.55, 0.75, n.fbm(u * 10 + 4, v * 5, 5, 2, 0.5, 10, 0) + 0.5);
    const base = mix(hex('#6e4a28'), hex('#b07a45'), m);
    return mix(base, hex('#4f7a66'), patina * 0.55);
  };
}

/** White marble with grey veins. */
export function marbleTexture(seed: string) {
  const n = new Noise2(seed);
  return (u: number, v: number): RGB => {
    const t = u * 8 + v * 3 + 2.5 * n.fbm(u * 6, v * 3, 5, 2, 0.5, 6, 0);
    const vein = Math.pow(1 - Math.abs(Math.sin(t * Math.PI)), 12);
    const fine = Math.pow(1 - Math.abs(Math.sin((t * 3.3 + 4 * n.fbm(u * 12, v * 6, 4, 2, 0.5, 12, 0)) * Math.PI)), 30);
    const base = mix(hex('#e9e6df'), hex('#f7f5f0'), 0.5 + 0.5 * n.fbm(u * 20, v * 10, 3, 2, 0.5, 20, 0));
    return mix(mix(base, hex('#8a8c90'), vein * 0.6), hex('#a0a2a6'), fine * 0.35);
  };
}

/** Limestone / worn marble for the ancient head. */
export function stoneTexture(seed: string) {
  const n = new Noise2(seed);
  return (u: number, v: number): RGB => {
    const m = 0.5 + 0.5 * n.fbm(u * 24, v * 12, 5, 2, 0.55, 24, 0);
    const pits = smoothstep(0.72, 0.8, 0.5 + 0.5 * n.value(u * 260, v * 130, 260, 0));
    const stain = smoothstep(0.2, 0.6, n.fbm(u * 5 + 9, v * 3, 4, 2, 0.5, 5, 0));
    let c = mix(hex('#cfc6b4'), hex('#e8e2d4'), m);
    c = mix(c, hex('#b8a98a'), stain * 0.35);
    return scale(c, 1 - pits * 0.08);
  };
}

/** Wood grain running along v (the length of the carved figure), with traces of polychromy. */
export function woodTexture(seed: string, paint = true) {
  const n = new Noise2(seed);
  return (u: number, v: number): RGB => {
    const rings = fract(u * 14 + 2.2 * n.fbm(u * 4, v * 2, 4, 2, 0.5, 4, 0) + 0.15 * Math.sin(v * 9));
    const fibre = 0.5 + 0.5 * n.value(u * 300, v * 8, 300, 0);
    let c = mix(hex('#7a4e2c'), hex('#b07e50'), smoothstep(0.1, 0.6, rings) * 0.8 + 0.2 * fibre);
    if (paint) {
      const trace = smoothstep(0.6, 0.7, 0.5 + 0.5 * n.fbm(u * 10 + 7, v * 10, 4, 2, 0.5, 10, 0));
      c = mix(c, hex('#8a3226'), trace * 0.6);
    }
    return c;
  };
}

/** Carved and painted carnival mask: ochre face, red cheeks, black brows, white lines. */
export function maskTexture(seed: string, planeAt: (u: number, v: number) => [number, number]) {
  const n = new Noise2(seed);
  return (u: number, v: number): RGB => {
    const [x, y] = planeAt(u, v); // metres on the face, x right, y up from the centre
    const worn = smoothstep(0.55, 0.75, 0.5 + 0.5 * n.fbm(u * 20, v * 20, 4, 2, 0.5, 20, 0));
    const wood = mix(hex('#6a4024'), hex('#9a6a40'), 0.5 + 0.5 * n.value(u * 200, v * 20, 200, 0));
    if (v > 0.5) return wood; // the back is bare wood
    let c: RGB = mix(hex('#d9a45a'), hex('#e8bc70'), 0.5 + 0.5 * n.fbm(x * 40, y * 40, 3));
    const cheek = Math.min(Math.hypot(x - 0.055, y + 0.02), Math.hypot(x + 0.055, y + 0.02));
    if (cheek < 0.03) c = mix(c, hex('#b8322a'), smoothstep(0.03, 0.018, cheek));
    for (const s of [-1, 1]) {
      const bx = x - s * 0.05;
      if (Math.abs(y - 0.05 - 0.02 * Math.cos(bx * 40)) < 0.007 && Math.abs(bx) < 0.035) c = hex('#1a1412');
      if (Math.hypot(bx, y - 0.025) < 0.014) c = hex('#1a1412'); // painted eyes
    }
    if (Math.abs(y + 0.085) < 0.006 && Math.abs(x) < 0.04) c = hex('#6a1a18'); // mouth
    // white zig-zag border
    const edge = Math.hypot(x / 0.12, y / 0.17);
    if (edge > 0.86 && edge < 0.94 && fract(Math.atan2(y, x) * 6) < 0.5) c = hex('#efe8d8');
    return mix(c, wood, worn * 0.7);
  };
}

/** Dark burnished impasto with incised meanders (Early Iron Age cinerary urn). */
export function impastoTexture(seed: string, heightAt: (v: number) => number, innerFrom: number) {
  const n = new Noise2(seed);
  return (u: number, v: number): RGB => {
    const burnish = 0.5 + 0.5 * n.fbm(u * 20, v * 10, 4, 2, 0.5, 20, 0);
    const base = mix(hex('#2a2018'), hex('#5a4330'), burnish * 0.8);
    if (v > innerFrom) return scale(base, 0.7);
    const y = heightAt(v);
    const incised = hex('#b8a58a');
    // two meander bands on the shoulder and a row of incised chevrons at the belly
    for (const [y0, y1] of [[0.25, 0.29], [0.33, 0.37]] as const) {
      if (y > y0 && y < y1) {
        const x = fract(u * 30);
        const k = (y - y0) / (y1 - y0);
        const line = meander(x, k) && !(meander(Math.min(0.999, x + 0.04), k) && meander(Math.max(0, x - 0.04), k) && meander(x, Math.min(0.999, k + 0.04)) && meander(x, Math.max(0, k - 0.04)));
        return line ? mix(base, incised, 0.7) : base;
      }
    }
    if (y > 0.19 && y < 0.22) {
      const x = fract(u * 48);
      const k = (y - 0.19) / 0.03;
      return Math.abs(Math.abs(x - 0.5) * 2 - k) < 0.12 ? mix(base, incised, 0.6) : base;
    }
    return base;
  };
}

/** Plain ceramic / painted wood colour with a little noise. */
export function plainTexture(seed: string, a: string, b: string, freq = 20) {
  const n = new Noise2(seed);
  return (u: number, v: number): RGB => mix(hex(a), hex(b), 0.5 + 0.5 * n.fbm(u * freq, v * freq, 4, 2, 0.5, freq, 0));
}
