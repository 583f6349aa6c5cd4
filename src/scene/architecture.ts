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
import { FLIGHT_WIDTH, LINK_PAD_RADIUS, stairwells, type Stairwell } from '../twin/route/stairwell';
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
  /**
   * A flight of steps per stair between its two ends, solid to bump into (the climb is the link's: a scripted move),
   * with a railing on each side not against a wall; the ceiling below and the floor above are cut over it, and the
   * opening guarded by a balustrade on the upper floor (in `walls`).
   */
  stairs: AbstractMesh[];
}

/** The marked floor at each end of a vertical link: amber, like the route's arrows, so it reads as "a way". */
const LINK_FINISH = { color: '#d08a2a', roughness: 0.6 };
/** Its radius (m): a visitor steps onto it, or taps it, to take the stairs or lift (the stairwell's own figure). */
export { LINK_PAD_RADIUS };
/** The most one step rises (m): a comfortable public stair. */
const STEP_RISE = 0.18;
const STAIR_FINISH = { color: '#d6d0c4', roughness: 0.7 };
/** Railings and the balustrade round a stairwell: their height above the pitch line or floor (m), and thickness. */
const RAIL_HEIGHT = 1.0;
const RAIL_THICKNESS = 0.06;
const RAIL_FINISH = { color: '#4a4540', roughness: 0.5 };

const DEFAULT_FLOOR = { color: '#9a7b5a', roughness: 0.55 };
const DEFAULT_WALL = { color: '#f1eee8', roughness: 0.9 };
const DEFAULT_CEILING = { color: '#fbfaf7', roughness: 0.95 };

