import { describe, expect, it } from 'vitest';
import { watchStaleChunks } from './stale-app';

/** The event Vite's preload helper dispatches on the window when a lazy chunk cannot be loaded. */
function preloadError(payload: unknown): Event {
  const e = new Event('vite:preloadError', { cancelable: true }) as Event & { payload?: unknown };
  e.payload = payload;
  return e;
}

describe('watchStaleChunks', () => {
  it('tells of the first chunk that could not be loaded, once, with its error', () => {
    const win = new EventTarget();
    const seen: unknown[] = [];
    watchStaleChunks(win, (e) => seen.push(e));
    const gone = new TypeError('Failed to fetch dynamically imported module: /app/usdz-old.js');
    win.dispatchEvent(preloadError(gone));
    win.dispatchEvent(preloadError(new TypeError('another')));
    expect(seen).toEqual([gone]);
  });

  it('lets the import fail as before, so the feature that asked says so (the event is not cancelled)', () => {
    const win = new EventTarget();
    watchStaleChunks(win, () => undefined);
    const e = preloadError(new TypeError('gone'));
    win.dispatchEvent(e);
    expect(e.defaultPrevented).toBe(false);
  });

  it('ignores other events, and stops when asked', () => {
    const win = new EventTarget();
    const seen: unknown[] = [];
    const stop = watchStaleChunks(win, (e) => seen.push(e));
    win.dispatchEvent(new Event('error'));
    stop();
    win.dispatchEvent(preloadError('late'));
    expect(seen).toEqual([]);
  });
});
