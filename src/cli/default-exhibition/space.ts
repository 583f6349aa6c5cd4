/**
 * The floor plan of the default exhibition, where every work hangs or stands,
 * and a self-check that throws if anything overlaps, crowds a doorway or
 * leaves visitors no room to walk.
 *
 * Plan coordinates are [x, z] in metres; north is −z (heading 0).
 * Polygons run NW → NE → SE → SW, so wall 0 is the north wall, 1 east, 2 south, 3 west.
 *
 *            x=-7      0          5         10        16                 26
 *   z=-8               +--------------------------------+------------------+
 *                      |          gallery (16 × 8)      |                  |
 *                      |                             d2 =   sculpture      |
 *   z=0    +-----------+=====d1=====+-------------------+   (10 × 10)      |
 *          |  cabinet  |   hall (10 × 8)                |                  |
 *          |  (7 × 7)  =d3                              +------------------+  z=2
 *   z=7    +-----------+            +-------+
 *   z=8                +------------+ stair |   the stair hall (6 × 10): a doorway d4 from the hall at z 1.5,
 *                                   | hall  |   stairs up its east side (z 9.4 → 0.8) and a lift in its
 *   z=10                            +-------+   south-west corner; the mezzanine (same outline) stands 4.4 m up.
 */
import type { LangMap, Vec2 } from '../../twin/schema';
import { distanceToSegment, pointInPolygon } from '../../twin/geometry';

export type L = { en: string; it: string };

export interface RoomSpec {
  id: string;
  name: L;
  polygon: Vec2[];
  floor: { color: string; roughness: number; texture?: string };
  walls: { color: string; roughness: number };
  /** The level it stands on (absent: the ground floor). */
  level?: string;
}

export interface DoorwaySpec {
  id: string;
  rooms: [string, string];
  position: Vec2;
  width: number;
  height: number;
}

export const WALL_HEIGHT = 4.2;
export const WALL_THICKNESS = 0.2;

export const ROOMS: RoomSpec[] = [
  {
    id: 'hall',
    name: { en: 'Entrance Hall: The City and its Founder', it: 'Atrio: la città e il suo fondatore' },
    polygon: [[0, 0], [10, 0], [10, 8], [0, 8]],
    floor: { color: '#bc9464', roughness: 0.55, texture: 'textures/oak-floor.jpg' },
    walls: { color: '#eeeae2', roughness: 0.9 },
  },
  {
    id: 'gallery',
    name: { en: 'Long Gallery: Painting 1894–1974', it: 'Galleria lunga: pittura 1894–1974' },
    polygon: [[0, -8], [16, -8], [16, 0], [0, 0]],
    floor: { color: '#bc9464', roughness: 0.55, texture: 'textures/oak-floor.jpg' },
    walls: { color: '#8a3a32', roughness: 0.92 },
  },
  {
    id: 'sculpture',
    name: { en: 'Sculpture and Objects', it: 'Sculture e oggetti' },
    polygon: [[16, -8], [26, -8], [26, 2], [16, 2]],
    floor: { color: '#ddd6c9', roughness: 0.5, texture: 'textures/stone-floor.jpg' },
    walls: { color: '#e6e3dc', roughness: 0.9 },
  },
  {
    id: 'cabinet',
    name: { en: 'Cabinet of Devotion and Memory', it: 'Gabinetto della devozione e della memoria' },
    polygon: [[-7, 0], [0, 0], [0, 7], [-7, 7]],
    floor: { color: '#bc9464', roughness: 0.55, texture: 'textures/oak-floor.jpg' },
    walls: { color: '#3f5566', roughness: 0.9 },
  },
  {
    id: 'stair-hall',
    name: { en: 'Stair Hall', it: 'Scalone' },
    polygon: [[10, 0], [16, 0], [16, 10], [10, 10]],
    floor: { color: '#ddd6c9', roughness: 0.5, texture: 'textures/stone-floor.jpg' },
    walls: { color: '#eeeae2', roughness: 0.9 },
  },
  {
    id: 'mezzanine',
    name: { en: 'Mezzanine: Studies and Second Thoughts', it: 'Mezzanino: studi e ripensamenti' },
    polygon: [[10, 0], [16, 0], [16, 10], [10, 10]],
    floor: { color: '#bc9464', roughness: 0.55, texture: 'textures/oak-floor.jpg' },
    walls: { color: '#5d6b52', roughness: 0.9 },
    level: 'mezzanine',
  },
];

