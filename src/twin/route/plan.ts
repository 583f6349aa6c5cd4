/**
 * Plans a personal visit: the visitor's favourites and must-see works, the time they have, where they start and
 * end, step-free or not, rooms to avoid when crowded → an ordered Route with real walking distances (over the
 * walking graph, nav-graph.ts), the time at each stop, what was left out and what it would take to include it,
 * and optional detours. Walking time is at a museum pace of 0.8 m/s (people stop, look and weave).
 */
import type { Exhibition } from '../schema';
import { pointInPolygon } from '../geometry';
import { NavGraph, type PathResult } from './nav-graph';
import { dwellMinutes, endPlace, planOf, workPlace, type Place } from './places';
import { cheapestInsertion, orderStops } from './order';
import { levelsOf, roomLevels } from './levels';
import { findDetours, type Detour } from './detours';
import { walkMinutes } from './pace';

export { PACE_M_PER_S } from './pace';
/** 'All day': a long museum day, in minutes. */
export const ALL_DAY_MINUTES = 8 * 60;
/** Crowding (0 empty – 1 full) above which a zone counts as crowded. */
export const CROWDED_THRESHOLD = 0.7;
/** How much longer walking through a crowded room counts, so routes go round it when they can. */
const CROWD_PENALTY = 4;
/** Must-see works are worth this many favourites (so they are placed first and dropped last). */
const MUST_SEE_VALUE = 1000;

export interface PlanRequest {
  favourites: readonly string[];
  mustSee?: readonly string[];
  /** Minutes available, or 'all-day'. */
  budget: number | 'all-day';
  /** 'entrance' (default) or a café or shop id. */
  start?: string;
  end?: string;
  stepFree?: boolean;
  avoidCrowded?: boolean;
  /** Crowding per zone id, 0 (empty) to 1 (full): live visitor counts, or a documented input until they exist. */
  crowding?: Readonly<Record<string, number>>;
  crowdedThreshold?: number;
  /** Offer optional detours (default true). */
  detours?: boolean;
  /** Visit the favourites in the order given (a shared route), within no budget: only the legs are planned. */
  keepOrder?: boolean;
}

export interface RouteStop {
  artwork: string;
  place: Place;
  dwellMinutes: number;
  mustSee: boolean;
}

export interface RouteLeg {
  /** Node path over the walking graph (see directions.ts for words). */
  path: PathResult;
  metres: number;
  minutes: number;
}

export type LeftOutReason = 'time' | 'no-step-free-way' | 'unreachable' | 'unknown' | 'not-placed';

export interface LeftOut {
  artwork: string;
  reason: LeftOutReason;
  /** For 'time': minutes it would add (walking and dwell) to include this work alone. */
  minutes?: number;
}

export type RouteNote =
  | { kind: 'no-step-free-way'; artworks: string[] }
  | { kind: 'avoided-crowded'; rooms: string[] }
  | { kind: 'crowded-stops'; artworks: string[] }
  /** Crowded rooms the route walks through because the visitor did not ask to avoid them. */
  | { kind: 'crowded-on-way'; rooms: string[] }
  | { kind: 'unknown-place'; which: 'start' | 'end'; id: string }
  | { kind: 'no-way-to-end' };

export interface Route {
  stops: RouteStop[];
  /** stops.length + 1 legs: start → first stop, …, last stop → end. */
  legs: RouteLeg[];
  start: Place;
  end: Place;
  walkMetres: number;
  walkMinutes: number;
  dwellMinutes: number;
  totalMinutes: number;
  budgetMinutes: number;
  leftOut: LeftOut[];
  /** Minutes to add to include every work left out for time. */
  leftOutMinutes: number;
  detours: Detour[];
  notes: RouteNote[];
  /** The graph the legs are paths in (for drawing and directions). */
  graph: NavGraph;
  /** Elevation of each level id, metres. */
  levelElevation: Map<string, number>;
}

