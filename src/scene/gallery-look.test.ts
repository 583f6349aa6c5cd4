import { describe, expect, it } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { PBRMaterial } from '@babylonjs/core/Materials/PBR/pbrMaterial';
import { minimalExhibition } from '../twin/fixtures';
import { validateExhibition } from '../twin/validate';
import type { Exhibition, FloorPlan } from '../twin/schema';
import { MaterialLibrary } from './materials';
import { buildFloorPlan } from './architecture';
import { CEILING_BOUNCE, GalleryLook, WALLS_UNDER_WORKS, WORKS_EXPOSURE } from './gallery-look';
import { GLASS } from './gallery-look-dressing';
import { SHADOW_SHARE } from './shadow-light';

function setUp() {
  const r = validateExhibition(minimalExhibition());
  if (!r.ok) throw new Error('fixture invalid');
  const ex: Exhibition = r.exhibition;
  const scene = new Scene(new NullEngine());
  const architecture = buildFloorPlan(ex.space as FloorPlan, scene, new MaterialLibrary(scene, (p) => p));
  return { scene, architecture, look: new GalleryLook(scene, ex, architecture, null) };
}

const lightmap = (m: unknown) => (m as PBRMaterial).lightmapTexture;

describe('the gallery’s look by graphics quality', () => {
  it('leaves the scene as built on the plain tier: no lightmap, no pool, no shadow light', () => {
    const { scene, architecture, look } = setUp();
    const before = architecture.floors.map((f) => f.material);
    look.setQuality('plain');
    expect(architecture.floors.map((f) => f.material)).toEqual(before);
    expect(scene.meshes.filter((m) => m.name.startsWith('picture-lights'))).toHaveLength(0);
    expect(scene.lights).toHaveLength(0);
  });

  it('bakes every room’s floor, ceiling and walls, and hangs a pool behind each painting on the baked tier', () => {
    const { scene, architecture, look } = setUp();
    look.setQuality('baked');
    for (const meshes of architecture.byRoom.values()) {
      for (const m of meshes) {
        const map = lightmap(m.material);
        expect(map, m.name).toBeTruthy();
        expect((m.material as PBRMaterial).useLightmapAsShadowmap).toBe(true);
        expect(m.getVerticesData('uv2')?.length).toBe(m.getTotalVertices() * 2);
      }
    }
    // The hall holds both paintings: one pool mesh (one draw call) with a quad each; the gallery has none.
    const pools = scene.meshes.filter((m) => m.name.startsWith('picture-lights'));
    expect(pools.map((m) => m.name)).toEqual(['picture-lights:hall']);
    expect(pools[0]!.getTotalVertices()).toBe(8);
    expect(look.state()).toMatchObject({ quality: 'baked', pools: 1, shadows: false });
    expect(scene.lights).toHaveLength(0);
  });

  it('adds the objects’ shadow light on the full tier, and takes everything back down to plain', async () => {
    const { scene, architecture, look } = setUp();
    const plain = architecture.floors[0]!.material;
    look.setQuality('full');
    // The map's code is its own chunk: until it has arrived nothing is drawn, and the state says so.
    expect(look.state()).toMatchObject({ quality: 'full', shadows: false });
    await look.shadowsReady();
    expect(look.state()).toMatchObject({ quality: 'full', shadows: true });
    const light = scene.lights.find((l) => l.name === 'object-shadows')!;
    expect(light.isEnabled()).toBe(true);
    expect(light.getShadowGenerator()).toBeTruthy();
    look.setQuality('plain');
    expect(light.isEnabled()).toBe(false);
    expect(architecture.floors[0]!.material).toBe(plain);
    expect(scene.meshes.find((m) => m.name === 'picture-lights:hall')!.isVisible).toBe(false);
    expect(look.state()).toMatchObject({ lightmaps: 0, pools: 0, shadows: false });
  });

  it('casts the plinths’ shadows on the full tier through their instances (a shadow map skips their hidden source)', async () => {
    const { scene, look } = setUp();
    const { CreateBox } = await import('@babylonjs/core/Meshes/Builders/boxBuilder');
    const source = CreateBox('plinth-source', { size: 1 }, scene);
    source.isVisible = false;
    source.createInstance('plinth:a');
    look.setQuality('full');
    await look.shadowsReady();
    source.createInstance('plinth:b');
    look.objectArrived([CreateBox('vase', { size: 0.3 }, scene)]);
    const map = scene.lights.find((l) => l.name === 'object-shadows')!.getShadowGenerator()!.getShadowMap()!;
    expect(map.renderList!.map((m) => m.name).sort()).toEqual(['plinth:a', 'plinth:b', 'vase']);
  });

  it('shades each object’s plinth round its foot on the baked tiers (one mesh a room), and hides it on plain', () => {
    const { scene, look } = setUp();
    look.setQuality('plain');
    expect(scene.meshes.filter((m) => m.name.startsWith('object-shade'))).toHaveLength(0);
    look.setQuality('baked');
    // The fixture's vase stands on a plinth in the gallery: one quad there; the hall holds only paintings.
    const shades = scene.meshes.filter((m) => m.name.startsWith('object-shade'));
    expect(shades.map((m) => m.name)).toEqual(['object-shade:gallery']);
    expect(shades[0]!.getTotalVertices()).toBe(4);
    expect(shades[0]!.isVisible).toBe(true);
    expect(look.state()).toMatchObject({ quality: 'baked', shades: 1 });
    look.setQuality('plain');
    expect(shades[0]!.isVisible).toBe(false);
    expect(look.state()).toMatchObject({ shades: 0 });
  });

  it('exposes the baked tiers for the works with a hue-keeping tone curve, and gives the plain tier its own back', () => {
    const { scene, look } = setUp();
    const ip = scene.imageProcessingConfiguration;
    ip.exposure = 1.05;
    ip.contrast = 1.1;
    const plainCurve = ip.toneMappingType;
    look.setQuality('baked');
    expect(ip.exposure).toBe(WORKS_EXPOSURE);
    expect(ip.exposure).toBeLessThan(1);
    expect(ip.contrast).toBe(1);
    expect(ip.toneMappingType).not.toBe(plainCurve);
    look.setQuality('plain');
    expect([ip.exposure, ip.contrast, ip.toneMappingType]).toEqual([1.05, 1.1, plainCurve]);
  });

  it('lowers a floor’s baked light by the shadow light’s share on the full tier, so it is no brighter, only shadowed', () => {
    const { architecture, look } = setUp();
    const floor = architecture.floors[0]!;
    look.setQuality('baked');
    const level = lightmap(floor.material)!.level;
    look.setQuality('full');
    expect(lightmap(floor.material)!.level).toBeCloseTo(level * (1 - SHADOW_SHARE));
    const wall = [...architecture.byRoom.values()][0]!.find((m) => m.name.startsWith('walls:'))!;
    look.setQuality('baked');
    const wallLevel = lightmap(wall.material)!.level;
    look.setQuality('full');
    expect(lightmap(wall.material)!.level).toBe(wallLevel);
    look.setQuality('baked');
    expect(lightmap(floor.material)!.level).toBe(level);
  });

  it('paints plinths a shade under lamp-white on the baked tiers, a share less again under the shadow light', async () => {
    const { scene, look } = setUp();
    const { CreateBox } = await import('@babylonjs/core/Meshes/Builders/boxBuilder');
    const plinth = CreateBox('plinth-source', { size: 1 }, scene);
    const plain = new PBRMaterial('plinth', scene);
    plinth.material = plain;
    look.setQuality('baked');
    const baked = plinth.material as PBRMaterial;
    expect(baked).not.toBe(plain);
    expect(baked.albedoColor.r).toBeLessThan(plain.albedoColor.r);
    const bakedLevel = baked.albedoColor.r;
    look.setQuality('full');
    expect((plinth.material as PBRMaterial).albedoColor.r).toBeCloseTo(bakedLevel * (1 - SHADOW_SHARE));
    look.setQuality('plain');
    expect(plinth.material).toBe(plain);
  });

  it('draws walls a share under their room’s level on the baked tiers (room for the pools), floors at it, ceilings above', () => {
    const { architecture, look } = setUp();
    look.setQuality('baked');
    const hall = architecture.byRoom.get('hall')!;
    const floor = lightmap(hall.find((m) => m.name.startsWith('floor:'))!.material)!.level;
    const walls = lightmap(hall.find((m) => m.name.startsWith('walls:'))!.material)!.level;
    expect(WALLS_UNDER_WORKS).toBeLessThan(1);
    expect(walls).toBeCloseTo(floor * WALLS_UNDER_WORKS);
    // A ceiling lit by the sky light's brown ground colour alone reads taupe: it is lifted above the room's level.
    expect(lightmap(hall.find((m) => m.name.startsWith('ceiling:'))!.material)!.level).toBeGreaterThan(floor * 1.2);
  });

  it('paints ceilings white on the baked tiers: less of the floor’s warm bounce, light in the plaster’s own colour', () => {
    const { architecture, look } = setUp();
    const ceiling = architecture.byRoom.get('hall')!.find((m) => m.name.startsWith('ceiling:'))!;
    const plain = ceiling.material as PBRMaterial;
    look.setQuality('baked');
    const baked = ceiling.material as PBRMaterial;
    expect(baked).not.toBe(plain);
    expect(baked.environmentIntensity).toBe(CEILING_BOUNCE);
    // The spill keeps the plaster's hue (its channels in the painted colour's proportions), none on the plain tier.
    const e = baked.emissiveColor;
    expect(e.r).toBeGreaterThan(0);
    expect(e.g / e.r).toBeCloseTo(plain.albedoColor.g / plain.albedoColor.r);
    expect(e.b / e.r).toBeCloseTo(plain.albedoColor.b / plain.albedoColor.r);
    look.setQuality('plain');
    expect(ceiling.material).toBe(plain);
    expect(plain.emissiveColor.r).toBe(0);
    expect(plain.environmentIntensity).toBe(1);
  });

  it('makes glass cases reflect the room on the baked tiers, and gives the plain tier its glass back', async () => {
    const { scene, look } = setUp();
    const { CreateBox } = await import('@babylonjs/core/Meshes/Builders/boxBuilder');
    const source = CreateBox('case-source', { size: 1 }, scene);
    const plain = new PBRMaterial('glass', scene);
    plain.alpha = 0.12;
    source.material = plain;
    source.createInstance('case:a-bowl');
    look.setQuality('full');
    const glass = source.material as PBRMaterial;
    expect(glass).not.toBe(plain);
    expect(glass.environmentIntensity).toBe(GLASS.environmentIntensity);
    expect(glass.metallicF0Factor).toBeGreaterThan(1);
    expect(glass.alpha).toBeLessThan(plain.alpha);
    expect(glass.roughness).toBeLessThanOrEqual(0.05);
    look.setQuality('plain');
    expect(source.material).toBe(plain);
    expect(plain.environmentIntensity).toBe(1);
  });
});
