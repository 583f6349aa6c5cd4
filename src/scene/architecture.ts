/**
 * The building: floors, ceilings and walls (with doorways) from the floor plan,
 * or the scanned/modelled space from its GLB.
 */
import earcut from 'earcut';
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import { VertexData } from '@babylonjs/core/Meshes/mesh.vertexData';
import { CreateBox } from '@babylonjs/core/Meshes/Builders/boxBuilder';
import { CreateDisc } from '@babylonjs/core/Meshes/Builders/discBuilder';
import type { Scene } from '@babylonjs/core/scene';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import { loadModelLimited } from './limited-load';
import { wallPieces } from '../twin/floorplan';
import { roomElevations, roomLevels } from '../twin/route/levels';
import type { FloorPlan, SpaceModel, Vec2 } from '../twin/schema';
import type { MaterialLibrary } from './materials';

export interface Architecture {
  /** Where a visitor may walk (teleport targets, tap-to-walk, gravity). */
  floors: AbstractMesh[];
  /** Everything a visitor bumps into. */
  walls: AbstractMesh[];
  /** Meshes per room id, for culling by room. */
  byRoom: Map<string, AbstractMesh[]>;
  /**
   * Where each stair, ramp and lift starts: a marked patch of floor per end (also in `floors`, so a visitor can
   * walk or teleport onto it), whose metadata names the link and the end (`verticalLink`, `end`).
   */
  links: AbstractMesh[];
  /** A flight of steps per stair between its two ends (drawn only: the climb is the link's, not collisions'). */
  stairs: AbstractMesh[];
}

/** The marked floor at each end of a vertical link: amber, like the route's arrows, so it reads as "a way". */
const LINK_FINISH = { color: '#d08a2a', roughness: 0.6 };
/** Its radius (m): a visitor steps onto it, or taps it, to take the stairs or lift. */
export const LINK_PAD_RADIUS = 0.6;
/** A flight's width (m), and the most one step rises (m): a comfortable public stair. */
const FLIGHT_WIDTH = 1.2;
const STEP_RISE = 0.18;
const STAIR_FINISH = { color: '#d6d0c4', roughness: 0.7 };

const DEFAULT_FLOOR = { color: '#9a7b5a', roughness: 0.55 };
const DEFAULT_WALL = { color: '#f1eee8', roughness: 0.9 };
const DEFAULT_CEILING = { color: '#fbfaf7', roughness: 0.95 };

function polygonMesh(name: string, polygon: Vec2[], y: number, facingUp: boolean, scene: Scene): Mesh {
  const flat = polygon.flatMap((p) => [p[0], p[1]]);
  const tri = earcut(flat);
  const positions: number[] = [];
  const normals: number[] = [];
  const uvs: number[] = [];
  for (const p of polygon) {
    positions.push(p[0], y, p[1]);
    normals.push(0, facingUp ? 1 : -1, 0);
    uvs.push(p[0], p[1]);
  }
  const vd = new VertexData();
  vd.positions = positions;
  vd.indices = tri;
  vd.normals = normals;
  vd.uvs = uvs;
  const mesh = new Mesh(name, scene);
  vd.applyToMesh(mesh);
  return mesh;
}

export function buildFloorPlan(plan: FloorPlan, scene: Scene, materials: MaterialLibrary): Architecture {
  const floors: AbstractMesh[] = [];
  const walls: AbstractMesh[] = [];
  const byRoom = new Map<string, AbstractMesh[]>();
  // Each level's walls on their own: rooms one above another share their outline, and a wall shared by two rooms
  // is built once only on the same level. Everything of a room stands on its level's elevation.
  const elevation = roomElevations(plan);
  const levelOf = roomLevels(plan);
  const pieces = [...new Set(levelOf.values())].flatMap((level) => {
    const rooms = plan.rooms.filter((r) => levelOf.get(r.id) === level);
    const ids = new Set(rooms.map((r) => r.id));
    return wallPieces({ ...plan, rooms, doorways: plan.doorways.filter((d) => d.rooms.every((r) => ids.has(r))) });
  });
  for (const room of plan.rooms) {
    const list: AbstractMesh[] = [];
    const y0 = elevation.get(room.id) ?? 0;
    const floor = polygonMesh(`floor:${room.id}`, room.polygon, y0, true, scene);
    floor.material = materials.finish('floor', room.floor ?? plan.floor ?? DEFAULT_FLOOR, DEFAULT_FLOOR);
    floor.checkCollisions = true;
    floor.metadata = { kind: 'floor', room: room.id };
    floors.push(floor);
    list.push(floor);

    const ceiling = polygonMesh(`ceiling:${room.id}`, room.polygon, y0 + (room.height ?? plan.wallHeight), false, scene);
    ceiling.material = materials.finish('ceiling', plan.ceiling ?? DEFAULT_CEILING, DEFAULT_CEILING);
    ceiling.isPickable = false;
    list.push(ceiling);

    const boxes = pieces
      .filter((p) => p.room === room.id)
      .map((p, i) => {
        const dx = p.b[0] - p.a[0];
        const dz = p.b[1] - p.a[1];
        const len = Math.hypot(dx, dz);
        const h = p.top - p.bottom;
        const box = CreateBox(`wall:${room.id}:${i}`, { width: len, height: h, depth: plan.wallThickness }, scene);
        box.position.set((p.a[0] + p.b[0]) / 2, y0 + p.bottom + h / 2, (p.a[1] + p.b[1]) / 2);
        // Box width runs along local x; RotationY maps x to (cos θ, 0, −sin θ).
        box.rotation.y = Math.atan2(-dz, dx);
        return box;
      });
    if (boxes.length) {
      const merged = Mesh.MergeMeshes(boxes, true, true);
      if (merged) {
        merged.name = `walls:${room.id}`;
        merged.material = materials.finish('walls', room.walls ?? plan.walls ?? DEFAULT_WALL, DEFAULT_WALL);
        merged.checkCollisions = true;
        merged.metadata = { kind: 'wall', room: room.id };
        walls.push(merged);
        list.push(merged);
      }
    }
    for (const m of list) m.freezeWorldMatrix();
    byRoom.set(room.id, list);
  }
  const links = linkPads(plan, elevation, scene, materials);
  for (const pad of links) {
    floors.push(pad);
    byRoom.get((pad.metadata as { room: string }).room)?.push(pad);
  }
  const stairs = stairFlights(plan, elevation, scene, materials);
  for (const flight of stairs) byRoom.get((flight.metadata as { room: string }).room)?.push(flight);
  return { floors, walls, byRoom, links, stairs };
}

