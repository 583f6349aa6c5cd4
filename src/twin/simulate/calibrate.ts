/**
 * The light model calibrated from what the live twin measured: its illuminance history (hourly means, from the
 * server's history store) gives each zone's and each work's light level while lit, and the simulation's light
 * dose uses it in place of the format's assumption.
 *
 * - A work with a light sensor of its own takes its measured level.
 * - A work in a zone with a light sensor is scaled by that zone's calibration factor: the zone's measured level
 *   over the level the model expects there (the room's general light where the format gives it, else the mean
 *   of the model's light on the zone's works). So a room measured 25 % brighter than the model assumed gives each
 *   of its works 25 % more light, a spotlit work staying brighter than its neighbours.
 *
 * "While lit": the history carries no time zone, so opening hours cannot be read off its clock; an hour counts
 * when its mean is at least LIT_LUX (lights on; a gallery is lit at 50 lx or more, CIE 157:2004). At least
 * MIN_LIT_HOURS of them are needed before a level is trusted.
 */
import { z } from 'zod';
import type { Exhibition } from '../schema';
import { pointInPolygon } from '../geometry';
import { artworkPose } from '../layout';
import { planOf, workRoom } from '../route/places';
import { workLight } from './light';
import { ScenarioError, type Setting } from './scenario';

/** An hour with a mean at least this is lit. */
export const LIT_LUX = 5;
/** Fewer lit hours than this calibrate nothing (a day's worth: one bright afternoon is not a level). */
export const MIN_LIT_HOURS = 24;

/** One target's measured light: its mean while lit, lux, over so many lit hours. */
export interface MeasuredLevel {
  lux: number;
  litHours: number;
}

/** Measured light per zone and per work (ids), as the server's `/what-if/light` answers. */
export interface LightCalibration {
  /** The stretch of history read, ISO times. */
  from: string;
  to: string;
  zones: Record<string, MeasuredLevel>;
  artworks: Record<string, MeasuredLevel>;
}

/** A lux level no gallery light reaches (a bright summer's day outdoors is about 100,000 lx). */
const MAX_LUX = 100_000;
const Level = z.object({
  lux: z.number().finite().min(0).max(MAX_LUX, `at most ${MAX_LUX} lux`),
  // A year of hours at most: the server reads the last year.
  litHours: z.number().int().min(MIN_LIT_HOURS, `at least ${MIN_LIT_HOURS} lit hours (fewer calibrate nothing)`).max(8_784),
});
const Calibration = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  zones: z.record(z.string(), Level),
  artworks: z.record(z.string(), Level),
});

/**
 * Checks measured light read from a file (the `/what-if/light` answer saved, for `npm run simulate -- --light`)
 * against its shape and against `ex`: every zone and work it names must be the exhibition's, so a file saved for
 * another exhibition, or an id mistyped, is named rather than silently calibrating nothing. Throws ScenarioError
 * listing every problem ("light zones.hall.lux: …", "light: no zone 'crypt' in the exhibition").
 */
export function parseLightCalibration(value: unknown, ex: Exhibition): LightCalibration {
  const r = Calibration.safeParse(value);
  if (!r.success) throw new ScenarioError(r.error.issues.map((i) => `light ${i.path.join('.') || '(root)'}: ${i.message}`));
  const problems: string[] = [];
  const zones = new Set(ex.zones.map((z) => z.id));
  const works = new Set(ex.artworks.map((a) => a.id));
  for (const id of Object.keys(r.data.zones)) if (!zones.has(id)) problems.push(`light: no zone '${id}' in the exhibition (its zones: ${[...zones].join(', ') || 'none'})`);
  for (const id of Object.keys(r.data.artworks)) if (!works.has(id)) problems.push(`light: no work '${id}' in the exhibition`);
  if (Date.parse(r.data.to) < Date.parse(r.data.from)) problems.push(`light: 'to' (${r.data.to}) is before 'from' (${r.data.from})`);
  if (problems.length) throw new ScenarioError(problems);
  return r.data;
}

/**
 * The level while lit from hourly history points ([bucket start ms, mean, min, max], the history API's shape),
 * or undefined when fewer than MIN_LIT_HOURS are lit.
 */
export function litLevel(points: readonly (readonly [number, number, number, number])[]): MeasuredLevel | undefined {
  let sum = 0;
  let n = 0;
  for (const p of points) {
    if (!(p[1] >= LIT_LUX)) continue;
    sum += p[1];
    n++;
  }
  return n >= MIN_LIT_HOURS ? { lux: round(sum / n), litHours: n } : undefined;
}

/** Why each work's calibrated light is what it is (for the view and the tests). */
export interface CalibratedWork {
  lux: number;
  /** 'artwork': its own sensor; 'zone': the zone's factor on the model's light. */
  from: 'artwork' | 'zone';
  zone?: string;
  factor?: number;
}

/**
 * Lux while open per work of `ex`, calibrated by `c` (works without measured light are left out, so the model's
 * own assumption stands for them). `s` gives the day, for the model's uncalibrated light.
 */
export function calibratedLight(ex: Exhibition, s: Setting, c: LightCalibration): Map<string, CalibratedWork> {
  const out = new Map<string, CalibratedWork>();
  const plan = planOf(ex);
  const hoursPerDay = (s.close - s.open) / 60;
  const model = (id: string) => {
    const art = ex.artworks.find((a) => a.id === id)!;
    const room = workRoom(ex, art, plan);
    const roomLux = room && ex.space.rooms.find((r) => r.id === room.id)?.lighting?.illuminance;
    return workLight(art, { hoursPerDay, daysPerYear: s.daysPerYear, ...(roomLux !== undefined ? { roomLux } : {}) }).lux;
  };
  for (const zone of ex.zones) {
    const measured = c.zones[zone.id];
    if (!measured) continue;
    const works = ex.artworks.filter((a) => {
      if (zone.polygon) {
        const p = artworkPose(ex, a).position;
        return pointInPolygon([p[0], p[2]], zone.polygon);
      }
      return !!zone.room && workRoom(ex, a, plan)?.id === zone.room;
    });
    if (!works.length) continue;
    const roomLux = zone.room ? ex.space.rooms.find((r) => r.id === zone.room)?.lighting?.illuminance : undefined;
    const expected = roomLux ?? works.reduce((t, a) => t + model(a.id), 0) / works.length;
    if (!(expected > 0)) continue;
    const factor = measured.lux / expected;
    for (const a of works) {
      // A work in two zones (a bay inside a room) takes the smaller, more specific zone: the later one wins only
      // when it has a polygon of its own.
      if (out.has(a.id) && !zone.polygon) continue;
      out.set(a.id, { lux: round(model(a.id) * factor), from: 'zone', zone: zone.id, factor: round(factor) });
    }
  }
  for (const a of ex.artworks) {
    const own = c.artworks[a.id];
    if (own) out.set(a.id, { lux: own.lux, from: 'artwork' });
  }
  return out;
}

/** The calibrated lux per work, as simulate()'s `measuredLux`. */
export function measuredLux(ex: Exhibition, s: Setting, c: LightCalibration | undefined): Map<string, number> | undefined {
  if (!c) return undefined;
  return new Map([...calibratedLight(ex, s, c)].map(([id, w]) => [id, w.lux]));
}

const round = (x: number) => Math.round(x * 100) / 100;
