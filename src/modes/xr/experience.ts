/**
 * Babylon's default WebXR experience, made so that disposing of it lets it go. `WebXRDefaultExperience.CreateAsync`
 * adds three observers to the scene's `onDisposeObservable` (the experience, its helper and its session manager,
 * each `addOnce(() => this.dispose())`) and their own `dispose()` never removes them: each closure keeps the whole
 * experience (camera, session manager, features, input, render target) alive as long as the scene, about 0.4 MB
 * per VR or AR session, and three more observers every time (the leak docs/security.md measured).
 *
 * `createXrExperience` replaces them with one observer of its own (the scene's disposal still disposes of a live
 * experience), removed with the output canvas's engine observer when the experience is disposed of (its camera's `onDisposeObservable`, which fires from
 * `WebXRExperienceHelper.dispose`), when it also takes the camera out of every mesh's level-of-detail cache
 * (camera-cache.ts).
 */
import { WebXRDefaultExperience, type WebXRDefaultExperienceOptions } from '@babylonjs/core/XR/webXRDefaultExperience';
// WebXR's teleportation ring and near interaction animate through scene.beginAnimation without registering it;
// the gallery needs no animatable of its own (a model's animation groups register it when they are made).
import '@babylonjs/core/Animations/animatable';
import type { Observer } from '@babylonjs/core/Misc/observable';
import type { Scene } from '@babylonjs/core/scene';
import { watchRelease } from './lifetime';
import { forgetCamera } from './camera-cache';
import { watchControllerModels } from './controller-models';

/** `WebXRDefaultExperience.CreateAsync`, leaving nothing on the scene once the experience is disposed of. */
export async function createXrExperience(scene: Scene, options: WebXRDefaultExperienceOptions): Promise<WebXRDefaultExperience> {
  const engine = scene.getEngine();
  const sceneBefore = new Set<Observer<Scene>>(scene.onDisposeObservable.observers);
  const engineBefore = new Set(engine.onDisposeObservable.observers);
  const xr = await WebXRDefaultExperience.CreateAsync(scene, options);
  // What the experience added while it was made (nothing else adds dispose observers during a mode's load).
  for (const o of scene.onDisposeObservable.observers.filter((o) => !sceneBefore.has(o))) scene.onDisposeObservable.remove(o);
  // Its output canvas's engine observer (`this._engine = null`) outlives it too; its session manager removes its own.
  const engineAdded = engine.onDisposeObservable.observers.filter((o) => !engineBefore.has(o));
  const camera = xr.baseExperience?.camera;
  if (!camera || camera.isDisposed()) {
    // WebXR could not start: Babylon disposed of what it made already.
    for (const o of engineAdded) engine.onDisposeObservable.remove(o);
    return xr;
  }
  // A controller model whose load fails part-way would stay in the scene for good (controller-models.ts).
  if (xr.input) watchControllerModels(xr.input, scene);
  const own = scene.onDisposeObservable.addOnce(() => xr.dispose());
  camera.onDisposeObservable.addOnce(() => {
    scene.onDisposeObservable.remove(own);
    for (const o of engineAdded) engine.onDisposeObservable.remove(o);
    // Every mesh's level-of-detail cache would keep this camera (and the session) for good (camera-cache.ts).
    forgetCamera(scene, camera);
    watchRelease(xr, 'WebXRDefaultExperience');
    watchRelease(xr.baseExperience.sessionManager, 'WebXRSessionManager');
    watchRelease(camera, 'WebXRCamera');
  });
  return xr;
}
