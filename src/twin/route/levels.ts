/**
 * Levels of the building, the level each room is on, and the vertical links between them
 * (the format's `space.levels`, `rooms[].level`, `space.verticalLinks`). A plan without levels has one.
 */
import type { Amenity, FloorPlan, Level, Vec2, Vec3, VerticalLink } from '../schema';
import { pointInPolygon } from '../geometry';

/** The one level of a plan that names none. */
export const GROUND: Level = { id: 'ground', name: { en: 'Ground floor' }, elevation: 0 };

type Plan = Pick<FloorPlan, 'rooms'> & Partial<Pick<FloorPlan, 'levels' | 'verticalLinks' | 'amenities'>>;

export function levelsOf(plan: Plan): Level[] {
  return plan.levels && plan.levels.length > 0 ? plan.levels : [GROUND];
}

/** The level id of each room (a room naming none is on the first level). */
export function roomLevels(plan: Plan): Map<string, string> {
  const first = levelsOf(plan)[0]!.id;
  return new Map(plan.rooms.map((r) => [r.id, r.level ?? first]));
}

/** Ramps and lifts are step-free; stairs are not. */
export function isStepFree(link: Pick<VerticalLink, 'kind'>): boolean {
  return link.kind !== 'stairs';
}

export function verticalLinksOf(plan: Plan): VerticalLink[] {
  return plan.verticalLinks ?? [];
}

export function amenitiesOf(plan: Plan): Amenity[] {
  return plan.amenities ?? [];
}

/**
 * What the floor plan shows on one level: its rooms and the works in them (a wall work by its wall's room, a posed
 * work by the room under it on the nearest level below it: places.ts `workRoom`, passed in to keep this module free
 * of layout). For the level switcher; a plan of one level shows everything.
 */
export function onLevel(plan: Plan, level: string, workRoom: (artwork: string) => string | undefined, artworks: readonly string[]): { rooms: Set<string>; works: Set<string> } {
  const levels = roomLevels(plan);
  const rooms = new Set(plan.rooms.filter((r) => levels.get(r.id) === level).map((r) => r.id));
  const works = new Set(artworks.filter((id) => {
    const room = workRoom(id);
    return room !== undefined && rooms.has(room);
  }));
  return { rooms, works };
}

type Outline = { id: string; polygon: Vec2[]; level?: string };
type Stack = { rooms: Outline[]; levels?: Level[] };

/** The height of each room's floor: its level's elevation (0 for a plan of one level). */
export function roomElevations(plan: Stack): Map<string, number> {
  const levels = plan.levels && plan.levels.length > 0 ? plan.levels : [GROUND];
  const elevation = new Map(levels.map((l) => [l.id, l.elevation]));
  const first = levels[0]!.id;
  return new Map(plan.rooms.map((r) => [r.id, elevation.get(r.level ?? first) ?? 0]));
}

/**
 * The room at a point in 3D: of the rooms whose outline holds (x, z), the one whose floor is the highest at or
 * below y (rooms on two levels may share plan area, so the plan point alone cannot tell them apart).
 */
export function roomAtHeight<R extends Outline>(plan: { rooms: R[]; levels?: Level[] }, p: Vec3, elevations = roomElevations(plan)): R | undefined {
  let best: R | undefined;
  let bestE = -Infinity;
  for (const room of plan.rooms) {
    const e = elevations.get(room.id) ?? 0;
    if (e > p[1] + 0.01 || e <= bestE) continue;
    if (pointInPolygon([p[0], p[2]], room.polygon)) {
      best = room;
      bestE = e;
    }
  }
  return best;
}

/** One end of a stair, ramp or lift, with the end it leads to (plan positions, floor heights). */
export interface LinkStep {
  link: VerticalLink;
  from: { level: string; room: string; position: Vec2; elevation: number };
  to: { level: string; room: string; position: Vec2; elevation: number };
}

/** Every way up or down: each vertical link from each of its ends. */
export function linkSteps(plan: Stack & { verticalLinks?: VerticalLink[] }): LinkStep[] {
  const levels = plan.levels && plan.levels.length > 0 ? plan.levels : [GROUND];
  const elevation = new Map(levels.map((l) => [l.id, l.elevation]));
  const end = (e: VerticalLink['ends'][number]) => ({ level: e.level, room: e.room, position: e.position, elevation: elevation.get(e.level) ?? 0 });
  return (plan.verticalLinks ?? []).flatMap((link) => {
    const [a, b] = link.ends;
    return [
      { link, from: end(a), to: end(b) },
      { link, from: end(b), to: end(a) },
    ];
  });
}

/**
 * The stair, ramp or lift a visitor standing at `feet` has reached: an end within `reach` metres on the plan, on the
 * level they stand on (their feet within a metre of its floor). The nearest one, or undefined.
 */
export function linkReached(steps: readonly LinkStep[], feet: Vec3, reach: number): LinkStep | undefined {
  let best: LinkStep | undefined;
  let bestD = reach;
  for (const s of steps) {
    if (Math.abs(feet[1] - s.from.elevation) > 1) continue;
    const d = Math.hypot(feet[0] - s.from.position[0], feet[2] - s.from.position[1]);
    if (d <= bestD) {
      best = s;
      bestD = d;
    }
  }
  return best;
}
