/** Colleagues' cameras in the curating view's 3D stage, on Babylon's NullEngine. */
import { describe, expect, it } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { colleagueColor3, openColleagueCameras } from './colleague-cameras';

/** The cone's tip in the space: the vertex farthest along its pointing direction. */
function tip(scene: Scene, name: string): Vector3 {
  const cone = scene.getMeshByName(`colleague-camera-${name}`)!;
  cone.computeWorldMatrix(true);
  const p = cone.getVerticesData('position')!;
  let best = Vector3.Zero();
  let far = -Infinity;
  for (let i = 0; i < p.length; i += 3) {
    if (p[i + 2]! > far) {
      far = p[i + 2]!;
      best = Vector3.TransformCoordinates(new Vector3(p[i], p[i + 1], p[i + 2]), cone.getWorldMatrix());
    }
  }
  return best;
}

describe('colleagues’ cameras in 3D', () => {
  it('puts a cone in the colleague’s colour where their camera stands, pointing at what they look at, with a ball there', () => {
    const scene = new Scene(new NullEngine());
    const cameras = openColleagueCameras(scene);
    cameras.show([{ name: 'ana', selected: null, camera: { at: [0, 10, -20], look: [5, 0, 3] } }, { name: 'bo', selected: 'x' }]);
    const cone = scene.getMeshByName('colleague-camera-ana')!;
    expect(cone.position.asArray()).toEqual([0, 10, -20]);
    const dir = new Vector3(5, -10, 23).normalize();
    expect(Vector3.Dot(tip(scene, 'ana').subtract(cone.position).normalize(), dir)).toBeGreaterThan(0.99);
    expect(scene.getMeshByName('colleague-look-ana')!.position.asArray()).toEqual([5, 0, 3]);
    expect(scene.getMeshByName('colleague-camera-bo')).toBeNull(); // no view yet: nothing drawn
    expect(cameras.eyes().map((e) => [e.name, e.eye.asArray()])).toEqual([['ana', [0, 10, -20]]]);
    const c = colleagueColor3('ana');
    expect(c.equals(colleagueColor3('ana'))).toBe(true);
    expect(c.equals(colleagueColor3('bo'))).toBe(false);
  });

  it('follows a camera that moves, and takes a colleague who leaves away', () => {
    const scene = new Scene(new NullEngine());
    const cameras = openColleagueCameras(scene);
    cameras.show([{ name: 'ana', selected: null, camera: { at: [0, 10, -20], look: [5, 0, 3] } }]);
    const meshes = scene.meshes.length;
    cameras.show([{ name: 'ana', selected: null, camera: { at: [8, 2, 8], look: [8, 1.5, 0] } }]);
    expect(scene.meshes.length).toBe(meshes); // moved, not made again
    expect(scene.getMeshByName('colleague-camera-ana')!.position.asArray()).toEqual([8, 2, 8]);
    expect(tip(scene, 'ana').z).toBeLessThan(8);
    cameras.show([]);
    expect(scene.meshes.filter((m) => m.name.includes('ana'))).toEqual([]);
    expect(cameras.eyes()).toEqual([]);
  });
});
