/**
 * Which saved copy the service worker serves a file from, shared with the tests (no browser APIs).
 * A saved exhibition is served as a unit: the version the page is using (recorded per exhibition URL in
 * Cache Storage, see VERSIONS_CACHE) picks the one save its files come from, so two versions never mix.
 */
import type { SavedManifest } from './names';

/**
 * The complete save to answer `url` from: the newest save listing it whose version is the one in use for its
 * exhibition; where no version is recorded yet, the newest save listing it. Undefined: serve no saved copy.
 * Only complete saves (with their manifest) are ever passed in.
 */
export function pickSaved(
  saved: readonly SavedManifest[],
  url: string,
  versionOf: (exhibitionUrl: string) => string | undefined,
): SavedManifest | undefined {
  const newestFirst = [...saved].sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  for (const m of newestFirst) {
    if (!m.files.some((f) => f.url === url)) continue;
    const inUse = versionOf(m.url);
    if (inUse === undefined || inUse === m.hash) return m;
  }
  return undefined;
}