/** Plans a route. Never throws for unknown or unplaced works: they are listed in `leftOut`. */
export function planRoute(ex: Exhibition, req: PlanRequest): Route {
  const plan = planOf(ex);
  const notes: RouteNote[] = [];
  // Crowded rooms are always known (to warn); they cost more only when the visitor asked to avoid them.
  const crowdedRooms = crowdedRoomsOf(ex, req.crowding ?? {}, req.crowdedThreshold ?? CROWDED_THRESHOLD);
  const penalty = req.avoidCrowded ? new Map([...crowdedRooms].map((r) => [r, CROWD_PENALTY])) : undefined;
  const graph = new NavGraph(plan, { stepFree: req.stepFree, roomPenalty: penalty });
  const levels = roomLevels(plan);
  const entrance = endPlace(ex, 'entrance')!;
  const place = (which: 'start' | 'end', id: string | undefined): Place => {
    const p = endPlace(ex, id ?? 'entrance');
    if (!p) notes.push({ kind: 'unknown-place', which, id: id ?? '' });
    return p ?? entrance;
  };
  const start = place('start', req.start);
  const end = place('end', req.end);

  const byId = new Map(ex.artworks.map((a) => [a.id, a]));
  const must = new Set(req.mustSee ?? []);
  // A shared route keeps its order; otherwise must-see works come first (they are placed first).
  const wanted = [...new Set(req.keepOrder ? req.favourites : [...(req.mustSee ?? []), ...req.favourites])];
  const leftOut: LeftOut[] = [];
  const candidates: { id: string; place: Place; dwell: number; mustSee: boolean }[] = [];
  for (const id of wanted) {
    const art = byId.get(id);
    if (!art) {
      leftOut.push({ artwork: id, reason: 'unknown' });
      continue;
    }
    const p = workPlace(ex, art, levels);
    if (!p) leftOut.push({ artwork: id, reason: 'not-placed' });
    else candidates.push({ id, place: p, dwell: dwellMinutes(art), mustSee: must.has(id) });
  }

  // Index 0 start, 1 end, 2.. candidates; the graph gets a node for each.
  const places = [start, end, ...candidates.map((c) => c.place)];
  const keys = places.map((p, i) => graph.addPoint(i < 2 ? `end-${i}` : `work-${p.id}`, p.room, p.position));
  const paths = keys.map((k) => graph.pathsFrom(k, keys));
  const cost = keys.map((_, i) => keys.map((k, j) => (i === j ? 0 : (paths[i]!.get(k)?.cost ?? Infinity))));
  const time = keys.map((_, i) => keys.map((k, j) => (i === j ? 0 : walkMinutes(paths[i]!.get(k)?.metres ?? Infinity))));
  const budget = req.budget === 'all-day' ? ALL_DAY_MINUTES : req.budget;
  const dwell = [0, 0, ...candidates.map((c) => c.dwell)];
  const value = [0, 0, ...candidates.map((c) => (c.mustSee ? MUST_SEE_VALUE : 1))];
  const endReachable = Number.isFinite(cost[0]![1]!);
  if (!endReachable) notes.push({ kind: 'no-way-to-end' });
  const { order, left } = !endReachable
    ? { order: [], left: candidates.map((_, i) => i + 2) }
    : req.keepOrder
      ? keptOrder(cost, candidates.length)
      : orderStops({ cost, time, dwell, value, budget });

  const stuck: string[] = [];
  const forTime: number[] = [];
  for (const i of left) {
    const c = candidates[i - 2]!;
    if (Number.isFinite(cost[0]![i]!) && Number.isFinite(cost[i]![1]!)) forTime.push(i);
    else {
      stuck.push(c.id);
      leftOut.push({ artwork: c.id, reason: req.stepFree ? 'no-step-free-way' : 'unreachable' });
    }
  }
  if (req.stepFree && stuck.length) notes.push({ kind: 'no-step-free-way', artworks: stuck });
  const route = [0, ...order, 1];
  for (const i of forTime) {
    const at = cheapestInsertion(route, i, time).at;
    const extra = time[route[at - 1]!]![i]! + time[i]![route[at]!]! - time[route[at - 1]!]![route[at]!]! + dwell[i]!;
    leftOut.push({ artwork: candidates[i - 2]!.id, reason: 'time', minutes: Math.ceil(extra) });
  }
  const leftOutMinutes = forTime.length ? Math.ceil(extraForAll(route, forTime, time, dwell)) : 0;

  const stops: RouteStop[] = order.map((i) => {
    const c = candidates[i - 2]!;
    return { artwork: c.id, place: c.place, dwellMinutes: c.dwell, mustSee: c.mustSee };
  });
  const legs: RouteLeg[] = [];
  for (let k = 1; k < route.length; k++) {
    const p = paths[route[k - 1]!]!.get(keys[route[k]!]!) ?? { nodes: [], metres: 0, cost: 0 };
    legs.push({ path: p, metres: p.metres, minutes: walkMinutes(p.metres) });
  }
  if (crowdedRooms.size) {
    if (req.avoidCrowded) notes.push({ kind: 'avoided-crowded', rooms: [...crowdedRooms] });
    else {
      const walked = new Set(legs.flatMap((l) => l.path.nodes.map((n) => graph.node(n).room)));
      const onWay = [...crowdedRooms].filter((r) => walked.has(r));
      if (onWay.length) notes.push({ kind: 'crowded-on-way', rooms: onWay });
    }
    const inCrowd = stops.filter((s) => crowdedRooms.has(s.place.room)).map((s) => s.artwork);
    if (inCrowd.length) notes.push({ kind: 'crowded-stops', artworks: inCrowd });
  }
  const walkMetres = legs.reduce((s, l) => s + l.metres, 0);
  const dwellTotal = stops.reduce((s, x) => s + x.dwellMinutes, 0);
  const route0: Route = {
    stops,
    legs,
    start,
    end,
    walkMetres,
    walkMinutes: walkMinutes(walkMetres),
    dwellMinutes: dwellTotal,
    totalMinutes: walkMinutes(walkMetres) + dwellTotal,
    budgetMinutes: budget,
    leftOut,
    leftOutMinutes,
    detours: [],
    notes,
    graph,
    levelElevation: new Map(levelsOf(plan).map((l) => [l.id, l.elevation])),
  };
  if (req.detours !== false && stops.length) route0.detours = findDetours(ex, route0, new Set(wanted));
  return route0;
}

