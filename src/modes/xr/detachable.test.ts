import { describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { detachable } from './detachable';

/** An emitter like the visit's favourites: listeners can be added, never removed. */
function emitter() {
  const listeners = new Set<(n: number) => void>();
  return { onChange: (l: (n: number) => void) => listeners.add(l), emit: (n: number) => listeners.forEach((l) => l(n)), listeners };
}

/** Like a mode's part: its listener reaches the whole of it through `this`. */
class Owner {
  readonly big = new Array<number>(100_000).fill(1);
  readonly changed = detachable(() => this.big.length);
}

/** V8's collector, made callable without restarting the test runner with --expose-gc. */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Registers an owner's listener, optionally detaches it, drops the owner, collects: is the owner still there? */
async function kept(detach: boolean): Promise<boolean> {
  const e = emitter();
  const ref = ((): WeakRef<Owner> => {
    const owner = new Owner();
    e.onChange(owner.changed.listener);
    if (detach) owner.changed.detach();
    return new WeakRef(owner);
  })();
  await new Promise((r) => setTimeout(r, 0));
  gc();
  return ref.deref() !== undefined && e.listeners.size === 1;
}

describe('detachable', () => {
  it('forwards while attached and does nothing once detached', () => {
    const e = emitter();
    const seen: number[] = [];
    const d = detachable((n: number) => seen.push(n));
    e.onChange(d.listener);
    e.emit(1);
    d.detach();
    e.emit(2);
    expect(seen).toEqual([1]);
  });

  it('an emitter that never forgets keeps the owner of a plain listener, but not of a detached one', async () => {
    expect(await kept(false)).toBe(true);
    expect(await kept(true)).toBe(false);
  });
});
