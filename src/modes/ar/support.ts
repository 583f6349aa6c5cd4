/**
 * Can this browser enter in-gallery AR (WebXR `immersive-ar`), and if not, why not. Tiny and Babylon-free, like
 * ../vr/support.ts: it runs at start-up to decide whether "Enter AR" shows; the AR mode loads on the first press.
 */
export type ArSupport = { supported: true } | { supported: false; reason: 'insecure' | 'ios' | 'no-webxr' | 'no-ar' };

interface XrLike {
  isSessionSupported?: (mode: string) => Promise<boolean>;
}

export interface ArEnv {
  xr?: XrLike;
  secure: boolean;
  userAgent: string;
  /** navigator.maxTouchPoints: iPadOS reports itself as a Mac with a touch screen. */
  maxTouchPoints: number;
}

/** iPhone, iPad or iPod: Safari there has no WebXR AR (AR Quick Look is a different thing). */
export function isIos(env: Pick<ArEnv, 'userAgent' | 'maxTouchPoints'>): boolean {
  return /iPad|iPhone|iPod/.test(env.userAgent) || (/Macintosh/.test(env.userAgent) && env.maxTouchPoints > 1);
}

export async function arSupport(
  env: ArEnv = {
    xr: (navigator as { xr?: XrLike }).xr,
    secure: window.isSecureContext,
    userAgent: navigator.userAgent,
    maxTouchPoints: navigator.maxTouchPoints ?? 0,
  },
): Promise<ArSupport> {
  if (!env.secure) return { supported: false, reason: 'insecure' };
  let ar = false;
  try {
    ar = !!(await env.xr?.isSessionSupported?.('immersive-ar'));
  } catch {
    ar = false;
  }
  if (ar) return { supported: true };
  if (isIos(env)) return { supported: false, reason: 'ios' };
  if (!env.xr?.isSessionSupported) return { supported: false, reason: 'no-webxr' };
  return { supported: false, reason: 'no-ar' };
}
