/**
 * Fault injection for "save for offline", in Node with the page's own save code (save.ts): the network cut at a
 * random point (before a file or in the middle of its body), storage that runs out (QuotaExceededError), the
 * visitor leaving mid-save (abort), and bytes corrupted on the device. The promises: nothing saved before is lost,
 * nothing half-saved counts as saved (nor is picked by the service worker's rule), a resumed save completes, and
 * corrupted entries are found and fetched again at start.
 * Cache Storage is an in-memory stand-in with a byte quota (Node has none); fetch is a stand-in server.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateExhibition } from '../twin/validate';
import { MANIFEST_KEY, USDZ_MEDIA_TYPE, cacheName, contentHash, offlineFiles, sha256Hex, type SavedManifest } from './plan';
import { QuotaError, listSaved, planSave, repairSaved, runSave, type SavePlan } from './save';
import { pickSaved } from './serve';
import { seededRandom } from '../twin/random';

const ORIGIN = 'http://museum.test';
const EX_URL = `${ORIGIN}/exhibitions/default/exhibition.json`;
const TEXT_A = readFileSync(resolve(import.meta.dirname, '../../assets/default/exhibition.json'), 'utf8');
/** Version B: the same exhibition with its title changed (a new content hash, the same media). */
const TEXT_B = TEXT_A.replace('"title": {', '"title": { "de": "Neu",');


// ------------------------------------------------------------------ an in-memory Cache Storage with a quota

interface Stored {
  body: Uint8Array;
  headers: [string, string][];
  status: number;
}

class Disk {
  used = 0;
  constructor(public quota = Infinity) {}
}

const keyOf = (req: RequestInfo | URL): string => (req instanceof Request ? req.url : new URL(String(req), `${ORIGIN}/`).href);

class MemCache {
  readonly entries = new Map<string, Stored>();
  constructor(private disk: Disk) {}
  async put(req: RequestInfo | URL, res: Response): Promise<void> {
    const body = new Uint8Array(await res.arrayBuffer());
    const key = keyOf(req);
    const before = this.entries.get(key)?.body.byteLength ?? 0;
    if (this.disk.used - before + body.byteLength > this.disk.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.disk.used += body.byteLength - before;
    this.entries.set(key, { body, headers: [...res.headers], status: res.status });
  }
  async match(req: RequestInfo | URL): Promise<Response | undefined> {
    const e = this.entries.get(keyOf(req));
    return e ? new Response(e.body.slice(), { status: e.status, headers: e.headers }) : undefined;
  }
  async keys(): Promise<Request[]> {
    return [...this.entries.keys()].map((u) => new Request(u));
  }
  async delete(req: RequestInfo | URL): Promise<boolean> {
    const key = keyOf(req);
    const e = this.entries.get(key);
    if (!e) return false;
    this.disk.used -= e.body.byteLength;
    return this.entries.delete(key);
  }
}

class MemCaches {
  readonly map = new Map<string, MemCache>();
  constructor(readonly disk: Disk) {}
  async open(name: string): Promise<MemCache> {
    let c = this.map.get(name);
    if (!c) this.map.set(name, (c = new MemCache(this.disk)));
    return c;
  }
  async has(name: string): Promise<boolean> {
    return this.map.has(name);
  }
  async keys(): Promise<string[]> {
    return [...this.map.keys()];
  }
  async delete(name: string): Promise<boolean> {
    const c = this.map.get(name);
    if (!c) return false;
    for (const k of [...c.entries.keys()]) await c.delete(k);
    return this.map.delete(name);
  }
}

// ------------------------------------------------------------------ the exhibition and a stand-in server

const ex = ((): ReturnType<typeof validateExhibition> & { ok: true } => {
  const r = validateExhibition(JSON.parse(TEXT_A));
  if (!r.ok) throw new Error('default exhibition invalid');
  return r;
})().exhibition;
const FILES = offlineFiles(ex, EX_URL);
/** Media bytes: a few KB each, different per file. */
const MEDIA = new Map(FILES.slice(1).map((u, i) => [u, new Uint8Array(1000 + ((i * 7919) % 9000)).map((_, j) => (i * 31 + j) & 255)]));

interface Fault {
  /** The network goes down before the n-th media request (counted from 0). */
  cutBefore?: number;
  /** The n-th media response breaks off halfway through its body. */
  cutInside?: number;
  /** The page is closed (abort) when the n-th media request starts. */
  abortAt?: number;
}

function server(fault: Fault = {}, abort?: AbortController, serveText = TEXT_A): typeof fetch {
  let n = 0;
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = keyOf(input);
    init?.signal?.throwIfAborted();
    if (url === EX_URL) return new Response(serveText, { headers: { 'content-type': 'application/json' } });
    const body = MEDIA.get(url);
    if (!body) return new Response('not found', { status: 404 });
    const i = n++;
    if (fault.abortAt === i) abort?.abort(new DOMException('The page was closed', 'AbortError'));
    init?.signal?.throwIfAborted();
    if (fault.cutBefore !== undefined && i >= fault.cutBefore) throw new TypeError('Failed to fetch');
    if (fault.cutInside === i) {
      const half = body.slice(0, body.byteLength >> 1);
      const stream = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(half);
          c.error(new TypeError('network connection lost'));
        },
      });
      return new Response(stream, { headers: { 'content-length': String(body.byteLength) } });
    }
    return new Response(body.slice(), { headers: { 'content-length': String(body.byteLength), 'content-type': 'application/octet-stream' } });
  }) as typeof fetch;
}

