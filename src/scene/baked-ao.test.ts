import { describe, expect, it } from 'vitest';
import type { Vec2 } from '../twin/schema';
import { occlusionAt, shadeFloor, shadeWalls, WALL_TEXELS, REVEAL } from './baked-ao';

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

  it('shades walls darker at the floor than at eye height, a little at the ceiling, and reveals darker still', () => {
    const s = shadeWalls(4.2);
    const face = (j: number) => s.values[j * 2 + 1]!;
    const reveal = (j: number) => s.values[j * 2]!;
    const eye = Math.round((1.6 / 4.2) * WALL_TEXELS);
    expect(face(0)).toBeLessThan(0.75);
    expect(face(eye)).toBeGreaterThan(0.98);
    expect(face(WALL_TEXELS - 1)).toBeLessThan(face(eye));
    expect(face(WALL_TEXELS - 1)).toBeGreaterThan(face(0));
    expect(reveal(eye)).toBeCloseTo(face(eye) * REVEAL);
  });
});
