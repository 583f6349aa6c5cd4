/**
 * A tab still running an older build after a new deploy: when one of its lazily loaded chunks is no longer on the
 * server (and the service worker kept no copy of it, see src/offline/sw.ts `keepPreviousApp`), Vite's preload
 * helper fires `vite:preloadError` on the window (https://vite.dev/guide/build#load-error-handling). The visitor
 * is told and offered a reload, once; the failed feature says it failed in its own place, and the rest of the page
 * keeps working. The page never reloads by itself: the visitor may be mid-story or mid-save.
 */
import type { Strings } from '../i18n';
import { h } from './dom';

/** Calls `stale` on the first chunk that could not be loaded (later ones are the same news). Returns an unsubscribe. */
export function watchStaleChunks(target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>, stale: (error: unknown) => void): () => void {
  const listener = (e: Event) => {
    // Not preventDefault(): the import still rejects, so the feature that asked for it says it failed.
    target.removeEventListener('vite:preloadError', listener);
    stale((e as Event & { payload?: unknown }).payload);
  };
  target.addEventListener('vite:preloadError', listener);
  return () => target.removeEventListener('vite:preloadError', listener);
}

/** The banner: this page is an older version, part of it is gone from the server; Reload gets the new one. */
export function showStaleApp(t: Strings, reload: () => void): HTMLElement {
  document.getElementById('app-stale')?.remove();
  const bar = h('div', { id: 'app-stale', class: 'app-update', role: 'alert' }, h('span', {}, t.appStale), h('button', { type: 'button', onclick: () => reload() }, t.appUpdateReload));
  document.body.append(bar);
  return bar;
}
