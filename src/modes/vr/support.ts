/**
 * Can this browser enter immersive VR, and if not, why not. Tiny and Babylon-free: it runs at start-up
 * to decide whether the "Enter VR" button shows; the VR mode itself loads only when the visitor presses it.
 */
import { navigatorXr, sessionSupported, type XrLike } from '../xr/support';

export type VrSupport = { supported: true } | { supported: false; reason: 'no-webxr' | 'insecure' | 'no-headset' };

export async function vrSupport(env: { xr?: XrLike; secure: boolean } = { xr: navigatorXr(), secure: window.isSecureContext }): Promise<VrSupport> {
  // Browsers hide navigator.xr outside secure contexts: say so rather than "no WebXR".
  if (!env.secure) return { supported: false, reason: 'insecure' };
  const vr = await sessionSupported(env.xr, 'immersive-vr');
  if (vr === undefined) return { supported: false, reason: 'no-webxr' };
  return vr ? { supported: true } : { supported: false, reason: 'no-headset' };
}