async function planFor(text: string): Promise<SavePlan> {
  const hash = await contentHash(text);
  const sizes = new Map<string, number | undefined>([[EX_URL, new TextEncoder().encode(text).byteLength], ...[...MEDIA].map(([u, b]) => [u, b.byteLength] as const)]);
  const name = cacheName(ex.id, hash);
  const present = (await caches.has(name)) ? (await (await caches.open(name)).keys()).map((r) => r.url) : [];
  return { id: ex.id, title: 'Default', url: EX_URL, hash, text, cache: name, files: FILES, sizes, bytes: [...sizes.values()].reduce<number>((s, n) => s + (n ?? 0), 0), present };
}

/** A complete save: its manifest is there and every file in it hashes to what the server sent. */
async function expectWhole(name: string, text: string): Promise<SavedManifest> {
  const cache = await caches.open(name);
  const m = await cache.match(MANIFEST_KEY);
  expect(m, `${name} has its manifest`).toBeDefined();
  const manifest = (await m!.json()) as SavedManifest;
  expect(manifest.files.map((f) => f.url)).toEqual(FILES);
  for (const f of manifest.files) {
    const r = await cache.match(f.url);
    expect(r, f.url).toBeDefined();
    const bytes = new Uint8Array(await r!.arrayBuffer());
    const want = f.url === EX_URL ? new TextEncoder().encode(text) : MEDIA.get(f.url)!;
    // Byte for byte (Buffer.equals: toEqual on large typed arrays is slow).
    expect(Buffer.from(bytes).equals(Buffer.from(want)), f.url).toBe(true);
    expect(f.sha256).toBe(await sha256Hex(want));
  }
  return manifest;
}

let disk: Disk;
let storage: MemCaches;

beforeEach(() => {
  disk = new Disk();
  storage = new MemCaches(disk);
  vi.stubGlobal('caches', storage);
});
afterEach(() => vi.unstubAllGlobals());

async function saveA(): Promise<SavedManifest> {
  vi.stubGlobal('fetch', server());
  const m = await runSave(await planFor(TEXT_A), new AbortController().signal, () => {});
  return m;
}

