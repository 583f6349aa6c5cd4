import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
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
    // Not something to walk on or pick: the marked ends take the visitor up.
    expect(flight.isPickable).toBe(false);
    expect(a.floors).not.toContain(flight);
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
