/**
 * The WebXR support probe both immersive modes use at start-up (tiny and Babylon-free: the modes themselves load
 * only when the visitor presses their button). ../vr/support.ts and ../ar/support.ts turn its answer into reasons.
 */
export interface XrLike {
  isSessionSupported?: (mode: string) => Promise<boolean>;
}

/** The browser's `navigator.xr`, if any (hidden outside secure contexts). */
export function navigatorXr(): XrLike | undefined {
  return (navigator as { xr?: XrLike }).xr;
}

/**
 * Whether `xr` can start a session of `mode`: false where it has no WebXR, or the question fails
 * (`undefined` where there is no WebXR at all, so callers can say why).
 */
export async function sessionSupported(xr: XrLike | undefined, mode: 'immersive-vr' | 'immersive-ar'): Promise<boolean | undefined> {
  if (!xr?.isSessionSupported) return undefined;
  try {
    return !!(await xr.isSessionSupported(mode));
  } catch {
    return false;
  }
}
