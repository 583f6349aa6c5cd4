import { describe, expect, it } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { PBRMaterial } from '@babylonjs/core/Materials/PBR/pbrMaterial';
import type { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import type { InstancedMesh } from '@babylonjs/core/Meshes/instancedMesh';
import { minimalExhibition } from '../twin/fixtures';
import { validateExhibition } from '../twin/validate';
import type { Exhibition, FloorPlan } from '../twin/schema';
import { MaterialLibrary } from './materials';
import { buildFloorPlan } from './architecture';
import { ArtworkBuilder } from './artworks';
import { ImageDetail } from './image-detail';
import { GalleryLook } from './gallery-look';

/**
 * The fixture's hall (two paintings, one in an oak frame) made a dim cabinet; its gallery holds the vase on a
 * plinth (objects only: a bright hall). Works are built as the app builds them (artworks.ts), media never fetched.
 */
function setUp(buildWorks: 'before' | 'after' = 'before') {
  const raw = minimalExhibition();
  (raw.space as FloorPlan).rooms[0]!.lighting = { use: 'cabinet' };
  const r = validateExhibition(raw);
  if (!r.ok) throw new Error('fixture invalid');
  const ex: Exhibition = r.exhibition;
  const scene = new Scene(new NullEngine());
  const materials = new MaterialLibrary(scene, (p) => p);
  const architecture = buildFloorPlan(ex.space as FloorPlan, scene, materials);
  const look = new GalleryLook(scene, ex, architecture, null);
  const build = () => {
    const builder = new ArtworkBuilder({
      scene,
      materials,
      resolve: (p) => p,
      detail: new ImageDetail(scene),
      onProblem: () => undefined,
      onAssetDone: () => undefined,
      schedule: () => new Promise<void>(() => undefined),
    });
    for (const art of ex.artworks) builder.build(ex, art, { unavailable: 'unavailable', restricted: 'restricted' });
    builder.finish();
  };
  if (buildWorks === 'before') build();
  const mesh = (name: string) => scene.getMeshByName(name)!;
  const label = (id: string) => (mesh(`label:${id}`).material as StandardMaterial).emissiveColor.r;
  /** What happens before a frame is drawn (the dressing of meshes that arrived). */
  const frame = () => scene.onBeforeRenderObservable.notifyObservers(scene);
  return { scene, look, build, mesh, label, frame };
}

describe('the works’ surroundings by graphics quality', () => {
  it('leaves labels, plinths, frames and canvases as built on the plain tier', () => {
    const { look, mesh, label, frame } = setUp();
    const frames = mesh('frames:hall:oak').material;
    look.setQuality('plain');
    frame();
    expect(label('sunrise')).toBeGreaterThan(0.9);
    expect(mesh('plinth-source').instancedBuffers?.instanceColor).toBeUndefined();
    expect(mesh('frames:hall:oak').material).toBe(frames);
    expect((mesh('canvas:sunrise').material as PBRMaterial).roughness).toBe(0.75);
  });

  it('dims a dim cabinet’s labels and frames with its walls on the baked tiers, and lights a bright hall’s plinth a little more', () => {
    const { look, mesh, label, frame } = setUp();
    const printed = label('sunrise');
    look.setQuality('baked');
    frame();
    // A 50 lx cabinet's ambient level over ordinary gallery light's: (50 / 150)^(1/3) ≈ 0.69.
    expect(label('sunrise') / printed).toBeCloseTo(0.69, 1);
    const plinth = (mesh('plinth:vase') as InstancedMesh).instancedBuffers.instanceColor as { r: number };
    expect(plinth.r).toBeGreaterThan(1);
    // What Babylon's materials look for to multiply an instance's colour in (INSTANCESCOLOR).
    expect(mesh('plinth-source').isVerticesDataPresent('instanceColor')).toBe(true);
    const framed = mesh('frames:hall:oak').material as PBRMaterial;
    look.setQuality('plain');
    frame();
    expect(label('sunrise')).toBe(printed);
    expect(((mesh('plinth:vase') as InstancedMesh).instancedBuffers.instanceColor as { r: number }).r).toBe(1);
    expect(mesh('frames:hall:oak').material).not.toBe(framed);
    look.setQuality('baked');
    expect(mesh('frames:hall:oak').material).toBe(framed);
  });

  it('gives oak frames wood grain running along each bar, and canvases a varnish’s gloss, on the baked tiers', () => {
    const { look, mesh, frame } = setUp();
    const plain = mesh('frames:hall:oak').material as PBRMaterial;
    look.setQuality('baked');
    frame();
    const oak = mesh('frames:hall:oak');
    const baked = oak.material as PBRMaterial;
    expect(baked.albedoTexture?.name).toBe('oak-grain');
    expect(plain.albedoTexture).toBeFalsy();
    // The grain's darker average is made up for, and the cabinet's dimmer light taken off.
    expect(baked.albedoColor.r).toBeGreaterThan(plain.albedoColor.r * 0.69);
    expect(oak.getVerticesData('uv')).toHaveLength(oak.getTotalVertices() * 2);
    const canvas = mesh('canvas:sunrise').material as PBRMaterial;
    expect(canvas.roughness).toBeLessThan(0.6);
    look.setQuality('plain');
    expect(canvas.roughness).toBe(0.75);
  });

  it('dresses works built after the tier was chosen (rooms built later) before their first frame', async () => {
    const { scene, look, build, label, frame } = setUp('after');
    look.setQuality('baked');
    build();
    // Babylon tells of new meshes a moment later (a timeout); the next frame dresses them.
    await new Promise((r) => setTimeout(r, 10));
    expect(label('sunrise')).toBeGreaterThan(0.9);
    frame();
    expect(label('sunrise')).toBeLessThan(0.75);
    expect((scene.getMeshByName('frames:hall:oak')!.material as PBRMaterial).albedoTexture?.name).toBe('oak-grain');
    expect(((scene.getMeshByName('plinth:vase') as InstancedMesh).instancedBuffers.instanceColor as { r: number }).r).toBeGreaterThan(1);
  });
});
