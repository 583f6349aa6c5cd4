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