/** The floors of the building, lowest first: the mezzanine stands on the stair hall's ceiling (4.2 m) and its slab. */
export const LEVELS = [
  { id: 'ground', name: { en: 'Ground floor', it: 'Piano terra' }, elevation: 0 },
  { id: 'mezzanine', name: { en: 'Mezzanine', it: 'Mezzanino' }, elevation: 4.4 },
] as const;

interface VerticalLinkSpec {
  id: string;
  kind: 'stairs' | 'lift';
  name: L;
  /** [foot, head]: where one steps on and off, in the stair hall (ground floor) and on the mezzanine. */
  ends: [{ room: string; at: Vec2 }, { room: string; at: Vec2 }];
}

/**
 * The stairs climb the stair hall's east side northwards, 8.6 m from foot to head for a 4.4 m rise (the flight
 * between the two ends is drawn by src/scene/architecture.ts); the lift rises in the south-west corner.
 */
export const VERTICAL_LINKS: VerticalLinkSpec[] = [
  { id: 'mezzanine-stairs', kind: 'stairs', name: { en: 'Stairs to the mezzanine', it: 'Scala per il mezzanino' }, ends: [{ room: 'stair-hall', at: [15, 9.4] }, { room: 'mezzanine', at: [15, 0.8] }] },
  { id: 'mezzanine-lift', kind: 'lift', name: { en: 'Lift to the mezzanine', it: 'Ascensore per il mezzanino' }, ends: [{ room: 'stair-hall', at: [11, 9] }, { room: 'mezzanine', at: [11, 9] }] },
];

export const DOORWAYS: DoorwaySpec[] = [
  { id: 'hall-gallery', rooms: ['hall', 'gallery'], position: [5, 0], width: 2.4, height: 3.2 },
  { id: 'gallery-sculpture', rooms: ['gallery', 'sculpture'], position: [16, -4], width: 2.2, height: 3.0 },
  { id: 'hall-cabinet', rooms: ['hall', 'cabinet'], position: [0, 3.5], width: 1.8, height: 2.8 },
  // North of the Castelrovo view, clear of the amphora and of the way from the entrance into the long gallery.
  { id: 'hall-stair-hall', rooms: ['hall', 'stair-hall'], position: [10, 1.5], width: 1.6, height: 2.8 },
];

/**
 * Where the visitor starts, the opening view: in the hall's south-west corner, turned 30° east of north, it frames
 * the first room as a photograph of it would (its three paintings, two walls in perspective, the doorway into the
 * long gallery with its works beyond). docs/looks.md shows it.
 */
export const ENTRANCE = { position: [2.5, 0, 7.4] as [number, number, number], heading: 30 };

// ------------------------------------------------------------------ placements

export interface WallSpot {
  kind: 'wall';
  room: string;
  wall: number;
  offset: number;
  height: number;
}
export interface PoseSpot {
  kind: 'pose';
  position: [number, number, number];
  heading: number;
}

/** Painting centres along walls, in running order; offsets are computed by spreading them evenly. */
const HANGS: { room: string; wall: number; from: number; to: number; works: string[] }[] = [
  { room: 'hall', wall: 0, from: 0, to: 3.8, works: ['portrait-of-count-rovere'] },
  { room: 'hall', wall: 0, from: 6.2, to: 10, works: ['dawn-over-the-marsh'] },
  { room: 'hall', wall: 1, from: 0, to: 8, works: ['castelrovo-from-the-river'] },
  { room: 'hall', wall: 2, from: 0, to: 10, works: ['harbour-lights'] },
  { room: 'gallery', wall: 0, from: 0, to: 16, works: ['threshing-in-the-sun', 'mountain-pasture', 'poplars-in-november', 'still-life-with-lemons', 'bottles-and-a-blue-bowl'] },
  { room: 'gallery', wall: 2, from: 0, to: 9.8, works: ['composition-with-ochre-bars', 'red-rhythm'] },
  { room: 'gallery', wall: 2, from: 12.2, to: 16, works: ['night-field-blue'] },
  { room: 'gallery', wall: 3, from: 0, to: 8, works: ['field-of-sienna'] },
  { room: 'cabinet', wall: 3, from: 0, to: 7, works: ['saint-ravo-calms-the-waters'] },
  { room: 'cabinet', wall: 2, from: 0, to: 7, works: ['the-apothecarys-daughter'] },
  // The mezzanine: its west wall (clear of the lift in the south-west corner), and its south wall between the lift and
  // the stairwell (the opening over the flight runs along the east wall, x 14.3 to 16: src/twin/route/stairwell.ts).
  { room: 'mezzanine', wall: 3, from: 2, to: 10, works: ['poplars-for-her-sister', 'study-for-red-rhythm'] },
  { room: 'mezzanine', wall: 2, from: 2, to: 5, works: ['lemons-and-a-blue-jug-study'] },
];

