/**
 * Placing a work while curating: where it may go on its wall or on the floor, snapped to the hanging grid and
 * clear of doorways and of the other works. Pure code over plan geometry (geometry.ts, floorplan.ts); the
 * curating view snaps a drag with it and names what a move would break (a draft may hold such problems: the
 * validator shows them to everyone and Publish refuses them).
 *
 * The rules are the validator's (validate-artworks.ts: a work within its wall, not across a doorway lower than
 * its bottom, not overlapping a work on the same wall), each with a code so that a move can be judged by the
 * problems it adds: a draft may already be invalid, and moving a work out of trouble must stay possible.
 * Floor works add two rules of their own: inside a room with their footprint, and not in a doorway or on
 * another floor work (their footprints as circles: a turn never makes a clear object collide).
 */
import { distance, edgeOf, pointInPolygon, toSegment } from './geometry';
import type { Space, Vec2 } from './schema';

/** The hanging grid: offsets and floor positions snap to 5 cm. */
export const SNAP_M = 0.05;

const EPS = 1e-6;

/** `value` snapped to the grid, never below 0, without float noise (2.35, not 2.3500000000000005). */
export function snapOffset(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.max(0, snap(value));
}

const snap = (v: number) => Number((Math.round(v / SNAP_M) * SNAP_M).toFixed(2));

/** What placing reads of a work (a draft's work may be incomplete: every field is checked before use). */
export interface PlacedWork {
  readonly id: string;
  readonly kind?: unknown;
  readonly dimensions?: { readonly width?: unknown; readonly height?: unknown; readonly depth?: unknown };
  readonly placement?: unknown;
}

export type WallPlace = { kind: 'wall'; room: string; wall: number; offset: number; height: number };
export type FloorPlace = { kind: 'pose'; position: [number, number, number]; heading: number };

