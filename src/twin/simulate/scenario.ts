/**
 * A what-if scenario: a named set of changes to an exhibition's baseline (move or add works, close a room or a
 * doorway, opening hours, arrivals, a light level, a work's pull). Validated with zod against the exhibition it
 * changes, so a scenario naming a work or room that does not exist, absurd arrivals or a layout the entrance cannot
 * reach get a clear message before anything runs.
 */
import { z } from 'zod';
import { Placement, type Artwork, type Exhibition } from '../schema';
import { planOf, workRoom } from '../route/places';
import { roomGraph, roomHops } from '../rooms';
import { pointInPolygon } from '../geometry';

/** Hard bounds that keep every run finite in time and memory (a ticketing system rarely sells more). */
export const MAX_VISITORS_PER_DAY = 20_000;
export const MAX_VISITORS_PER_HOUR = 4_000;

const Id = z.string().min(1).max(200);
const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day is HH:MM, e.g. "10:00"');

const ScenarioChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('moveWork'), work: Id, placement: Placement }),
  z.object({ kind: z.literal('addWork'), copyOf: Id, id: Id, placement: Placement }),
  z.object({ kind: z.literal('closeRoom'), room: Id }),
  z.object({ kind: z.literal('closeDoorway'), doorway: Id }),
  z.object({
    kind: z.literal('openingHours'),
    open: Clock.optional(),
    close: Clock.optional(),
    daysPerYear: z.number().int().min(1, 'open on at least 1 day a year').max(366, 'a year has at most 366 days').optional(),
  }),
  z.object({
    kind: z.literal('arrivals'),
    visitors: z.number().int().min(0, 'visitors cannot be negative').max(MAX_VISITORS_PER_DAY, `at most ${MAX_VISITORS_PER_DAY} visitors a day`).optional(),
    perHour: z
      .array(z.number().min(0, 'arrivals per hour cannot be negative').max(MAX_VISITORS_PER_HOUR, `at most ${MAX_VISITORS_PER_HOUR} arrivals an hour`))
      .min(1)
      .max(24)
      .optional()
      .describe('Relative or absolute arrivals for each opening hour; with `visitors`, only the shape is used.'),
  }),
  z.object({ kind: z.literal('lightLevel'), work: Id.optional(), room: Id.optional(), lux: z.number().min(0).max(100_000, 'at most 100 000 lux') }),
  z.object({ kind: z.literal('attraction'), work: Id, weight: z.number().min(0).max(10, 'an attraction weight is 0 to 10') }),
]);

export const Scenario = z.object({
  name: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
  changes: z.array(ScenarioChange).max(500),
});

export type Scenario = z.infer<typeof Scenario>;

/** What a run needs besides the exhibition: the day, the arrivals and the overrides a scenario made. */
export interface Setting {
  /** Minutes after midnight. */
  open: number;
  close: number;
  daysPerYear: number;
  visitors: number;
  /** Relative arrivals per opening hour (the shape); scaled to `visitors`. */
  perHour: number[];
  /** Illuminance at a work while open, lux, where a scenario set it. */
  lux: Map<string, number>;
  attraction: Map<string, number>;
  closedRooms: Set<string>;
  closedDoorways: Set<string>;
}

/**
 * A museum's day, busiest late morning and mid-afternoon, quiet at the ends: the usual shape of ticketing
 * counts, used when no arrival profile is given.
 */
const DEFAULT_DAY_SHAPE = [0.6, 1.0, 1.25, 1.05, 0.95, 1.15, 1.2, 0.9, 0.5];

/** The baseline: 10:00–19:00 (a 9-hour day), closed one day a week (313 days), 2,000 visitors. */
export function baselineSetting(visitors = 2000): Setting {
  return {
    open: 600,
    close: 1140,
    daysPerYear: 313,
    visitors,
    perHour: DEFAULT_DAY_SHAPE,
    lux: new Map(),
    attraction: new Map(),
    closedRooms: new Set(),
    closedDoorways: new Set(),
  };
}

