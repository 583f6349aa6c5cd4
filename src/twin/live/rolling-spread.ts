/**
 * The spread (highest − lowest) of one quantity at one place over the last 24 hours, for fluctuation limits.
 * Memory stays bounded whatever the reading rate: one min/max slot per minute in a ring (1,440 slots,
 * about 29 KB per place and quantity).
 */

const MINUTE_MS = 60_000;

export class RollingSpread {
  private readonly stamp: Float64Array; // the minute each slot holds (NaN: empty)
  private readonly min: Float64Array;
  private readonly max: Float64Array;
  /** Cached spread for the window ending at `cacheMinute`, kept current as values arrive in that minute. */
  private cacheMinute = NaN;
  private cacheMin = Infinity;
  private cacheMax = -Infinity;

  constructor(private readonly windowMinutes = 24 * 60) {
    this.stamp = new Float64Array(windowMinutes).fill(NaN);
    this.min = new Float64Array(windowMinutes);
    this.max = new Float64Array(windowMinutes);
  }

  /** Records a value; one older than the window (by the newest minute held) is ignored. */
  add(time: Date, value: number): void {
    const minute = Math.floor(time.getTime() / MINUTE_MS);
    const i = ((minute % this.windowMinutes) + this.windowMinutes) % this.windowMinutes;
    const held = this.stamp[i]!;
    if (held > minute) return; // the slot already holds a later minute: this one is out of the window
    if (held === minute) {
      this.min[i] = Math.min(this.min[i]!, value);
      this.max[i] = Math.max(this.max[i]!, value);
    } else {
      this.stamp[i] = minute;
      this.min[i] = value;
      this.max[i] = value;
    }
    if (minute <= this.cacheMinute && minute > this.cacheMinute - this.windowMinutes) {
      this.cacheMin = Math.min(this.cacheMin, value);
      this.cacheMax = Math.max(this.cacheMax, value);
    } else {
      this.cacheMinute = NaN;
    }
  }

  /** Highest minus lowest over the window ending at `now`; undefined when nothing falls in it. */
  spread(now: Date): number | undefined {
    const minute = Math.floor(now.getTime() / MINUTE_MS);
    if (minute !== this.cacheMinute) this.rescan(minute);
    return this.cacheMax >= this.cacheMin ? this.cacheMax - this.cacheMin : undefined;
  }

  private rescan(minute: number): void {
    let lo = Infinity;
    let hi = -Infinity;
    const first = minute - this.windowMinutes;
    for (let i = 0; i < this.windowMinutes; i++) {
      const s = this.stamp[i]!;
      if (s > first && s <= minute) {
        if (this.min[i]! < lo) lo = this.min[i]!;
        if (this.max[i]! > hi) hi = this.max[i]!;
      }
    }
    this.cacheMinute = minute;
    this.cacheMin = lo;
    this.cacheMax = hi;
  }
}
