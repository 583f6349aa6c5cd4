/**
 * Can this browser enter immersive VR, and if not, why not. Tiny and Babylon-free: it runs at start-up
 * to decide whether the "Enter VR" button shows; the VR mode itself loads only when the visitor presses it.
 */
export type VrSupport = { supported: true } | { supported: false; reason: 'no-webxr' | 'insecure' | 'no-headset' };

interface XrLike {
  isSessionSupported?: (mode: string) => Promise<boolean>;
}

export async function vrSupport(env: { xr?: XrLike; secure: boolean } = { xr: (navigator as { xr?: XrLike }).xr, secure: window.isSecureContext }): Promise<VrSupport> {
  // Browsers hide navigator.xr outside secure contexts: say so rather than "no WebXR".
  if (!env.secure) return { supported: false, reason: 'insecure' };
  if (!env.xr?.isSessionSupported) return { supported: false, reason: 'no-webxr' };
  try {
    return (await env.xr.isSessionSupported('immersive-vr')) ? { supported: true } : { supported: false, reason: 'no-headset' };
  } catch {
    return { supported: false, reason: 'no-headset' };
  }
}
