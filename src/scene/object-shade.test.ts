import { describe, expect, it } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { Constants } from '@babylonjs/core/Engines/constants';
import { minimalExhibition } from '../twin/fixtures';
import { validateExhibition } from '../twin/validate';
import { artworkPose } from '../twin/layout';
import type { ObjectArtwork } from '../twin/schema';
import { buildShades, shadeMaterial, shadeQuad } from './object-shade';

function vase() {
  const r = validateExhibition(minimalExhibition());
  if (!r.ok) throw new Error('fixture invalid');
  const art = r.exhibition.artworks.find((a) => a.kind === 'object') as ObjectArtwork;
  return { ex: r.exhibition, art, pose: artworkPose(r.exhibition, art) };
}

describe('objects’ contact shade on their plinths', () => {
  it('lies just above the plinth’s top, within it, darkest at the object’s own footprint', () => {
    const { art, pose } = vase();
    const q = shadeQuad(art, pose)!;
    expect(q.centre[1]).toBeCloseTo(pose.position[1] + art.plinthHeight, 2);
    expect(q.centre[1]).toBeGreaterThan(pose.position[1] + art.plinthHeight);
    // The plinth's top is the footprint plus 25 cm a side in all: the shade stays on it.
    const plinthHalf = (Math.max(art.dimensions.width, art.dimensions.depth ?? 0) + 0.25) / 2;
    expect(q.half).toBeLessThan(plinthHalf);
    expect(q.half).toBeGreaterThan(art.dimensions.width / 2);
    expect(q.inner).toBeCloseTo(art.dimensions.width / 2 / q.half, 5);
  });

  it('leaves an object standing on the floor to the floor’s lightmap', () => {
    const { art, pose } = vase();
    expect(shadeQuad({ ...art, display: 'none' }, pose)).toBeUndefined();
  });

  it('merges a room’s shades into one mesh multiplied over the plinth (darkens, never lightens), and none for none', () => {
    const { art, pose } = vase();
    const scene = new Scene(new NullEngine());
    const material = shadeMaterial(scene);
    expect(material.alphaMode).toBe(Constants.ALPHA_MULTIPLY);
    const q = shadeQuad(art, pose)!;
    const mesh = buildShades('object-shade:gallery', [q, { ...q, centre: [q.centre[0] + 2, q.centre[1], q.centre[2]] }], scene, material)!;
    expect(mesh.getTotalVertices()).toBe(8);
    expect(mesh.isPickable).toBe(false);
    const ys = Array.from(mesh.getVerticesData('position')!).filter((_, i) => i % 3 === 1);
    expect(new Set(ys.map((y) => y.toFixed(4))).size).toBe(1);
    expect(buildShades('none', [], scene, material)).toBeUndefined();
  });
});