export class ScenarioError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ScenarioError';
  }
}

/** Parses scenario JSON, with every zod problem as "changes.2.lux: at most 100 000 lux". */
export function parseScenario(value: unknown): Scenario {
  const r = Scenario.safeParse(value);
  if (r.success) return r.data;
  throw new ScenarioError(r.error.issues.map((i) => `scenario ${i.path.join('.') || '(root)'}: ${i.message}`));
}

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/**
 * Applies a scenario to an exhibition and a setting: a changed copy of each (the inputs are left alone).
 * Throws ScenarioError listing every problem: unknown works, rooms or doorways, a work placed outside its room,
 * an opening day that ends before it starts, absurd arrivals, rooms the entrance can no longer reach.
 */
export function applyScenario(ex: Exhibition, base: Setting, scenario: Scenario): { exhibition: Exhibition; setting: Setting } {
  const problems: string[] = [];
  const plan = planOf(ex);
  const roomIds = new Set(plan.rooms.map((r) => r.id));
  const doorIds = new Set(plan.doorways.map((d) => d.id));
  const artworks: Artwork[] = ex.artworks.map((a) => ({ ...a }));
  const byId = new Map(artworks.map((a) => [a.id, a]));
  const s: Setting = {
    ...base,
    perHour: [...base.perHour],
    lux: new Map(base.lux),
    attraction: new Map(base.attraction),
    closedRooms: new Set(base.closedRooms),
    closedDoorways: new Set(base.closedDoorways),
  };
  const work = (id: string, at: string) => {
    const a = byId.get(id);
    if (!a) problems.push(`${at}: there is no work '${id}' in this exhibition`);
    return a;
  };
  const room = (id: string, at: string) => {
    if (!roomIds.has(id)) problems.push(`${at}: there is no room '${id}' (rooms: ${[...roomIds].join(', ')})`);
  };
  const placed = (p: Placement, at: string) => {
    if (p.kind === 'wall') {
      room(p.room, at);
      const r = plan.rooms.find((x) => x.id === p.room);
      if (r && p.wall >= r.polygon.length) problems.push(`${at}: room '${p.room}' has walls 0 to ${r.polygon.length - 1}, not ${p.wall}`);
    } else if (!plan.rooms.some((r) => pointInPolygon([p.position[0], p.position[2]], r.polygon))) {
      problems.push(`${at}: [${p.position[0]}, ${p.position[2]}] is in no room of the plan`);
    }
  };
  scenario.changes.forEach((c, i) => {
    const at = `change ${i + 1} (${c.kind})`;
    switch (c.kind) {
      case 'moveWork': {
        const a = work(c.work, at);
        placed(c.placement, at);
        if (a) a.placement = c.placement;
        break;
      }
      case 'addWork': {
        const a = work(c.copyOf, at);
        if (byId.has(c.id)) problems.push(`${at}: a work '${c.id}' already exists; give the new work its own id`);
        placed(c.placement, at);
        if (a && !byId.has(c.id)) {
          const copy = { ...a, id: c.id, placement: c.placement };
          artworks.push(copy);
          byId.set(c.id, copy);
        }
        break;
      }
      case 'closeRoom':
        room(c.room, at);
        s.closedRooms.add(c.room);
        break;
      case 'closeDoorway':
        if (!doorIds.has(c.doorway)) problems.push(`${at}: there is no doorway '${c.doorway}' (doorways: ${[...doorIds].join(', ')})`);
        s.closedDoorways.add(c.doorway);
        break;
      case 'openingHours':
        if (c.open) s.open = minutesOf(c.open);
        if (c.close) s.close = minutesOf(c.close);
        if (c.daysPerYear) s.daysPerYear = c.daysPerYear;
        break;
      case 'arrivals':
        if (c.perHour) s.perHour = c.perHour;
        if (c.visitors !== undefined) s.visitors = c.visitors;
        else if (c.perHour) s.visitors = Math.round(c.perHour.reduce((x, y) => x + y, 0));
        break;
      case 'lightLevel':
        if ((c.work === undefined) === (c.room === undefined)) problems.push(`${at}: name a work or a room, not both or neither`);
        if (c.work !== undefined && work(c.work, at)) s.lux.set(c.work, c.lux);
        if (c.room !== undefined) {
          room(c.room, at);
          for (const a of artworks) if (workRoom(ex, a, plan)?.id === c.room) s.lux.set(a.id, c.lux);
        }
        break;
      case 'attraction':
        if (work(c.work, at)) s.attraction.set(c.work, c.weight);
        break;
    }
  });
  const exhibition: Exhibition = { ...ex, artworks };
  problems.push(...settingProblems(exhibition, s));
  if (problems.length) throw new ScenarioError(problems);
  return { exhibition, setting: s };
}

