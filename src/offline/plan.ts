/**
 * The browser-free part of "save for offline": which files an exhibition needs, how its cache is named,
 * what is still missing after an interruption, and whether the storage quota allows a save.
 * Shared by the page (src/offline/save.ts) and the service worker (src/offline/sw.ts).
 */
import { usdzBesideModel } from '../twin/media-path';
import type { Exhibition } from '../twin/schema';
import { listMedia } from '../twin/validate';
import { decoderUrls } from '../twin/decoder-files';
import { panoramaFiles } from '../twin/panorama';
import { mediaUrl } from '../twin/load';
import { servedOffline, type SavedManifest } from './names';

export * from './names';

/**
 * Absolute URLs of every file an exhibition needs offline: the file itself first, then each media file once,
 * then (given the app's base URL) the model decoders, which packed exhibitions need (the service worker also
 * precaches them with the app; listing them here makes a save complete on its own).
 */
export function offlineFiles(ex: Exhibition, exhibitionUrl: string, appBase?: string): string[] {
  const out = [exhibitionUrl];
  for (const ref of listMedia(ex)) {
    // The loader's rule (twin/media-path.ts): nothing outside the exhibition's folder or the trusted origins.
    const url = mediaUrl(exhibitionUrl, ref.file);
    if (!out.includes(url)) out.push(url);
  }
  // The rooms' 360° photographs, every tile of every level: the photo view works offline as sharp as online.
  for (const file of panoramaFiles(ex)) {
    const url = mediaUrl(exhibitionUrl, file);
    if (!out.includes(url)) out.push(url);
  }
  if (appBase !== undefined) {
    for (const url of decoderUrls(appBase)) if (!out.includes(url)) out.push(url);
  }
  return out;
}

/** What the server must call a USDZ for Safari to hand it to AR Quick Look (the iPhone guide asks for this type). */
export const USDZ_MEDIA_TYPE = 'model/vnd.usdz+zip';

/**
 * The AR Quick Look copies (USDZ) `npm run pack` writes beside each object's model (src/pipeline/usdz.ts: the same
 * folder and name, `.usdz`), where the iPhone guide looks for them (src/modes/ar/quick-look.ts). The exhibition file
 * does not name them, so a save asks the server for each (quickLookCopies) and keeps those it has: offline, an
 * iPhone still opens a work in the visitor's room from the copy made at pack time.
 */
export function quickLookCandidates(ex: Exhibition, exhibitionUrl: string): string[] {
  const out: string[] = [];
  for (const a of ex.artworks) {
    if (a.kind !== 'object' || a.model === undefined) continue;
    const usdz = usdzBesideModel(mediaUrl(exhibitionUrl, a.model));
    if (!out.includes(usdz)) out.push(usdz);
  }
  return out;
}

/** What a HEAD request said of a file: its status, type and length (undefined when not given). */
export interface HeadAnswer {
  status: number;
  type: string | null;
  bytes: number | undefined;
}

/**
 * Of the candidate copies, those the server has as a USDZ (status 200 and the USDZ type, as the iPhone guide
 * requires), with their sizes, in the candidates' order. A copy the server lacks, answers with another type (a
 * single-page host's page) or cannot be asked about is left out: the guide then converts the model on the phone.
 */
export async function quickLookCopies(candidates: readonly string[], head: (url: string) => Promise<HeadAnswer>): Promise<Map<string, number | undefined>> {
  const answers = await Promise.all(candidates.map((url) => head(url).catch(() => undefined)));
  const out = new Map<string, number | undefined>();
  candidates.forEach((url, i) => {
    const a = answers[i];
    if (a?.status === 200 && (a.type ?? '').toLowerCase().startsWith(USDZ_MEDIA_TYPE)) out.set(url, a.bytes);
  });
  return out;
}

/** A hex SHA-256 of the exhibition file's bytes, shortened: the "version" of its content. */
export async function contentHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('').slice(0, 16);
}

/** Sum of the known sizes; files of unknown size count as 0 and are reported separately. */
export function totalBytes(sizes: ReadonlyMap<string, number | undefined>): { bytes: number; unknown: number } {
  let bytes = 0;
  let unknown = 0;
  for (const s of sizes.values()) {
    if (s === undefined || !Number.isFinite(s) || s < 0) unknown++;
    else bytes += s;
  }
  return { bytes, unknown };
}

/** Resume: only the files not already in the cache are fetched again. */
export function missingFiles(all: readonly string[], present: Iterable<string>): string[] {
  const have = new Set(present);
  return all.filter((u) => !have.has(u));
}

export type QuotaDecision = { ok: true; free: number | undefined } | { ok: false; free: number; needed: number };

/**
 * Whether a save of `needed` bytes fits. Without an estimate the browser is trusted (and a quota error
 * midway still deletes the partial save). A margin keeps room for the rest of the app.
 */
export function quotaDecision(needed: number, estimate: { usage?: number; quota?: number } | undefined, margin = 0.1): QuotaDecision {
  if (!estimate || estimate.quota === undefined || estimate.usage === undefined) return { ok: true, free: undefined };
  const free = Math.max(0, estimate.quota - estimate.usage);
  if (needed * (1 + margin) > free) return { ok: false, free, needed };
  return { ok: true, free };
}

/** A manifest is complete when every listed file is in the cache with its recorded size. */
export function verifyManifest(expected: readonly string[], stored: ReadonlyMap<string, number>, sizes: ReadonlyMap<string, number | undefined>): string[] {
  const bad: string[] = [];
  for (const url of expected) {
    const got = stored.get(url);
    const want = sizes.get(url);
    if (got === undefined || (want !== undefined && want !== got)) bad.push(url);
  }
  return bad;
}

/** The files of a save the service worker would not serve offline (see servedOffline): a save with any is refused. */
export function notServedOffline(files: readonly string[], appBase: string): string[] {
  return files.filter((u) => !servedOffline(u, appBase));
}

/**
 * Files of a complete save whose bytes in the cache are gone or no longer hash to the SHA-256 recorded as they
 * arrived. `actual` maps a URL to the hash of what the cache holds now (undefined: not there). Files saved before
 * hashes were recorded are checked for presence only.
 */
export function corruptFiles(manifest: SavedManifest, actual: ReadonlyMap<string, string | undefined>): string[] {
  return manifest.files.filter((f) => {
    const got = actual.get(f.url);
    return got === undefined || (f.sha256 !== undefined && f.sha256 !== got);
  }).map((f) => f.url);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}