describe('save for offline under faults', () => {
  it('records a SHA-256 per file, verified against what the server sent', async () => {
    const m = await saveA();
    await expectWhole(cacheName(ex.id, m.hash), TEXT_A);
    expect(m.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256 ?? ''))).toBe(true);
  });

  it('a network cut, a broken body, a full disk or a closed page at a random point: the earlier save is kept whole, the new one is never counted as saved, and resuming completes it', async () => {
    const rand = seededRandom(0x0ff1_13e);
    const nMedia = MEDIA.size;
    const seen = { cut: 0, inside: 0, quota: 0, abort: 0, completed: 0 };
    for (let round = 0; round < 60; round++) {
      disk = new Disk();
      storage = new MemCaches(disk);
      vi.stubGlobal('caches', storage);
      const a = await saveA();
      const nameA = cacheName(ex.id, a.hash);
      const planB = await planFor(TEXT_B);
      const kind = Math.floor(rand() * 4);
      const at = Math.floor(rand() * (nMedia + 2));
      const abort = new AbortController();
      if (kind === 2) disk.quota = disk.used + Math.floor(rand() * planB.bytes);
      const fault: Fault = kind === 0 ? { cutBefore: at } : kind === 1 ? { cutInside: at } : kind === 3 ? { abortAt: at } : {};
      vi.stubGlobal('fetch', server(fault, abort, TEXT_B));
      let outcome: 'saved' | Error;
      try {
        await runSave(planB, abort.signal, () => {});
        outcome = 'saved';
      } catch (e) {
        outcome = e as Error;
      }
      const label = `round ${round}: ${JSON.stringify(fault)} quota ${disk.quota}`;
      // The save before is untouched, whatever happened.
      await expectWhole(nameA, TEXT_A);
      const entries = await listSaved();
      const b = entries.find((e) => e.name === planB.cache);
      if (outcome === 'saved') {
        seen.completed++;
        await expectWhole(planB.cache, TEXT_B);
      } else {
        seen[(['cut', 'inside', 'quota', 'abort'] as const)[kind]!]++;
        // Half-saved: no manifest, so never listed as saved, and the service worker's rule never picks it.
        expect(b?.manifest, label).toBeUndefined();
        expect(pickSaved(entries.flatMap((e) => (e.manifest ? [e.manifest] : [])), FILES[1]!, () => undefined)?.hash, label).toBe(a.hash);
        if (kind === 2) {
          expect(outcome, label).toBeInstanceOf(QuotaError);
          expect(outcome.message).toMatch(/ran out of storage space/);
          expect(outcome.message).toMatch(/saved before is still there/);
        }
        // Resuming on a good line (and with room) completes it.
        disk.quota = Infinity;
        vi.stubGlobal('fetch', server({}, undefined, TEXT_B));
        await runSave(await planFor(TEXT_B), new AbortController().signal, () => {});
        await expectWhole(planB.cache, TEXT_B);
      }
    }
    // Every kind of fault was met (the points are random, the kinds are all drawn).
    expect(seen.cut + seen.inside + seen.quota + seen.abort).toBeGreaterThan(30);
    expect(Math.min(seen.cut, seen.inside, seen.quota, seen.abort)).toBeGreaterThan(0);
  }, 90_000);

  it('a resumed save fetches again an entry that changed on the device since it arrived', async () => {
    vi.stubGlobal('fetch', server({ cutBefore: 5 }));
    const plan = await planFor(TEXT_A);
    await expect(runSave(plan, new AbortController().signal, () => {})).rejects.toThrow();
    const cache = await storage.open(plan.cache);
    const [victim] = [...cache.entries.keys()].filter((u) => u !== EX_URL);
    const e = cache.entries.get(victim!)!;
    e.body = e.body.map((x) => x ^ 0xff);
    vi.stubGlobal('fetch', server());
    await runSave(await planFor(TEXT_A), new AbortController().signal, () => {});
    await expectWhole(plan.cache, TEXT_A);
  });

  it('at start, a corrupted saved file is found and fetched again; when the server no longer has those bytes the save is demoted, never served mixed', async () => {
    const m = await saveA();
    const name = cacheName(ex.id, m.hash);
    const cache = await storage.open(name);
    const victim = FILES[2]!;
    cache.entries.get(victim)!.body[0]! ^= 0xff;
    const repaired = await repairSaved(server());
    expect(repaired).toEqual({ checked: 1, refetched: [victim], demoted: [] });
    await expectWhole(name, TEXT_A);

    cache.entries.get(victim)!.body[0]! ^= 0xff;
    // Offline now: it cannot be fetched again, so the save stops counting as saved (resumable from the panel).
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const demoted = await repairSaved(offline);
    expect(demoted.demoted).toEqual([name]);
    expect((await listSaved()).find((e) => e.name === name)?.manifest).toBeUndefined();
  });
});

