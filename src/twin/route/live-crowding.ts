/**
 * The live twin's crowding as the visit planner reads it: each zone's crowding class (quiet / busy / crowded,
 * from people per m², twin/live/places.ts) as the planner's 0–1 crowding, and what changed on a planned route
 * since it was planned ("Room 2 is crowded now"), so the visitor can plan again round it.
 */
import type { Crowding, LiveSnapshot } from '../live/contract';
import type { Exhibition } from '../schema';
import { CROWDED_THRESHOLD, crowdedRoomsOf, type Route } from './plan';

/**
 * A crowding class as the planner's 0 (empty) – 1 (full) figure: only `crowded` is above the planner's
 * threshold (0.7), so a busy room is walked through and a crowded one is gone round (or warned about).
 */
const CROWDING_FIGURE: Record<Crowding, number> = { quiet: 0.15, busy: 0.5, crowded: 0.9 };

/**
 * Crowding per zone id from a live snapshot. Zones without a current count (none yet, or stale) are left out:
 * an old count is never planned round as if it were now.
 */
export function liveCrowding(s: LiveSnapshot | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [id, z] of Object.entries(s?.zones ?? {})) if (z.crowding) out[id] = CROWDING_FIGURE[z.crowding];
  return out;
}

/** The rooms a route walks through or stops in. */
export function roomsOnRoute(route: Route): Set<string> {
  const rooms = new Set(route.stops.map((s) => s.place.room));
  for (const leg of route.legs) for (const n of leg.path.nodes) if (route.graph.graph.hasNode(n)) rooms.add(route.graph.node(n).room);
  return rooms;
}

/** Rooms on a route that became crowded, and ones that no longer are, since it was planned. */
export interface CrowdingChange {
  /** Crowded now, not when planned: the visitor may want to plan again. */
  readonly nowCrowded: string[];
  /** Crowded when planned, not now. */
  readonly noLongerCrowded: string[];
}

/**
 * What changed on the route between the crowding it was planned with and the crowding now; undefined when
 * nothing did (for rooms on the route, or that the route went round: a room it avoided that is calm again
 * is worth saying too).
 */
export function crowdingChange(
  ex: Exhibition,
  route: Route,
  plannedWith: Readonly<Record<string, number>>,
  now: Readonly<Record<string, number>>,
  threshold = CROWDED_THRESHOLD,
): CrowdingChange | undefined {
  const before = crowdedRoomsOf(ex, plannedWith, threshold);
  const after = crowdedRoomsOf(ex, now, threshold);
  const onRoute = roomsOnRoute(route);
  const nowCrowded = [...after].filter((r) => !before.has(r) && onRoute.has(r)).sort();
  const noLongerCrowded = [...before].filter((r) => !after.has(r)).sort();
  return nowCrowded.length || noLongerCrowded.length ? { nowCrowded, noLongerCrowded } : undefined;
}
