/**
 * Reading what an importer is pointed at, from a file or over http(s), with a size limit and a time limit:
 * a hostile or mistaken source (a 2 GB "manifest", a server that never answers) ends in a clear message,
 * never in an exhausted process. Relative references resolve against the source they were found in.
 */
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The largest manifest, collection or scene document read (JSON). */
const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;
/** The largest image or model fetched. */
export const MAX_MEDIA_BYTES = 200 * 1024 * 1024;
const TIMEOUT_MS = 30_000;

export class FetchError extends Error {}

/** A file path or URL as an absolute URL (file: or http(s):). */
export function sourceUrl(source: string): URL {
  if (/^https?:\/\//i.test(source) || source.startsWith('file:')) return new URL(source);
  return pathToFileURL(isAbsolute(source) ? source : resolve(source));
}

/** `ref` as found in the document at `base`; only http(s) and file references are followed. */
export function resolveRef(ref: string, base: URL): URL {
  const url = new URL(ref, base);
  if (!['http:', 'https:', 'file:'].includes(url.protocol)) throw new FetchError(`'${ref.slice(0, 80)}' is not an http(s) or file reference`);
  // A remote document may not point into this computer's files.
  if (url.protocol === 'file:' && base.protocol !== 'file:') throw new FetchError(`'${ref.slice(0, 80)}' names a local file from a remote document`);
  return url;
}

interface Fetched {
  bytes: Uint8Array;
  /** The Content-Type the server gave (files: none). */
  type?: string;
}

/** Reads the whole resource, refusing it once it passes `maxBytes`. */
export async function fetchBytes(url: URL, maxBytes: number): Promise<Fetched> {
  if (url.protocol === 'file:') {
    const path = fileURLToPath(url);
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch {
      throw new FetchError(`${path} cannot be read (no such file)`);
    }
    if (size > maxBytes) throw new FetchError(`${path} is ${mb(size)}, more than the ${mb(maxBytes)} allowed`);
    return { bytes: new Uint8Array(await readFile(path)) };
  }
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow', headers: { accept: 'application/ld+json, application/json, image/*, model/*, */*;q=0.5' } });
  } catch (e) {
    throw new FetchError(`${url.href} is unreachable (${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message})`);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new FetchError(`${url.href} answered ${res.status} ${res.statusText}`);
  }
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw new FetchError(`${url.href} is ${mb(declared)}, more than the ${mb(maxBytes)} allowed`);
  }
  // Counted while reading: a server may send more than it declared, or declare nothing.
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new FetchError(`${url.href} is more than the ${mb(maxBytes)} allowed`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  const type = res.headers.get('content-type') ?? undefined;
  return type ? { bytes, type } : { bytes };
}

/** Reads and parses a JSON document (manifest, collection, scene), bounded by MAX_DOCUMENT_BYTES. */
export async function fetchJson(url: URL): Promise<unknown> {
  const { bytes } = await fetchBytes(url, MAX_DOCUMENT_BYTES);
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new FetchError(`${url.protocol === 'file:' ? fileURLToPath(url) : url.href} is not valid JSON (${(e as Error).message})`);
  }
}

/** Reads a text document (a Voyager article), bounded by MAX_DOCUMENT_BYTES. */
export async function fetchText(url: URL): Promise<string> {
  const { bytes } = await fetchBytes(url, MAX_DOCUMENT_BYTES);
  return new TextDecoder().decode(bytes).replace(/^\uFEFF/, '');
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 0)} MB`;
}
