/**
 * Deadlines and size caps for every download of an exhibition file or its media. A server that trickles
 * bytes or sends a gigabyte must not hang the visit or fill a phone's memory: the body is read as a stream
 * and the download stops past its cap, when no byte has come for a while, or at its deadline.
 * Standard fetch, AbortSignal and streams only (browsers, service workers, Node 20).
 */

export interface FetchLimit {
  /** Largest body accepted, bytes. */
  maxBytes: number;
  /** The whole download, headers to last byte, ms. */
  deadlineMs: number;
  /** Longest wait for the next bytes (or the headers), ms. */
  stallMs: number;
}

const MB = 1024 * 1024;

/** Limits per kind of file, sized for the largest honest file of that kind on a slow phone connection. */
export const FETCH_LIMITS = {
  exhibition: { maxBytes: 10 * MB, deadlineMs: 20_000, stallMs: 10_000 },
  image: { maxBytes: 40 * MB, deadlineMs: 90_000, stallMs: 15_000 },
  model: { maxBytes: 200 * MB, deadlineMs: 300_000, stallMs: 20_000 },
  audio: { maxBytes: 60 * MB, deadlineMs: 120_000, stallMs: 15_000 },
  captions: { maxBytes: 1 * MB, deadlineMs: 15_000, stallMs: 10_000 },
  environment: { maxBytes: 40 * MB, deadlineMs: 90_000, stallMs: 15_000 },
} as const satisfies Record<string, FetchLimit>;

export type FileKind = keyof typeof FETCH_LIMITS;

const KIND_WORDS: Record<FileKind, string> = {
  exhibition: 'an exhibition file',
  image: 'an image',
  model: 'a model',
  audio: 'an audio file',
  captions: 'captions',
  environment: 'an environment map',
};

export type FetchLimitReason = 'too-large' | 'stalled' | 'deadline' | 'wrong-type';

/**
 * Whether an answer is a web page: what static hosts with a single-page fallback, captive portals and proxies send
 * with status 200 in place of a missing file. No image, model, sound, captions or environment map is one.
 */
export function isWebPage(contentType: string | null): boolean {
  return /^\s*(text\/html|application\/xhtml\+xml)\s*(;|$)/i.test(contentType ?? '');
}

/** A download stopped by its limits; the message names the file and the limit in plain words. */
export class FetchLimitError extends Error {
  constructor(
    readonly reason: FetchLimitReason,
    readonly url: string,
    message: string,
  ) {
    super(message);
    this.name = 'FetchLimitError';
  }
}

export interface LimitedResponse {
  ok: boolean;
  status: number;
  statusText: string;
  headers: Headers;
  bytes: Uint8Array<ArrayBuffer>;
  text(): string;
}

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))} s`;
const megabytes = (n: number): string => `${Number((n / MB).toFixed(1))} MB`;

/**
 * Fetches `url` within the limits of its kind (or explicit limits) and returns the whole body. Throws
 * FetchLimitError past a limit; network errors and the caller's own abort are thrown as fetch throws them.
 */
export async function fetchLimited(
  url: string,
  kind: FileKind | FetchLimit,
  init: RequestInit = {},
  fetcher: typeof fetch = fetch,
  /** Told of each chunk's size as it arrives (progress bars). */
  onBytes?: (n: number) => void,
): Promise<LimitedResponse> {
  const limit = typeof kind === 'string' ? FETCH_LIMITS[kind] : kind;
  const what = typeof kind === 'string' ? KIND_WORDS[kind] : 'this file';
  const name = url.length > 120 ? `${url.slice(0, 117)}…` : url;
  const controller = new AbortController();
  let stopped: FetchLimitError | undefined;
  const stop = (e: FetchLimitError): void => {
    if (stopped) return;
    stopped = e;
    controller.abort(e);
  };
  const outer = init.signal;
  const follow = (): void => controller.abort(outer?.reason);
  if (outer?.aborted) follow();
  outer?.addEventListener('abort', follow, { once: true });
  const deadline = setTimeout(
    () => stop(new FetchLimitError('deadline', url, `${name} took longer than ${seconds(limit.deadlineMs)} to download, the most allowed for ${what}`)),
    limit.deadlineMs,
  );
  let stall: ReturnType<typeof setTimeout> | undefined;
  const waitForBytes = (): void => {
    clearTimeout(stall);
    stall = setTimeout(
      () => stop(new FetchLimitError('stalled', url, `${name} stopped arriving: no data for ${seconds(limit.stallMs)}`)),
      limit.stallMs,
    );
  };
  const tooLarge = (): FetchLimitError =>
    new FetchLimitError('too-large', url, `${name} is larger than ${megabytes(limit.maxBytes)}, the most allowed for ${what}`);
  try {
    waitForBytes();
    const response = await fetcher(url, { ...init, signal: controller.signal });
    // A media file answered with a web page is refused here, before its bytes are read or handed to a decoder.
    if (typeof kind === 'string' && kind !== 'exhibition' && response.ok && isWebPage(response.headers.get('content-type'))) {
      stop(new FetchLimitError('wrong-type', url, `${name} came back as a web page (${response.headers.get('content-type')}), not ${what}: the server probably answered a missing file with a page`));
      await response.body?.cancel().catch(() => undefined);
      throw stopped;
    }
    const declared = Number(response.headers.get('content-length'));
    if (response.headers.has('content-length') && Number.isFinite(declared) && declared > limit.maxBytes) {
      stop(tooLarge());
      await response.body?.cancel().catch(() => undefined);
      throw stopped;
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        waitForBytes();
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > limit.maxBytes) {
          stop(tooLarge());
          await reader.cancel().catch(() => undefined);
          throw stopped;
        }
        chunks.push(value);
        onBytes?.(value.byteLength);
      }
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    return {
      ok: response.ok,
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      bytes,
      text: () => new TextDecoder().decode(bytes),
    };
  } catch (e) {
    // An abort we caused surfaces from fetch or the reader as an AbortError: say which limit it was.
    if (stopped) throw stopped;
    throw e;
  } finally {
    clearTimeout(deadline);
    clearTimeout(stall);
    outer?.removeEventListener('abort', follow);
  }
}

/** Timers, replaceable in tests. */
export interface WatchClock {
  setTimeout: (f: () => void, ms: number) => unknown;
  clearTimeout: (id: unknown) => void;
}

/**
 * The stall timer for media the browser streams itself (narration in an `<audio>` element, which plays while it
 * downloads and never holds a whole long file in memory, so it has no size cap of ours): once the element waits
 * for data (`waiting`, `stalled`) and nothing arrives (`progress`, `playing`, `timeupdate`) for the kind's stall
 * time, `onStop` is told why, in the same words as a stalled download; the caller stops the element and says so.
 */
export function streamStallWatch(
  url: string,
  kind: FileKind,
  onStop: (e: FetchLimitError) => void,
  clock: WatchClock = { setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (id) => clearTimeout(id as ReturnType<typeof setTimeout>) },
): { waiting(): void; arrived(): void; done(): void } {
  const { stallMs } = FETCH_LIMITS[kind];
  const name = url.length > 120 ? `${url.slice(0, 117)}…` : url;
  let timer: unknown;
  let over = false;
  const clear = (): void => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
  };
  return {
    waiting() {
      if (over || timer !== undefined) return;
      timer = clock.setTimeout(() => {
        timer = undefined;
        over = true;
        onStop(new FetchLimitError('stalled', url, `${name} stopped arriving: no data for ${seconds(stallMs)}`));
      }, stallMs);
    },
    arrived: clear,
    done() {
      clear();
      over = true;
    },
  };
}
