import { afterEach, describe, expect, it, vi } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Observable } from '@babylonjs/core/Misc/observable';
import type { WebXRAbstractMotionController } from '@babylonjs/core/XR/motionController/webXRAbstractMotionController';
import { watchControllerModels } from './controller-models';

const LAYOUT = { components: { 'xr-standard-trigger': { rootNodeName: 'xr_standard_trigger' }, 'a-button': { rootNodeName: 'a_button' } } };

/** What Babylon's glTF loader makes of a controller model: a `__root__` with the layout's nodes, meshes and a material. */
function modelNodes(scene: Scene): Mesh {
  const root = new Mesh('__root__', scene);
  const trigger = new TransformNode('xr_standard_trigger', scene);
  trigger.parent = root;
  const body = new Mesh('body', scene);
  body.parent = trigger;
  body.material = new StandardMaterial('controller-mat', scene);
  return root;
}

/** A motion controller whose model load does what `fail`/`succeed` say, as Babylon's would. */
function controller(scene: Scene, handedness: string, outcome: Promise<'fail' | 'succeed'>) {
  const c = {
    profileId: 'meta-quest-touch-plus',
    handedness,
    layout: LAYOUT,
    rootMesh: null as Mesh | null,
    async loadModel(): Promise<boolean> {
      const root = modelNodes(scene);
      if ((await outcome) === 'fail') throw new Error('image could not be decoded');
      // Babylon's _setRootMesh: the controller's own mesh wraps the loaded model.
      c.rootMesh = new Mesh(`${c.profileId}-${handedness}`, scene);
      root.parent = c.rootMesh;
      return true;
    },
  };
  return c;
}

function input() {
  return { onControllerAddedObservable: new Observable<{ onMotionControllerInitObservable: Observable<WebXRAbstractMotionController> }>() };
}

/** Adds a controller as Babylon's WebXRInput does: init notified, then `loadModel()` called. */
function add(i: ReturnType<typeof input>, c: ReturnType<typeof controller>): Promise<boolean> {
  const source = { onMotionControllerInitObservable: new Observable<WebXRAbstractMotionController>() };
  i.onControllerAddedObservable.notifyObservers(source);
  source.onMotionControllerInitObservable.notifyObservers(c as unknown as WebXRAbstractMotionController);
  return c.loadModel();
}

const counts = (s: Scene) => ({ meshes: s.meshes.length, nodes: s.transformNodes.length, materials: s.materials.length });

describe('watchControllerModels', () => {
  afterEach(() => vi.restoreAllMocks());

  it('removes what a failed controller model load left in the scene, and says so', async () => {
    const scene = new Scene(new NullEngine());
    const i = input();
    watchControllerModels(i, scene);
    const before = counts(scene);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(add(i, controller(scene, 'left', Promise.resolve('fail')))).resolves.toBe(false);
    expect(counts(scene)).toEqual(before);
    expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/meta-quest-touch-plus left controller's model did not load \(Error: image could not be decoded\)/);
  });

  it('keeps the other hand’s model, loaded or still loading when one fails, and anything else added meanwhile', async () => {
    const scene = new Scene(new NullEngine());
    const i = input();
    watchControllerModels(i, scene);
    let failLeft!: (v: 'fail') => void;
    let finishRight!: (v: 'succeed') => void;
    const right = controller(scene, 'right', new Promise((r) => (finishRight = r)));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // The left hand starts first (its snapshot holds neither model), the right hand's model is made next.
    const leftLoaded = add(i, controller(scene, 'left', new Promise((r) => (failLeft = r))));
    const rightLoaded = add(i, right);
    failLeft('fail');
    await expect(leftLoaded).resolves.toBe(false);
    // The right hand is still loading: nothing is removed yet (its model is not under its controller's mesh).
    expect(scene.meshes.filter((m) => m.name === '__root__')).toHaveLength(2);
    const painting = new Mesh('canvas:portrait', scene);
    finishRight('succeed');
    await expect(rightLoaded).resolves.toBe(true);
    expect(right.rootMesh?.isDisposed()).toBe(false);
    expect(right.rootMesh?.getDescendants(false).some((n) => n.name === 'xr_standard_trigger')).toBe(true);
    expect(painting.isDisposed()).toBe(false);
    // Only the left hand's part-loaded model went: one __root__ remains, the right hand's.
    expect(scene.meshes.filter((m) => m.name === '__root__')).toHaveLength(1);
  });

  it('leaves a successful load alone', async () => {
    const scene = new Scene(new NullEngine());
    const i = input();
    watchControllerModels(i, scene);
    const c = controller(scene, 'left', Promise.resolve('succeed'));
    await expect(add(i, c)).resolves.toBe(true);
    expect(c.rootMesh?.getChildMeshes(false).length).toBeGreaterThan(0);
  });
});
