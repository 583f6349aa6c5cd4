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
type FavouritesStorage = import('./favourites').FavouritesStorage;

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

/** Storage that fills up after `room` writes, as a phone's does. */
function storage(room = Infinity): FavouritesStorage & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  let writes = 0;
  return {
    data,
    get: async (key) => data.get(key),
    set: async (key, value) => {
      if (++writes > room) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      data.set(key, value);
    },
  };
}

describe('favourites under a full storage', () => {
  it('keeps a favourite that was written', async () => {
    const s = storage();
    const f = await Favourites.open('ex', () => s);
    expect(await f.toggle('a')).toBe(true);
    expect(s.data.get('favourites:ex')).toEqual(['a']);
  });

  it('a write that hits the quota says so and keeps what the visitor had', async () => {
    const s = storage(1);
    const f = await Favourites.open('ex', () => s);
    const failures: string[] = [];
    const shown: string[][] = [];
    f.onWriteFailed((why) => failures.push(why));
    f.onChange((ids) => shown.push([...ids]));
    await f.toggle('a');
    expect(await f.toggle('b')).toBe(false);
    expect(failures).toEqual(['quota']);
    expect(f.list()).toEqual(['a']);
    expect(shown.at(-1)).toEqual(['a']);
    expect(s.data.get('favourites:ex')).toEqual(['a']);
    // Removing is a change too: refused, the favourite stays.
    expect(await f.toggle('a')).toBe(true);
    expect(f.list()).toEqual(['a']);
  });
});

describe('listening to the favourites', () => {
  it('stops calling a listener once it is stopped (an immersive mode that ended is not kept by the visit)', async () => {
    const f = await Favourites.open('ex', () => storage());
    const seen: string[][] = [];
    const stop = f.onChange((ids) => seen.push([...ids]));
    await f.toggle('a');
    stop();
    await f.toggle('b');
    expect(seen).toEqual([['a']]);
    expect(f.list()).toEqual(['a', 'b']);
  });
});
