/**
 * The app's Content-Security-Policy, one definition for the server's header (src/server/security.ts) and the
 * `<meta>` written into index.html for static hosting (src/build/csp-plugin.ts). Scripts come only from the
 * app's own origin; data (exhibition files, media, live readings) from it and the museum's trusted origins.
 */

export interface ContentPolicyOptions {
  /** Origins exhibitions and media may come from besides the app's own (VITE_TRUSTED_ORIGINS). */
  trustedOrigins?: readonly string[];
  /** Who may frame the app: CSP sources such as "'self'", "'none'" or an origin. Default 'self'. */
  frameAncestors?: readonly string[];
  /** For a `<meta>` policy: browsers ignore frame-ancestors there, so it is left out. */
  forMeta?: boolean;
}

/** The policy text, directives separated by "; ". */
export function contentSecurityPolicy(o: ContentPolicyOptions = {}): string {
  const trusted = o.trustedOrigins ?? [];
  const data = ["'self'", 'blob:', 'data:', ...trusted];
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    // The meshopt and Draco decoders compile WebAssembly; 'wasm-unsafe-eval' allows only that, never eval().
    ['script-src', "'self'", "'wasm-unsafe-eval'"],
    // Babylon starts the Draco decoder's workers from blob: URLs.
    ['worker-src', "'self'", 'blob:'],
    ['style-src', "'self'"],
    ['img-src', ...data],
    ['media-src', ...data],
    // 'self' covers ws:/wss: to the same host (CSP 3), for /mqtt and /collab.
    ['connect-src', ...data],
    ['font-src', "'self'", 'data:'],
    ['manifest-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
  ];
  if (!o.forMeta) directives.push(['frame-ancestors', ...(o.frameAncestors?.length ? o.frameAncestors : ["'self'"])]);
  return directives.map((d) => d.join(' ')).join('; ');
}

/** Permissions-Policy: WebXR (VR and AR) and the camera and microphone for the app itself, nothing for frames of others. */
export const PERMISSIONS_POLICY = 'xr-spatial-tracking=(self), camera=(self), microphone=(self), geolocation=(), payment=(), usb=()';
