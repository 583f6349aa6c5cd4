import { describe, expect, it } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { CreateBox } from '@babylonjs/core/Meshes/Builders/boxBuilder';
import { CreateGround } from '@babylonjs/core/Meshes/Builders/groundBuilder';
import type { DirectionalLight } from '@babylonjs/core/Lights/directionalLight';
import { lightReach, ObjectShadows, SHADOW_DIRECTION } from './shadows';
import { SHADOW_SHARE } from './shadow-light';

/** A point's depth from a light, as its shadow map measures it. */
const depth = (p: Vector3, at: Vector3, dir: Vector3) => Vector3.Dot(p.subtract(at), dir);

describe('objects’ real-time shadows', () => {
  it('stands the light outside the building and spans every corner of it, floors to the top of the tallest object', () => {
    const box = { min: new Vector3(-3, 0, -20), max: new Vector3(30, 9, 12) };
    const { position, minZ, maxZ } = lightReach(box, SHADOW_DIRECTION);
    expect(position.y).toBeGreaterThan(box.max.y);
    for (const x of [box.min.x, box.max.x]) {
      for (const y of [box.min.y, box.max.y]) {
        for (const z of [box.min.z, box.max.z]) {
          const d = depth(new Vector3(x, y, z), position, SHADOW_DIRECTION);
          expect(d).toBeGreaterThan(minZ);
          expect(d).toBeLessThan(maxZ);
        }
      }
    }
    // Babylon's own choice (one metre up the light's way, the camera's 0.05–300 m) cut off what stands above 1 m.
    expect(minZ).toBeGreaterThan(0);
    expect(maxZ - minZ).toBeLessThan(60);
  });

  it('fits the map to the floors it falls on, lights a floor with a key light’s share, and casts from what it is given', () => {
    const scene = new Scene(new NullEngine());
    const floor = CreateGround('floor:hall', { width: 20, height: 10 }, scene);
    const vase = CreateBox('vase', { size: 0.4 }, scene);
    vase.position.set(2, 1.2, 0);
    const shadows = new ObjectShadows(scene, [floor], [vase]);
    const light = scene.lights.find((l) => l.name === 'object-shadows') as DirectionalLight;
    // The floor and 5 m above it are in the map's depth: the vase on its plinth is not cut off.
    const top = new Vector3(2, 5, 0);
    expect(depth(top, light.position, light.direction)).toBeGreaterThan(light.shadowMinZ);
    expect(depth(new Vector3(10, 0, 5), light.position, light.direction)).toBeLessThan(light.shadowMaxZ);
    // PBR divides a light's diffuse by π: the intensity carries it, for the share the floors make room for.
    expect(light.intensity).toBeGreaterThan(2);
    expect(SHADOW_SHARE).toBeGreaterThan(0.35);
    const map = light.getShadowGenerator()!.getShadowMap()!;
    expect(map.renderList!.map((m) => m.name)).toEqual(['vase']);
    const plinth = CreateBox('plinth', { size: 1 }, scene);
    shadows.add([plinth, vase]);
    expect(map.renderList!.map((m) => m.name)).toEqual(['vase', 'plinth']);
    // The map's sides are fitted to the casters when it is drawn, not every frame after.
    expect(light.autoUpdateExtends).toBe(true);
    map.onAfterRenderObservable.notifyObservers(0);
    expect(light.autoUpdateExtends).toBe(false);
    shadows.add([CreateBox('bowl', { size: 0.3 }, scene)]);
    expect(light.autoUpdateExtends).toBe(true);
    expect(floor.receiveShadows).toBe(true);
    shadows.setEnabled(false);
    expect(floor.receiveShadows).toBe(false);
  });
});
