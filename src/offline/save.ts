/**
 * "Save for offline" in the page: sizes first, then every file into a Cache Storage cache for this exhibition
 * and content version, with progress, cancel and resume. The manifest entry is written last, after every file
 * is checked: a cache without it is half-saved and never counts as saved.
 */
import { validateExhibition } from '../twin/validate';
import { FETCH_LIMITS, fetchLimited, isWebPage } from '../twin/fetch-limits';
import { pick } from '../twin/text';
import {
  MANIFEST_KEY,
  PREVIOUS_APP,
  RUNTIME_EXHIBITIONS,
  RUNTIME_MEDIA,
  SAVE_HEADER,
  SAVED_PREFIX,
  cacheName,
  contentHash,
  corruptFiles,
  missingFiles,
  notServedOffline,
  offlineFiles,
  parseCacheName,
  quickLookCandidates,
  quickLookCopies,
  type HeadAnswer,
  quotaDecision,
  sha256Hex,
  totalBytes,
  verifyManifest,
  VERSIONS_CACHE,
  type QuotaDecision,
  type SavedManifest,
} from './plan';

/** Header on each saved entry: the hex SHA-256 of its bytes as they arrived. */
const HASH_HEADER = 'x-museum-twin-sha256';

/** Any one file of a save: the largest media cap, a stall timer, and half an hour in all. */
const SAVE_LIMIT = { ...FETCH_LIMITS.model, deadlineMs: 30 * 60_000 };

export interface SavePlan {
  id: string;
  title: string;
  url: string;
  hash: string;
  text: string;
  cache: string;
  files: string[];
  sizes: Map<string, number | undefined>;
  bytes: number;
  /** Files already in the cache from an interrupted save. */
  present: string[];
}

export interface SaveProgress {
  files: number;
  filesTotal: number;
  bytes: number;
  bytesTotal: number;
}

export class QuotaError extends Error {
  constructor() {
    super('the device ran out of storage space; this save was not kept, and any copy saved before is still there');
    this.name = 'QuotaError';
  }
}

export interface SavedEntry {
  name: string;
  id: string;
  hash: string;
  manifest?: SavedManifest;
  /** Files in the cache (for a half-saved one). */
  count?: number;
}

export function offlineSupported(): boolean {
  return typeof caches !== 'undefined' && typeof window !== 'undefined' && window.isSecureContext;
}

/** The exhibition file as the server has it now, and its content hash. */
export async function currentExhibition(url: string): Promise<{ text: string; hash: string }> {
  const r = await fetchLimited(url, 'exhibition', { cache: 'no-cache' });
  if (r.status !== 200) throw new Error(`HTTP ${r.status}`);
  const text = r.text();
  return { text, hash: await contentHash(text) };
}

async function sizeOf(url: string, signal?: AbortSignal): Promise<number | undefined> {
  try {
    const head = await fetch(url, { method: 'HEAD', cache: 'no-store', signal, headers: { [SAVE_HEADER]: '1' } });
    const n = Number(head.headers.get('content-length'));
    if (head.ok && head.headers.has('content-length') && Number.isFinite(n)) return n;
  } catch {
    if (signal?.aborted) throw signal.reason;
  }
  try {
    const get = await fetch(url, { cache: 'no-store', signal, headers: { [SAVE_HEADER]: '1' } });
    if (get.status !== 200) return undefined;
    return (await get.arrayBuffer()).byteLength;
  } catch {
    if (signal?.aborted) throw signal.reason;
    return undefined;
  }
}

/** A HEAD request of a save (passed straight to the network by the service worker). */
async function headOf(url: string, signal?: AbortSignal): Promise<HeadAnswer> {
  const r = await fetch(url, { method: 'HEAD', cache: 'no-store', signal, headers: { [SAVE_HEADER]: '1' } });
  const n = Number(r.headers.get('content-length'));
  return { status: r.status, type: r.headers.get('content-type'), bytes: r.headers.has('content-length') && Number.isFinite(n) ? n : undefined };
}

/** Runs f over items, n at a time; the first failure stops the others from taking more (and is thrown once all have stopped). */
async function pool<T>(items: readonly T[], n: number, f: (item: T) => Promise<void>, onFail?: () => void): Promise<void> {
  let i = 0;
  let failure: { error: unknown } | undefined;
  const workers = Array.from({ length: Math.min(n, items.length) }, async () => {
    while (i < items.length && !failure) {
      try {
        await f(items[i++]!);
      } catch (e) {
        // The first failure is the cause; the others are the aborts it set off.
        if (!failure) {
          failure = { error: e };
          onFail?.();
        }
        return;
      }
    }
  });
  await Promise.all(workers);
  if (failure) throw failure.error;
}

