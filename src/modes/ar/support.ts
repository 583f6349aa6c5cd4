/**
 * Can this browser enter in-gallery AR (WebXR `immersive-ar`), and if not, why not. Tiny and Babylon-free, like
 * ../vr/support.ts: it runs at start-up to decide whether "Enter AR" shows; the AR mode loads on the first press.
 */
import { navigatorXr, sessionSupported, type XrLike } from '../xr/support';

export type ArSupport = { supported: true } | { supported: false; reason: 'insecure' | 'ios' | 'no-webxr' | 'no-ar' };

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
    xr: navigatorXr(),
    secure: window.isSecureContext,
    userAgent: navigator.userAgent,
    maxTouchPoints: navigator.maxTouchPoints ?? 0,
  },
): Promise<ArSupport> {
  if (!env.secure) return { supported: false, reason: 'insecure' };
  const ar = await sessionSupported(env.xr, 'immersive-ar');
  if (ar) return { supported: true };
  if (isIos(env)) return { supported: false, reason: 'ios' };
  if (ar === undefined) return { supported: false, reason: 'no-webxr' };
  return { supported: false, reason: 'no-ar' };
}
