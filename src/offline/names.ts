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
  /** Absolute URLs of every file in the cache, exhibition file included, with their sizes. */
  files: { url: string; bytes: number }[];
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
