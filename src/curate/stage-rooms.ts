/**
 * The rooms of the curating view's 3D stage: floors and walls (doorways open) in their finishes, for the level shown
 * (plan-levels.ts) and at ground height whatever its elevation, so a drag works on every level as on the ground
 * floor. A level's walls are built from its own rooms only, as the visitor's gallery builds them
 * (src/scene/architecture.ts): a room right above another shares its outline, not its walls.
 */
import type { Scene } from '@babylonjs/core/scene';
import type { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import { VertexData } from '@babylonjs/core/Meshes/mesh.vertexData';
import { CreateBox } from '@babylonjs/core/Meshes/Builders/boxBuilder';
import earcut from 'earcut';
import { wallPieces } from '../twin/floorplan';
import type { Space } from '../twin/schema';
import { roomsOnLevel } from './plan-levels';

/** A colour from the draft (#rrggbb), or the fallback for anything else. */
export const colour = (hex: unknown, fallback: string): Color3 => Color3.FromHexString(typeof hex === 'string' && /^#[0-9a-f]{6}$/i.test(hex) ? hex : fallback);

function floorMesh(name: string, polygon: readonly [number, number][], scene: Scene): Mesh {
  const vd = new VertexData();
  vd.positions = polygon.flatMap((p) => [p[0], 0, p[1]]);
  vd.indices = earcut(polygon.flatMap((p) => [p[0], p[1]]));
  vd.normals = polygon.flatMap(() => [0, 1, 0]);
  const mesh = new Mesh(name, scene);
  vd.applyToMesh(mesh);
  return mesh;
}

/** Builds the level's floors and walls (undefined: every room, a building of one floor); nothing is pickable. */
export function buildStageRooms(scene: Scene, s: Space, level: string | undefined, mat: (name: string, c: Color3, alpha?: number) => StandardMaterial): Mesh[] {
  const out: Mesh[] = [];
  const rooms = roomsOnLevel(s, level);
  for (const room of rooms) {
    const floor = floorMesh(`floor-${room.id}`, room.polygon, scene);
    floor.material = mat(`floor-${room.id}`, colour(('floor' in room ? room.floor?.color : undefined) ?? (s.kind === 'floorplan' ? s.floor?.color : undefined), '#9a7b5a'));
    floor.isPickable = false;
    out.push(floor);
  }
  if (s.kind !== 'floorplan') return out;
  const ids = new Set(rooms.map((r) => r.id));
  const plan = { ...s, rooms, doorways: s.doorways.filter((d) => d.rooms.every((r) => ids.has(r))) };
  for (const [i, piece] of wallPieces(plan).entries()) {
    const dx = piece.b[0] - piece.a[0];
    const dz = piece.b[1] - piece.a[1];
    const wall = CreateBox(`wall-${i}`, { width: Math.hypot(dx, dz), height: piece.top - piece.bottom, depth: s.wallThickness }, scene);
    wall.position.set((piece.a[0] + piece.b[0]) / 2, (piece.top + piece.bottom) / 2, (piece.a[1] + piece.b[1]) / 2);
    wall.rotation.y = Math.atan2(-dz, dx);
    const room = s.rooms.find((r) => r.id === piece.room);
    wall.material = mat(`wall-${i}`, colour(room?.walls?.color ?? s.walls?.color, '#f1eee8'), 0.85);
    wall.isPickable = false;
    out.push(wall);
  }
  return out;
}
