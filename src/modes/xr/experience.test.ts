import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { WebXRDefaultExperience } from '@babylonjs/core/XR/webXRDefaultExperience';
import { Logger } from '@babylonjs/core/Misc/logger';
import { createXrExperience } from './experience';

/** Babylon removes observers on the next turn of the event loop. */
const removed = () => new Promise((r) => setTimeout(r, 0));
const counts = (scene: Scene) => [scene.onDisposeObservable.observers.length, scene.getEngine().onDisposeObservable.observers.length];

// Babylon's session manager only asks that `navigator.xr` exists to make an experience; no session is started here.
// Node has no canvas for the output target: Babylon logs that and returns the experience without it, with every
// dispose observer already added, which is what is counted here.
const OPTIONS = { disableDefaultUI: true, disableTeleportation: true, disableNearInteraction: true, disableHandTracking: true, inputOptions: { doNotLoadControllerMeshes: true } };

describe('createXrExperience', () => {
  let scene: Scene;
  beforeEach(() => {
    vi.stubGlobal('navigator', { xr: { isSessionSupported: async () => true } });
    Logger.LogLevels = Logger.NoneLogLevel;
    scene = new Scene(new NullEngine());
  });
  afterEach(() => {
    scene.dispose();
    vi.unstubAllGlobals();
    Logger.LogLevels = Logger.AllLogLevel;
  });

  it("Babylon's own experience leaves three observers on the scene's disposal for good (why this module exists)", async () => {
    const before = scene.onDisposeObservable.observers.length;
    const xr = await WebXRDefaultExperience.CreateAsync(scene, OPTIONS);
    xr.dispose();
    await removed();
    expect(scene.onDisposeObservable.observers.length - before).toBe(3);
  });

  it('leaves no observer on the scene once the experience is disposed of, however many are made', async () => {
    const before = counts(scene);
    for (let i = 0; i < 5; i++) {
      const xr = await createXrExperience(scene, OPTIONS);
      expect(xr.baseExperience.camera.isDisposed()).toBe(false);
      xr.dispose();
    }
    await removed();
    expect(counts(scene)).toEqual(before);
  });

  it('still disposes of a live experience when the scene goes', async () => {
    const xr = await createXrExperience(scene, OPTIONS);
    const camera = xr.baseExperience.camera;
    scene.dispose();
    expect(camera.isDisposed()).toBe(true);
  });

  it('leaves nothing either where WebXR cannot start', async () => {
    vi.stubGlobal('navigator', {});
    const before = counts(scene);
    const xr = await createXrExperience(scene, OPTIONS);
    expect(xr.baseExperience).toBeUndefined();
    await removed();
    expect(counts(scene)).toEqual(before);
  });
});
