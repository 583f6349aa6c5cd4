/**
 * The lifetime of an immersive mode: one mode (its WebXR experience, panels, menus and observers) per session.
 * A mode is created on the button's press and disposed of once its session has ended, by whatever route (our
 * Exit button, the headset's system menu, the browser taking the session away, an error), so entering and
 * leaving VR and AR any number of times leaves the scene with the meshes, materials, textures and observers it
 * had before (the experience itself is made by ./experience.ts, which lets Babylon's dispose observers go).
 * `sceneCounts()` is what the tests compare.
 */
import type { Scene } from '@babylonjs/core/scene';

/** A mode that says when its session ended and can remove everything it added to the scene. */
export interface SessionBound {
  readonly onExitedObservable: { addOnce(callback: () => void): unknown };
  dispose(): Promise<void>;
}

const bound = new WeakSet<object>();

/**
 * Disposes of `mode` once its (next) session has ended; `forget` runs first, so the next press makes a fresh
 * mode. Registering the same mode again is harmless (a session that failed to start leaves the mode for a retry).
 */
export function disposeAfterSession(mode: SessionBound, forget: () => void, what = 'mode'): void {
  if (bound.has(mode)) return;
  bound.add(mode);
  mode.onExitedObservable.addOnce(() => {
    forget();
    // After the session-ended notifications have all run (Babylon's features detach in the same call chain).
    void Promise.resolve().then(async () => {
      await mode.dispose();
      watchRelease(mode, what);
    });
  });
}

/** What was disposed of, held weakly: anything still reachable after a garbage collection is a leak. */
const released: { ref: WeakRef<object>; what: string }[] = [];

/**
 * Watches an object that has been disposed of and should now be garbage: `retainedAfterDisposal()` names it while
 * anything still reaches it. (The journeys collect garbage first, through Chromium's DevTools protocol.)
 */
export function watchRelease(thing: object, what: string): void {
  released.push({ ref: new WeakRef(thing), what });
}

/** The watched objects still alive (meaningful right after a full garbage collection), by name. */
export function retainedAfterDisposal(): string[] {
  return released.filter((r) => r.ref.deref() !== undefined).map((r) => r.what);
}

/** What a session could leave behind on the scene, counted. */
export interface SceneCounts {
  meshes: number;
  transformNodes: number;
  materials: number;
  textures: number;
  cameras: number;
  lights: number;
  /** The meshes' and transform nodes' names, sorted: what a failing comparison shows was left behind. */
  nodeNames: string[];
  /** Observers on the scene's per-frame and input observables. */
  observers: Record<string, number>;
  /** Modes and experiences disposed of yet still reachable (see `retainedAfterDisposal`). */
  retained: string[];
}

/** Counts the scene's meshes, nodes, materials, textures, cameras and the observers a mode could add. */
export function sceneCounts(scene: Scene): SceneCounts {
  const observed = {
    beforeRender: scene.onBeforeRenderObservable,
    afterRender: scene.onAfterRenderObservable,
    pointer: scene.onPointerObservable,
    beforeCameraRender: scene.onBeforeCameraRenderObservable,
    afterCameraRender: scene.onAfterCameraRenderObservable,
    keyboard: scene.onKeyboardObservable,
    dispose: scene.onDisposeObservable,
    newMesh: scene.onNewMeshAddedObservable,
    meshRemoved: scene.onMeshRemovedObservable,
    activeCamera: scene.onActiveCameraChanged,
    engineResize: scene.getEngine().onResizeObservable,
    engineEndFrame: scene.getEngine().onEndFrameObservable,
    engineBeginFrame: scene.getEngine().onBeginFrameObservable,
  };
  const observers: Record<string, number> = {};
  for (const [name, o] of Object.entries(observed)) observers[name] = o.observers.length;
  return {
    meshes: scene.meshes.length,
    transformNodes: scene.transformNodes.length,
    materials: scene.materials.length,
    textures: scene.textures.length,
    cameras: scene.cameras.length,
    lights: scene.lights.length,
    nodeNames: [...scene.meshes, ...scene.transformNodes].map((n) => `${n.getClassName()} ${n.name}`).sort(),
    observers,
    retained: retainedAfterDisposal(),
  };
}