/** Everything the save needs to know before it starts: the files, their sizes, what is already there. */
export async function planSave(exhibitionUrl: string, signal?: AbortSignal): Promise<SavePlan> {
  const { text, hash } = await currentExhibition(exhibitionUrl);
  const result = validateExhibition(JSON.parse(text));
  if (!result.ok) throw new Error('the exhibition file has errors');
  const ex = result.exhibition;
  const appBase = new URL(import.meta.env.BASE_URL, document.baseURI).href;
  const files = offlineFiles(ex, exhibitionUrl, appBase);
  // The USDZ copies the pack made for AR Quick Look, where the server has them (plan.ts quickLookCopies).
  const copies = await quickLookCopies(
    quickLookCandidates(ex, exhibitionUrl).filter((u) => !files.includes(u)),
    (u) => headOf(u, signal),
  );
  files.push(...copies.keys());
  // The service worker serves saved copies only under the app's exhibitions/ folder: anything else would be
  // shown as saved and still fail offline, so it is refused here, with the reason.
  const outside = notServedOffline(files, appBase);
  if (outside.length) {
    throw new Error(
      `this exhibition cannot be saved for offline: ${outside.length} of its files (first: ${outside[0]}) are outside ${new URL('exhibitions/', appBase).href}, the only folder this app serves offline`,
    );
  }
  const sizes = new Map<string, number | undefined>([[exhibitionUrl, new TextEncoder().encode(text).byteLength], ...copies]);
  await pool(files.slice(1).filter((u) => !copies.has(u)), 6, async (u) => void sizes.set(u, await sizeOf(u, signal)));
  const name = cacheName(ex.id, hash);
  const present = (await caches.has(name)) ? (await (await caches.open(name)).keys()).map((r) => r.url) : [];
  return {
    id: ex.id,
    title: pick(ex.title, ex.defaultLanguage, ex.defaultLanguage).text,
    url: exhibitionUrl,
    hash,
    text,
    cache: name,
    files,
    sizes,
    bytes: totalBytes(sizes).bytes,
    present: present.filter((u) => files.includes(u)),
  };
}

export async function storageEstimate(): Promise<{ usage?: number; quota?: number } | undefined> {
  try {
    return await navigator.storage?.estimate?.();
  } catch {
    return undefined;
  }
}

/** Whether the rest of the save fits (only the missing bytes count). */
export async function checkQuota(plan: SavePlan): Promise<QuotaDecision> {
  const missing = missingFiles(plan.files, plan.present);
  const needed = missing.reduce((s, u) => s + (plan.sizes.get(u) ?? 0), 0);
  return quotaDecision(needed, await storageEstimate());
}

function isQuotaError(e: unknown): boolean {
  return e instanceof DOMException && (e.name === 'QuotaExceededError' || e.code === 22);
}

/**
 * Downloads the missing files (resume), checks every file, then writes the manifest. Abort keeps what is in
 * (for resume) and nothing is marked saved; a full disk deletes the partial cache and throws QuotaError.
 */
