/**
 * Smooth avatars from a few updates a second: each remote person is drawn one update interval in the past,
 * between the two samples around that moment (linear position, heading the short way round). A person who
 * stops sending simply stays where they were last seen.
 */
import type { Vec3 } from '../schema';
import { headingDelta } from './follow';

interface Sample {
  t: number;
  p: Vec3;
  h: number;
}

export class PresenceTrack {
  private readonly samples: Sample[] = [];

  constructor(private readonly delayMs: number) {}

  /** A sample received at time t (ms). */
  push(t: number, p: Vec3, h: number): void {
    const last = this.samples[this.samples.length - 1];
    if (last && t <= last.t) t = last.t + 1;
    this.samples.push({ t, p, h });
    if (this.samples.length > 4) this.samples.shift();
  }

  /** The pose to draw at time `now`, or undefined before any sample. */
  at(now: number): { p: Vec3; h: number } | undefined {
    const s = this.samples;
    if (!s.length) return undefined;
    const t = now - this.delayMs;
    if (t <= s[0]!.t) return { p: s[0]!.p, h: s[0]!.h };
    for (let i = s.length - 1; i > 0; i--) {
      const a = s[i - 1]!;
      const b = s[i]!;
      if (t >= a.t && t <= b.t) {
        const k = (t - a.t) / (b.t - a.t);
        return {
          p: [a.p[0] + (b.p[0] - a.p[0]) * k, a.p[1] + (b.p[1] - a.p[1]) * k, a.p[2] + (b.p[2] - a.p[2]) * k],
          h: (((a.h + headingDelta(a.h, b.h) * k) % 360) + 360) % 360,
        };
      }
    }
    const last = s[s.length - 1]!;
    return { p: last.p, h: last.h };
  }
}

/** Sends at most once per interval and only what changed: the client side of the presence rate limit. */
export class PresenceThrottle<T> {
  private last = -Infinity;
  private lastKey = '';

  constructor(
    private readonly intervalMs: number,
    private readonly key: (v: T) => string,
  ) {}

  /** Whether `v` should be sent now. */
  offer(now: number, v: T): boolean {
    if (now - this.last < this.intervalMs) return false;
    const k = this.key(v);
    if (k === this.lastKey) return false;
    this.last = now;
    this.lastKey = k;
    return true;
  }
}
