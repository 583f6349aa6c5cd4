import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FETCH_LIMITS, FetchLimitError, fetchLimited, streamStallWatch, type FetchLimit } from './fetch-limits';
import { ExhibitionError, loadExhibition } from './load';

// A real HTTP server on the loopback: the limits must hold against real streams, not mocks.
let server: Server;
let base = '';
const open = new Set<ServerResponse>();

beforeAll(async () => {
  server = createServer((req, res) => {
    open.add(res);
    res.on('close', () => open.delete(res));
    const path = new URL(req.url!, 'http://x').pathname;
    if (path === '/small') return void res.end('{"hello":"world"}');
    if (path === '/declared-huge') {
      res.writeHead(200, { 'content-length': String(5_000_000) });
      return void res.write('x'.repeat(1000));
    }
    if (path === '/endless') {
      // No length given: chunked, and it never stops.
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 1);
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      return pump();
    }
    if (path === '/trickle') {
      // A byte now and then: never stalls, never ends.
      res.writeHead(200);
      const t = setInterval(() => res.write('.'), 20);
      return void res.on('close', () => clearInterval(t));
    }
    if (path === '/stall') {
      res.writeHead(200);
      return void res.write('{"a":'); // ... and nothing more.
    }
    if (path === '/no-headers') return; // Never answers.
    if (path === '/page') {
      // What a single-page host or a captive portal sends for a missing file: a page, status 200.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void res.end('<!doctype html><title>Museum</title><p>Welcome</p>');
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of open) res.destroy();
  await new Promise((r) => server.close(r));
});

const LIMIT: FetchLimit = { maxBytes: 100_000, deadlineMs: 3_000, stallMs: 300 };

async function failure(p: Promise<unknown>): Promise<FetchLimitError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(FetchLimitError);
  return e as FetchLimitError;
}

describe('downloads within limits', () => {
  // A busy machine's first request can take longer than the short stall time the failure tests need.
  const ROOMY: FetchLimit = { ...LIMIT, stallMs: 10_000, deadlineMs: 20_000 };

  it('returns a small file whole', async () => {
    const r = await fetchLimited(`${base}/small`, ROOMY);
    expect(r.ok).toBe(true);
    expect(JSON.parse(r.text())).toEqual({ hello: 'world' });
  });

  it('tells of each chunk as it arrives (a save shows progress)', async () => {
    let seen = 0;
    const r = await fetchLimited(`${base}/small`, ROOMY, {}, fetch, (n) => (seen += n));
    expect(seen).toBe(r.bytes.byteLength);
    expect(seen).toBeGreaterThan(0);
  });

  it('passes HTTP errors through for the caller to word', async () => {
    const r = await fetchLimited(`${base}/missing`, ROOMY);
    expect(r.status).toBe(404);
  });

  it('refuses a body whose declared length is over the cap, before reading it', async () => {
    const e = await failure(fetchLimited(`${base}/declared-huge`, LIMIT));
    expect(e.reason).toBe('too-large');
    expect(e.message).toBe(`${base}/declared-huge is larger than 0.1 MB, the most allowed for this file`);
  });

  it('stops an endless body at the cap', async () => {
    const e = await failure(fetchLimited(`${base}/endless`, 'captions'));
    expect(e.reason).toBe('too-large');
    expect(e.message).toContain('is larger than 1 MB, the most allowed for captions');
  });

  it('stops a download that stalls, and one whose server never answers', async () => {
    const t0 = Date.now();
    expect((await failure(fetchLimited(`${base}/stall`, LIMIT))).message).toBe(`${base}/stall stopped arriving: no data for 0.3 s`);
    expect((await failure(fetchLimited(`${base}/no-headers`, LIMIT))).reason).toBe('stalled');
    expect(Date.now() - t0).toBeLessThan(2_500);
  });

  it('stops a trickle at the deadline', async () => {
    const e = await failure(fetchLimited(`${base}/trickle`, { ...LIMIT, deadlineMs: 500 }));
    expect(e.reason).toBe('deadline');
    expect(e.message).toContain('took longer than 0.5 s to download');
  });

  it("keeps the caller's own abort as it is", async () => {
    const c = new AbortController();
    const p = fetchLimited(`${base}/stall`, { ...LIMIT, stallMs: 5_000 }, { signal: c.signal });
    setTimeout(() => c.abort(new Error('visitor cancelled')), 50);
    await expect(p).rejects.toThrow('visitor cancelled');
  });
});

