import { describe, expect, it } from 'vitest';
import { luxDeltas, type LuxSpan } from './lux-hours';

const MIN = 60_000;
const span = (added: number[]): LuxSpan => ({ series: 1, first: Math.min(...added), last: Math.max(...added), added: new Set(added) });
const total = (d: { luxMs: number }[]): number => d.reduce((a, x) => a + x.luxMs, 0);

describe('lux-hours kept as readings arrive', () => {
  it('adds the segments to a new reading at the end, in the hour each segment starts', () => {
    const d = luxDeltas(span([70 * MIN]), [{ ms: 50 * MIN, value: 100 }, { ms: 70 * MIN, value: 200 }]);
    expect(d).toEqual([{ series: 1, bucket: 0, luxMs: 150 * 20 * MIN }]);
  });

  it('replaces the old segment a late reading splits', () => {
    // Stored 0 → 20 min at 100 lx; a reading of 300 lx at 10 min arrives late.
    const d = luxDeltas(span([10 * MIN]), [{ ms: 0, value: 100 }, { ms: 10 * MIN, value: 300 }, { ms: 20 * MIN, value: 100 }]);
    expect(total(d)).toBeCloseTo(200 * 10 * MIN * 2 - 100 * 20 * MIN, 6);
  });

  it('lets a late reading join two readings that were more than 30 min apart', () => {
    const d = luxDeltas(span([20 * MIN]), [{ ms: 0, value: 100 }, { ms: 20 * MIN, value: 100 }, { ms: 40 * MIN, value: 100 }]);
    expect(total(d)).toBe(100 * 40 * MIN); // the 40 min gap counted nothing before; now two 20 min segments
  });
});