export async function runSave(plan: SavePlan, signal: AbortSignal, onProgress: (p: SaveProgress) => void): Promise<SavedManifest> {
  try {
    void navigator.storage?.persist?.();
  } catch {
    // Best effort: the browser may keep the data anyway.
  }
  const cache = await caches.open(plan.cache);
  // What an interrupted save left: its size and SHA-256, read back from the cache.
  const stored = new Map<string, { bytes: number; sha256: string }>();
  for (const req of await cache.keys()) {
    if (new URL(req.url).pathname === MANIFEST_KEY) continue;
    const r = await cache.match(req);
    if (!r) continue;
    const body = await r.arrayBuffer();
    const sha256 = await sha256Hex(body);
    // Each entry carries the hash of the bytes as they arrived: one that changed since is fetched again.
    if (r.headers.get(HASH_HEADER) === sha256) stored.set(req.url, { bytes: body.byteLength, sha256 });
    else await cache.delete(req);
  }
  const hadManifest = (await cache.match(MANIFEST_KEY)) !== undefined;
  const written: string[] = [];
  const missing = missingFiles(plan.files, stored.keys());
  const progress: SaveProgress = {
    files: plan.files.length - missing.length,
    filesTotal: plan.files.length,
    bytes: [...stored.entries()].filter(([u]) => plan.files.includes(u)).reduce((s, [, f]) => s + f.bytes, 0),
    bytesTotal: plan.bytes,
  };
  onProgress({ ...progress });
  /** Out of space: what this save wrote goes (a complete copy saved before, in its own cache, is untouched). */
  const giveBackSpace = async (): Promise<QuotaError> => {
    if (!hadManifest && stored.size === written.length) await caches.delete(plan.cache);
    else for (const u of written) await cache.delete(u);
    return new QuotaError();
  };
  const put = async (url: string, body: Uint8Array<ArrayBuffer>, type: string): Promise<void> => {
    // The hash of the bytes as they arrived: the manifest records it, and the check below and at start compare with it.
    const sha256 = await sha256Hex(body);
    try {
      await cache.put(url, new Response(body, { status: 200, headers: { 'content-type': type, 'content-length': String(body.byteLength), [HASH_HEADER]: sha256 } }));
    } catch (e) {
      if (isQuotaError(e)) throw await giveBackSpace();
      throw e;
    }
    written.push(url);
    stored.set(url, { bytes: body.byteLength, sha256 });
  };
  // One failed file stops the others: what is in stays for resume, nothing is marked saved.
  const inner = new AbortController();
  const stop = () => inner.abort(signal.reason);
  signal.addEventListener('abort', stop, { once: true });
  try {
    await pool(missing, 3, async (url) => {
      inner.signal.throwIfAborted();
      if (url === plan.url) {
        const bytes = new TextEncoder().encode(plan.text);
        await put(url, bytes, 'application/json');
        progress.bytes += bytes.byteLength;
      } else {
        // A stall timer and the largest media cap (twin/fetch-limits.ts): a stalled or endless file stops the save
        // (what is in stays, for resume). The deadline is long: a save may run a while on a slow line.
        const r = await fetchLimited(url, SAVE_LIMIT, { cache: 'no-store', signal: inner.signal, headers: { [SAVE_HEADER]: '1' } }, fetch, (n) => {
          progress.bytes += n;
          onProgress({ ...progress });
        });
        if (r.status !== 200) throw new Error(`${url}: HTTP ${r.status}`);
        // No file of a save is a web page: one in its place (a single-page host's answer for a missing file) would be
        // served offline as the work's media. The save stops, naming it, and resumes once the server has the file.
        if (isWebPage(r.headers.get('content-type'))) throw new Error(`${url} came back as a web page, not the file itself (the server probably answered a missing file with a page); it was not saved`);
        await put(url, r.bytes, r.headers.get('content-type') ?? 'application/octet-stream');
      }
      progress.files++;
      onProgress({ ...progress });
    }, () => inner.abort());
  } catch (e) {
    if (e instanceof QuotaError) throw e;
    if (isQuotaError(e)) throw await giveBackSpace();
    throw signal.aborted ? signal.reason : e;
  } finally {
    signal.removeEventListener('abort', stop);
  }
  signal.throwIfAborted();
  const sizes = new Map([...stored].map(([u, f]) => [u, f.bytes]));
  const bad = verifyManifest(plan.files, sizes, plan.sizes);
  // Verification of what is saved: every file is read back from the cache and hashed again.
  const manifest: SavedManifest = {
    id: plan.id,
    title: plan.title,
    url: plan.url,
    hash: plan.hash,
    files: plan.files.map((url) => ({ url, bytes: stored.get(url)?.bytes ?? 0, sha256: stored.get(url)?.sha256 ?? '' })),
    bytes: plan.files.reduce((s, u) => s + (stored.get(u)?.bytes ?? 0), 0),
    savedAt: new Date().toISOString(),
  };
  const corrupt = corruptFiles(manifest, await hashesInCache(cache, plan.files));
  // The exhibition file itself must be the version the plan read (its hash names the cache).
  const own = await cache.match(plan.url);
  if (!own || (await contentHash(await own.text())) !== plan.hash) corrupt.push(plan.url);
  const broken = [...new Set([...bad, ...corrupt])];
  if (broken.length) {
    for (const u of broken) await cache.delete(u);
    throw new Error(`${broken.length} file(s) did not arrive whole; try again`);
  }
  signal.throwIfAborted();
  try {
    await cache.put(MANIFEST_KEY, new Response(JSON.stringify(manifest), { headers: { 'content-type': 'application/json' } }));
  } catch (e) {
    if (isQuotaError(e)) throw await giveBackSpace();
    throw e;
  }
  progress.bytes = progress.bytesTotal = manifest.bytes;
  onProgress({ ...progress });
  return manifest;
}

