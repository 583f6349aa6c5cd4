/**
 * Following the guide and gathering at a work, as geometry on the plan (metres, headings in degrees from −z
 * toward +x, as in floorplan.ts). The app moves the view; these functions say where to and how.
 */
import { headingToDir, dirToHeading, pointInPolygon, roomAt } from '../floorplan';
import { artworkPose, insideWithMargin, viewpoint } from '../layout';
import type { Exhibition, Vec2 } from '../schema';

export interface PlanPose {
  at: Vec2;
  heading: number;
  room?: string;
}

/** How far apart people stand when gathered (shoulder room), and how far behind the leader followers keep. */
export const SPACING = 0.9;
export const FOLLOW_DISTANCE = 1.6;
/** A follower closer than this to its place does not move (no jitter as the guide shifts their weight). */
export const FOLLOW_SLACK = 0.8;

/** Slot n of a fan of places: 0 in the middle, then alternating right and left, row after row going back. */
function fanOffset(slot: number, perRow: number): { side: number; back: number } {
  const row = Math.floor(slot / perRow);
  const i = slot % perRow;
  const side = i === 0 ? 0 : (i % 2 === 1 ? 1 : -1) * Math.ceil(i / 2);
  // Rows behind are staggered by half a place so heads do not hide each other.
  return { side: side * SPACING + (row % 2 ? SPACING / 2 : 0), back: row * SPACING };
}

/**
 * The standing point of the person at `slot` when the group gathers at a work: in front of it, from the work's
 * viewing distance back, in staggered rows of up to nine a place apart, each facing the work. Places too close
 * to a wall or outside the room are skipped; in a room too small for everyone, places are shared.
 */
export function gatherSpot(ex: Exhibition, artworkId: string, slot: number): PlanPose | undefined {
  const art = ex.artworks.find((a) => a.id === artworkId);
  if (!art) return undefined;
  const pose = artworkPose(ex, art);
  const vp = viewpoint(ex, art, pose);
  const eye: Vec2 = [vp.eye[0], vp.eye[2]];
  const work: Vec2 = [pose.position[0], pose.position[2]];
  const away = normalise([eye[0] - work[0], eye[1] - work[1]]) ?? headingToDir(pose.heading);
  const right: Vec2 = [-away[1], away[0]];
  const room = ex.space.rooms.find((r) => r.id === pose.room);
  const places: Vec2[] = [];
  for (let i = 0; i < MAX_PLACES && places.length <= slot; i++) {
    const { side, back } = fanOffset(i, 9);
    const at: Vec2 = [eye[0] + right[0] * side + away[0] * back, eye[1] + right[1] * side + away[1] * back];
    if (!room || insideWithMargin(at, room.polygon, 0.4)) places.push(at);
  }
  const at = places.length ? places[slot % places.length]! : eye;
  return { at, heading: dirToHeading([work[0] - at[0], work[1] - at[1]]), ...(pose.room ? { room: pose.room } : {}) };
}

/** Candidate places looked at for one gathering (rows of nine, 30 rows back). */
const MAX_PLACES = 270;

/**
 * Where a follower stands: behind the leader (FOLLOW_DISTANCE), fanned out by slot, facing the way the leader
 * faces. When that point is outside the leader's room, the follower stands at the leader's own point's side
 * within the room instead (closer in), so nobody is sent through a wall.
 */
export function followSpot(ex: Exhibition, leader: PlanPose, slot: number): PlanPose {
  const ahead = headingToDir(leader.heading);
  const right: Vec2 = [-ahead[1], ahead[0]];
  const { side, back } = fanOffset(slot, 5);
  const room = ex.space.rooms.find((r) => r.id === leader.room) ?? roomAt(ex.space.rooms, leader.at);
  for (let s = 1; s >= 0; s -= 0.125) {
    const d = (FOLLOW_DISTANCE + back) * s;
    const at: Vec2 = [leader.at[0] - ahead[0] * d + right[0] * side * s, leader.at[1] - ahead[1] * d + right[1] * side * s];
    if (!room || pointInPolygon(at, room.polygon)) return { at, heading: leader.heading, ...(room ? { room: room.id } : {}) };
  }
  return { ...leader };
}

export type FollowMove = 'stay' | 'glide' | 'fade';

/**
 * How a follower gets to its place: not at all within FOLLOW_SLACK; a glide in the same room; a fade-cut into
 * another room. In VR always a fade, and the follower keeps their own heading (never a forced turn: comfort).
 */
export function followMove(current: PlanPose, target: PlanPose, inVr: boolean): FollowMove {
  const d = Math.hypot(target.at[0] - current.at[0], target.at[1] - current.at[1]);
  if (d < FOLLOW_SLACK) return 'stay';
  if (inVr) return 'fade';
  return current.room !== undefined && current.room === target.room ? 'glide' : 'fade';
}

function normalise(v: Vec2): Vec2 | undefined {
  const l = Math.hypot(v[0], v[1]);
  return l < 1e-6 ? undefined : [v[0] / l, v[1] / l];
}

/** The angle from a to b the short way round, in (−180, 180]. */
export function headingDelta(a: number, b: number): number {
  const d = (((b - a) % 360) + 540) % 360 - 180;
  return d === -180 ? 180 : d;
}