/** Objects: floor point under the plinth centre and the direction the work's front faces. */
const STANDS: Record<string, { room: string; at: Vec2; faces: Vec2 }> = {
  'ivy-amphora': { room: 'hall', at: [7.5, 6.3], faces: [5, 4.5] },
  'wedding-bowl': { room: 'gallery', at: [8, -4.2], faces: [8, 0] },
  'orbit-ii': { room: 'sculpture', at: [21.4, -3], faces: [16, -4] },
  'head-of-a-young-man': { room: 'sculpture', at: [18.9, -6.2], faces: [18.4, -3] },
  'three-waters': { room: 'sculpture', at: [24.2, -6.2], faces: [20, -2] },
  'pharmacy-jar': { room: 'sculpture', at: [24.3, -2.9], faces: [18, -3] },
  'shepherd-with-staff': { room: 'sculpture', at: [24.2, 0.3], faces: [20, -3] },
  'celadon-vase': { room: 'sculpture', at: [18.9, 0.3], faces: [19.5, -3] },
  'cinerary-urn': { room: 'cabinet', at: [-5.2, 1.8], faces: [-3, 3.5] },
  'old-man-mask': { room: 'cabinet', at: [-2.1, 1.8], faces: [-0.5, 3.5] },
  'veiled-processional-object': { room: 'cabinet', at: [-5.2, 5.3], faces: [-3, 3.5] },
};

/** Where the AR marker hangs: the hall's west wall, beside the cabinet doorway, 1.5 m up. */
export const MARKER_SPOT = { room: 'hall', wall: 3, offset: 6.5, height: 1.5, width: 0.2 };

/** Heading (degrees, 0 = toward −z, 90 = toward +x) of the direction from a to b. */
export function headingTowards(a: Vec2, b: Vec2): number {
  const dx = b[0] - a[0];
  const dz = b[1] - a[1];
  const h = (Math.atan2(dx, -dz) * 180) / Math.PI;
  return Math.round(h < 0 ? h + 360 : h);
}

export function room(id: string): RoomSpec {
  const r = ROOMS.find((x) => x.id === id);
  if (!r) throw new Error(`no room ${id}`);
  return r;
}

export function wallSegment(roomId: string, wall: number): { a: Vec2; b: Vec2; length: number } {
  const poly = room(roomId).polygon;
  const a = poly[wall];
  const b = poly[(wall + 1) % poly.length];
  if (!a || !b) throw new Error(`room ${roomId} has no wall ${wall}`);
  return { a, b, length: Math.hypot(b[0] - a[0], b[1] - a[1]) };
}

/** A point at `offset` metres along a wall, and the inward normal (into the room). */
export function wallPoint(roomId: string, wall: number, offset: number): { point: Vec2; inward: Vec2 } {
  const { a, b, length } = wallSegment(roomId, wall);
  const d: Vec2 = [(b[0] - a[0]) / length, (b[1] - a[1]) / length];
  // polygons run clockwise seen from above (x right, z down the page): the interior is to the right of each wall
  const inward: Vec2 = [-d[1], d[0]];
  return { point: [a[0] + d[0] * offset, a[1] + d[1] * offset], inward };
}

export interface Footprint {
  /** painting: width and height incl. frame (m); object: plinth radius (m) */
  width: number;
  height: number;
}

/** Spread works along a stretch of wall with equal gaps. */
function spread(from: number, to: number, widths: number[]): number[] {
  const total = widths.reduce((s, w) => s + w, 0);
  const gap = (to - from - total) / (widths.length + 1);
  const out: number[] = [];
  let x = from + gap;
  for (const w of widths) {
    out.push(Math.round((x + w / 2) * 1000) / 1000);
    x += w + gap;
  }
  return out;
}

export function wallPlacements(size: (id: string) => Footprint): Record<string, WallSpot> {
  const out: Record<string, WallSpot> = {};
  for (const h of HANGS) {
    const widths = h.works.map((id) => size(id).width);
    const offsets = spread(h.from, h.to, widths);
    h.works.forEach((id, i) => {
      const tall = size(id).height;
      // eye-level centre at 1.6 m, raised for very tall works so they clear the floor comfortably
      const height = Math.round(Math.max(1.6, tall / 2 + 0.55) * 100) / 100;
      out[id] = { kind: 'wall', room: h.room, wall: h.wall, offset: offsets[i]!, height };
    });
  }
  return out;
}