describe('a save of a packed exhibition', () => {
  it('carries the USDZ the pack made for AR Quick Look, checked and served like the rest; copies the server lacks are left out', async () => {
    const USDZ = `${ORIGIN}/exhibitions/default/objects/cinerary-urn.usdz`;
    const usdz = new Uint8Array(5000).map((_, j) => (j * 7) & 255);
    const decoder = new Uint8Array(64).fill(7);
    const media = server();
    const asked: string[] = [];
    vi.stubGlobal('fetch', (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = keyOf(input);
      asked.push(`${init?.method ?? 'GET'} ${url}`);
      const headers = { 'content-type': USDZ_MEDIA_TYPE, 'content-length': String(usdz.byteLength) };
      if (url === USDZ) return new Response(init?.method === 'HEAD' ? null : usdz.slice(), { headers });
      // The app's model decoders, which a save carries too.
      if (new URL(url).pathname.startsWith('/decoders/')) return new Response(decoder.slice(), { headers: { 'content-length': '64' } });
      return media(input, init);
    }) as typeof fetch);
    vi.stubGlobal('document', { baseURI: `${ORIGIN}/` });
    const plan = await planSave(EX_URL);
    expect(plan.files.filter((u) => u.endsWith('.usdz'))).toEqual([USDZ]);
    expect(plan.sizes.get(USDZ)).toBe(usdz.byteLength);
    const m = await runSave(plan, new AbortController().signal, () => {});
    expect(m.files.find((f) => f.url === USDZ)).toEqual({ url: USDZ, bytes: usdz.byteLength, sha256: await sha256Hex(usdz) });
    // Only the copy the server has was downloaded; the others were asked about once, with HEAD.
    expect(asked.filter((a) => a.startsWith('GET') && a.endsWith('.usdz'))).toEqual([`GET ${USDZ}`]);
    // Offline, the service worker's rule answers it from this save, as the type Quick Look needs.
    expect(pickSaved([m], USDZ, () => m.hash)).toBe(m);
    expect((await (await caches.open(plan.cache)).match(USDZ))?.headers.get('content-type')).toBe(USDZ_MEDIA_TYPE);
  });
});

describe('a web page in place of a file', () => {
  it('stops the save, naming the file; nothing is marked saved, and the save completes once the server has the file', async () => {
    const victim = FILES[3]!;
    const media = server();
    vi.stubGlobal('fetch', (async (input: RequestInfo | URL, init?: RequestInit) =>
      keyOf(input) === victim ? new Response('<!doctype html><title>Museum</title>', { headers: { 'content-type': 'text/html; charset=utf-8' } }) : media(input, init)) as typeof fetch);
    const plan = await planFor(TEXT_A);
    await expect(runSave(plan, new AbortController().signal, () => {})).rejects.toThrow(`${victim} came back as a web page, not the file itself`);
    expect((await listSaved()).find((e) => e.name === plan.cache)?.manifest).toBeUndefined();
    expect(await (await caches.open(plan.cache)).match(victim)).toBeUndefined();
    vi.stubGlobal('fetch', server());
    await runSave(await planFor(TEXT_A), new AbortController().signal, () => {});
    await expectWhole(plan.cache, TEXT_A);
  });
});
