import { describe, expect, it } from 'vitest';
import { LuxHours, fractionOfYear, lightBudget, proRataAllowance } from './light-budget';

const at = (iso: string) => new Date(iso);

describe('lux-hours', () => {
  it('integrates by the trapezoid rule and counts nothing across a gap over 30 minutes (hand-computed)', () => {
    const l = new LuxHours();
    // 10:00 0 lx → 10:30 100 lx: 25; → 11:00 100 lx: 50; → 11:10 50 lx: 12.5;
    // → 12:00 200 lx: a 50-minute gap, 0; → 12:30 200 lx: 100. Total 187.5 lx·h.
    for (const [t, lux] of [['10:00', 0], ['10:30', 100], ['11:00', 100], ['11:10', 50], ['12:00', 200], ['12:30', 200]] as const)
      l.add(at(`2026-12-04T${t}:00Z`), lux);
    expect(l.used(at('2026-12-04T13:00:00Z'))).toBeCloseTo(187.5, 9);
  });

  it('ignores a reading older than the last, and a repeat of the same time', () => {
    const l = new LuxHours();
    l.add(at('2026-06-01T10:00:00Z'), 100);
    l.add(at('2026-06-01T10:30:00Z'), 100);
    l.add(at('2026-06-01T10:10:00Z'), 5000);
    l.add(at('2026-06-01T10:30:00Z'), 5000);
    expect(l.used(at('2026-06-01T11:00:00Z'))).toBeCloseTo(50, 9);
  });

  it('starts again at New Year (UTC), keeping only the part of an interval after midnight', () => {
    const l = new LuxHours();
    l.add(at('2026-12-31T23:20:00Z'), 60);
    l.add(at('2026-12-31T23:50:00Z'), 60); // 30 lx·h in 2026
    expect(l.used(at('2026-12-31T23:55:00Z'))).toBeCloseTo(30, 9);
    l.add(at('2027-01-01T00:10:00Z'), 60); // 20 minutes, 10 of them in 2027
    expect(l.used(at('2027-01-01T00:15:00Z'))).toBeCloseTo(10, 9);
    expect(l.countingYear).toBe(2027);
  });

  it('says 0 in a new year before anything is counted in it', () => {
    const l = new LuxHours();
    l.add(at('2026-12-30T10:00:00Z'), 100);
    l.add(at('2026-12-30T10:30:00Z'), 100);
    expect(l.used(at('2027-01-02T00:00:00Z'))).toBe(0);
  });

  it('is restored from a stored total and continues from the last reading', () => {
    const l = new LuxHours();
    l.restore(1000, at('2026-12-04T10:00:00Z'), { time: at('2026-12-04T10:00:00Z'), lux: 40 });
    l.add(at('2026-12-04T10:30:00Z'), 60); // 25 more
    expect(l.used(at('2026-12-04T11:00:00Z'))).toBeCloseTo(1025, 9);
    const stale = new LuxHours();
    stale.restore(1000, at('2025-12-31T10:00:00Z'));
    expect(stale.used(at('2026-01-05T00:00:00Z'))).toBe(0);
  });
});

describe('the year, pro rata', () => {
  it('on 4 December (UTC) 337 of 365 days have passed', () => {
    expect(fractionOfYear(at('2026-12-04T00:00:00Z'))).toBeCloseTo(337 / 365, 12);
    expect(fractionOfYear(at('2026-01-01T00:00:00Z'))).toBe(0);
    expect(fractionOfYear(at('2028-12-31T12:00:00Z'))).toBeCloseTo(365.5 / 366, 12); // a leap year
  });

  it('reports the budget used against the year elapsed: "61 % used by 4 December"', () => {
    const b = lightBudget(91_500, 150_000, at('2026-12-04T00:00:00Z'));
    expect(b.fractionUsed).toBeCloseTo(0.61, 12);
    expect(Math.round(b.fractionOfYear * 100)).toBe(92);
  });

  it('allows the pro-rata share plus a margin, never more than the whole budget', () => {
    expect(proRataAllowance(150_000, at('2026-07-02T12:00:00Z'), 0.1)).toBeCloseTo(150_000 * (182.5 / 365 + 0.1), 6);
    expect(proRataAllowance(150_000, at('2026-12-20T00:00:00Z'), 0.1)).toBe(150_000);
  });
});
