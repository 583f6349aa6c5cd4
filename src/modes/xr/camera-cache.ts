/**
 * Babylon keeps, on every mesh it has considered for drawing, which level of detail it chose for each camera: a
 * `Map` keyed by the camera (`_internalAbstractMeshDataInfo._currentLOD`, filled by `Scene._evaluateActiveMeshes`
 * and render targets), from which nothing is ever deleted, not even when the camera is disposed of. Each WebXR
 * session draws through a new WebXRCamera's eye cameras, so every mesh of the gallery kept the eye cameras of every
 * session, and through their `rigParent` the session's camera and session manager: the ~0.3 MB a session the XR
 * lifetime journey measured (found with a heap snapshot's retainer path: mesh → `_currentLOD` → eye camera →
 * `rigParent` → WebXRCamera → `_xrSessionManager`).
 */
import type { Camera } from '@babylonjs/core/Cameras/camera';
import type { Scene } from '@babylonjs/core/scene';

/** The part of Babylon's per-mesh data this touches (internal, so typed here). */
interface LodCache {
  _internalAbstractMeshDataInfo?: { _currentLOD?: Map<Camera, unknown> };
}

/**
 * Removes `camera`, its eye (rig) cameras and any camera already disposed of from every mesh's level-of-detail
 * cache; returns how many entries went. Call it when the camera is disposed of.
 */
export function forgetCamera(scene: Scene, camera: Camera): number {
  let removed = 0;
  for (const mesh of scene.meshes) {
    const cache = (mesh as unknown as LodCache)._internalAbstractMeshDataInfo?._currentLOD;
    if (!cache) continue;
    for (const key of [...cache.keys()]) {
      if (key === camera || key.rigParent === camera || key.isDisposed()) {
        cache.delete(key);
        removed++;
      }
    }
  }
  return removed;
}
