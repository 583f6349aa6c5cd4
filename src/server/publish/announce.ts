/**
 * Telling open visitor pages that a new version is published: server-sent events (EventSource, built into every
 * browser; same origin, one plain HTTP response per page, no broker or library). A page opens
 * GET /api/exhibitions/:id/versions/live; the first event is the latest version now, each later one a new publish:
 *
 *   event: version
 *   data: {"version":3,"publishedAt":"…","publishedBy":"ana"}
 *
 * (`version` 0: nothing published yet.) A comment line every 25 s keeps proxies from closing an idle stream.
 * One process: pages connected to another instance hear of a publish when they reconnect (EventSource does,
 * after any drop), not at once.
 */
import type { ServerResponse } from 'node:http';
import type { PublishedVersion } from './versions';

type Latest = Pick<PublishedVersion, 'version' | 'publishedAt' | 'publishedBy'> | { version: 0 };

export class PublishAnnouncer {
  private readonly pages = new Map<string, Set<ServerResponse>>();
  private readonly keepAlive = setInterval(() => this.each((res) => res.write(': still here\n\n')), 25_000);

  constructor() {
    this.keepAlive.unref();
  }

  /** Streams events to `res` from now on, starting with `latest`. */
  open(id: string, res: ServerResponse, latest: Latest): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff', connection: 'keep-alive' });
    res.write(event(latest));
    const set = this.pages.get(id) ?? new Set();
    this.pages.set(id, set.add(res));
    res.on('close', () => set.delete(res));
  }

  /** A new version of `id` is there: every open page of it is told. */
  announce(id: string, version: Latest): void {
    for (const res of this.pages.get(id) ?? []) res.write(event(version));
  }

  /** Ends every stream (the server is closing). */
  close(): void {
    clearInterval(this.keepAlive);
    this.each((res) => res.end());
    this.pages.clear();
  }

  private each(f: (res: ServerResponse) => void): void {
    for (const set of this.pages.values()) for (const res of set) f(res);
  }
}

const event = (v: Latest): string => `event: version\ndata: ${JSON.stringify(v)}\n\n`;
