/**
 * Controllers' models that a session must not leave behind. Babylon loads each controller's glTF model
 * (`WebXRAbstractMotionController.loadModel`) when the controller appears; when that load fails part-way, Babylon's
 * glTF loader has already put the model's nodes, material and texture in the scene, the load rejects, and nobody
 * disposes of them (a successful load that ends after its session is disposed of by Babylon itself). The XR lifetime
 * journey caught it: after twenty rounds the scene held one session's two controller models more (+14 meshes,
 * +50 transform nodes, +2 materials, +2 textures: exactly two meta-quest-touch-plus models without their wrappers).
 *
 * `watchControllerModels` wraps each controller's model load so that a failed load removes what it left, says why
 * on the console, and resolves `false` (Babylon then carries on without a model, as it does for a missing one).
 */
import type { Scene } from '@babylonjs/core/scene';
import type { Node } from '@babylonjs/core/node';
import type { Observable } from '@babylonjs/core/Misc/observable';
import type { WebXRAbstractMotionController } from '@babylonjs/core/XR/motionController/webXRAbstractMotionController';

/** What this needs of Babylon's `WebXRInput` and its `WebXRInputSource`s (kept small so tests can drive it). */
export interface ControllerInput {
  onControllerAddedObservable: { add(callback: (source: { onMotionControllerInitObservable: Pick<Observable<WebXRAbstractMotionController>, 'addOnce'> }) => void): unknown };
}

/** The node names a controller's layout names as its components' roots (the layout is protected in Babylon's types). */
function componentRootNames(controller: WebXRAbstractMotionController): Set<string> {
  const layout = (controller as unknown as { layout?: { components?: Record<string, { rootNodeName?: string }> } }).layout;
  return new Set(Object.values(layout?.components ?? {}).flatMap((c) => (c.rootNodeName ? [c.rootNodeName] : [])));
}

/**
 * Removes the root nodes added since `before` that hold a node a controller's layout names, except those in `keep`
 * (the models that loaded: each under its controller's own mesh, which Babylon parents to the controller next).
 */
export function disposeLeftModels(scene: Scene, before: ReadonlySet<Node>, names: ReadonlySet<string>, keep: ReadonlySet<Node> = new Set()): number {
  let removed = 0;
  for (const node of scene.rootNodes.filter((n) => !before.has(n) && !keep.has(n))) {
    if (!node.getDescendants(false).some((d) => names.has(d.name))) continue;
    node.dispose(false, true);
    removed++;
  }
  return removed;
}

/** Watches every controller `input` adds from now on: a failed model load leaves nothing in `scene`. */
export function watchControllerModels(input: ControllerInput, scene: Scene): void {
  // The two hands load at once: a failed load is cleaned up once no other is in flight, so a model still
  // loading (its glTF root not yet under its controller) is never mistaken for a leftover.
  let loading = 0;
  let failedSince: Set<Node> | undefined;
  const names = new Set<string>();
  const controllers = new Set<WebXRAbstractMotionController>();
  input.onControllerAddedObservable.add((source) => {
    // Babylon notifies this just before it calls `loadModel()` on the new motion controller.
    source.onMotionControllerInitObservable.addOnce((controller) => {
      const load = controller.loadModel.bind(controller);
      controller.loadModel = async () => {
        const before = new Set(scene.rootNodes);
        for (const name of componentRootNames(controller)) names.add(name);
        controllers.add(controller);
        loading++;
        try {
          return await load();
        } catch (error) {
          failedSince ??= before;
          console.warn(`The ${controller.profileId} ${controller.handedness} controller's model did not load (${String(error)}).`);
          return false;
        } finally {
          loading--;
          if (loading === 0 && failedSince) {
            const loaded = new Set<Node>([...controllers].flatMap((c) => (c.rootMesh ? [c.rootMesh] : [])));
            const removed = disposeLeftModels(scene, failedSince, names, loaded);
            if (removed) console.warn(`Removed ${removed} part-loaded controller model${removed === 1 ? '' : 's'}.`);
            failedSince = undefined;
          }
        }
      };
    });
  });
}
