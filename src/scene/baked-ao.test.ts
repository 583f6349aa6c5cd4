import { describe, expect, it } from 'vitest';
import type { Vec2 } from '../twin/schema';
import { insideCorners, occlusionAt, shadeFloor, wallLightmap, WALL_TEXELS, REVEAL } from './baked-ao';

const room: Vec2[] = [[0, 0], [8, 0], [8, 6], [0, 6]];
const door = { position: [8, 3] as Vec2, width: 1.2 };

describe('baked ambient occlusion', () => {
  it('darkens the floor where it meets a wall, fading out within half a metre', () => {
    const atWall = occlusionAt([4, 0.1], room, [], [], 0.1);
    const near = occlusionAt([4, 0.4], room, [], [], 0.1);
    const middle = occlusionAt([4, 3], room, [], [], 0.1);
    expect(atWall).toBeLessThan(0.7);
    expect(near).toBeGreaterThan(atWall);
    expect(middle).toBeGreaterThan(0.99);
  });

  it('leaves the floor open in a doorway, but shades its jambs', () => {
    const inDoor = occlusionAt([7.95, 3], room, [door], [], 0.1);
    const byJamb = occlusionAt([7.9, 3.55], room, [door], [], 0.1);
    const wall = occlusionAt([7.9, 1], room, [door], [], 0.1);
    expect(inDoor).toBeGreaterThan(0.85);
    expect(byJamb).toBeLessThan(inDoor);
    expect(wall).toBeLessThan(byJamb);
  });

  it('puts a soft contact shadow around a plinth, turned with it', () => {
    const plinth = { centre: [3, 3] as Vec2, half: [0.3, 0.3] as Vec2, angle: Math.PI / 4 };
    const edge = occlusionAt([3.45, 3], room, [], [plinth]);
    const away = occlusionAt([4.5, 3], room, [], [plinth]);
    // Turned 45°, the plinth's corner reaches 0.42 m along x: 0.45 m is just outside, in its shadow.
    expect(edge).toBeLessThan(0.7);
    expect(away).toBeGreaterThan(0.95);
  });

  it('makes a lightmap over the room at a few centimetres a texel, and no more than 256 on a side', () => {
    const s = shadeFloor(room, [door], [], 0.1);
    expect(s.width).toBe(96);
    expect(s.height).toBe(72);
    expect(s.min).toEqual([0, 0]);
    expect(s.span).toEqual([8, 6]);
    const centre = s.values[36 * 96 + 48]!;
    const corner = s.values[0]!;
    expect(corner).toBeLessThan(centre);
    expect(shadeFloor([[0, 0], [40, 0], [40, 30], [0, 30]], [], []).width).toBe(256);
  });

  it('finds a room’s inside corners half a wall in from its outline, and none where it turns outward', () => {
    expect(insideCorners([room], 0.1).map((c) => c.map((v) => +v.toFixed(3)))).toEqual([[0.1, 0.1], [7.9, 0.1], [7.9, 5.9], [0.1, 5.9]]);
    // An L: five inside corners, the sixth vertex turns outward (a corner seen from outside).
    const ell: Vec2[] = [[0, 0], [6, 0], [6, 3], [3, 3], [3, 6], [0, 6]];
    const corners = insideCorners([ell], 0.1);
    expect(corners).toHaveLength(5);
    expect(corners.some((c) => Math.abs(c[0] - 3.1) < 1e-6 && Math.abs(c[1] - 3.1) < 1e-6)).toBe(false);
    // Wound the other way round, the same corners.
    expect(insideCorners([[...ell].reverse()], 0.1)).toHaveLength(5);
  });

  describe('walls', () => {
    const H = 4.2;
    /** A vertical face from a to b (plan), floor to ceiling: four vertices, as merged boxes have. */
    const face = (a: Vec2, b: Vec2): number[] => [a[0], 0, a[1], b[0], 0, b[1], b[0], H, b[1], a[0], H, a[1]];
    // The south wall's inner face (8 m, between two inside corners), its outer face, and a doorway's reveal.
    const positions = [...face([0, 0.1], [8, 0.1]), ...face([0, -0.1], [8, -0.1]), ...face([8, 2.4], [8.2, 2.4])];
    const { shade, uv2 } = wallLightmap(positions, H, 0.2, insideCorners([room], 0.1));
    /** The shade a vertex's second UV reads, at a height. */
    const at = (vertex: number, y: number): number => {
      const i = Math.min(shade.width - 1, Math.floor(uv2[vertex * 2]! * shade.width));
      const j = Math.min(WALL_TEXELS - 1, Math.floor((y / H) * WALL_TEXELS));
      return shade.values[j * shade.width + i]!;
    };
    /** The shade on the inner face at a point x metres along it. */
    const inner = (x: number, y: number): number => {
      const u = uv2[0]! + ((uv2[2]! - uv2[0]!) * (x - 0)) / 8;
      const i = Math.min(shade.width - 1, Math.floor(u * shade.width));
      return shade.values[Math.floor((y / H) * WALL_TEXELS) * shade.width + i]!;
    };

    it('darkens a wall at the floor more than at the ceiling, and not at eye height', () => {
      expect(inner(4, 0.02)).toBeLessThan(0.75);
      expect(inner(4, 1.6)).toBeGreaterThan(0.98);
      expect(inner(4, H - 0.02)).toBeLessThan(inner(4, 1.6));
      expect(inner(4, H - 0.02)).toBeGreaterThan(inner(4, 0.02));
    });

    it('darkens a wall toward each inside corner, fading out within a metre', () => {
      expect(inner(0.15, 1.6)).toBeLessThan(0.75);
      expect(inner(7.85, 1.6)).toBeLessThan(0.75);
      expect(inner(1.5, 1.6)).toBeGreaterThan(0.97);
      // The wall's outer face (the room next door's side) has no corner of this room on it.
      expect(at(4, 1.6)).toBeGreaterThan(0.98);
    });

    it('shades a doorway’s reveal darker than the wall, and keeps each face’s texels to itself', () => {
      expect(at(8, 1.6)).toBeCloseTo(at(4, 1.6) * REVEAL);
      for (let v = 0; v < positions.length / 3; v++) expect(uv2[v * 2]!).toBeGreaterThan(0);
      expect(shade.width).toBeLessThanOrEqual(4096);
      expect(shade.width).toBeGreaterThan(8 * 10);
    });

    it('reads an upper level’s walls by height over their own floor (the mezzanine’s stood past the map’s top)', () => {
      const up = positions.map((v, i) => (i % 3 === 1 ? v + 4.4 : v));
      const lifted = wallLightmap(up, H, 0.2, insideCorners([room], 0.1), 4.4);
      expect([...lifted.uv2]).toEqual([...uv2]);
      for (let v = 1; v < uv2.length; v += 2) expect(lifted.uv2[v]!).toBeLessThanOrEqual(1);
    });
  });
});
