import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import { Ray } from '@babylonjs/core/Culling/ray';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { CreateSphere } from '@babylonjs/core/Meshes/Builders/sphereBuilder';
import '@babylonjs/core/Collisions/collisionCoordinator';
import { validateExhibition } from '../twin/validate';
import { sampleExhibition } from '../twin/route/sample';
import type { FloorPlan } from '../twin/schema';
import { MaterialLibrary } from './materials';
import { buildFloorPlan } from './architecture';

/** Two rooms on the ground (0 m) and two right above them on the upper level (5 m), stairs and a lift between. */
function build() {
  const r = validateExhibition(sampleExhibition({ roomsPerLevel: 2, cols: 2, worksPerRoom: 2 }));
  if (!r.ok) throw new Error('sample invalid');
  const scene = new Scene(new NullEngine());
  return buildFloorPlan(r.exhibition.space as FloorPlan, scene, new MaterialLibrary(scene, (p) => p));
}

const span = (m: AbstractMesh) => {
  m.computeWorldMatrix(true);
  const b = m.getBoundingInfo().boundingBox;
  return { bottom: +b.minimumWorld.y.toFixed(3), top: +b.maximumWorld.y.toFixed(3) };
};

describe('levels in 3D', () => {
  const a = build();
  const floor = (room: string) => a.floors.find((f) => f.name === `floor:${room}`)!;
  const walls = (room: string) => a.walls.find((w) => w.name === `walls:${room}`);

  it('puts each room’s floor and ceiling on its level’s elevation', () => {
    expect(span(floor('g0'))).toEqual({ bottom: 0, top: 0 });
    expect(span(floor('u1'))).toEqual({ bottom: 5, top: 5 });
    const ceiling = a.byRoom.get('u0')!.find((m) => m.name === 'ceiling:u0')!;
    expect(span(ceiling).top).toBe(9);
  });

  it('builds the upper rooms’ own walls (a room right above another does not share its walls), from their floor up', () => {
    expect(walls('g0')).toBeDefined();
    expect(walls('u0')).toBeDefined();
    expect(span(walls('g0')!)).toEqual({ bottom: 0, top: 4 });
    expect(span(walls('u0')!)).toEqual({ bottom: 5, top: 9 });
  });

  it('marks both ends of the stairs and the lift as floor to step onto, on their own level', () => {
    const pads = a.links.map((m) => ({ link: m.metadata.verticalLink, end: m.metadata.end, room: m.metadata.room, y: +m.getAbsolutePosition().y.toFixed(2) }));
    expect(pads).toEqual([
      { link: 'stairs', end: 0, room: 'g0', y: 0.01 },
      { link: 'stairs', end: 1, room: 'u0', y: 5.01 },
      { link: 'lift', end: 0, room: 'g1', y: 0.01 },
      { link: 'lift', end: 1, room: 'u1', y: 5.01 },
    ]);
    for (const pad of a.links) {
      expect(a.floors).toContain(pad);
      expect(pad.metadata.kind).toBe('floor');
      expect(a.byRoom.get(pad.metadata.room)).toContain(pad);
    }
  });
});