export interface PlacementProblem {
  /** Stable across small moves (e.g. `overlap:harbour-lights`), so a move is judged by the problems it adds. */
  readonly code: string;
  readonly message: string;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function wallPlace(p: unknown): WallPlace | undefined {
  const o = p as Partial<WallPlace> | undefined;
  if (o?.kind !== 'wall' || typeof o.room !== 'string') return undefined;
  const wall = num(o.wall);
  const offset = num(o.offset);
  const height = num(o.height);
  return wall !== undefined && offset !== undefined && height !== undefined ? { kind: 'wall', room: o.room, wall, offset, height } : undefined;
}

export function floorPlace(p: unknown): FloorPlace | undefined {
  const o = p as Partial<FloorPlace> | undefined;
  if (o?.kind !== 'pose' || !Array.isArray(o.position) || o.position.length !== 3 || !o.position.every((n) => num(n) !== undefined)) return undefined;
  return { kind: 'pose', position: o.position, heading: num(o.heading) ?? 0 };
}

const size = (w: PlacedWork) => ({ width: num(w.dimensions?.width) ?? 0, height: num(w.dimensions?.height) ?? 0, depth: num(w.dimensions?.depth) });

/** The footprint radius of a floor work (half its longest side on the floor). */
const radius = (w: PlacedWork) => {
  const s = size(w);
  return Math.max(s.width, s.depth ?? s.width) / 2;
};

type Obstacle = { lo: number; hi: number; code: string; message: string };

/** The wall a placement names, or why it has none. */
function wallOf(space: Space, p: WallPlace): { a: Vec2; b: Vec2; length: number; ceiling: number } | PlacementProblem {
  const room = space.rooms.find((r) => r.id === p.room);
  if (!room) return { code: 'no-room', message: `room '${p.room}' does not exist` };
  if (!Number.isInteger(p.wall) || p.wall < 0 || p.wall >= room.polygon.length) {
    return { code: 'no-wall', message: `wall ${p.wall} does not exist in room '${p.room}' (it has ${room.polygon.length} walls)` };
  }
  const [a, b] = edgeOf(room.polygon, p.wall);
  const ceiling = space.kind === 'floorplan' ? ('height' in room && typeof room.height === 'number' ? room.height : space.wallHeight) : Infinity;
  return { a, b, length: distance(a, b), ceiling };
}

/** The spans along the work's wall it may not overlap: low doorways, and the works beside it at its height. */
function wallObstacles(space: Space, work: PlacedWork, p: WallPlace, others: Iterable<PlacedWork>, a: Vec2, b: Vec2): Obstacle[] {
  const { height } = size(work);
  const bottom = p.height - height / 2;
  const top = p.height + height / 2;
  const out: Obstacle[] = [];
  if (space.kind === 'floorplan') {
    for (const door of space.doorways) {
      if (!door.rooms.includes(p.room)) continue;
      const s = toSegment(door.position, a, b);
      if (s.distance > space.wallThickness + EPS || bottom >= door.height - EPS) continue;
      out.push({ lo: s.along - door.width / 2, hi: s.along + door.width / 2, code: `doorway:${door.id}`, message: `the work hangs across doorway '${door.id}'` });
    }
  }
  for (const o of others) {
    const q = wallPlace(o.placement);
    if (o.id === work.id || !q || q.room !== p.room || q.wall !== p.wall) continue;
    const s = size(o);
    if (!(bottom < q.height + s.height / 2 - EPS && q.height - s.height / 2 < top - EPS)) continue;
    out.push({ lo: q.offset - s.width / 2, hi: q.offset + s.width / 2, code: `overlap:${o.id}`, message: `overlaps '${o.id}' on wall ${p.wall} of room '${p.room}'` });
  }
  return out;
}

/** Floor works in the way of a floor work at `at`: doorways and the other floor works. */
function floorObstacles(space: Space, work: PlacedWork, at: Vec2, others: Iterable<PlacedWork>): PlacementProblem[] {
  const r = radius(work);
  const out: PlacementProblem[] = [];
  if (space.kind === 'floorplan') {
    for (const door of space.doorways) {
      if (distance(at, door.position) < door.width / 2 + r - EPS) out.push({ code: `doorway:${door.id}`, message: `the work stands in doorway '${door.id}'` });
    }
  }
  for (const o of others) {
    const q = floorPlace(o.placement);
    if (o.id === work.id || !q) continue;
    if (distance(at, [q.position[0], q.position[2]]) < r + radius(o) - EPS) out.push({ code: `overlap:${o.id}`, message: `stands on '${o.id}'` });
  }
  return out;
}

/** Every placement problem of `work` among `others` (which may include the work itself: it is skipped). */
export function placementProblems(space: Space, work: PlacedWork, others: Iterable<PlacedWork>): PlacementProblem[] {
  const wall = wallPlace(work.placement);
  if (wall) {
    const w = wallOf(space, wall);
    if ('code' in w) return [w];
    const { width, height } = size(work);
    const half = width / 2;
    const out: PlacementProblem[] = [];
    if (width > w.length + EPS) out.push({ code: 'too-wide', message: `the work (${width} m wide) is wider than wall ${wall.wall} of room '${wall.room}' (${w.length.toFixed(2)} m)` });
    else if (wall.offset - half < -EPS || wall.offset + half > w.length + EPS) {
      out.push({ code: 'off-wall', message: `offset ${wall.offset} m puts the work past the ${wall.offset - half < 0 ? 'start' : 'end'} of wall ${wall.wall} of room '${wall.room}'; it must be between ${half.toFixed(2)} and ${(w.length - half).toFixed(2)} m` });
    }
    if (wall.height - height / 2 < -EPS || wall.height + height / 2 > w.ceiling + EPS) out.push({ code: 'height', message: `at ${wall.height} m the work would reach below the floor or above the ceiling` });
    for (const o of wallObstacles(space, work, wall, others, w.a, w.b)) {
      if (wall.offset - half < o.hi - EPS && wall.offset + half > o.lo + EPS) out.push(o);
    }
    return out;
  }
  const pose = floorPlace(work.placement);
  if (!pose) return [{ code: 'malformed', message: 'the placement is neither on a wall (room, wall, offset, height) nor on the floor (position, heading)' }];
  const at: Vec2 = [pose.position[0], pose.position[2]];
  if (space.kind !== 'floorplan') return [];
  const room = space.rooms.find((r) => pointInPolygon(at, r.polygon));
  if (!room) return [{ code: 'outside', message: `the work (x ${at[0]}, z ${at[1]}) is outside every room` }];
  return floorObstacles(space, work, at, others);
}

/** The problems `after` has that `before` did not (by code): what a move would add. */
export function addedProblems(before: readonly PlacementProblem[], after: readonly PlacementProblem[]): PlacementProblem[] {
  const had = new Set(before.map((p) => p.code));
  return after.filter((p) => !had.has(p.code));
}

/**
 * The offset on the grid nearest `wanted` where the work lies within its wall and clear of doorways and other
 * works; undefined when there is none (the wall is full).
 */
export function clearOffset(space: Space, work: PlacedWork, others: Iterable<PlacedWork>, wanted: number): number | undefined {
  const wall = wallPlace(work.placement);
  if (!wall) return undefined;
  const w = wallOf(space, wall);
  if ('code' in w) return undefined;
  const half = size(work).width / 2;
  const blocked = wallObstacles(space, work, wall, others, w.a, w.b);
  const lo = Math.ceil((half - EPS) / SNAP_M);
  const hi = Math.floor((w.length - half + EPS) / SNAP_M);
  const fits = (k: number) => {
    const c = snap(k * SNAP_M);
    return blocked.every((o) => !(c - half < o.hi - EPS && c + half > o.lo + EPS));
  };
  const start = Math.min(Math.max(Math.round(wanted / SNAP_M), lo), hi);
  for (let d = 0; start - d >= lo || start + d <= hi; d++) {
    if (start - d >= lo && fits(start - d)) return snap((start - d) * SNAP_M);
    if (start + d <= hi && fits(start + d)) return snap((start + d) * SNAP_M);
  }
  return undefined;
}

/** How far the work can go each way along its wall from where it is before it meets something (metres). */
export function wallClearances(space: Space, work: PlacedWork, others: Iterable<PlacedWork>): { before: number; after: number } | undefined {
  const wall = wallPlace(work.placement);
  if (!wall) return undefined;
  const w = wallOf(space, wall);
  if ('code' in w) return undefined;
  const half = size(work).width / 2;
  let before = wall.offset - half;
  let after = w.length - (wall.offset + half);
  for (const o of wallObstacles(space, work, wall, others, w.a, w.b)) {
    if (o.hi <= wall.offset - half + EPS) before = Math.min(before, wall.offset - half - o.hi);
    if (o.lo >= wall.offset + half - EPS) after = Math.min(after, o.lo - (wall.offset + half));
  }
  return { before: Number(Math.max(0, before).toFixed(2)), after: Number(Math.max(0, after).toFixed(2)) };
}

/**
 * The grid point nearest `wanted` (plan [x, z]) where a floor work stands inside a room, clear of doorways and
 * other floor works, searching up to `reach` metres away; undefined when none is found.
 */
export function clearFloorPoint(space: Space, work: PlacedWork, others: Iterable<PlacedWork>, wanted: Vec2, reach = 2): Vec2 | undefined {
  if (space.kind !== 'floorplan') return [snap(wanted[0]), snap(wanted[1])];
  const list = [...others];
  const r = radius(work);
  const ok = (p: Vec2) => {
    const room = space.rooms.find((rm) => pointInPolygon(p, rm.polygon));
    if (!room) return false;
    // The whole footprint in the room: the centre at least r from every wall.
    for (let i = 0; i < room.polygon.length; i++) {
      const [a, b] = edgeOf(room.polygon, i);
      if (toSegment(p, a, b).distance < r + space.wallThickness / 2 - EPS && onSegment(p, a, b)) return false;
    }
    return floorObstacles(space, work, p, list).length === 0;
  };
  const cx = Math.round(wanted[0] / SNAP_M);
  const cz = Math.round(wanted[1] / SNAP_M);
  const rings = Math.ceil(reach / SNAP_M);
  for (let d = 0; d <= rings; d++) {
    let best: Vec2 | undefined;
    let bestDist = Infinity;
    for (let i = -d; i <= d; i++) {
      for (const [x, z] of d === 0 ? [[cx, cz]] : [[cx + i, cz - d], [cx + i, cz + d], [cx - d, cz + i], [cx + d, cz + i]]) {
        const p: Vec2 = [snap(x! * SNAP_M), snap(z! * SNAP_M)];
        const dd = distance(p, wanted);
        if (dd < bestDist && ok(p)) {
          best = p;
          bestDist = dd;
        }
      }
    }
    if (best) return best;
  }
  return undefined;
}

/** Whether p's foot on the line ab falls within the segment (a wall's end does not fence the room beyond it). */
function onSegment(p: Vec2, a: Vec2, b: Vec2): boolean {
  const s = toSegment(p, a, b);
  return s.along >= -EPS && s.along <= s.length + EPS;
}