/**
 * A flight of steps for each stair whose ends are apart on the plan: from the lower end's marked floor to the upper
 * end's, one solid block per step, merged into one mesh (one draw call). It belongs to the lower end's room (drawn
 * with it). Not walked on: stepping onto the lower end's floor is what takes the visitor up (src/app/route-stairs.ts).
 */
function stairFlights(plan: FloorPlan, elevation: Map<string, number>, scene: Scene, materials: MaterialLibrary): Mesh[] {
  const out: Mesh[] = [];
  for (const link of plan.verticalLinks ?? []) {
    if (link.kind !== 'stairs') continue;
    const [lower, upper] = [...link.ends].sort((a, b) => (elevation.get(a.room) ?? 0) - (elevation.get(b.room) ?? 0)) as [typeof link.ends[0], typeof link.ends[0]];
    const y0 = elevation.get(lower.room) ?? 0;
    const rise = (elevation.get(upper.room) ?? 0) - y0;
    const dx = upper.position[0] - lower.position[0];
    const dz = upper.position[1] - lower.position[1];
    const run = Math.hypot(dx, dz) - 2 * LINK_PAD_RADIUS;
    // Ends one above the other (a spiral, or a plan that does not say): nothing to draw between them.
    if (rise <= 0 || run < 1) continue;
    const len = run + 2 * LINK_PAD_RADIUS;
    const dir = [dx / len, dz / len] as const;
    const n = Math.ceil(rise / STEP_RISE);
    const going = run / n;
    const boxes = Array.from({ length: n }, (_, i) => {
      const h = (rise * (i + 1)) / n;
      const box = CreateBox(`stair:${link.id}:${i}`, { width: FLIGHT_WIDTH, height: h, depth: going }, scene);
      const along = LINK_PAD_RADIUS + going * (i + 0.5);
      box.position.set(lower.position[0] + dir[0] * along, y0 + h / 2, lower.position[1] + dir[1] * along);
      // The box's depth runs along local z; RotationY maps z to (sin θ, 0, cos θ).
      box.rotation.y = Math.atan2(dir[0], dir[1]);
      return box;
    });
    const flight = Mesh.MergeMeshes(boxes, true, true);
    if (!flight) continue;
    flight.name = `stairs:${link.id}`;
    flight.material = materials.finish('stairs', STAIR_FINISH, STAIR_FINISH);
    flight.isPickable = false;
    flight.metadata = { kind: 'stairs', room: lower.room, verticalLink: link.id };
    flight.freezeWorldMatrix();
    out.push(flight);
  }
  return out;
}

/** A marked patch of floor at each end of every stair, ramp and lift, just above its room's floor. */
function linkPads(plan: FloorPlan, elevation: Map<string, number>, scene: Scene, materials: MaterialLibrary): Mesh[] {
  return (plan.verticalLinks ?? []).flatMap((link) =>
    link.ends.map((end, i) => {
      const pad = CreateDisc(`link:${link.id}:${i}`, { radius: LINK_PAD_RADIUS, tessellation: 24, sideOrientation: Mesh.DOUBLESIDE }, scene);
      // A disc faces −z; laid flat it faces up.
      pad.rotation.x = Math.PI / 2;
      pad.position.set(end.position[0], (elevation.get(end.room) ?? 0) + 0.01, end.position[1]);
      pad.material = materials.finish('link', LINK_FINISH, LINK_FINISH);
      pad.checkCollisions = true;
      pad.metadata = { kind: 'floor', room: end.room, verticalLink: link.id, end: i };
      pad.freezeWorldMatrix();
      return pad;
    }),
  );
}

export async function buildSpaceModel(space: SpaceModel, url: string, scene: Scene): Promise<Architecture> {
  // Within the model deadline and size cap (limited-load.ts): a stalled building is an error page, not a hang.
  const container = await loadModelLimited(url, scene);
  container.addAllToScene();
  const floorNames = new Set(space.floorMeshes);
  const floors: AbstractMesh[] = [];
  const walls: AbstractMesh[] = [];
  for (const mesh of container.meshes) {
    if (!mesh.getTotalVertices()) continue;
    mesh.checkCollisions = true;
    if (floorNames.has(mesh.name) || (mesh.parent && floorNames.has(mesh.parent.name))) {
      mesh.metadata = { kind: 'floor' };
      floors.push(mesh);
    } else {
      mesh.metadata = { kind: 'wall' };
      walls.push(mesh);
    }
    mesh.freezeWorldMatrix();
  }
  if (!floors.length) {
    throw new Error(`the space model has no mesh named ${space.floorMeshes.map((n) => `'${n}'`).join(', ')} to walk on`);
  }
  return { floors, walls, byRoom: new Map(), links: [], stairs: [] };
}
