import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { Camera } from '@babylonjs/core/Cameras/camera';
import { FreeCamera } from '@babylonjs/core/Cameras/freeCamera';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { CreateBox } from '@babylonjs/core/Meshes/Builders/boxBuilder';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import '@babylonjs/core/Cameras/RigModes/stereoscopicRigMode';
import { forgetCamera } from './camera-cache';

const cached = (mesh: AbstractMesh): Camera[] => [...(mesh as unknown as { _internalAbstractMeshDataInfo: { _currentLOD: Map<Camera, unknown> } })._internalAbstractMeshDataInfo._currentLOD.keys()];

/** A headset-like camera: drawn through two eye cameras whose rigParent it is, as WebXRCamera is. */
function headsetCamera(scene: Scene): Camera {
  const c = new FreeCamera('headset', new Vector3(0, 1.6, -3), scene);
  c.setCameraRigMode(Camera.RIG_MODE_STEREOSCOPIC_SIDEBYSIDE_PARALLEL, { interaxialDistance: 0.064 });
  return c;
}

describe("meshes' level-of-detail cache", () => {
  let scene: Scene;
  let preview: Camera;
  let works: AbstractMesh[];
  beforeEach(() => {
    scene = new Scene(new NullEngine());
    preview = new FreeCamera('preview', new Vector3(0, 1.6, -5), scene);
    works = [CreateBox('plinth', {}, scene), CreateBox('vase', {}, scene)];
    scene.activeCamera = preview;
    scene.render();
  });
  afterEach(() => scene.dispose());

  /** A session: its camera draws a frame, then goes (as the headset's camera does when the session ends). */
  function session(): Camera {
    const headset = headsetCamera(scene);
    scene.activeCamera = headset;
    scene.render();
    scene.activeCamera = preview;
    headset.dispose();
    scene.render();
    return headset;
  }

  it('Babylon keeps every session’s eye cameras on every mesh after the camera is disposed of (why forgetCamera exists)', () => {
    const headset = session();
    for (const mesh of works) expect(cached(mesh).filter((c) => c.rigParent === headset)).toHaveLength(2);
  });

  it('forgetCamera takes a disposed camera’s eye cameras out of every mesh and keeps the preview’s', () => {
    const headsets = [session(), session(), session()];
    for (const h of headsets) forgetCamera(scene, h);
    for (const mesh of works) expect(cached(mesh)).toEqual([preview]);
    // The preview still draws through its own cache entry.
    scene.render();
    expect(cached(works[0]!)).toEqual([preview]);
  });

  it('is called for a camera while it is being disposed of (still in its dispose observers)', () => {
    const headset = headsetCamera(scene);
    scene.activeCamera = headset;
    scene.render();
    scene.activeCamera = preview;
    let removed = 0;
    headset.onDisposeObservable.addOnce(() => (removed = forgetCamera(scene, headset)));
    headset.dispose();
    expect(removed).toBe(2 * works.length);
    for (const mesh of works) expect(cached(mesh)).toEqual([preview]);
  });
});
