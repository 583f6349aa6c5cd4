/**
 * A personal route in an offline save. The route itself is a few ids and settings (the `#route=` fragment, kept in
 * the browser's IndexedDB per exhibition id: src/app/route.ts), planned in the page from the exhibition file alone
 * (src/twin/route/ is pure: no network). So a route works offline when the save holds the exhibition file and the
 * media of each of its stops; this says which of those a save lacks, and which stops the saved version no longer has.
 * Browser-free, like plan.ts.
 */
import type { Exhibition } from '../twin/schema';
import { listMedia } from '../twin/validate';
import { mediaUrl } from '../twin/load';
import { decodeRouteLink, exhibitionRevision } from '../twin/route/link';
import type { SavedManifest } from './names';

/** The files a route needs offline: the exhibition file, then each stop's media (image or model, narration, states). */
export function routeFiles(ex: Exhibition, exhibitionUrl: string, stops: readonly string[]): string[] {
  const index = new Map(ex.artworks.map((a, i) => [a.id, i]));
  const wanted = new Set(stops.map((id) => index.get(id)).filter((i) => i !== undefined));
  const out = [exhibitionUrl];
  for (const ref of listMedia(ex)) {
    if (ref.artwork === undefined || !wanted.has(ref.artwork)) continue;
    const url = mediaUrl(exhibitionUrl, ref.file);
    if (!out.includes(url)) out.push(url);
  }
  return out;
}

export interface SavedRoute {
  /** The route's stops the saved exhibition has, in the route's order. */
  stops: string[];
  /** Stops the saved version does not have (the route was made with another version). */
  gone: string[];
  /** Files the route needs that the save does not hold. */
  missing: string[];
  /** Every stop is there with its media: the route works offline. */
  ok: boolean;
}

/**
 * Whether a route (its link, as kept or shared) works offline from a save: read against the saved copy of the
 * exhibition (never the network's), its stops' files looked up in the save's manifest.
 */
export function savedRoute(saved: { manifest: SavedManifest; exhibition: Exhibition }, link: string): SavedRoute {
  const ex = saved.exhibition;
  const decoded = decodeRouteLink(link, { exhibition: ex.id, revision: exhibitionRevision(ex), artworks: new Set(ex.artworks.map((a) => a.id)) });
  const gone = decoded.messages.flatMap((m) => (m.kind === 'unknown-works' ? m.ids : []));
  const stops = decoded.link.stops;
  const held = new Set(saved.manifest.files.map((f) => f.url));
  const missing = routeFiles(ex, saved.manifest.url, stops).filter((u) => !held.has(u));
  const unreadable = decoded.messages.some((m) => m.kind === 'unreadable' || m.kind === 'other-exhibition');
  return { stops, gone, missing, ok: !unreadable && stops.length > 0 && gone.length === 0 && missing.length === 0 };
}
