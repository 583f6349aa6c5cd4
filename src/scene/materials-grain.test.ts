import { describe, expect, it } from 'vitest';
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import { CreateBox } from '@babylonjs/core/Meshes/Builders/boxBuilder';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { VertexBuffer } from '@babylonjs/core/Buffers/buffer';
import { barUVs, GRAIN_SIZE, GRAIN_TILE, grainMean, grainTexels } from './materials-grain';

const { along, across } = GRAIN_SIZE;
const at = (t: Float32Array, x: number, y: number) => t[y * along + x]!;
/** Mean absolute change between neighbouring texels, along the grain (dx) or across it (dy). */
function roughness(t: Float32Array, dx: number, dy: number): number {
  let sum = 0;
  let n = 0;
  for (let y = 0; y < across - dy; y++) for (let x = 0; x < along - dx; x++, n++) sum += Math.abs(at(t, x + dx, y + dy) - at(t, x, y));
  return sum / n;
}

describe('oak frames’ wood grain', () => {
  it('has rings across the grain and runs smoothly along it, in a 0–1 range that darkens only a little on average', () => {
    const t = grainTexels();
    expect(Math.min(...t)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...t)).toBeLessThanOrEqual(1);
    // Across the grain the wood changes several times as fast as along it: it reads as grain, not as noise.
    expect(roughness(t, 0, 1)).toBeGreaterThan(3 * roughness(t, 1, 0));
    // Late wood is visibly darker than early wood, and the average stays near the frame's own colour.
    expect(Math.max(...t) - Math.min(...t)).toBeGreaterThan(0.25);
    expect(grainMean(t)).toBeGreaterThan(0.8);
  });

  it('repeats without a seam along and across the grain', () => {
    const t = grainTexels();
    // The step across the texture's edge is no bigger than an ordinary step between neighbours.
    let edgeU = 0;
    for (let y = 0; y < across; y++) edgeU += Math.abs(at(t, 0, y) - at(t, along - 1, y));
    expect(edgeU / across).toBeLessThan(3 * roughness(t, 1, 0) + 0.01);
    let edgeV = 0;
    for (let x = 0; x < along; x++) edgeV += Math.abs(at(t, x, 0) - at(t, x, across - 1));
    expect(edgeV / along).toBeLessThan(3 * roughness(t, 0, 1) + 0.01);
  });

  it('runs the grain along each bar of a merged frame, the side bars’ up the wall, the top bar’s across it', () => {
    const scene = new Scene(new NullEngine());
    // A 1 × 0.8 m picture's top and left bars, 6 cm wide, merged as artworks.ts merges a room's frames.
    const top = CreateBox('top', { width: 1.12, height: 0.06, depth: 0.05 }, scene);
    top.position.y = 0.43;
    const left = CreateBox('left', { width: 0.06, height: 0.8, depth: 0.05 }, scene);
    left.position.x = -0.53;
    const merged = Mesh.MergeMeshes([top, left], true, true)!;
    const positions = merged.getVerticesData(VertexBuffer.PositionKind)!;
    const uv = barUVs(positions);
    expect(uv).toHaveLength((positions.length / 3) * 2);
    // Each bar's front face (+z, Babylon's box face 0): the span of u is the bar's length over the tile.
    const span = (box: number) => {
      const us = [0, 1, 2, 3].map((k) => uv[(box * 24 + k) * 2]!);
      const vs = [0, 1, 2, 3].map((k) => uv[(box * 24 + k) * 2 + 1]!);
      return { u: Math.max(...us) - Math.min(...us), v: Math.max(...vs) - Math.min(...vs) };
    };
    expect(span(0).u).toBeCloseTo(1.12 / GRAIN_TILE.along, 5);
    expect(span(1).u).toBeCloseTo(0.8 / GRAIN_TILE.along, 5);
    expect(span(1).v).toBeCloseTo(0.06 / GRAIN_TILE.across, 5);
  });

  it('refuses geometry that is not four vertices to a face', () => {
    expect(() => barUVs(new Float32Array(9))).toThrow(/four vertices to a face/);
  });
});
