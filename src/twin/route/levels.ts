/**
 * Levels of the building, the level each room is on, and the vertical links between them
 * (the format's `space.levels`, `rooms[].level`, `space.verticalLinks`). A plan without levels has one.
 */
import type { Amenity, FloorPlan, Level, VerticalLink } from '../schema';

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
