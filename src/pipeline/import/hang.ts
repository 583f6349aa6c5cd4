/**
 * The geometry of an imported exhibition's rooms: how big each room must be for its works, where each painting
 * hangs on the museum's hanging line and where each object stands. Pure and deterministic; layout.ts joins the
 * rooms into a plan and turns the placements into the format's.
 *
 * Rooms are rectangles [[x0,z0],[x1,z0],[x1,z1],[x0,z1]] as in src/cli/generated-exhibition.ts: wall 0 is the
 * z0 side (offsets run +x), 1 the x1 side (+z), 2 the z1 side (−x), 3 the x0 side (−z). Doorways sit at the
 * centre of their wall, so a room's size can be found before the plan places it.
 */
import type { Vec2 } from '../../twin/schema';

/**
 * The hanging line: the centre of a painting 1.45 m above the floor. This is the "57-inch rule" (57 in ≈ 1.45 m)
 * many museums hang to: about the eye height of an adult standing, so most visitors look at a work's centre
 * straight on, and a wall of works of different sizes reads as one line because their centres align.
 */
export const HANGING_LINE = 1.45;
/** The lowest a frame may come: clear of the skirting and of visitors' feet. */
const LOWEST_EDGE = 0.3;
/** Clear wall between two frames at the least, and between a frame and a corner or doorway. */
export const MIN_GAP = 0.6;
const CORNER = 0.4;
export const DOOR = { width: 2.4, height: 3, clearance: 0.6 } as const;
export const WALL_HEIGHT = 4.2;
/** Room to stand back from the walls' works before the first object, and room to walk between objects. */
const WALL_AISLE = 1.6;
const OBJECT_AISLE = 1.4;
/** Room sizes the search starts from and never passes. */
const MIN_SIZE = { width: 8, depth: 6 } as const;
const MAX_WIDTH = 200;
const STEP = 0.5;

export interface PaintingBox {
  /** Index in the caller's list. */
  index: number;
  /** Outer size, frame included, metres. */
  width: number;
  height: number;
}

export interface ObjectBox {
  index: number;
  width: number;
  depth: number;
  /** Height of the object with its plinth or case, metres. */
  height: number;
}

export interface HungPainting {
  index: number;
  wall: number;
  offset: number;
  /** Height of the centre above the floor. */
  height: number;
}

export interface StandingObject {
  index: number;
  /** Plan point under the centre, relative to the room's corner [x0, z0]. */
  at: Vec2;
  heading: number;
}

export interface RoomFit {
  width: number;
  depth: number;
  height: number;
  paintings: HungPainting[];
  objects: StandingObject[];
}

/** Where a painting's centre hangs: on the hanging line, or higher when the work is too tall for it. */
export function hangHeight(outerHeight: number): number {
  return Math.max(HANGING_LINE, outerHeight / 2 + LOWEST_EDGE);
}

/** The ceiling a room needs for its tallest painting and object, never below the usual 4.2 m. */
export function roomHeight(paintings: PaintingBox[], objects: ObjectBox[]): number {
  let h = WALL_HEIGHT;
  for (const p of paintings) h = Math.max(h, hangHeight(p.height) + p.height / 2 + 0.6);
  for (const o of objects) h = Math.max(h, o.height + 0.8);
  return Math.ceil(h * 10) / 10;
}

interface Segment {
  wall: number;
  lo: number;
  hi: number;
}

/** The free runs of wall, in walking order (0, 1, 2, 3), around the doorways at the centres of `doorWalls`. */
export function wallSegments(width: number, depth: number, doorWalls: ReadonlySet<number>): Segment[] {
  const out: Segment[] = [];
  for (let wall = 0; wall < 4; wall++) {
    const len = wall % 2 === 0 ? width : depth;
    if (doorWalls.has(wall)) {
      const half = DOOR.width / 2 + DOOR.clearance;
      out.push({ wall, lo: CORNER, hi: len / 2 - half }, { wall, lo: len / 2 + half, hi: len - CORNER });
    } else out.push({ wall, lo: CORNER, hi: len - CORNER });
  }
  return out.filter((s) => s.hi - s.lo >= 0.3);
}

/** Spaces the paintings evenly on one run: equal clear wall between frames and at both ends. */
function spread(seg: Segment, works: PaintingBox[], out: HungPainting[]): void {
  const used = works.reduce((s, w) => s + w.width, 0);
  const gap = (seg.hi - seg.lo - used) / (works.length + 1);
  let x = seg.lo + gap;
  for (const w of works) {
    out.push({ index: w.index, wall: seg.wall, offset: round(x + w.width / 2), height: round(hangHeight(w.height)) });
    x += w.width + gap;
  }
}

const fits = (seg: Segment, works: PaintingBox[], next: PaintingBox): boolean =>
  works.reduce((s, w) => s + w.width, 0) + next.width + MIN_GAP * works.length <= seg.hi - seg.lo + 1e-9;

