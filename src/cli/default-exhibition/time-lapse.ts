/**
 * Earlier states of a painting for its time-lapse, made from the finished image the way age and
 * restoration change a real one: a yellowed, dirty varnish, flaking losses down to the white ground,
 * and old retouching that has discoloured. The last state is the painting as it is now (its own image).
 */
import sharp from 'sharp';
import type { L } from './catalogue';
import { clamp, lerp, makeRng, Noise2, smoothstep } from './rng';

export interface Damage {
  /** 0–1: yellowed, darkened natural-resin varnish. */
  varnish: number;
  /** 0–1: surface grime, uneven. */
  dirt: number;
  /** Flaking losses down to the ground: a feature point, radius (fraction of the width), how much is lost (0–1). */
  losses: { at: [number, number]; radius: number; amount: number }[];
  /** Losses along a vertical panel joint at this u (fraction of the width). */
  joint?: number;
  /** Old retouching gone dark: where, radius (fraction of the width). */
  retouching: { at: [number, number]; radius: number }[];
}

export interface StateSpec {
  id: string;
  date: string;
  title: L;
  /** Absent: the painting as it is now. */
  damage?: Damage;
}

/** Works with a time-lapse, their states oldest first. Points are [u, v] fractions of the image (v down). */
export function timeLapseSpecs(features: Record<string, Record<string, [number, number]>>): Record<string, { title: L; states: StateSpec[] }> {
  const saint = features['saint-ravo-calms-the-waters'] ?? {};
  const gold = saint.gold ?? [0.15, 0.12];
  const boat = saint.boat ?? [0.28, 0.82];
  return {
    'saint-ravo-calms-the-waters': {
      title: { en: 'Three states, 1987–2023', it: 'Tre stati, 1987–2023' },
      states: [
        {
          id: 'state-1987',
          date: '1987-06',
          title: { en: 'Flaking gold, dirty varnish', it: 'Doratura in sollevamento, vernice sporca' },
          damage: {
            varnish: 0.95,
            dirt: 0.7,
            losses: [
              { at: gold, radius: 0.16, amount: 0.55 },
              { at: [1 - gold[0], gold[1]], radius: 0.1, amount: 0.35 },
              { at: boat, radius: 0.12, amount: 0.5 },
            ],
            joint: 0.43,
            retouching: [],
          },
        },
        {
          id: 'state-2016',
          date: '2016-09',
          title: { en: 'Consolidated; the varnish yellowed again', it: 'Consolidata; vernice di nuovo ingiallita' },
          damage: { varnish: 0.6, dirt: 0.2, losses: [], retouching: [{ at: boat, radius: 0.13 }] },
        },
        { id: 'state-2023', date: '2023-03', title: { en: 'After the 2017 cleaning (today)', it: 'Dopo la pulitura del 2017 (oggi)' } },
      ],
    },
  };
}

/** The finished painting aged by `damage`, as a JPEG of the same size. */
export async function renderState(jpeg: Buffer, damage: Damage, seed: string, quality = 82): Promise<Buffer> {
  const { data, info } = await sharp(jpeg).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const { width: w, height: h } = info;
  const noise = new Noise2(`${seed}:noise`);
  const flakes = new Noise2(`${seed}:flakes`);
  const rng = makeRng(`${seed}:joint`);
  const jointWobble = Array.from({ length: 32 }, () => rng.range(-0.004, 0.004));
  const out = Buffer.alloc(data.length);
  const ground: [number, number, number] = [0.91, 0.87, 0.77];
  for (let y = 0; y < h; y++) {
    const v = y / h;
    for (let x = 0; x < w; x++) {
      const u = x / w;
      const i = (y * w + x) * 3;
      let r = data[i]! / 255;
      let g = data[i + 1]! / 255;
      let b = data[i + 2]! / 255;
      // Varnish: absorbs blue most, flattens contrast toward a warm brown.
      const vt = damage.varnish;
      if (vt > 0) {
        const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        r = lerp(r, lum * 0.95 + 0.06, 0.25 * vt) * (1 - 0.1 * vt);
        g = lerp(g, lum * 0.8 + 0.03, 0.25 * vt) * (1 - 0.2 * vt);
        b = lerp(b, lum * 0.45, 0.25 * vt) * (1 - 0.5 * vt);
      }
      // Grime: uneven, heavier toward the lower edge where hands and dust reach.
      if (damage.dirt > 0) {
        const n = 0.5 + 0.5 * noise.value(u * 9, v * 12) * 0.7 + 0.15 * noise.value(u * 40, v * 40);
        const k = 1 - damage.dirt * 0.22 * clamp(n + 0.3 * v);
        r *= k;
        g *= k * 0.98;
        b *= k * 0.95;
      }
      // Discoloured retouching: darker, greyer patches in a broken outline.
      for (const rt of damage.retouching) {
        const d = Math.hypot((u - rt.at[0]) * w, (v - rt.at[1]) * w * (h / w)) / (rt.radius * w);
        if (d >= 1) continue;
        const n = flakes.value(u * 60 + 7, v * 60 + 3);
        if (n > 0.15) {
          const k = smoothstep(1, 0.6, d) * smoothstep(0.15, 0.3, n);
          r = lerp(r, r * 0.72 + 0.05, k);
          g = lerp(g, g * 0.7 + 0.06, k);
          b = lerp(b, b * 0.78 + 0.04, k);
        }
      }
      // Losses: islands of paint and gilding gone, showing the white ground with a dark broken edge.
      let loss = 0;
      for (const l of damage.losses) {
        const d = Math.hypot(u - l.at[0], (v - l.at[1]) * (h / w)) / l.radius;
        if (d < 1) loss = Math.max(loss, (1 - d * d) * l.amount);
      }
      if (damage.joint !== undefined) {
        const wob = jointWobble[Math.min(31, Math.floor(v * 32))]!;
        const d = Math.abs(u - damage.joint - wob) / 0.012;
        if (d < 1) loss = Math.max(loss, (1 - d) * 0.8);
      }
      if (loss > 0) {
        const n = 0.5 + 0.5 * (0.7 * flakes.value(u * 55, v * 55) + 0.3 * flakes.value(u * 150, v * 150));
        const threshold = 1 - loss;
        if (n > threshold + 0.04) {
          const grain = 0.03 * noise.value(u * 300, v * 300);
          r = ground[0] + grain;
          g = ground[1] + grain;
          b = ground[2] + grain;
        } else if (n > threshold) {
          r *= 0.45;
          g *= 0.4;
          b *= 0.35;
        }
      }
      out[i] = Math.round(clamp(r) * 255);
      out[i + 1] = Math.round(clamp(g) * 255);
      out[i + 2] = Math.round(clamp(b) * 255);
    }
  }
  return sharp(out, { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality, mozjpeg: true }).toBuffer();
}