export function posePlacements(): Record<string, PoseSpot & { room: string }> {
  const out: Record<string, PoseSpot & { room: string }> = {};
  for (const [id, s] of Object.entries(STANDS)) {
    out[id] = { kind: 'pose', room: s.room, position: [s.at[0], 0, s.at[1]], heading: headingTowards(s.at, s.faces) };
  }
  return out;
}

/** The sub-room zone: the bay of the long gallery hung with the two divisionist paintings. */
export function divisionistBay(walls: Record<string, WallSpot>, size: (id: string) => Footprint): { id: string; name: L; polygon: Vec2[]; works: string[] } {
  const works = ['threshing-in-the-sun', 'mountain-pasture'];
  const xs = works.flatMap((id) => {
    const p = walls[id]!;
    const { point } = wallPoint(p.room, p.wall, p.offset);
    return [point[0] - size(id).width / 2 - 0.6, point[0] + size(id).width / 2 + 0.6];
  });
  const x0 = Math.round(Math.min(...xs) * 10) / 10;
  const x1 = Math.round(Math.max(...xs) * 10) / 10;
  return {
    id: 'divisionist-bay',
    name: { en: 'The Divisionist Bay', it: 'La campata divisionista' },
    polygon: [[x0, -8], [x1, -8], [x1, -5], [x0, -5]],
    works,
  };
}

// ------------------------------------------------------------------ self-check

const MIN_GAP_WALL = 0.4; // between framed works, and between a work and a doorway
const MIN_FROM_WALL_END = 0.5;
const MIN_OBJECT_WALL = 1.2; // from a wall to the edge of a plinth
const MIN_OBJECT_GAP = 1.2; // between plinth edges
const MIN_PATH = 0.9; // from the straight path between doorways to a plinth edge

/** Offset of a doorway along a wall, or null if it is not on that wall. */
function doorwayOffset(d: DoorwaySpec, roomId: string, wall: number): number | null {
  const { a, b, length } = wallSegment(roomId, wall);
  if (distanceToSegment(d.position, a, b) > 1e-6) return null;
  return Math.hypot(d.position[0] - a[0], d.position[1] - a[1]) * (length > 0 ? 1 : 0);
}

/**
 * Throws with every problem found: overlapping works, works too near a doorway
 * or a wall end, objects crowding walls, doorways, each other or the way through.
 */