describe('a web page where a media file was expected', () => {
  it('is refused for every kind of media, naming the file and what it is', async () => {
    for (const [kind, what] of [
      ['image', 'an image'],
      ['model', 'a model'],
      ['audio', 'an audio file'],
      ['captions', 'captions'],
      ['environment', 'an environment map'],
    ] as const) {
      const e = await failure(fetchLimited(`${base}/page`, kind));
      expect(e.reason).toBe('wrong-type');
      expect(e.message).toBe(`${base}/page came back as a web page (text/html; charset=utf-8), not ${what}: the server probably answered a missing file with a page`);
    }
  });

  it('is left to the caller with explicit limits (a save keeps what it gets) and for the exhibition file', async () => {
    expect((await fetchLimited(`${base}/page`, { maxBytes: 100_000, deadlineMs: 20_000, stallMs: 10_000 })).text()).toContain('<title>Museum</title>');
    expect((await fetchLimited(`${base}/page`, 'exhibition')).status).toBe(200);
  });
});

describe('the exhibition file under limits', () => {
  it('a stalled exhibition file becomes a readable error, not a hang', async () => {
    const e = await loadExhibition(`${base}/stall`, fetch, undefined, { ...LIMIT, stallMs: 300 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ExhibitionError);
    expect((e as Error).message).toBe(`The exhibition could not be downloaded from ${base}/stall: ${base}/stall stopped arriving: no data for 0.3 s.`);
  });
});

describe('streamed narration under a stall timer', () => {
  /** A clock the test turns by hand. */
  function handClock() {
    let now = 0;
    const timers = new Map<number, { at: number; f: () => void }>();
    let next = 1;
    return {
      clock: {
        setTimeout: (f: () => void, ms: number) => (timers.set(next, { at: now + ms, f }), next++),
        clearTimeout: (id: unknown) => void timers.delete(id as number),
      },
      advance(ms: number) {
        now += ms;
        for (const [id, t] of [...timers]) {
          if (t.at > now) continue;
          timers.delete(id);
          t.f();
        }
      },
    };
  }
  const url = 'https://museum.example/exhibitions/default/narration/vase.en.mp3';
  const { stallMs } = FETCH_LIMITS.audio;

  it('stops a narration that waits for data longer than the audio stall time, saying so', () => {
    const t = handClock();
    const stops: FetchLimitError[] = [];
    const w = streamStallWatch(url, 'audio', (e) => stops.push(e), t.clock);
    w.waiting();
    t.advance(stallMs - 1);
    expect(stops).toHaveLength(0);
    t.advance(1);
    expect(stops).toHaveLength(1);
    expect(stops[0]).toMatchObject({ reason: 'stalled', url, message: `${url} stopped arriving: no data for ${stallMs / 1000} s` });
    // Told once.
    w.waiting();
    t.advance(stallMs * 2);
    expect(stops).toHaveLength(1);
  });

  it('lets a slow narration play on while data keeps arriving, and forgets it once it has ended', () => {
    const t = handClock();
    const stops: FetchLimitError[] = [];
    const w = streamStallWatch(url, 'audio', (e) => stops.push(e), t.clock);
    for (let i = 0; i < 20; i++) {
      w.waiting();
      t.advance(stallMs - 100);
      w.arrived();
    }
    w.waiting();
    w.done();
    t.advance(stallMs * 2);
    expect(stops).toHaveLength(0);
  });
});