describe('the default exhibition’s stairs to the mezzanine', () => {
  const file = readFileSync(fileURLToPath(new URL('../../assets/default/exhibition.json', import.meta.url)), 'utf8');
  const r = validateExhibition(JSON.parse(file));
  if (!r.ok) throw new Error('default exhibition invalid');
  const plan = r.exhibition.space as FloorPlan;
  const scene = new Scene(new NullEngine());
  const a = buildFloorPlan(plan, scene, new MaterialLibrary(scene, (p) => p));
  const link = plan.verticalLinks!.find((l) => l.kind === 'stairs')!;
  const [foot, head] = link.ends;

  it('draws one flight of steps, only for the stairs (the lift rises where it stands)', () => {
    expect(a.stairs.map((m) => m.name)).toEqual([`stairs:${link.id}`]);
  });

  it('rises from the stair hall’s floor to the mezzanine’s, between the two marked ends, drawn with the stair hall', () => {
    const flight = a.stairs[0]!;
    const { bottom, top } = span(flight);
    expect(bottom).toBeCloseTo(0, 3);
    expect(top).toBeCloseTo(4.4, 3);
    expect(a.byRoom.get(foot.room)).toContain(flight);
    const b = flight.getBoundingInfo().boundingBox;
    const zs = [foot.position[1], head.position[1]].sort((x, y) => x - y);
    // Along the run between the two ends' marked floors (0.6 m each), 1.2 m wide about the line joining them.
    expect(b.minimumWorld.z).toBeCloseTo(zs[0]! + 0.6, 2);
    expect(b.maximumWorld.z).toBeCloseTo(zs[1]! - 0.6, 2);
    expect(b.maximumWorld.x - b.minimumWorld.x).toBeCloseTo(1.2, 2);
    expect((b.maximumWorld.x + b.minimumWorld.x) / 2).toBeCloseTo(foot.position[0], 2);
    // Not something to walk on or pick: the marked ends take the visitor up. Solid from the floor below, though.
    expect(flight.isPickable).toBe(false);
    expect(a.floors).not.toContain(flight);
    expect(flight.checkCollisions).toBe(true);
  });

  /** Whether a vertical line at plan point (x, z) meets the mesh. */
  const over = (mesh: AbstractMesh, x: number, z: number) => new Ray(new Vector3(x, -1, z), new Vector3(0, 1, 0), 20).intersectsMesh(mesh).hit;
  const mesh = (name: string) => [...a.byRoom.values()].flat().find((m) => m.name === name)!;

  it('cuts the stairwell: neither the stair hall’s ceiling nor the mezzanine’s floor is over any part of the flight', () => {
    const ceiling = mesh('ceiling:stair-hall');
    const floor = mesh('floor:mezzanine');
    // A grid over the flight's footprint (x 14.4–15.6, z 1.4–8.8), a centimetre in from its edges (at the head's
    // edge the top step meets the mezzanine's floor).
    for (let x = 14.41; x <= 15.6; x += 0.294) {
      for (let z = 1.41; z <= 8.8; z += 0.345) {
        expect(over(ceiling, x, z), `ceiling over ${x}, ${z}`).toBe(false);
        expect(over(floor, x, z), `floor over ${x}, ${z}`).toBe(false);
      }
    }
    // Everywhere else they are whole: beside the opening, and at the head where the flight arrives.
    for (const [x, z] of [[12, 5], [14, 5], [15, 9.5], [15, 0.8], [10.5, 0.5]] as const) {
      expect(over(ceiling, x, z), `ceiling at ${x}, ${z}`).toBe(true);
      expect(over(floor, x, z), `floor at ${x}, ${z}`).toBe(true);
    }
  });

  it('has a railing up the flight’s open side and a balustrade round the opening upstairs, a metre high and solid', () => {
    const railing = a.walls.find((w) => w.name === `railings:${link.id}`)!;
    const guard = a.walls.find((w) => w.name === `balustrade:${link.id}:${head.room}`)!;
    expect(railing.checkCollisions && guard.checkCollisions).toBe(true);
    expect(a.byRoom.get(foot.room)).toContain(railing);
    expect(a.byRoom.get(head.room)).toContain(guard);
    // The railing follows the pitch, from the stair hall's floor to a metre above the mezzanine's.
    expect(span(railing)).toEqual({ bottom: 0, top: 5.4 });
    // The balustrade closes the slab's edge from the ceiling below (4.2 m) and stands a metre above the floor.
    expect(span(guard)).toEqual({ bottom: 4.2, top: 5.4 });
    // Each face's normal points out of its panel (lit from the right side, not culled from the visitor's).
    const pos = railing.getVerticesData('position')!;
    const nor = railing.getVerticesData('normal')!;
    // Its two long faces: one facing west (x −), one east, each on its own side of the rail's line (x 14.4).
    const sides = [0, 1].map((f) => ({ x: pos[f * 12]!, nx: nor[f * 12]! }));
    expect(sides.map((s) => Math.sign(s.nx))).toEqual(sides.map((s) => Math.sign(s.x - 14.4)));
    expect(sides.map((s) => Math.abs(s.nx))).toEqual([1, 1]);
  });

  it('stops a visitor walking into the flight from the side downstairs, and into the opening upstairs', () => {
    const visitor = CreateSphere('visitor', { diameter: 0.6 }, scene);
    visitor.ellipsoid = new Vector3(0.3, 0.8, 0.3);
    const walkEast = (y: number) => {
      visitor.position.set(12, y + 1, 5);
      for (let i = 0; i < 80; i++) {
        visitor.computeWorldMatrix(true);
        visitor.moveWithCollisions(new Vector3(0.05, 0, 0));
      }
      return visitor.position.x;
    };
    // 4 m east of x 12 would be x 16: stopped at the railing (x 14.37) less the visitor's own 0.3 m.
    expect(walkEast(0)).toBeLessThan(14.1);
    expect(walkEast(4.4)).toBeLessThan(14);
    // Walking west, nothing in the way until the west wall (a check that the walk itself moves).
    visitor.position.set(14, 1, 5);
    for (let i = 0; i < 40; i++) {
      visitor.computeWorldMatrix(true);
      visitor.moveWithCollisions(new Vector3(-0.05, 0, 0));
    }
    expect(visitor.position.x).toBeCloseTo(12, 2);
    visitor.dispose();
  });

  it('has steps a person can climb: each rise at most 18 cm, each going at least 25 cm', () => {
    const rise = 4.4;
    const run = Math.abs(head.position[1] - foot.position[1]) - 1.2;
    const steps = Math.ceil(rise / 0.18);
    expect(rise / steps).toBeLessThanOrEqual(0.18);
    expect(run / steps).toBeGreaterThanOrEqual(0.25);
    // One merged box per step: 24 vertices each.
    expect(a.stairs[0]!.getTotalVertices()).toBe(steps * 24);
  });
});