/** SHA-256 of what the cache holds now for each URL (undefined where nothing is there). */
async function hashesInCache(cache: Cache, urls: readonly string[]): Promise<Map<string, string | undefined>> {
  const out = new Map<string, string | undefined>();
  for (const url of urls) {
    const r = await cache.match(url);
    out.set(url, r ? await sha256Hex(await r.arrayBuffer()) : undefined);
  }
  return out;
}

export interface RepairReport {
  /** Saved caches checked. */
  checked: number;
  /** Files found corrupted or missing and fetched again (matching their recorded hash). */
  refetched: string[];
  /** Saves that could not be repaired: their manifest is removed, so they show as half-saved and are never served. */
  demoted: string[];
}

/**
 * At start: every complete save's files are hashed again and compared with the manifest. A corrupted or missing
 * file is fetched again (offline it cannot be); when the new bytes match the recorded SHA-256 the save stays
 * complete, otherwise its manifest goes and it becomes half-saved (never served, resumable from the panel).
 */
export async function repairSaved(fetcher: typeof fetch = fetch): Promise<RepairReport> {
  const report: RepairReport = { checked: 0, refetched: [], demoted: [] };
  if (typeof caches === 'undefined') return report;
  for (const entry of await listSaved()) {
    const manifest = entry.manifest;
    if (!manifest) continue;
    report.checked++;
    const cache = await caches.open(entry.name);
    const corrupt = corruptFiles(manifest, await hashesInCache(cache, manifest.files.map((f) => f.url)));
    let whole = true;
    for (const url of corrupt) {
      const want = manifest.files.find((f) => f.url === url);
      try {
        const r = await fetchLimited(url, SAVE_LIMIT, { cache: 'no-store', headers: { [SAVE_HEADER]: '1' } }, fetcher);
        const sha = await sha256Hex(r.bytes);
        // Only the very bytes that were saved repair a save: a newer file on the server would mix two versions.
        if (r.status !== 200 || (want?.sha256 !== undefined && sha !== want.sha256)) throw new Error('changed');
        const headers = { 'content-type': r.headers.get('content-type') ?? 'application/octet-stream', 'content-length': String(r.bytes.byteLength), [HASH_HEADER]: sha };
        await cache.put(url, new Response(r.bytes, { status: 200, headers }));
        report.refetched.push(url);
      } catch {
        await cache.delete(url);
        whole = false;
      }
    }
    if (!whole) {
      await cache.delete(MANIFEST_KEY);
      report.demoted.push(entry.name);
    }
  }
  return report;
}

/** Saved (complete) and half-saved exhibitions in this browser. */
export async function listSaved(): Promise<SavedEntry[]> {
  if (typeof caches === 'undefined') return [];
  const out: SavedEntry[] = [];
  for (const name of await caches.keys()) {
    const parsed = parseCacheName(name);
    if (!parsed) continue;
    const cache = await caches.open(name);
    const m = await cache.match(MANIFEST_KEY);
    let manifest: SavedManifest | undefined;
    try {
      manifest = m ? ((await m.json()) as SavedManifest) : undefined;
    } catch {
      manifest = undefined;
    }
    out.push({ name, ...parsed, manifest, count: manifest ? manifest.files.length : (await cache.keys()).length });
  }
  return out;
}

export async function removeSaved(name: string): Promise<void> {
  if (name.startsWith(SAVED_PREFIX)) await caches.delete(name);
}

/** Recovery from a broken cache: every cache of this app goes, and the service worker with it (the next online visit reinstalls it). */
export async function clearOfflineData(): Promise<void> {
  for (const name of await caches.keys()) {
    if (name.startsWith(SAVED_PREFIX) || [RUNTIME_EXHIBITIONS, RUNTIME_MEDIA, VERSIONS_CACHE, PREVIOUS_APP].includes(name) || name.startsWith('workbox-precache')) await caches.delete(name);
  }
  for (const reg of (await navigator.serviceWorker?.getRegistrations?.()) ?? []) await reg.unregister();
}
