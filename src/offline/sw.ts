/**
 * The service worker, built by vite-plugin-pwa (injectManifest) from the app's own code.
 *
 * - App shell: precached from the Vite build's revisioned file list. A new build installs beside the old one
 *   and waits; it takes over only when the visitor chooses to reload (SKIP_WAITING), so a page never mixes
 *   old and new app files.
 * - Exhibition files: network first (an exhibition on the server always wins while online); offline, the saved
 *   copy of that exhibition, else the copy last viewed.
 * - Media: from the completely saved copy of the exhibition version in use (with range requests, so narration
 *   seeks offline); that version is recorded per exhibition URL in Cache Storage (VERSIONS_CACHE), so it survives
 *   the worker's restarts, and a save is served as a unit: never media of one version beside another's file.
 *   Otherwise network first with the media seen while online as a fallback.
 * - Runtime caches expire (workbox-expiration): 20 exhibition files, 300 media, 30 days.
 * - Error responses are never cached (only status 200).
 */
import { precacheAndRoute, cleanupOutdatedCaches, createHandlerBoundToURL } from 'workbox-precaching';
import { registerRoute, NavigationRoute } from 'workbox-routing';
import { NetworkFirst } from 'workbox-strategies';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { CacheExpiration, ExpirationPlugin } from 'workbox-expiration';
import { createPartialResponse } from 'workbox-range-requests';
import { MANIFEST_KEY, PREVIOUS_APP, SAVE_HEADER, RUNTIME_EXHIBITIONS, RUNTIME_MEDIA, SAVED_PREFIX, VERSIONS_CACHE, type SavedManifest } from './names';
import { pickSaved } from './serve';

interface SwEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface SwScope {
  __WB_MANIFEST: ({ url: string; revision: string | null } | string)[];
  registration: { scope: string };
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: string, f: (e: SwEvent & { data?: unknown }) => void): void;
}
declare const self: SwScope;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

const scope = new URL(self.registration.scope);
const base = scope.pathname;
const isExhibitionFile = (url: URL) => url.origin === scope.origin && url.pathname.endsWith('.json') && url.pathname.startsWith(`${base}exhibitions/`);
const isExhibitionMedia = (url: URL) => url.origin === scope.origin && url.pathname.startsWith(`${base}exhibitions/`) && !url.pathname.endsWith('.json');