/** The given order, less the works that cannot be reached from the start or cannot reach the end. */
function keptOrder(cost: number[][], n: number): { order: number[]; left: number[] } {
  const order: number[] = [];
  const left: number[] = [];
  for (let i = 2; i < n + 2; i++) (Number.isFinite(cost[0]![i]!) && Number.isFinite(cost[i]![1]!) ? order : left).push(i);
  return { order, left };
}

/** Minutes added by inserting every left-out work where it adds least, one after another. */
function extraForAll(route: readonly number[], extra: number[], time: number[][], dwell: readonly number[]): number {
  const r = [...route];
  let added = 0;
  for (const i of extra) {
    const at = cheapestInsertion(r, i, time).at;
    added += time[r[at - 1]!]![i]! + time[i]![r[at]!]! - time[r[at - 1]!]![r[at]!]! + dwell[i]!;
    r.splice(at, 0, i);
  }
  return added;
}

/** Rooms whose zones are above the crowding threshold (a zone naming a room, or a polygon over a room's centre). */
export function crowdedRoomsOf(ex: Exhibition, crowding: Readonly<Record<string, number>>, threshold: number): Set<string> {
  const out = new Set<string>();
  for (const zone of ex.zones) {
    const level = crowding[zone.id];
    if (level === undefined || !(level > threshold)) continue;
    if (zone.room) out.add(zone.room);
    else if (zone.polygon) {
      for (const room of ex.space.rooms) {
        if (room.polygon.some((p) => pointInPolygon(p, zone.polygon!)) || zone.polygon.some((p) => pointInPolygon(p, room.polygon))) out.add(room.id);
      }
    }
  }
  return out;
}
