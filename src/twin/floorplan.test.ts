import { describe, expect, it } from 'vitest';
import { dirToHeading, headingToDir, pointInPolygon, roomAt, roomEdges, wallPieces } from './floorplan';
import type { Vec2 } from './schema';

const square = (x0: number, z0: number, x1: number, z1: number): Vec2[] => [[x0, z0], [x1, z0], [x1, z1], [x0, z1]];
const plan = {
  wallHeight: 4,
  wallThickness: 0.2,
  rooms: [
    { id: 'a', name: { en: 'A' }, polygon: square(0, 0, 8, 6) },
    { id: 'b', name: { en: 'B' }, polygon: square(8, 0, 14, 6), height: 3.5 },
  ],
  doorways: [{ id: 'd', rooms: ['a', 'b'], position: [8, 3] as Vec2, width: 2, height: 2.5 }],
};
const len = (p: { a: Vec2; b: Vec2 }) => Math.hypot(p.b[0] - p.a[0], p.b[1] - p.a[1]);

describe('headings', () => {
  it('0 looks toward −z and 90 toward +x', () => {
    expect(headingToDir(0)[0]).toBeCloseTo(0);
    expect(headingToDir(0)[1]).toBeCloseTo(-1);
    expect(headingToDir(90)[0]).toBeCloseTo(1);
    expect(dirToHeading([0, 1])).toBeCloseTo(180);
    expect(dirToHeading([-1, 0])).toBeCloseTo(270);
  });
});

describe('rooms', () => {
  it('knows which room a point is in', () => {
    expect(roomAt(plan.rooms, [3, 3])?.id).toBe('a');
    expect(roomAt(plan.rooms, [10, 1])?.id).toBe('b');
    expect(roomAt(plan.rooms, [20, 1])).toBeUndefined();
    expect(pointInPolygon([8.5, 3], plan.rooms[0]!.polygon)).toBe(false);
  });

  it('turns wall normals into the room whichever way the polygon winds', () => {
    const cw = roomEdges({ id: 'cw', polygon: square(0, 0, 4, 4) });
    const ccw = roomEdges({ id: 'ccw', polygon: [...square(0, 0, 4, 4)].reverse() });
    for (const e of [...cw, ...ccw]) {
      const mid: Vec2 = [(e.a[0] + e.b[0]) / 2 + e.inward[0] * 0.1, (e.a[1] + e.b[1]) / 2 + e.inward[1] * 0.1];
      expect(pointInPolygon(mid, square(0, 0, 4, 4))).toBe(true);
    }
  });
});

describe('wallPieces', () => {
  const pieces = wallPieces(plan);

  it('builds a shared wall once', () => {
    const onShared = pieces.filter((p) => Math.abs(p.a[0] - 8) < 1e-9 && Math.abs(p.b[0] - 8) < 1e-9);
    // Two solid runs beside the door plus one lintel, all from room a; room b adds none.
    expect(onShared.every((p) => p.room === 'a')).toBe(true);
    expect(onShared).toHaveLength(3);
  });

  it('cuts the doorway and puts a lintel above it', () => {
    const onShared = pieces.filter((p) => Math.abs(p.a[0] - 8) < 1e-9);
    const lintel = onShared.find((p) => p.bottom > 0)!;
    expect(lintel.bottom).toBe(2.5);
    expect(lintel.top).toBe(4);
    expect(len(lintel)).toBeCloseTo(2);
    const solid = onShared.filter((p) => p.bottom === 0);
    // 6 m wall minus a 2 m door, plus half a wall thickness at the corner end of each run.
    expect(solid.reduce((s, p) => s + len(p), 0)).toBeCloseTo(4 + 0.2);
  });

  it('uses each room’s own height', () => {
    expect(pieces.filter((p) => p.room === 'b').every((p) => p.top === 3.5)).toBe(true);
  });

  it('closes every corner: outer walls extend by half the thickness', () => {
    const south = pieces.find((p) => p.room === 'a' && p.a[1] === 0 && p.b[1] === 0)!;
    expect(Math.min(south.a[0], south.b[0])).toBeCloseTo(-0.1);
  });
});