/** What makes a setting impossible to run: hours, arrivals, and rooms with works the entrance cannot reach. */
export function settingProblems(ex: Exhibition, s: Setting): string[] {
  const problems: string[] = [];
  if (s.close <= s.open) problems.push('opening hours: closing time must come after opening time');
  if (!Number.isInteger(s.visitors) || s.visitors < 0) problems.push(`arrivals: ${s.visitors} visitors is not a count of people`);
  else if (s.visitors > MAX_VISITORS_PER_DAY) problems.push(`arrivals: ${s.visitors} visitors a day is more than the ${MAX_VISITORS_PER_DAY} a run allows`);
  const hours = (s.close - s.open) / 60;
  const shapeTotal = s.perHour.reduce((x, y) => x + y, 0);
  if (shapeTotal <= 0 && s.visitors > 0) problems.push('arrivals: the arrival profile is all zeros');
  else if (hours > 0) {
    // The busiest bin's share of the day's visitors over its length (the profile spreads evenly over the hours).
    const perHourPeak = (Math.max(...s.perHour) / shapeTotal) * s.visitors * (s.perHour.length / hours);
    if (perHourPeak > MAX_VISITORS_PER_HOUR) {
      problems.push(`arrivals: about ${Math.round(perHourPeak)} an hour at the busiest time; at most ${MAX_VISITORS_PER_HOUR} an hour can be simulated`);
    }
  }
  const plan = planOf(ex);
  const open = {
    rooms: plan.rooms.filter((r) => !s.closedRooms.has(r.id)),
    doorways: plan.doorways.filter((d) => !s.closedDoorways.has(d.id) && !d.rooms.some((r) => s.closedRooms.has(r))),
  };
  const entrance: [number, number] = [ex.entrance.position[0], ex.entrance.position[2]];
  const start = open.rooms.find((r) => pointInPolygon(entrance, r.polygon));
  if (!start) {
    problems.push(`layout: the entrance is in no open room${plan.rooms.some((r) => pointInPolygon(entrance, r.polygon)) ? ' (its room is closed)' : ''}`);
    return problems;
  }
  // Stairs, ramps and lifts join levels as doorways join rooms.
  const graph = roomGraph(open);
  for (const link of plan.verticalLinks ?? []) {
    const [a, b] = link.ends.map((e) => graph.get(e.room));
    if (!a || !b || link.ends[0].room === link.ends[1].room) continue;
    a.push(link.ends[1].room);
    b.push(link.ends[0].room);
  }
  const reach = roomHops(graph, start.id);
  for (const a of ex.artworks) {
    const r = workRoom(ex, a, plan);
    if (!r) problems.push(`layout: work '${a.id}' is in no room of the plan`);
    else if (!s.closedRooms.has(r.id) && !reach.has(r.id)) {
      problems.push(`layout: room '${r.id}' (with work '${a.id}') cannot be reached from the entrance; open a doorway to it or close the room`);
    }
  }
  return [...new Set(problems)];
}