/** A flat polygon at height y, with holes (a stairwell's opening) cut by earcut. */
function polygonMesh(name: string, polygon: Vec2[], y: number, facingUp: boolean, scene: Scene, holes: readonly Vec2[][] = []): Mesh {
  const rings = [polygon, ...holes];
  const flat = rings.flatMap((ring) => ring.flatMap((p) => [p[0], p[1]]));
  const holeStarts = holes.map((_, i) => rings.slice(0, i + 1).reduce((n, ring) => n + ring.length, 0));
  const tri = earcut(flat, holeStarts);
  const positions: number[] = [];
  const normals: number[] = [];
  const uvs: number[] = [];
  for (const p of rings.flat()) {
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
  const wells = stairwells(plan);
  const openings = (room: string, cut: 'floorsCut' | 'ceilingsCut') => wells.filter((w) => w[cut].includes(room)).map((w) => w.opening);
  const pieces = [...new Set(levelOf.values())].flatMap((level) => {
    const rooms = plan.rooms.filter((r) => levelOf.get(r.id) === level);
    const ids = new Set(rooms.map((r) => r.id));
    return wallPieces({ ...plan, rooms, doorways: plan.doorways.filter((d) => d.rooms.every((r) => ids.has(r))) });
  });
  for (const room of plan.rooms) {
    const list: AbstractMesh[] = [];
    const y0 = elevation.get(room.id) ?? 0;
    const floor = polygonMesh(`floor:${room.id}`, room.polygon, y0, true, scene, openings(room.id, 'floorsCut'));
    floor.material = materials.finish('floor', room.floor ?? plan.floor ?? DEFAULT_FLOOR, DEFAULT_FLOOR);
    floor.checkCollisions = true;
    floor.metadata = { kind: 'floor', room: room.id };
    floors.push(floor);
    list.push(floor);

    const ceiling = polygonMesh(`ceiling:${room.id}`, room.polygon, y0 + (room.height ?? plan.wallHeight), false, scene, openings(room.id, 'ceilingsCut'));
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
  const stairs = wells.map((w) => stairFlight(w, scene, materials)).filter((m): m is Mesh => !!m);
  for (const flight of stairs) byRoom.get((flight.metadata as { room: string }).room)?.push(flight);
  for (const guard of wells.flatMap((w) => stairwellGuards(w, plan, elevation, scene, materials))) {
    walls.push(guard);
    byRoom.get((guard.metadata as { room: string }).room)?.push(guard);
  }
  return { floors, walls, byRoom, links, stairs };
}

/**
 * A flight of steps for each stairwell: from the lower end's marked floor to the upper end's, one solid block per
 * step, merged into one mesh (one draw call), solid to bump into from the floor below. It belongs to the lower end's
 * room (drawn with it). Not walked on: stepping onto the lower end's floor is what takes the visitor up (a scripted
 * climb, src/app/route-stairs.ts).
 */
function stairFlight(well: Stairwell, scene: Scene, materials: MaterialLibrary): Mesh | undefined {
  const { from, to } = well.flight;
  const rise = well.top - well.bottom;
  const run = Math.hypot(to[0] - from[0], to[1] - from[1]);
  const dir = [(to[0] - from[0]) / run, (to[1] - from[1]) / run] as const;
  const n = Math.ceil(rise / STEP_RISE);
  const going = run / n;
  const boxes = Array.from({ length: n }, (_, i) => {
    const h = (rise * (i + 1)) / n;
    const box = CreateBox(`stair:${well.link}:${i}`, { width: FLIGHT_WIDTH, height: h, depth: going }, scene);
    const along = going * (i + 0.5);
    box.position.set(from[0] + dir[0] * along, well.bottom + h / 2, from[1] + dir[1] * along);
    // The box's depth runs along local z; RotationY maps z to (sin θ, 0, cos θ).
    box.rotation.y = Math.atan2(dir[0], dir[1]);
    return box;
  });
  const flight = Mesh.MergeMeshes(boxes, true, true);
  if (!flight) return undefined;
  flight.name = `stairs:${well.link}`;
  flight.material = materials.finish('stairs', STAIR_FINISH, STAIR_FINISH);
  flight.isPickable = false;
  flight.checkCollisions = true;
  flight.metadata = { kind: 'stairs', room: well.lowerRoom, verticalLink: well.link };
  flight.freezeWorldMatrix();
  return flight;
}

/**
 * A solid upright panel along a → b: its foot at y0 over a and y1 over b (a railing follows the flight's pitch), its
 * top `height` above that. Eight corners, flat-shaded faces.
 */
function panel(name: string, a: Vec2, b: Vec2, y0: number, y1: number, height: number, scene: Scene): Mesh {
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const nx = (-(b[1] - a[1]) / len) * (RAIL_THICKNESS / 2);
  const nz = ((b[0] - a[0]) / len) * (RAIL_THICKNESS / 2);
  // Corners: [end][side][bottom/top].
  const c = (end: 0 | 1, side: 1 | -1, up: 0 | 1): number[] => {
    const p = end ? b : a;
    return [p[0] + nx * side, (end ? y1 : y0) + up * height, p[1] + nz * side];
  };
  const faces = [
    [c(0, 1, 0), c(1, 1, 0), c(1, 1, 1), c(0, 1, 1)],
    [c(1, -1, 0), c(0, -1, 0), c(0, -1, 1), c(1, -1, 1)],
    [c(0, -1, 1), c(0, 1, 1), c(1, 1, 1), c(1, -1, 1)],
    [c(0, -1, 0), c(1, -1, 0), c(1, 1, 0), c(0, 1, 0)],
    [c(0, -1, 0), c(0, 1, 0), c(0, 1, 1), c(0, -1, 1)],
    [c(1, 1, 0), c(1, -1, 0), c(1, -1, 1), c(1, 1, 1)],
  ];
  const vd = new VertexData();
  vd.positions = faces.flat(2);
  vd.indices = faces.flatMap((_, f) => [0, 2, 1, 0, 3, 2].map((k) => f * 4 + k));
  const normals: number[] = [];
  VertexData.ComputeNormals(vd.positions, vd.indices, normals);
  vd.normals = normals;
  const mesh = new Mesh(name, scene);
  vd.applyToMesh(mesh);
  return mesh;
}

/** Merges panels into one solid, collidable mesh (a wall for the visitor, one draw call), frozen. */
function solid(name: string, panels: Mesh[], room: string, link: string, materials: MaterialLibrary): Mesh | undefined {
  const merged = panels.length ? Mesh.MergeMeshes(panels, true, true) : null;
  if (!merged) return undefined;
  merged.name = name;
  merged.material = materials.finish('railing', RAIL_FINISH, RAIL_FINISH);
  merged.checkCollisions = true;
  merged.metadata = { kind: 'wall', room, verticalLink: link };
  merged.freezeWorldMatrix();
  return merged;
}

/**
 * A railing up each side of the flight not against a wall (it belongs to the lower room), and on each floor the flight
 * passes through, a balustrade round the opening's open edges from the ceiling below to a metre above that floor; the
 * head's edge, where the flight arrives, is only lined across the slab (no gap to see into between the two).
 */
function stairwellGuards(well: Stairwell, plan: FloorPlan, elevation: Map<string, number>, scene: Scene, materials: MaterialLibrary): Mesh[] {
  const out: Mesh[] = [];
  const rise = well.top - well.bottom;
  const rails = well.railed.map(([a, b], i) => panel(`rail:${well.link}:${i}`, a, b, well.bottom, well.bottom + rise, RAIL_HEIGHT, scene));
  const railing = solid(`railings:${well.link}`, rails, well.lowerRoom, well.link, materials);
  if (railing) out.push(railing);
  const ceilings = well.ceilingsCut.map((id) => (elevation.get(id) ?? 0) + (plan.rooms.find((r) => r.id === id)?.height ?? plan.wallHeight));
  const [head0, head1] = [well.opening[1], well.opening[2]];
  for (const room of well.floorsCut) {
    const floorY = elevation.get(room) ?? 0;
    // The slab's underside: the highest ceiling cut below this floor (else a slab of 20 cm).
    const under = Math.min(floorY, Math.max(floorY - 0.2, ...ceilings.filter((y) => y <= floorY + 1e-6)));
    const panels = well.guarded.map(([a, b], i) => panel(`guard:${well.link}:${room}:${i}`, a, b, under, under, floorY - under + RAIL_HEIGHT, scene));
    if (floorY - under > 1e-3) panels.push(panel(`lining:${well.link}:${room}`, head0, head1, under, under, floorY - under, scene));
    const guard = solid(`balustrade:${well.link}:${room}`, panels, room, well.link, materials);
    if (guard) out.push(guard);
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
