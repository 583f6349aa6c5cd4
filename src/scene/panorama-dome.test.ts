/** The photo dome's geometry and level choice, on Babylon's NullEngine. */
import { describe, expect, it } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { VertexBuffer } from '@babylonjs/core/Buffers/buffer';
import { imageDirection } from '../twin/panorama';
import { sharpLevel, spherePatch } from './panorama-dome';

const levels = [1024, 4096, 8192, 12288].map((w) => ({ width: w, height: w / 2, columns: Math.ceil(w / 2048), rows: Math.ceil(w / 4096), tiles: [] }));

describe('the photo dome', () => {
  it('loads the sharpest level the device takes, never more', () => {
    expect(sharpLevel(levels, 8192)).toBe(2);
    expect(sharpLevel(levels, 4096)).toBe(1);
    expect(sharpLevel(levels, 16384)).toBe(3);
    // A device below every level still gets the first.
    expect(sharpLevel(levels, 512)).toBe(0);
  });

  it("puts a tile's corners where the twin looks for those image points, around the eye, and follows the camera", () => {
    const scene = new Scene(new NullEngine());
    const b = { u0: 0.25, u1: 0.5, v0: 0, v1: 0.5 };
    const mesh = spherePatch('t', scene, 60, b);
    const pos = mesh.getVerticesData(VertexBuffer.PositionKind)!;
    const uv = mesh.getVerticesData(VertexBuffer.UVKind)!;
    const n = pos.length / 3;
    // The first vertex is the tile's top-left: image (u0, v0), texture (0, 1) as the texture loads flipped.
    const r = Math.hypot(pos[0]!, pos[1]!, pos[2]!);
    const d0 = imageDirection(60, b.u0, b.v0);
    [0, 1, 2].forEach((k) => expect(pos[k]! / r).toBeCloseTo(d0[k]!, 5));
    expect([uv[0], uv[1]]).toEqual([0, 1]);
    // The last is the bottom-right: image (u1, v1) on the horizon, texture (1, 0).
    const dn = imageDirection(60, b.u1, b.v1);
    [0, 1, 2].forEach((k) => expect(pos[(n - 1) * 3 + k]! / r).toBeCloseTo(dn[k]!, 5));
    expect([uv[(n - 1) * 2], uv[(n - 1) * 2 + 1]]).toEqual([1, 0]);
    expect(mesh.infiniteDistance).toBe(true);
    expect(mesh.isPickable).toBe(false);
    scene.dispose();
  });
});
