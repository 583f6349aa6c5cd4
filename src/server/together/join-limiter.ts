/**
 * Join and create attempts per client address in sliding windows: a code cannot be guessed by trying (42 bits,
 * and at most FAILED_PER_WINDOW wrong codes per address per window), while a whole class behind one school
 * address still gets in. Attempts, not connections, are counted: a refused attempt closes its socket.
 */

export interface JoinLimits {
  /** Wrong codes (no such group) per address per window. */
  failedPerWindow?: number;
  /** Any join or create per address per window. */
  attemptsPerWindow?: number;
  /** New groups per address per window. */
  createsPerWindow?: number;
  windowMs?: number;
  now?: () => number;
}

export class JoinLimiter {
  private readonly failed = new Map<string, number[]>();
  private readonly attempts = new Map<string, number[]>();
  private readonly creates = new Map<string, number[]>();
  private readonly o: Required<JoinLimits>;

  constructor(o: JoinLimits = {}) {
    this.o = { failedPerWindow: 20, attemptsPerWindow: 200, createsPerWindow: 20, windowMs: 10 * 60_000, now: Date.now, ...o };
  }

  private recent(map: Map<string, number[]>, key: string): number[] {
    const since = this.o.now() - this.o.windowMs;
    const list = (map.get(key) ?? []).filter((t) => t > since);
    if (list.length) map.set(key, list);
    else map.delete(key);
    return list;
  }

  /** Whether this address may try a join (or a create) now; counts the attempt when it may. */
  allow(address: string, kind: 'join' | 'create'): boolean {
    if (this.recent(this.failed, address).length >= this.o.failedPerWindow) return false;
    const attempts = this.recent(this.attempts, address);
    if (attempts.length >= this.o.attemptsPerWindow) return false;
    if (kind === 'create') {
      const creates = this.recent(this.creates, address);
      if (creates.length >= this.o.createsPerWindow) return false;
      this.creates.set(address, [...creates, this.o.now()]);
    }
    this.attempts.set(address, [...attempts, this.o.now()]);
    return true;
  }

  /** A join named a code that is no group. */
  wrongCode(address: string): void {
    this.failed.set(address, [...this.recent(this.failed, address), this.o.now()]);
  }

  /** Drops addresses with nothing in their windows (the server calls this now and then). */
  sweep(): void {
    for (const map of [this.failed, this.attempts, this.creates]) for (const key of [...map.keys()]) this.recent(map, key);
  }
}
