/** The figure painters: a saint on a gold ground and the portraits. See painting-styles-kit.ts for the coordinates and the shared helpers. */
import { clamp, fract, Noise2, smoothstep } from './rng';
import { hex, mix, scale, type RGB } from './raster';
import { ell, ellShade, norm3, passesFine, regions, type StyleFn } from './painting-styles-kit';

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
