/**
 * The places a visit stops at, on the plan: where a visitor stands to look at a work (about 1.5 m in front of a
 * wall work, beside an object), which room and level that is, and where a visit starts or ends (the entrance,
 * the café, the shop). Each work's suggested dwell time, with a default by kind.
 */
import type { Artwork, Exhibition, FloorPlan, Vec2 } from '../schema';
import { artworkPose } from '../layout';
import { headingToDir, dirToHeading } from '../floorplan';
import { distanceToBoundary, pointInPolygon } from '../geometry';
import { amenitiesOf, levelsOf, roomLevels } from './levels';

/** Minutes at a work when the file gives none. */
export const DEFAULT_DWELL: Record<Artwork['kind'], number> = { painting: 2, object: 3 };

export function dwellMinutes(art: Artwork): number {
  return art.dwellMinutes ?? DEFAULT_DWELL[art.kind];
}

export interface Place {
  id: string;
  room: string;
  level: string;
  /** Where the visitor stands. */
  position: Vec2;
  /** Which way they face there (degrees, 0 toward −z): at a work, toward it. */
  facing: number;
}

const VIEW_DISTANCE = 1.5;
const BESIDE_OBJECT = 0.8;

/** Where a visitor stands to look at the work, or undefined when it is in no room of the plan. */
export function workPlace(ex: Exhibition, art: Artwork, levelOfRoom = roomLevels(planOf(ex))): Place | undefined {
  const plan = planOf(ex);
  const room = workRoom(ex, art, plan);
  if (!room) return undefined;
  const pose = artworkPose(ex, art);
  const dir = headingToDir(pose.heading);
  const at: Vec2 = [pose.position[0], pose.position[2]];
  const reach = art.kind === 'painting' ? VIEW_DISTANCE : (art.dimensions.depth ?? art.dimensions.width) / 2 + BESIDE_OBJECT;
  // Step back from the work, and nearer when that would be too close to a wall or out of the room.
  let d = reach;
  let p: Vec2 = [at[0] + dir[0] * d, at[1] + dir[1] * d];
  while (d > 0.3 && !(pointInPolygon(p, room.polygon) && distanceToBoundary(p, room.polygon) > 0.25)) {
    d -= 0.1;
    p = [at[0] + dir[0] * d, at[1] + dir[1] * d];
  }
  if (!pointInPolygon(p, room.polygon)) return undefined;
  return { id: art.id, room: room.id, level: levelOfRoom.get(room.id) ?? '', position: p, facing: dirToHeading([at[0] - p[0], at[1] - p[1]]) };
}

/** The room a work is in: its wall's room, or for a posed work the room under it on the level nearest below it. */
export function workRoom(ex: Exhibition, art: Artwork, plan = planOf(ex)): FloorPlan['rooms'][number] | undefined {
  const p = art.placement;
  if (p.kind === 'wall') return plan.rooms.find((r) => r.id === p.room);
  const levels = roomLevels(plan);
  const elevation = new Map(levelsOf(plan).map((l) => [l.id, l.elevation]));
  let best: { room: FloorPlan['rooms'][number]; e: number } | undefined;
  for (const room of plan.rooms) {
    if (!pointInPolygon([p.position[0], p.position[2]], room.polygon)) continue;
    const e = elevation.get(levels.get(room.id) ?? '') ?? 0;
    if (e <= p.position[1] + 0.01 && (!best || e > best.e)) best = { room, e };
  }
  return best?.room;
}

/** Where a visit starts or ends: 'entrance' or the id of a café or shop. Undefined for an unknown id. */
export function endPlace(ex: Exhibition, which: string): Place | undefined {
  const plan = planOf(ex);
  const levels = roomLevels(plan);
  if (which === 'entrance') {
    const at: Vec2 = [ex.entrance.position[0], ex.entrance.position[2]];
    const room = plan.rooms.find((r) => pointInPolygon(at, r.polygon) && (levels.get(r.id) ?? '') === levelsOf(plan)[0]!.id) ?? plan.rooms.find((r) => pointInPolygon(at, r.polygon));
    return room ? { id: 'entrance', room: room.id, level: levels.get(room.id) ?? '', position: at, facing: ex.entrance.heading } : undefined;
  }
  const a = amenitiesOf(plan).find((x) => x.id === which);
  return a ? { id: a.id, room: a.room, level: levels.get(a.room) ?? '', position: a.position, facing: 0 } : undefined;
}

/** The plan as a floor plan (a scanned space has room outlines but no doorways: no walking graph between them). */
export function planOf(ex: Exhibition): FloorPlan {
  const s = ex.space;
  if (s.kind === 'floorplan') return s;
  return { kind: 'floorplan', wallHeight: 3, wallThickness: 0.2, rooms: s.rooms, doorways: [] };
}
