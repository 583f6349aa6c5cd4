/**
 * Where each artwork is in the space and where a visitor stands to look at it.
 * Pure math over the validated model; the scene and the modes read these.
 */
import { dirToHeading, headingToDir, roomEdges, type RoomOutline } from './floorplan';
import { add, pointInPolygon, scale } from './geometry';
import type { Artwork, Exhibition, Vec2, Vec3 } from './schema';
import { roomAtHeight, roomElevations } from './route/levels';

/** Gap between a wall's face and the back of a painting. */
const HANG_GAP = 0.03;
export const EYE_HEIGHT = 1.6;

export interface ArtworkPose {
  /** Paintings: centre of the image. Objects: the floor point under the work's base. */
  position: Vec3;
  /** The direction the work faces, in degrees (0 toward −z). */
  heading: number;
  room?: string;
}

export interface Viewpoint {
  eye: Vec3;
  target: Vec3;
}

export function rooms(ex: Exhibition): RoomOutline[] {
  return ex.space.rooms;
}

function wallThickness(ex: Exhibition): number {
  return ex.space.kind === 'floorplan' ? ex.space.wallThickness : 0;
}

export function artworkPose(ex: Exhibition, art: Artwork): ArtworkPose {
  const p = art.placement;
  if (p.kind === 'pose') {
    // Rooms on two levels may share plan area: the room is the one whose floor the work stands on.
    const room = roomAtHeight(ex.space, p.position);
    return { position: p.position, heading: p.heading, room: room?.id };
  }
  const room = rooms(ex).find((r) => r.id === p.room);
  const edge = room ? roomEdges(room)[p.wall] : undefined;
  if (!room || !edge) throw new Error(`artwork '${art.id}': wall ${p.wall} of room '${p.room}' does not exist`);
  const depth = art.kind === 'painting' ? (art.dimensions.depth ?? 0.04) / 2 + HANG_GAP : 0;
  const plan = add(add(edge.a, scale(edge.dir, p.offset)), scale(edge.inward, wallThickness(ex) / 2 + depth));
  // A wall work's height is above its room's floor, which on an upper level stands at the level's elevation.
  return { position: [plan[0], floorOf(ex, room.id) + p.height, plan[1]], heading: dirToHeading(edge.inward), room: room.id };
}

/** The height of a room's floor (its level's elevation; 0 on a plan of one level). */
export function floorOf(ex: Exhibition, room: string | undefined): number {
  return room === undefined ? 0 : (roomElevations(ex.space).get(room) ?? 0);
}

/** The height of the centre of what a visitor looks at. */
export function artworkCentreY(art: Artwork, pose: ArtworkPose): number {
  if (art.kind === 'painting') return pose.position[1];
  const base = art.display === 'none' ? 0 : art.plinthHeight;
  return pose.position[1] + base + art.dimensions.height / 2;
}

/**
 * A comfortable place to stand: in front of the work at a distance that fits it in view,
 * pulled back toward the work if that would leave the room.
 */
export function viewpoint(ex: Exhibition, art: Artwork, pose = artworkPose(ex, art)): Viewpoint {
  const size = Math.max(art.dimensions.width, art.dimensions.height, art.dimensions.depth ?? 0);
  const dir = headingToDir(pose.heading);
  const centreY = artworkCentreY(art, pose);
  const room = rooms(ex).find((r) => r.id === pose.room);
  let distance = Math.min(Math.max(1.3 * size + 0.8, 1.3), 7);
  const at = (d: number): Vec2 => [pose.position[0] + dir[0] * d, pose.position[2] + dir[1] * d];
  if (room) {
    while (distance > 1 && !insideWithMargin(at(distance), room.polygon, 0.5)) distance -= 0.1;
  }
  const eye = at(distance);
  // Wall-hung paintings give their centre's height; the floor is their room's.
  const floorY = art.kind === 'painting' ? floorOf(ex, pose.room) : pose.position[1];
  return { eye: [eye[0], floorY + EYE_HEIGHT, eye[1]], target: [pose.position[0], centreY, pose.position[2]] };
}

/** Inside the polygon with room to stand: `margin` metres clear of its edges in the four plan directions. */
export function insideWithMargin(p: Vec2, poly: Vec2[], margin: number): boolean {
  const probes: Vec2[] = [p, [p[0] + margin, p[1]], [p[0] - margin, p[1]], [p[0], p[1] + margin], [p[0], p[1] - margin]];
  return probes.every((q) => pointInPolygon(q, poly));
}
