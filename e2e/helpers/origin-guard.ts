/**
 * The journeys' guard that nothing leaves the app's origin (the app must work offline and must not leak
 * visitors to third parties). It watches the whole browser context (every page, pages opened later, service
 * workers, dedicated workers) and WebSockets, and compares origins as the URL parser gives them: a string
 * prefix would let http://127.0.0.1:41730 pass as http://127.0.0.1:4173.
 */
import type { BrowserContext, Page } from '@playwright/test';

/** Whether `url` goes anywhere but `appOrigin`. data: stays in the page; blob: belongs to the origin that made it. */
export function isForeign(url: string, appOrigin: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return true;
  }
  if (u.protocol === 'data:' || u.protocol === 'about:') return false;
  const app = new URL(appOrigin);
  // WebSockets to the app's own host and port (/mqtt, /collab) are the app's.
  if (u.protocol === 'ws:' || u.protocol === 'wss:') {
    return u.host !== app.host || (u.protocol === 'wss:') !== (app.protocol === 'https:');
  }
  // A blob: URL's origin is its creator's (the URL parser knows); so is a filesystem: one.
  return u.origin !== app.origin;
}

export interface OriginGuard {
  /** Every URL requested in the context, in order (pages, workers, service workers, WebSockets). */
  readonly requests: string[];
  /** Those that went elsewhere, each with who asked ("page", "service worker"). */
  foreign(): string[];
}

/** Starts watching `context`; call before the first page navigates. */
export function guardOrigins(context: BrowserContext, appOrigin: string): OriginGuard {
  const requests: string[] = [];
  const from = new Map<string, string>();
  context.on('request', (r) => {
    requests.push(r.url());
    if (r.serviceWorker()) from.set(r.url(), 'service worker');
  });
  const watchSockets = (page: Page) => page.on('websocket', (ws) => requests.push(ws.url()));
  context.pages().forEach(watchSockets);
  context.on('page', watchSockets);
  return {
    requests,
    foreign: () => requests.filter((u) => isForeign(u, appOrigin)).map((u) => (from.has(u) ? `${u} (from the ${from.get(u)})` : u)),
  };
}
