/**
 * A visitor's open page learns of a publish: it listens to the server's stream of published versions
 * (GET /api/exhibitions/<id>/versions/live, server-sent events; src/server/publish/announce.ts) and shows
 * "a new version of this exhibition is available". Update reloads the page, which fetches the exhibition anew
 * (served no-cache); the place the visitor stood is kept for that reload (sessionStorage) and restored, the
 * open work stays in the address (#artwork=), and favourites and the route are in IndexedDB, kept per exhibition.
 * Without the server (a static build), the stream answers 404 and EventSource gives up: nothing is shown.
 */
import { EYE_HEIGHT } from '../twin/layout';
import { PublishedVersions, showPublishNotice } from '../ui/publish-notice';
import { safeStorage } from './chrome';
import type { VisitContext } from './context';

const placeKey = (id: string) => `museum-twin:place-before-update:${id}`;

/** Starts listening; returns a function that stops. */
export function watchPublished(c: VisitContext): () => void {
  if (typeof EventSource === 'undefined') return () => undefined;
  const versions = new PublishedVersions();
  const source = new EventSource(`/api/exhibitions/${encodeURIComponent(c.ex.id)}/versions/live`);
  source.addEventListener('version', (e) => {
    let version = Number.NaN;
    try {
      version = Number((JSON.parse((e as MessageEvent<string>).data) as { version?: unknown }).version);
    } catch {
      return; // not ours: ignored
    }
    if (!versions.receive(version)) return;
    showPublishNotice(c.locale.t, () => {
      const pose = c.preview?.pose();
      if (pose) safeStorage(() => sessionStorage.setItem(placeKey(c.ex.id), JSON.stringify({ position: pose.position, heading: pose.heading })));
      location.reload();
    });
  });
  return () => source.close();
}

/**
 * After an update's reload: the visitor stands where they stood (once), and the work open before is shown
 * again without the glide to it (`showWork`). False when there is no place to restore: start as usual.
 */
export function restorePlaceAfterUpdate(c: VisitContext, showWork: (id: string) => void): boolean {
  const saved = safeStorage(() => sessionStorage.getItem(placeKey(c.ex.id)));
  if (!saved || !c.preview) return false;
  safeStorage(() => sessionStorage.removeItem(placeKey(c.ex.id)));
  let pose: { position: [number, number, number]; heading: number };
  try {
    pose = JSON.parse(saved) as typeof pose;
    if (!Array.isArray(pose.position) || pose.position.length !== 3 || !pose.position.every(Number.isFinite) || !Number.isFinite(pose.heading)) return false;
  } catch {
    return false; // a malformed entry: the visit starts as usual
  }
  const v = c.preview.visitor;
  v.stop();
  v.camera.position.set(pose.position[0], pose.position[1] + EYE_HEIGHT, pose.position[2]);
  v.face(pose.heading);
  const open = /^#artwork=(.+)$/.exec(location.hash);
  if (open && c.ex.artworks.some((a) => a.id === decodeURIComponent(open[1]!))) showWork(decodeURIComponent(open[1]!));
  c.requestRender();
  return true;
}