export function checkLayout(
  walls: Record<string, WallSpot>,
  poses: Record<string, PoseSpot & { room: string }>,
  size: (id: string) => Footprint,
): void {
  const problems: string[] = [];
  // rooms: shared walls, doorways on both rooms' walls and within them
  for (const d of DOORWAYS) {
    for (const r of d.rooms) {
      const poly = room(r).polygon;
      let found = false;
      poly.forEach((_, w) => {
        const off = doorwayOffset(d, r, w);
        if (off === null) return;
        found = true;
        const { length } = wallSegment(r, w);
        if (off - d.width / 2 < MIN_FROM_WALL_END || off + d.width / 2 > length - MIN_FROM_WALL_END) problems.push(`doorway ${d.id} too near the end of ${r} wall ${w}`);
      });
      if (!found) problems.push(`doorway ${d.id} is not on a wall of ${r}`);
    }
    if (d.width < 1.6 || d.width > 2.4 || d.height < 2.8 || d.height > 3.2) problems.push(`doorway ${d.id} has an odd size`);
  }
  // every room reachable from the hall
  const reached = new Set(['hall']);
  for (const l of VERTICAL_LINKS) for (const e of l.ends) if (!pointInPolygon(e.at, room(e.room).polygon)) problems.push(`${l.id}: its end [${e.at}] is not inside ${e.room}`);
  const joins = [...DOORWAYS.map((d) => d.rooms), ...VERTICAL_LINKS.map((l) => l.ends.map((e) => e.room))];
  for (let k = 0; k < ROOMS.length; k++) for (const rooms of joins) if (rooms.some((r) => reached.has(r))) rooms.forEach((r) => reached.add(r));
  for (const r of ROOMS) if (!reached.has(r.id)) problems.push(`room ${r.id} cannot be reached`);

  // wall items: intervals per (room, wall)
  type Item = { what: string; from: number; to: number; door: boolean };
  const byWall = new Map<string, Item[]>();
  const push = (key: string, item: Item): void => {
    const list = byWall.get(key) ?? [];
    list.push(item);
    byWall.set(key, list);
  };
  for (const [id, p] of Object.entries(walls)) {
    const { width, height } = size(id);
    const { length } = wallSegment(p.room, p.wall);
    if (p.offset - width / 2 < MIN_FROM_WALL_END || p.offset + width / 2 > length - MIN_FROM_WALL_END) problems.push(`${id} is within ${MIN_FROM_WALL_END} m of the end of ${p.room} wall ${p.wall}`);
    if (p.height - height / 2 < 0.3 || p.height + height / 2 > WALL_HEIGHT - 0.3) problems.push(`${id} does not fit the wall height`);
    push(`${p.room}/${p.wall}`, { what: id, from: p.offset - width / 2, to: p.offset + width / 2, door: false });
  }
  const m = MARKER_SPOT;
  push(`${m.room}/${m.wall}`, { what: 'AR marker', from: m.offset - m.width / 2, to: m.offset + m.width / 2, door: false });
  for (const r of ROOMS) {
    r.polygon.forEach((_, w) => {
      // only the room's own doorways: one below on another level may lie on the same line of plan
      for (const d of DOORWAYS.filter((x) => x.rooms.includes(r.id))) {
        const off = doorwayOffset(d, r.id, w);
        if (off !== null) push(`${r.id}/${w}`, { what: `doorway ${d.id}`, from: off - d.width / 2, to: off + d.width / 2, door: true });
      }
    });
  }
  for (const [key, items] of byWall) {
    items.sort((a, b) => a.from - b.from);
    for (let i = 1; i < items.length; i++) {
      const a = items[i - 1]!;
      const b = items[i]!;
      if (a.door && b.door) continue;
      if (b.from - a.to < MIN_GAP_WALL) problems.push(`${a.what} and ${b.what} on ${key} are ${(b.from - a.to).toFixed(2)} m apart`);
    }
  }

  // objects
  const list = Object.entries(poses);
  for (const [id, p] of list) {
    const at: Vec2 = [p.position[0], p.position[2]];
    const r = size(id).width;
    const rm = room(p.room);
    if (!pointInPolygon(at, rm.polygon)) problems.push(`${id} is not inside ${p.room}`);
    rm.polygon.forEach((a, i) => {
      const b = rm.polygon[(i + 1) % rm.polygon.length]!;
      const d = distanceToSegment(at, a, b) - r;
      if (d < MIN_OBJECT_WALL) problems.push(`${id} is ${d.toFixed(2)} m from ${p.room} wall ${i}`);
    });
    const doors = DOORWAYS.filter((d) => d.rooms.includes(p.room));
    for (const d of doors) {
      const gap = Math.hypot(at[0] - d.position[0], at[1] - d.position[1]) - r - d.width / 2;
      if (gap < MIN_OBJECT_WALL) problems.push(`${id} crowds doorway ${d.id} (${gap.toFixed(2)} m)`);
    }
    // the straight ways through the room: between its doorways, and from the entrance
    const ways: [Vec2, Vec2][] = [];
    for (let i = 0; i < doors.length; i++) for (let j = i + 1; j < doors.length; j++) ways.push([doors[i]!.position, doors[j]!.position]);
    if (p.room === 'hall') for (const d of doors) ways.push([[ENTRANCE.position[0], ENTRANCE.position[2]], d.position]);
    for (const [a, b] of ways) {
      const gap = distanceToSegment(at, a, b) - r;
      if (gap < MIN_PATH) problems.push(`${id} blocks the way from [${a}] to [${b}] (${gap.toFixed(2)} m)`);
    }
  }
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const [ia, pa] = list[i]!;
      const [ib, pb] = list[j]!;
      if (pa.room !== pb.room) continue;
      const gap = Math.hypot(pa.position[0] - pb.position[0], pa.position[2] - pb.position[2]) - size(ia).width - size(ib).width;
      if (gap < MIN_OBJECT_GAP) problems.push(`${ia} and ${ib} are only ${gap.toFixed(2)} m apart`);
    }
  }
  const ex = ENTRANCE.position;
  if (!pointInPolygon([ex[0], ex[2]], room('hall').polygon)) problems.push('the entrance is not inside the hall');
  if (problems.length > 0) throw new Error(`layout self-check failed:\n  ${problems.join('\n  ')}`);
}

export const asLangMap = (l: L): LangMap => ({ en: l.en, it: l.it });
