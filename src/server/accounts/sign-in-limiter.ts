/**
 * Counts failed sign-ins per client address and per user name in a sliding window; past the limit the API
 * answers 429 with Retry-After. A counter of failures (not of requests, as @fastify/rate-limit counts) so that
 * people who type their password right are never slowed, while guessing one account from many addresses, or
 * many accounts from one address, stops quickly. Kept in memory: a restart forgets it, which costs an attacker
 * a restart per few guesses.
 */

export interface LimiterOptions {
  /** Failures per user name in the window before refusing (default 5). */
  readonly perUser?: number;
  /** Failures per client address in the window before refusing (default 20). */
  readonly perAddress?: number;
  readonly windowMs?: number;
  readonly now?: () => number;
}

export class SignInLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly perUser: number;
  private readonly perAddress: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(o: LimiterOptions = {}) {
    this.perUser = o.perUser ?? 5;
    this.perAddress = o.perAddress ?? 20;
    this.windowMs = o.windowMs ?? 15 * 60 * 1000;
    this.now = o.now ?? Date.now;
  }

  /** Seconds to wait before trying again, or 0 when a try is allowed. */
  retryAfter(address: string, user: string): number {
    const wait = (key: string, limit: number) => {
      const list = this.recent(key);
      return list.length >= limit ? Math.ceil((list[0]! + this.windowMs - this.now()) / 1000) : 0;
    };
    return Math.max(wait(`ip:${address}`, this.perAddress), wait(`user:${user}`, this.perUser));
  }

  failed(address: string, user: string): void {
    for (const key of [`ip:${address}`, `user:${user}`]) this.failures.set(key, [...this.recent(key), this.now()]);
    if (this.failures.size > 100_000) this.prune();
  }

  /** A right password clears the user's count (the address's stays: it may be guessing others). */
  succeeded(user: string): void {
    this.failures.delete(`user:${user}`);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  private prune(): void {
    for (const key of this.failures.keys()) if (this.recent(key).length === 0) this.failures.delete(key);
  }
}
