/**
 * The walkable floor a simulation runs on: the open rooms with their solid walls (doorway openings cut out,
 * a closed doorway left solid), the open doorways, and the walking graph (route/nav-graph.ts) between the places
 * a visit stops at, so agents follow the same paths as a visitor's planned route. Each room knows its level: a
 * mezzanine above a room shares its plan outline, so "which room is this point in" is asked on one level only.
 */
import type { Exhibition, Vec2 } from '../schema';
import { roomEdges, doorwaysOn } from '../floorplan';
import { bbox, pointInPolygon, signedArea } from '../geometry';
import { NavGraph } from '../route/nav-graph';
import { endPlace, planOf, workPlace, type Place } from '../route/places';
import { levelsOf, roomLevels } from '../route/levels';
import type { Setting } from './scenario';

export interface Wall {
  a: Vec2;
  b: Vec2;
}

/** A point on a path and the room it is in: it counts as reached only from inside that room. */
export interface Waypoint {
  at: Vec2;
  room: number;
  /** One end of a stair, ramp or lift: from the end before it, the visitor comes out here (another level). */
  link?: true;
}

export interface FloorRoom {
  id: string;
  polygon: Vec2[];
  area: number;
  walls: Wall[];
  /** Indexes into Floor.doorways. */
  doorways: number[];
  /** Index into Floor.levels. */
  level: number;
}

export interface FloorDoorway {
  id: string;
  rooms: [number, number];
  position: Vec2;
  width: number;
  /** Index into Floor.levels (a doorway joins two rooms of one level). */
  level: number;
}

export interface Floor {
  /** The plan's levels in its order (one, the ground, for a plan that names none). */
  levels: { id: string; name: string }[];
  rooms: FloorRoom[];
  doorways: FloorDoorway[];
  bounds: [number, number, number, number];
  /** Places: [0] is the entrance (and the way out), then one per reachable work. */
  places: (Place & { work?: string })[];
  /** Waypoints from place i to place j (excluding i's own position, ending at j's), or undefined if unreachable. */
  path(i: number, j: number): Waypoint[] | undefined;
  /** Metres from place i to place j (Infinity if unreachable). */
  metres(i: number, j: number): number;
  roomIndex(id: string): number;
  /** The level (index into levels) of a room of the plan, closed ones too. */
  levelOf(room: string): number;
  /**
   * The level of a part of the plan given by its outline (a zone drawn without a room): the lowest level with a
   * room holding its centre (levels are listed lowest first; a zone on a mezzanine names its room); -1 when none.
   */
  levelUnder(polygon: readonly Vec2[]): number;
}

