import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateExhibition, listMedia } from '../twin/validate';
import { cacheName, contentHash, corruptFiles, missingFiles, notServedOffline, offlineFiles, parseCacheName, quotaDecision, totalBytes, verifyManifest, SAVED_PREFIX, type SavedManifest } from './plan';
import { pickSaved } from './serve';

const text = readFileSync(resolve(import.meta.dirname, '../../assets/default/exhibition.json'), 'utf8');
const result = validateExhibition(JSON.parse(text));
if (!result.ok) throw new Error('default exhibition invalid');
const ex = result.exhibition;
const URL0 = 'http://127.0.0.1:4173/exhibitions/default/exhibition.json';

describe('offlineFiles', () => {
  const files = offlineFiles(ex, URL0);
  it('starts with the exhibition file and lists every media file once, as absolute URLs', () => {
    expect(files[0]).toBe(URL0);
    expect(new Set(files).size).toBe(files.length);
    for (const ref of listMedia(ex)) expect(files).toContain(new URL(ref.file, URL0).href);
    for (const f of files) expect(f.startsWith('http://127.0.0.1:4173/exhibitions/default/')).toBe(true);
  });
  it('includes images, models, audio and captions, and nothing of restricted works', () => {
    const exts = new Set(files.map((f) => f.split('.').pop()));
    for (const e of ['json', 'glb']) expect(exts).toContain(e);
    expect(files.some((f) => /\.(vtt)$/.test(f))).toBe(true);
    for (const a of ex.artworks.filter((x) => x.sensitivity.level === 'restricted')) {
      expect(files.some((f) => f.includes(`/${a.id}.`))).toBe(false);
    }
  });
});

describe('cache naming', () => {
  it('names a cache per id and content hash, and parses it back', async () => {
    const h = await contentHash(text);
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(await contentHash(text + ' ')).not.toBe(h);
    const name = cacheName('my show:2', h);
    expect(name.startsWith(SAVED_PREFIX)).toBe(true);
    expect(parseCacheName(name)).toEqual({ id: 'my show:2', hash: h });
    expect(parseCacheName('workbox-precache-v2')).toBeUndefined();
  });
});

describe('sizes, resume, quota, verification', () => {
  it('totals known sizes and counts unknown ones', () => {
    expect(totalBytes(new Map([['a', 10], ['b', undefined], ['c', 5]]))).toEqual({ bytes: 15, unknown: 1 });
  });
  it('resumes with only the missing files, in order', () => {
    expect(missingFiles(['a', 'b', 'c', 'd'], ['c', 'a', 'x'])).toEqual(['b', 'd']);
    expect(missingFiles(['a'], [])).toEqual(['a']);
  });
  it('refuses a save that does not fit before it starts', () => {
    expect(quotaDecision(100, { usage: 0, quota: 1000 })).toEqual({ ok: true, free: 1000 });
    expect(quotaDecision(950, { usage: 100, quota: 1000 })).toEqual({ ok: false, free: 900, needed: 950 });
    expect(quotaDecision(850, { usage: 100, quota: 1000 }).ok).toBe(false); // the margin
    expect(quotaDecision(1e12, undefined)).toEqual({ ok: true, free: undefined });
  });
  it('finds files that are missing or of the wrong size', () => {
    const sizes = new Map<string, number | undefined>([['a', 3], ['b', 4], ['c', undefined]]);
    expect(verifyManifest(['a', 'b', 'c'], new Map([['a', 3], ['b', 4], ['c', 9]]), sizes)).toEqual([]);
    expect(verifyManifest(['a', 'b', 'c'], new Map([['a', 3], ['b', 2]]), sizes)).toEqual(['b', 'c']);
  });
});

describe('offlineFiles with the app base', () => {
  it("adds the model decoders, at the app's own origin, once", () => {
    const files = offlineFiles(ex, URL0, 'http://127.0.0.1:4173/');
    expect(files.slice(0, offlineFiles(ex, URL0).length)).toEqual(offlineFiles(ex, URL0));
    for (const name of ['meshopt_decoder.js', 'draco_wasm_wrapper_gltf.js', 'draco_decoder_gltf.wasm']) {
      expect(files).toContain(`http://127.0.0.1:4173/decoders/${name}`);
    }
    expect(new Set(files).size).toBe(files.length);
  });
});

describe('what the service worker serves offline', () => {
  const APP = 'http://127.0.0.1:4173/';
  it('refuses files outside the exhibitions/ folder or on another origin, keeps the decoders', () => {
    const files = [URL0, 'http://127.0.0.1:4173/decoders/meshopt_decoder.js', 'http://127.0.0.1:4173/shows/x.json', 'https://cdn.example/x.glb'];
    expect(notServedOffline(files, APP)).toEqual(['http://127.0.0.1:4173/shows/x.json', 'https://cdn.example/x.glb']);
    expect(notServedOffline(offlineFiles(ex, URL0, APP), APP)).toEqual([]);
    // Under a base path, only that base's folders count.
    expect(notServedOffline([URL0], 'http://127.0.0.1:4173/museum/')).toEqual([URL0]);
  });
});

describe('corruptFiles', () => {
  const m = (files: SavedManifest['files']): SavedManifest => ({ id: 'x', title: 'x', url: URL0, hash: 'h', files, bytes: 0, savedAt: '' });
  it('names files missing or whose bytes no longer match their recorded SHA-256; old saves without hashes are checked for presence', () => {
    const manifest = m([
      { url: 'a', bytes: 1, sha256: 'aa' },
      { url: 'b', bytes: 1, sha256: 'bb' },
      { url: 'c', bytes: 1, sha256: 'cc' },
      { url: 'd', bytes: 1 },
    ]);
    expect(corruptFiles(manifest, new Map([['a', 'aa'], ['b', 'XX'], ['d', 'anything']]))).toEqual(['b', 'c']);
  });
});

describe('pickSaved (one save serves as a unit)', () => {
  const save = (hash: string, savedAt: string, files: string[]): SavedManifest => ({ id: 'x', title: 'x', url: URL0, hash, files: files.map((url) => ({ url, bytes: 1 })), bytes: 0, savedAt });
  const older = save('v1', '2026-01-01', [URL0, 'm1', 'm2']);
  const newer = save('v2', '2026-02-01', [URL0, 'm1']);
  it('answers from the save of the version in use, even when a newer one lists the file', () => {
    expect(pickSaved([older, newer], 'm1', () => 'v1')).toBe(older);
    expect(pickSaved([older, newer], 'm1', () => 'v2')).toBe(newer);
  });
  it('serves nothing saved when the version in use was never saved (no mix of versions), the newest when none is recorded', () => {
    expect(pickSaved([older, newer], 'm1', () => 'v3')).toBeUndefined();
    expect(pickSaved([older, newer], 'm2', () => 'v2')).toBeUndefined();
    expect(pickSaved([older, newer], 'm1', () => undefined)).toBe(newer);
  });
});