/**
 * Hangs the paintings in order around the walls, each run holding a share of them in proportion to its length
 * (so no wall is crowded while another stands bare), evenly spaced. Undefined when they do not fit.
 */
export function hangPaintings(segments: Segment[], paintings: PaintingBox[]): HungPainting[] | undefined {
  if (paintings.length === 0) return [];
  const total = segments.reduce((s, g) => s + (g.hi - g.lo), 0);
  const need = paintings.reduce((s, p) => s + p.width, 0);
  const balanced = fill(segments, paintings, total, need);
  return balanced ?? fill(segments, paintings, total, Infinity);
}

function fill(segments: Segment[], paintings: PaintingBox[], total: number, need: number): HungPainting[] | undefined {
  const out: HungPainting[] = [];
  let next = 0;
  let placed = 0;
  let lengthSoFar = 0;
  for (const seg of segments) {
    lengthSoFar += seg.hi - seg.lo;
    // The width this run and those before it should hold, by their share of the wall.
    const target = need === Infinity ? Infinity : (lengthSoFar / total) * need;
    const here: PaintingBox[] = [];
    while (next < paintings.length) {
      const p = paintings[next]!;
      if (!fits(seg, here, p)) break;
      // A run takes a work only while it holds no more than its share; a short run beside a doorway may stay bare.
      if (placed + p.width / 2 > target + 1e-9) break;
      here.push(p);
      placed += p.width;
      next++;
    }
    if (here.length) spread(seg, here, out);
  }
  return next === paintings.length ? out : undefined;
}

/**
 * Stands the objects in the middle of the room, clear of the walls' viewing space: one at the centre, or two
 * lines either side of the aisle between the room's doorways, each object facing that aisle.
 */
export function standObjects(width: number, depth: number, objects: ObjectBox[]): StandingObject[] | undefined {
  if (objects.length === 0) return [];
  const foot = (o: ObjectBox): number => Math.max(o.width, o.depth);
  if (objects.length === 1) {
    const o = objects[0]!;
    const clear = Math.min(width, depth) / 2 - foot(o) / 2;
    return clear >= WALL_AISLE ? [{ index: o.index, at: [round(width / 2), round(depth / 2)], heading: 180 }] : undefined;
  }
  const lines: ObjectBox[][] = [[], []];
  objects.forEach((o, i) => lines[i % 2]!.push(o));
  const zs = [depth / 3, (2 * depth) / 3];
  const out: StandingObject[] = [];
  for (let l = 0; l < 2; l++) {
    const line = lines[l]!;
    const deepest = Math.max(...line.map(foot));
    // From the wall to the object's edge, and across the aisle between the lines.
    if (zs[0]! - deepest / 2 < WALL_AISLE || zs[1]! - zs[0]! - deepest < OBJECT_AISLE) return undefined;
    const run = width - 2 * WALL_AISLE;
    const used = line.reduce((s, o) => s + foot(o), 0);
    const gap = (run - used) / (line.length + 1);
    if (gap < OBJECT_AISLE) return undefined;
    let x = WALL_AISLE + gap;
    for (const o of line) {
      out.push({ index: o.index, at: [round(x + foot(o) / 2), round(zs[l]!)], heading: l === 0 ? 180 : 0 });
      x += foot(o) + gap;
    }
  }
  return out;
}

function tryFit(width: number, depth: number, doorWalls: ReadonlySet<number>, paintings: PaintingBox[], objects: ObjectBox[]): RoomFit | undefined {
  const hung = hangPaintings(wallSegments(width, depth, doorWalls), paintings);
  if (!hung) return undefined;
  const standing = standObjects(width, depth, objects);
  if (!standing) return undefined;
  return { width, depth, height: roomHeight(paintings, objects), paintings: hung, objects: standing };
}

/**
 * The smallest room, about 1.4 times as wide as deep (a common gallery proportion), that holds the works.
 * Undefined when no room up to 200 m wide does (a work wider than that: the caller reports it).
 */
export function sizeRoom(doorWalls: ReadonlySet<number>, paintings: PaintingBox[], objects: ObjectBox[]): RoomFit | undefined {
  for (let width = MIN_SIZE.width; width <= MAX_WIDTH; width += STEP) {
    const depth = Math.max(MIN_SIZE.depth, Math.round(width / 1.4 / STEP) * STEP);
    const fit = tryFit(width, depth, doorWalls, paintings, objects);
    if (fit) return fit;
  }
  return undefined;
}

/** The narrowest room of the given depth (a row of rooms shares one) that holds the works. */
export function sizeRoomToDepth(depth: number, doorWalls: ReadonlySet<number>, paintings: PaintingBox[], objects: ObjectBox[]): RoomFit | undefined {
  for (let width = MIN_SIZE.width; width <= MAX_WIDTH; width += STEP) {
    const fit = tryFit(width, depth, doorWalls, paintings, objects);
    if (fit) return fit;
  }
  return undefined;
}

export const round = (x: number): number => Math.round(x * 1000) / 1000;
