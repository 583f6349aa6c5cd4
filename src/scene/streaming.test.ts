import { describe, expect, it } from 'vitest';
import { MediaQueue } from './streaming';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('media queue', () => {
  it('loads nearest first, a few at a time', async () => {
    const order: string[] = [];
    const release: Record<string, () => void> = {};
    const q = new MediaQueue(2);
    const names = { far: 30, near: 1, middle: 10, next: 5 };
    for (const [name, p] of Object.entries(names)) {
      void q.add({ priority: () => p, start: () => new Promise<void>((r) => { order.push(name); release[name] = r; }) });
    }
    await tick();
    expect(order).toEqual(['near', 'next']);
    release.near!();
    await tick();
    expect(order).toEqual(['near', 'next', 'middle']);
    release.next!();
    release.middle!();
    await tick();
    release.far!();
    await q.idle();
    expect(order).toEqual(['near', 'next', 'middle', 'far']);
  });

  it('leaves works out of reach until the visitor comes near, and is idle meanwhile', async () => {
    let here = 'a';
    const loaded: string[] = [];
    const q = new MediaQueue(4);
    const work = (name: string, room: string) => q.add({ priority: () => (room === here ? 0 : undefined), start: async () => void loaded.push(name) });
    const inB = work('b1', 'b');
    void work('a1', 'a');
    await tick();
    await q.idle();
    expect(loaded).toEqual(['a1']);
    here = 'b';
    q.pump();
    await inB;
    expect(loaded).toEqual(['a1', 'b1']);
  });

  it('counts a failed load as done', async () => {
    const q = new MediaQueue(1);
    const failed = q.add({ priority: () => 0, start: () => Promise.reject(new Error('404')) });
    await expect(failed).resolves.toBeUndefined();
    await q.idle();
    expect(q.pending).toBe(0);
  });
});
