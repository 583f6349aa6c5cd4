/**
 * Registers the service worker with workbox-window. The app works the same without it: registration is skipped
 * in development and where service workers are unsupported, and a failure is only reported.
 */
import { Workbox } from 'workbox-window';
import { repairSaved } from './save';

export interface OfflineHooks {
  /** A new app version is installed and waiting; `apply` reloads into it. */
  updateWaiting: (apply: () => void) => void;
  setStatus: (data: Record<string, string>) => void;
}

export async function registerOffline(exhibitionUrl: string, hooks: OfflineHooks): Promise<boolean> {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) {
    hooks.setStatus({ sw: 'unsupported' });
    return false;
  }
  const base = import.meta.env.BASE_URL;
  const wb = new Workbox(`${base}sw.js`, { scope: base });
  wb.addEventListener('waiting', () => {
    hooks.setStatus({ appUpdate: 'waiting' });
    hooks.updateWaiting(() => {
      // Reload only once the new worker controls the page: the new page gets only new files.
      wb.addEventListener('controlling', () => location.reload());
      wb.messageSkipWaiting();
    });
  });
  try {
    await wb.register();
  } catch (e) {
    console.warn('The service worker could not be registered; the app works online only.', e);
    hooks.setStatus({ sw: 'failed' });
    return false;
  }
  const controlled = async (): Promise<void> => {
    // Once controlled, fetch the exhibition file through the worker so the one last viewed starts offline.
    try {
      await fetch(exhibitionUrl, { cache: 'no-cache' });
    } catch {
      // Offline already: nothing to refresh.
    }
    hooks.setStatus({ sw: 'controlled' });
    // Saved exhibitions are checked against their recorded SHA-256s; corrupted files are fetched again, or the
    // save stops counting as saved (save.ts). In the background: the visit does not wait for it.
    void repairSaved()
      .then((r) => {
        if (r.refetched.length || r.demoted.length) console.warn(`Offline copies: ${r.refetched.length} damaged file(s) fetched again, ${r.demoted.length} save(s) no longer complete.`, r);
      })
      .catch((e: unknown) => console.warn('Offline copies could not be checked.', e));
  };
  if (navigator.serviceWorker.controller) void controlled();
  else navigator.serviceWorker.addEventListener('controllerchange', () => void controlled(), { once: true });
  return true;
}