// The one page: every navigation to it (any query string) is answered with the precached shell.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL(`${base}index.html`), {
    allowlist: [new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(index\\.html)?(\\?.*)?$`)],
  }),
);

async function sha(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('').slice(0, 16);
}

/** The version (content hash) of each exhibition the page was last given, kept in Cache Storage, not in memory. */
async function recordVersion(exhibitionUrl: string, hash: string): Promise<void> {
  await (await caches.open(VERSIONS_CACHE)).put(exhibitionUrl, new Response(hash));
}

async function versionsInUse(): Promise<Map<string, string>> {
  const cache = await caches.open(VERSIONS_CACHE);
  const out = new Map<string, string>();
  for (const req of await cache.keys()) {
    const r = await cache.match(req);
    if (r) out.set(req.url, await r.text());
  }
  return out;
}

/** Completely saved exhibitions: caches with their manifest (written last). */
async function savedCaches(): Promise<{ cache: Cache; manifest: SavedManifest }[]> {
  const out: { cache: Cache; manifest: SavedManifest }[] = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith(SAVED_PREFIX)) continue;
    const cache = await caches.open(name);
    const m = await cache.match(MANIFEST_KEY);
    if (!m) continue;
    try {
      out.push({ cache, manifest: (await m.json()) as SavedManifest });
    } catch {
      // A broken manifest: treated as not saved.
    }
  }
  return out;
}

/** The saved copy of `url` from the save of the version in use (serve.ts), if any. */
async function matchSaved(url: string): Promise<Response | undefined> {
  const saved = await savedCaches();
  const versions = await versionsInUse();
  const m = pickSaved(saved.map((s) => s.manifest), url, (u) => versions.get(u));
  if (!m) return undefined;
  return saved.find((s) => s.manifest === m)?.cache.match(url);
}

/** The newest complete save of an exhibition file (offline: its saved version becomes the one in use). */
async function newestSavedFile(url: string): Promise<{ response: Response; hash: string } | undefined> {
  const m = pickSaved((await savedCaches()).map((s) => s.manifest), url, () => undefined);
  if (!m) return undefined;
  const cache = (await savedCaches()).find((s) => s.manifest.savedAt === m.savedAt && s.manifest.hash === m.hash)?.cache;
  const response = await cache?.match(url);
  return response ? { response, hash: m.hash } : undefined;
}

const exhibitionsExpiry = new CacheExpiration(RUNTIME_EXHIBITIONS, { maxEntries: 20, maxAgeSeconds: 30 * 24 * 3600 });

/** How long the exhibition file may take before the copy on the device is used. */
const NETWORK_TIMEOUT_MS = 8000;

const cacheOk = new CacheableResponsePlugin({ statuses: [200] });

// Exhibition files.
registerRoute(
  ({ url }) => isExhibitionFile(url),
  async ({ request }) => {
    const key = request.url.split('#')[0]!;
    // Whichever copy the page gets, its version is recorded: the media that follow come from the same version.
    let fellBack = false;
    const fallback = async (): Promise<Response | undefined> => {
      const saved = await newestSavedFile(key);
      if (saved) {
        fellBack = true;
        await recordVersion(key, saved.hash);
        return saved.response;
      }
      const runtime = await (await caches.open(RUNTIME_EXHIBITIONS)).match(key);
      if (runtime) {
        fellBack = true;
        await recordVersion(key, await sha(await runtime.clone().text()));
      }
      return runtime;
    };
    const network = fetch(request, { cache: 'no-cache' }).then(async (response) => {
      if (response.status === 200) {
        // A late answer after the copy on the device was served does not change the version in use.
        if (!fellBack) await recordVersion(key, await sha(await response.clone().text()));
        await (await caches.open(RUNTIME_EXHIBITIONS)).put(key, response.clone());
        await exhibitionsExpiry.updateTimestamp(key);
        void exhibitionsExpiry.expireEntries();
      }
      return response;
    });
    // A poor connection (thick gallery walls) falls back to the copy on the device after a while.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slow = new Promise<Response>((resolve, reject) => {
      timer = setTimeout(() => void fallback().then((r) => (r ? resolve(r) : network.then(resolve, reject)), reject), NETWORK_TIMEOUT_MS);
    });
    void network.then(() => clearTimeout(timer), () => clearTimeout(timer));
    try {
      return await Promise.race([network, slow]);
    } catch {
      return (await fallback()) ?? Response.error();
    }
  },
);

const mediaNetworkFirst = new NetworkFirst({
  cacheName: RUNTIME_MEDIA,
  plugins: [cacheOk, new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true })],
});

// Exhibition media.
registerRoute(
  ({ url }) => isExhibitionMedia(url),
  async (options) => {
    const { request } = options;
    // A save in progress fetches from the network itself and stores into its own cache.
    if (request.headers.has(SAVE_HEADER)) return fetch(request);
    const saved = await matchSaved(request.url);
    if (saved) return request.headers.has('range') ? createPartialResponse(request, saved) : saved;
    if (request.headers.has('range')) {
      // Seeking while online: the network answers ranges itself; offline, a whole cached copy is cut to size.
      try {
        return await fetch(request);
      } catch {
        const any = await (await caches.open(RUNTIME_MEDIA)).match(request.url);
        if (any) return createPartialResponse(request, any);
        return Response.error();
      }
    }
    try {
      return await mediaNetworkFirst.handle(options);
    } catch {
      return Response.error();
    }
  },
);

// HEAD for exhibition media (Workbox routes GET unless told): the iPhone guide asks whether a work's USDZ copy is
// there before it links it, and offline only the saved copy can answer.
registerRoute(
  ({ url }) => isExhibitionMedia(url),
  async ({ request }) => {
    if (request.headers.has(SAVE_HEADER)) return fetch(request);
    const saved = await matchSaved(request.url);
    if (saved) return new Response(null, { status: saved.status, headers: saved.headers });
    try {
      return await fetch(request);
    } catch {
      return Response.error();
    }
  },
  'HEAD',
);

/**
 * An update with several tabs open: a tab still running the old app may ask for one of its lazy chunks after the
 * new worker took over and Workbox dropped the old precache (and the server has only the new files). While the new
 * worker installs, the old app's files are copied aside; they answer only what neither the precache nor the
 * network has. One previous version is kept (each install replaces the copy).
 */
/** The build's hashed files (vite.config.ts: `assetsDir: 'app'`). */
const APP_FILES = `${base}app/`;

async function keepPreviousApp(): Promise<void> {
  const precaches = (await caches.keys()).filter((n) => n.startsWith('workbox-precache'));
  if (precaches.length === 0) return; // the first install: no older app
  await caches.delete(PREVIOUS_APP);
  const keep = await caches.open(PREVIOUS_APP);
  for (const name of precaches) {
    const cache = await caches.open(name);
    for (const req of await cache.keys()) {
      const url = new URL(req.url);
      url.searchParams.delete('__WB_REVISION__');
      if (!url.pathname.startsWith(APP_FILES)) continue;
      const r = await cache.match(req);
      if (r) await keep.put(url.href, r);
    }
  }
}
self.addEventListener('install', (e) => e.waitUntil(keepPreviousApp()));

// App files not in this version's precache (registered after precacheAndRoute, which answers its own first).
registerRoute(
  ({ url }) => url.origin === scope.origin && url.pathname.startsWith(APP_FILES),
  async ({ request }) => {
    const previous = async () => (await caches.open(PREVIOUS_APP)).match(request.url);
    try {
      const r = await fetch(request);
      return r.ok ? r : ((await previous()) ?? r);
    } catch {
      return (await previous()) ?? Response.error();
    }
  },
);

self.addEventListener('message', (e) => {
  const data = e.data as { type?: string } | undefined;
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
});

// On the first install there is no older app to mix with: take the open page so it works offline at once.
// Later versions wait for SKIP_WAITING (above) and are then claimed, and the page reloads.
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
