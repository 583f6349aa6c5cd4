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
