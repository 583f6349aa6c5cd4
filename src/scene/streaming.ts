/**
 * The order works' media load in: nearest first, a few at a time, and only for works within reach
 * of the visitor (their room and the rooms a doorway or two away). Walking on brings the next rooms'
 * works in; the first ones are already drawn while the rest arrive. Knows nothing of Babylon.
 */

export interface Loadable {
  /** Lower loads sooner; undefined: not wanted yet (too far away). */
  priority: () => number | undefined;
  start: () => Promise<void>;
}

interface Entry extends Loadable {
  done: () => void;
}

export class MediaQueue {
  private readonly waiting: Entry[] = [];
  private running = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly concurrency = 4) {}

  /** Queues a work's media; the promise settles when it has loaded (or failed and shows a placeholder). */
  add(item: Loadable): Promise<void> {
    return new Promise<void>((done) => {
      this.waiting.push({ ...item, done });
      queueMicrotask(() => this.pump());
    });
  }

  /** How many wanted works are still loading or waiting. */
  get pending(): number {
    let n = this.running;
    for (const e of this.waiting) if (e.priority() !== undefined) n++;
    return n;
  }

  /** Resolves once nothing wanted now is waiting or loading (works out of reach do not count). */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Starts what is wanted most, up to the limit; call again when the visitor moves to another room. */
  pump(): void {
    while (this.running < this.concurrency) {
      let best = -1;
      let bestScore = Infinity;
      for (let i = 0; i < this.waiting.length; i++) {
        const p = this.waiting[i]!.priority();
        if (p !== undefined && p < bestScore) {
          bestScore = p;
          best = i;
        }
      }
      if (best < 0) break;
      const entry = this.waiting.splice(best, 1)[0]!;
      this.running++;
      void entry
        .start()
        .catch(() => undefined)
        .then(() => {
          this.running--;
          entry.done();
          this.pump();
        });
    }
    if (this.running === 0 && this.idleWaiters.length && this.pending === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }
}