/** Builds the floor for an exhibition with a scenario's closures applied. */
export function buildFloor(ex: Exhibition, s: Pick<Setting, 'closedRooms' | 'closedDoorways'>): Floor {
  const plan = planOf(ex);
  const rooms = plan.rooms.filter((r) => !s.closedRooms.has(r.id));
  const index = new Map(rooms.map((r, i) => [r.id, i]));
  const levels = roomLevels(plan);
  const levelList = levelsOf(plan);
  const levelIndex = new Map(levelList.map((l, i) => [l.id, i]));
  const levelOfRoom = (id: string) => levelIndex.get(levels.get(id) ?? '') ?? 0;
  const open = plan.doorways.filter((d) => !s.closedDoorways.has(d.id) && d.rooms.length === 2 && d.rooms.every((r) => index.has(r)) && d.rooms[0] !== d.rooms[1]);
  const doorways: FloorDoorway[] = open.map((d) => ({ id: d.id, rooms: [index.get(d.rooms[0]!)!, index.get(d.rooms[1]!)!], position: d.position, width: d.width, level: levelOfRoom(d.rooms[0]!) }));
  const floorRooms: FloorRoom[] = rooms.map((r, ri) => {
    const walls: Wall[] = [];
    for (const edge of roomEdges(r)) {
      let solid: [number, number][] = [[0, edge.length]];
      for (const { door, t } of doorwaysOn(edge, open.filter((d) => d.rooms.includes(r.id)), plan.wallThickness)) {
        const cut: [number, number] = [t - door.width / 2, t + door.width / 2];
        solid = solid.flatMap(([a, b]) => (cut[1] <= a || cut[0] >= b ? [[a, b]] : ([[a, cut[0]], [cut[1], b]] as [number, number][]).filter(([x, y]) => y - x > 1e-6)));
      }
      for (const [a, b] of solid) walls.push({ a: [edge.a[0] + edge.dir[0] * a, edge.a[1] + edge.dir[1] * a], b: [edge.a[0] + edge.dir[0] * b, edge.a[1] + edge.dir[1] * b] });
    }
    return {
      id: r.id,
      polygon: r.polygon,
      area: Math.abs(signedArea(r.polygon)),
      walls,
      doorways: doorways.flatMap((d, di) => (d.rooms.includes(ri) ? [di] : [])),
      level: levelOfRoom(r.id),
    };
  });
  const nav = new NavGraph({ ...plan, rooms, doorways: open });
  const entrance = endPlace(ex, 'entrance');
  if (!entrance || !index.has(entrance.room)) throw new Error('the entrance is in no open room of the plan');
  const places: Floor['places'] = [entrance];
  for (const art of ex.artworks) {
    const p = workPlace(ex, art, levels);
    if (p && index.has(p.room)) places.push({ ...p, work: art.id });
  }
  const keys = places.map((p, i) => nav.addPoint(`${i}:${p.id}`, p.room, p.position));
  const paths: (Waypoint[] | undefined)[][] = [];
  const metres: number[][] = [];
  keys.forEach((from, i) => {
    const found = nav.pathsFrom(from, keys);
    paths[i] = keys.map((to) => found.get(to)?.nodes.slice(1).map((n) => ({ at: nav.node(n).position, room: index.get(nav.node(n).room) ?? -1, ...(nav.node(n).kind === 'link' ? { link: true as const } : {}) })));
    metres[i] = keys.map((to, j) => (i === j ? 0 : (found.get(to)?.metres ?? Infinity)));
  });
  // Bounds of the whole plan, closed rooms too, so a scenario's heatmap lines up with the baseline's.
  const [minX, minZ, maxX, maxZ] = plan.rooms.map((r) => bbox(r.polygon)).reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);
  return {
    levels: levelList.map((l) => ({ id: l.id, name: l.name.en ?? Object.values(l.name)[0] ?? l.id })),
    rooms: floorRooms,
    doorways,
    bounds: [minX, minZ, maxX, maxZ],
    places,
    path: (i, j) => paths[i]?.[j],
    metres: (i, j) => metres[i]?.[j] ?? Infinity,
    roomIndex: (id) => index.get(id) ?? -1,
    levelOf: levelOfRoom,
    levelUnder: (polygon) => {
      if (!polygon.length) return -1;
      const c: Vec2 = [polygon.reduce((t, p) => t + p[0], 0) / polygon.length, polygon.reduce((t, p) => t + p[1], 0) / polygon.length];
      const under = plan.rooms.filter((r) => pointInPolygon(c, r.polygon)).map((r) => levelOfRoom(r.id));
      return under.length ? Math.min(...under) : -1;
    },
  };
}

/**
 * The room a point lies in, trying `hint` first and then only rooms on the hint's level (someone walking under a
 * mezzanine is in the room below it, not on it); -1 when it is in none.
 */
export function roomOf(floor: Floor, p: Vec2, hint = -1): number {
  if (hint >= 0 && pointInPolygon(p, floor.rooms[hint]!.polygon)) return hint;
  const level = hint >= 0 ? floor.rooms[hint]!.level : -1;
  return floor.rooms.findIndex((r) => (level < 0 || r.level === level) && pointInPolygon(p, r.polygon));
}

