/**
 * Walls while curating: the hanging grid (it lives with the placement rules, twin/curate-placement.ts), the walls
 * a work may be hung on, the wall nearest a point of the plan (a drag across a room finds the wall it goes to),
 * and hanging a work on another wall, of its room or of another, at the clear place nearest where it was wanted.
 */
import type * as Y from 'yjs';
import { moveToWall } from '../twin/curate-actions';
import { docReader } from '../twin/curate-edits';
import { addedProblems, clearOffset, placementProblems, snapOffset, wallPlace, type PlacedWork } from '../twin/curate-placement';
import { roomEdges } from '../twin/floorplan';
import { pointInPolygon, toSegment } from '../twin/geometry';
import type { Space } from '../twin/schema';

export { SNAP_M, snapOffset } from '../twin/curate-placement';

/** One wall of one room. */
export interface WallChoice {
  readonly room: string;
  readonly wall: number;
  /** Metres. */
  readonly length: number;
}

/** Every wall of every room, in the plan's order (each room's walls from its first corner). */
export function wallChoices(space: Space): WallChoice[] {
  return space.rooms.flatMap((r) => roomEdges(r).map((e) => ({ room: r.id, wall: e.index, length: Number(e.length.toFixed(2)) })));
}

/** The wall nearest plan point `at` in the room that holds it, and how far along that wall the point's foot is. */
export function nearestWall(space: Space, at: readonly [number, number]): (WallChoice & { along: number }) | undefined {
  const room = space.rooms.find((r) => pointInPolygon([at[0], at[1]], r.polygon));
  if (!room) return undefined;
  let best: (WallChoice & { along: number; distance: number }) | undefined;
  for (const e of roomEdges(room)) {
    const s = toSegment([at[0], at[1]], e.a, e.b);
    if (!best || s.distance < best.distance) best = { room: room.id, wall: e.index, length: e.length, along: s.along, distance: s.distance };
  }
  return best && { room: best.room, wall: best.wall, length: best.length, along: best.along };
}

/** Where work `id` would hang on `to` near `along` metres: the nearest clear place, or `along` itself (snapped). */
export function placeOnWall(space: Space, work: PlacedWork, others: Iterable<PlacedWork>, to: { room: string; wall: number }, along: number): number {
  const wp = wallPlace(work.placement);
  const there = { ...work, placement: { ...wp, room: to.room, wall: to.wall, offset: along } };
  return clearOffset(space, there, others, along) ?? snapOffset(along);
}

/**
 * Hangs work `id` on wall `to` near `along` metres (default: the middle of the wall); returns the placement
 * problems the move adds (a full wall: the work still moves, and the draft shows the problem).
 */
export function hangOnWall(doc: Y.Doc, id: string, to: { room: string; wall: number }, along: number | undefined, origin: object): string[] {
  const reader = docReader(doc);
  const space = reader.space();
  const others = reader.placed();
  const me = others.find((w) => w.id === id);
  const wp = me && wallPlace(me.placement);
  const target = space && wallChoices(space).find((c) => c.room === to.room && c.wall === to.wall);
  if (!space || !me || !wp || !target) return [];
  const offset = placeOnWall(space, me, others, to, along ?? target.length / 2);
  const next = { ...me, placement: { ...wp, room: to.room, wall: to.wall, offset } };
  const added = addedProblems(placementProblems(space, me, others), placementProblems(space, next, others));
  moveToWall(doc, id, to.room, to.wall, offset, origin);
  return added.map((p) => p.message);
}
