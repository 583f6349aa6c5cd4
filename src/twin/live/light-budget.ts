/**
 * Lux-hours: the light a work has received this calendar year (UTC), integrated from illuminance readings,
 * against its annual budget pro rata ("61 % of the year's budget used by 4 December").
 */

const HOUR_MS = 3_600_000;

/** Readings further apart than this count nothing between them: the sensor was off, so the light is unknown. */
export const MAX_GAP_MINUTES = 30;

/** Start of the UTC calendar year that `ms` falls in. */
export function yearStart(year: number): number {
  return Date.UTC(year, 0, 1);
}

/** The elapsed fraction of the UTC calendar year at `now` (0 on 1 January 00:00, near 1 on 31 December). */
export function fractionOfYear(now: Date): number {
  const y = now.getUTCFullYear();
  const start = yearStart(y);
  return (now.getTime() - start) / (yearStart(y + 1) - start);
}

/**
 * One work's running lux-hour total for the current year. Consecutive readings are joined by the trapezoid
 * rule; a gap over `maxGapMinutes` counts nothing; an interval that crosses New Year is split there and only
 * its part in the new year is kept. Readings older than the last one are ignored (the total never goes back).
 */
export class LuxHours {
  private year: number | undefined;
  private total = 0;
  private last: { t: number; lux: number } | undefined;
  private readonly maxGapMs: number;

  constructor(maxGapMinutes = MAX_GAP_MINUTES) {
    this.maxGapMs = maxGapMinutes * 60_000;
  }

  /** Picks up after a restart: `luxHours` this year as of `asOf`; the next reading then counts from `last`, if given. */
  restore(luxHours: number, asOf: Date, last?: { time: Date; lux: number }): void {
    this.year = asOf.getUTCFullYear();
    this.total = Number.isFinite(luxHours) && luxHours > 0 ? luxHours : 0;
    this.last = last ? { t: last.time.getTime(), lux: last.lux } : undefined;
  }

  /** Adds one illuminance reading (lux at `time`). */
  add(time: Date, lux: number): void {
    const t = time.getTime();
    const year = time.getUTCFullYear();
    const prev = this.last;
    if (prev && t <= prev.t) return;
    if (this.year === undefined) this.year = year;
    if (prev && t - prev.t <= this.maxGapMs) {
      let from = prev;
      const boundary = yearStart(year);
      if (prev.t < boundary) {
        // Keep only the part of the interval after midnight on 1 January, with the light interpolated there.
        const luxAtBoundary = prev.lux + ((lux - prev.lux) * (boundary - prev.t)) / (t - prev.t);
        from = { t: boundary, lux: luxAtBoundary };
      }
      if (year !== this.year) this.rollOver(year);
      this.total += ((from.lux + lux) / 2) * ((t - from.t) / HOUR_MS);
    } else if (year !== this.year) {
      this.rollOver(year);
    }
    this.last = { t, lux };
  }

  private rollOver(year: number): void {
    this.year = year;
    this.total = 0;
  }

  /** Lux-hours this calendar year as of `now` (0 once a new year has begun and nothing has been counted in it). */
  used(now: Date): number {
    return this.year === now.getUTCFullYear() ? this.total : 0;
  }

  /** The year the total counts, for storing it beside the total. */
  get countingYear(): number | undefined {
    return this.year;
  }
}

/** The light budget as the contract shows it: used and budget in lux-hours, used fraction, elapsed year. */
export function lightBudget(usedLuxHours: number, budgetLuxHours: number, now: Date) {
  return {
    usedLuxHours,
    budgetLuxHours,
    fractionUsed: budgetLuxHours > 0 ? usedLuxHours / budgetLuxHours : 0, // the format asks for a budget of at least 1 lx·h
    fractionOfYear: fractionOfYear(now),
  };
}

/**
 * The lux-hours allowed so far this year: the pro-rata share of the budget plus a margin (a fraction of the
 * whole budget, since exhibitions light works unevenly through the year), never more than the whole budget.
 */
export function proRataAllowance(budgetLuxHours: number, now: Date, margin: number): number {
  return budgetLuxHours * Math.min(1, fractionOfYear(now) + margin);
}
