import { describe, expect, it, vi } from 'vitest';

const store = new Map<string, unknown>();
let failWrites = false;
vi.mock('idb-keyval', () => ({
  createStore: () => ({}),
  get: async (k: string) => store.get(k),
  set: async (k: string, v: unknown) => {
    if (failWrites) throw new Error('QuotaExceededError');
    await new Promise((r) => setTimeout(r, 5));
    store.set(k, v);
  },
}));

const { Favourites } = await import('./favourites');

describe('Favourites', () => {
  it('is saved before listeners hear of it, and comes back after a reload', async () => {
    const f = await Favourites.open('ex1');
    const seen: boolean[] = [];
    f.onChange(() => seen.push(store.has('favourites:ex1')));
    await f.toggle('amphora');
    expect(seen).toEqual([true]);
    const again = await Favourites.open('ex1');
    expect(again.list()).toEqual(['amphora']);
    await again.toggle('amphora');
    expect((await Favourites.open('ex1')).list()).toEqual([]);
  });

  it('keeps each exhibition’s favourites apart', async () => {
    await (await Favourites.open('a')).toggle('x');
    expect((await Favourites.open('b')).list()).toEqual([]);
  });

  it('says so when the browser refuses to store them, and keeps them for the page', async () => {
    failWrites = true;
    const f = await Favourites.open('blocked');
    await f.toggle('y');
    expect(f.persistent).toBe(false);
    expect(f.has('y')).toBe(true);
    failWrites = false;
  });
});
