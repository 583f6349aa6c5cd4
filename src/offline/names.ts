/** Cache names and the saved-exhibition manifest: shared by the page and the service worker (no imports, kept small). */
/** Every saved exhibition lives in a cache whose name starts with this. */
export const SAVED_PREFIX = 'museum-twin-saved:';
/** The runtime cache for the exhibition file last viewed and the media seen while online. */
export const RUNTIME_EXHIBITIONS = 'museum-twin-runtime-exhibitions';
export const RUNTIME_MEDIA = 'museum-twin-runtime-media';
/**
 * The key of the entry written last into a saved cache: a cache without it is half-saved and is never
 * shown as saved, nor served by the service worker.
 */
export const MANIFEST_KEY = '/__museum-twin-offline-manifest__';

/**
 * The exhibition version in use per exhibition URL (key: the URL, body: the content hash), kept in Cache Storage
 * so it survives the service worker's restarts: media are served from the saved copy of that version only.
 */
export const VERSIONS_CACHE = 'museum-twin-versions';

/** A copy of the previous app version's files, for tabs still running it after an update (sw.ts). */
export const PREVIOUS_APP = 'museum-twin-previous-app';

/** Requests of a save carry this header so the service worker passes them straight to the network. */
export const SAVE_HEADER = 'x-museum-twin-save';

export interface SavedManifest {
  /** Exhibition id from the file. */
  id: string;
  /** Exhibition title in its default language (for the list of saved exhibitions). */
  title: string;
  /** Absolute URL of the exhibition file. */
  url: string;
  /** Content hash of the exhibition file that was saved. */
  hash: string;
  /**
   * Absolute URLs of every file in the cache, exhibition file included, with their sizes and the hex SHA-256
   * of their bytes as they arrived (absent in saves made before hashes were recorded: those are checked by size).
   */
  files: { url: string; bytes: number; sha256?: string }[];
  bytes: number;
  /** ISO date of completion. */
  savedAt: string;
}

/** One cache per exhibition id and content version: a changed exhibition never overwrites a saved one. */
export function cacheName(id: string, hash: string): string {
  return `${SAVED_PREFIX}${encodeURIComponent(id)}:${hash}`;
}

/** The id and hash a saved cache's name encodes, or undefined for other caches. */
export function parseCacheName(name: string): { id: string; hash: string } | undefined {
  if (!name.startsWith(SAVED_PREFIX)) return undefined;
  const rest = name.slice(SAVED_PREFIX.length);
  const i = rest.lastIndexOf(':');
  if (i <= 0) return undefined;
  try {
    return { id: decodeURIComponent(rest.slice(0, i)), hash: rest.slice(i + 1) };
  } catch {
    return undefined;
  }
}

/** Hex SHA-256 of some bytes (WebCrypto, in the page and in the service worker). */
export async function sha256Hex(bytes: BufferSource): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Whether the service worker answers this URL from a saved copy: same origin, under the app's `exhibitions/`
 * folder (its exhibition routes) or `decoders/` (precached with the app). A save of anything else would show as
 * saved and still fail offline, so the saver refuses it up front.
 */
export function servedOffline(url: string, appBase: string): boolean {
  const u = new URL(url);
  const base = new URL(appBase);
  if (u.origin !== base.origin) return false;
  return u.pathname.startsWith(`${base.pathname}exhibitions/`) || u.pathname.startsWith(`${base.pathname}decoders/`);
}
