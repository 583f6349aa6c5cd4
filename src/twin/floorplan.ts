/**
 * Plan geometry of the exhibition space, in the twin's own coordinates (metres, plan [x, z]).
 * Pure math: the scene turns these numbers into meshes, the minimap into SVG.
 */
import type { Doorway, FloorPlan, Vec2 } from './schema';
import { add, cross, dot, length, pointInPolygon, projectOnSegment, scale, signedArea, sub } from './geometry';

// The plan maths itself is geometry.ts; these two are read from here by the scene, the interface and the modes.
export { centroid, pointInPolygon } from './geometry';

export interface RoomOutline {
  id: string;
  polygon: Vec2[];
  height?: number;
}

export interface WallEdge {
  room: string;
  index: number;
  a: Vec2;
  b: Vec2;
  length: number;
  /** Unit vector from a to b. */
  dir: Vec2;
  /** Unit normal pointing into the room. */
  inward: Vec2;
}

/** A straight run of wall, on its centre line, from `bottom` to `top` metres above the floor. */
export interface WallPiece {
  room: string;
  a: Vec2;
  b: Vec2;
  bottom: number;
  top: number;
}

const EPS = 1e-6;

/** Heading in degrees (0 looks toward −z, 90 toward +x) to a unit plan direction. */
export function headingToDir(heading: number): Vec2 {
  const r = (heading * Math.PI) / 180;
  return [Math.sin(r), -Math.cos(r)];
}

export function dirToHeading(dir: Vec2): number {
  const h = (Math.atan2(dir[0], -dir[1]) * 180) / Math.PI;
  return h < 0 ? h + 360 : h;
}

export function roomAt<R extends RoomOutline>(rooms: R[], p: Vec2): R | undefined {
  return rooms.find((r) => pointInPolygon(p, r.polygon));
}

export function roomEdges(room: RoomOutline): WallEdge[] {
  const n = room.polygon.length;
  // Inward is the left normal for a polygon wound one way, the right for the other.
  const sign = signedArea(room.polygon) > 0 ? 1 : -1;
  return room.polygon.map((a, index) => {
    const b = room.polygon[(index + 1) % n]!;
    const d = sub(b, a);
    const len = length(d);
    const dir: Vec2 = len > EPS ? scale(d, 1 / len) : [1, 0];
    const inward: Vec2 = [-dir[1] * sign, dir[0] * sign];
    return { room: room.id, index, a, b, length: len, dir, inward };
  });
}

type Interval = [number, number];

function subtract(intervals: Interval[], cut: Interval): Interval[] {
  const out: Interval[] = [];
  for (const [s, e] of intervals) {
    if (cut[1] <= s + EPS || cut[0] >= e - EPS) {
      out.push([s, e]);
      continue;
    }
    if (cut[0] > s + EPS) out.push([s, cut[0]]);
    if (cut[1] < e - EPS) out.push([cut[1], e]);
  }
  return out;
}

/**
 * The walls to build: every room edge once (a wall shared by two rooms is built once),
 * with doorways cut out and lintels above them. Ends at room corners are extended by half the
 * wall thickness so corners close.
 */
export function wallPieces(plan: Pick<FloorPlan, 'rooms' | 'doorways' | 'wallHeight' | 'wallThickness'>): WallPiece[] {
  const done: WallEdge[] = [];
  const pieces: WallPiece[] = [];
  const half = plan.wallThickness / 2;
  for (const room of plan.rooms) {
    const top = room.height ?? plan.wallHeight;
    for (const edge of roomEdges(room)) {
      if (edge.length < EPS) continue;
      let free: Interval[] = [[0, edge.length]];
      for (const prev of done) {
        if (Math.abs(cross(edge.dir, prev.dir)) > 1e-6) continue;
        // Same line: parallel, and prev.a lies on edge's infinite line.
        if (Math.abs(cross(sub(prev.a, edge.a), edge.dir)) > 1e-3) continue;
        const t1 = dot(sub(prev.a, edge.a), edge.dir);
        const t2 = dot(sub(prev.b, edge.a), edge.dir);
        free = subtract(free, [Math.min(t1, t2), Math.max(t1, t2)]);
      }
      done.push(edge);
      const doors = doorwaysOn(edge, plan.doorways, plan.wallThickness);
      for (const [s, e] of free) {
        let solid: Interval[] = [[s, e]];
        for (const { door, t } of doors) {
          const hole: Interval = [t - door.width / 2, t + door.width / 2];
          const lintel: Interval = [Math.max(hole[0], s), Math.min(hole[1], e)];
          if (lintel[1] - lintel[0] > EPS && door.height < top) {
            pieces.push(piece(edge, lintel, door.height, top));
          }
          solid = subtract(solid, hole);
        }
        for (const iv of solid) {
          const ext: Interval = [iv[0] <= EPS ? iv[0] - half : iv[0], iv[1] >= edge.length - EPS ? iv[1] + half : iv[1]];
          pieces.push(piece(edge, ext, 0, top));
        }
      }
    }
  }
  return pieces;
}

function piece(edge: WallEdge, [s, e]: Interval, bottom: number, top: number): WallPiece {
  return { room: edge.room, a: add(edge.a, scale(edge.dir, s)), b: add(edge.a, scale(edge.dir, e)), bottom, top };
}

/** Doorways whose centre lies on this wall (within its thickness), with their position along it. */
export function doorwaysOn(edge: WallEdge, doorways: Doorway[], thickness: number): { door: Doorway; t: number }[] {
  const out: { door: Doorway; t: number }[] = [];
  for (const door of doorways) {
    const { t, distance } = projectOnSegment(door.position, edge);
    if (distance <= Math.max(thickness, 0.05) && t >= -EPS && t <= edge.length + EPS) out.push({ door, t });
  }
  return out;
}
