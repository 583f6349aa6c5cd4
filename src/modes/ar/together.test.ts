import { readFileSync } from 'node:fs';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { FreeCamera } from '@babylonjs/core/Cameras/freeCamera';
import { Quaternion, Vector3 } from '@babylonjs/core/Maths/math.vector';
import { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import { Scene } from '@babylonjs/core/scene';
import { describe, expect, it } from 'vitest';
import { Exhibition } from '../../twin/schema';
import { headingDelta } from '../../twin/together/follow';
import { AR_ROOT, arPresence, arRegistrationRoot } from './together';

const ex = Exhibition.parse(JSON.parse(readFileSync('assets/default/exhibition.json', 'utf8')));

describe('visit together in AR', () => {
  it('brings the phone back into the twin: a registration turned and moved is undone', () => {
    const scene = new Scene(new NullEngine());
    expect(arRegistrationRoot(scene)).toBeUndefined();
    // The room registered: the twin turned 90° and moved 10 m along x in the phone's world.
    const root = new TransformNode(AR_ROOT, scene);
    root.position.set(10, 0, 0);
    root.rotationQuaternion = Quaternion.RotationYawPitchRoll(Math.PI / 2, 0, 0);
    expect(arRegistrationRoot(scene)).toBe(root);
    // The phone at eye height where the twin's point (5, 3) is (turned: twin (x, z) → world (z, −x) + 10 on x).
    const cam = new FreeCamera('phone', new Vector3(10 + 3, 1.6, -5), scene);
    // Looking along the twin's −z (heading 0): in the world, the twin's −z is −x.
    cam.setTarget(new Vector3(0, 1.6, -5));
    scene.activeCamera = cam;
    const p = arPresence(scene, root, ex)!;
    expect(p.p[0]).toBeCloseTo(5, 2);
    expect(p.p[1]).toBeCloseTo(0, 2);
    expect(p.p[2]).toBeCloseTo(3, 2);
    expect(Math.abs(headingDelta(0, p.h))).toBeLessThan(0.5);
    expect(p.room).toBe('hall');
    scene.dispose();
  });
});
