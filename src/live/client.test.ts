import { describe, expect, it } from 'vitest';
import type { LiveSnapshot } from '../twin/live/contract';
import { LiveClient, type LiveView } from './client';
import { encodeLastKnown, lastKnownKey } from './model';

const snap: LiveSnapshot = { exhibition: 'default', time: '2026-12-06T10:42:00Z', staleAfterMinutes: 15, zones: {}, artworks: {}, alerts: [] };

function memory(initial: Record<string, string> = {}) {
  const m = new Map(Object.entries(initial));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

const noServer = (async () => new Response('not found', { status: 404 })) as typeof fetch;

describe('LiveClient without a server', () => {
  it('shows the last known snapshot this browser kept, marked disconnected, never as live', async () => {
    const storage = memory({ [lastKnownKey('default')]: encodeLastKnown({ snapshot: snap, receivedAt: '2026-12-06T10:42:05Z' }) });
    const client = new LiveClient('default', { storage, fetch: noServer });
    const seen: LiveView[] = [];
    client.subscribe((v) => seen.push(v));
    expect(seen[0]).toMatchObject({ connection: 'connecting', snapshot: snap, receivedAt: '2026-12-06T10:42:05Z' });
    await client.start();
    expect(client.current).toMatchObject({ connection: 'disconnected', snapshot: snap });
  });

  it('says live data is unavailable when there is none and no server', async () => {
    const client = new LiveClient('default', { storage: memory(), fetch: noServer });
    await client.start();
    expect(client.current).toEqual({ connection: 'unavailable' });
  });

  it('ignores a kept snapshot of another exhibition or damaged storage', () => {
    const other = memory({ [lastKnownKey('default')]: encodeLastKnown({ snapshot: { ...snap, exhibition: 'other' }, receivedAt: 'x' }) });
    expect(new LiveClient('default', { storage: other, fetch: noServer }).current.snapshot).toBeUndefined();
    const throwing = { getItem: () => { throw new Error('denied'); }, setItem: () => undefined };
    expect(new LiveClient('default', { storage: throwing, fetch: noServer }).current.snapshot).toBeUndefined();
  });

  it('says unavailable when the server does not serve this exhibition', async () => {
    const config = (async () => Response.json({ brokerUrl: '/mqtt', exhibitions: ['another'] })) as typeof fetch;
    const client = new LiveClient('default', { storage: memory(), fetch: config });
    await client.start();
    expect(client.current.connection).toBe('unavailable');
  });
});
