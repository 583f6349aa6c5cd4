/** Controller models and profiles come from the app's own files (see ../vr/xr-profiles-plugin.ts), never a CDN: VR and AR. */
import { WebXRMotionControllerManager } from '@babylonjs/core/XR/motionController/webXRMotionControllerManager';

export function useOwnControllerProfiles(): void {
  WebXRMotionControllerManager.BaseRepositoryUrl = new URL(`${import.meta.env.BASE_URL}xr-input`, location.href).href;
  WebXRMotionControllerManager.UseOnlineRepository = true;
  WebXRMotionControllerManager.PrioritizeOnlineRepository = true;
}
