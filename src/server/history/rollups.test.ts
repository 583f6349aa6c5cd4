import { describe, expect, it } from 'vitest';
import { planBuckets, rollupsOf } from './rollups';

const H = 3_600_000;
const D = 24 * H;

describe('which table answers a chart', () => {
  it('groups raw readings for a day or a week, the hourly rollup for a year, the daily one for years', () => {
    expect(planBuckets(0, D, 1000)).toEqual({ source: 'raw', bucketMs: 120_000 });
    expect(planBuckets(0, 7 * D, 1000)).toEqual({ source: 'raw', bucketMs: 900_000 });
    expect(planBuckets(0, 365 * D, 1000)).toEqual({ source: 'hourly', bucketMs: 12 * H });
    expect(planBuckets(0, 365 * D, 400)).toEqual({ source: 'daily', bucketMs: D });
    expect(planBuckets(0, 10 * 365 * D, 1000)).toEqual({ source: 'daily', bucketMs: 7 * D });
  });

  it('never exceeds maxPoints, even for ranges beyond the last nice width', () => {
    for (const [range, max] of [[D, 10], [365 * D, 50], [100 * 365 * D, 100], [50 * 365 * D, 3]] as const) {
      const { bucketMs } = planBuckets(0, range, max);
      expect(Math.ceil(range / bucketMs)).toBeLessThanOrEqual(max);
    }
  });
});

describe('rollup rows of a batch', () => {
  it('keeps min, max, sum and count per series and hour', () => {
    const rows = [
      { series: 1, time: 10 * H + 5, value: 3 },
      { series: 1, time: 10 * H + 50, value: 7 },
      { series: 1, time: 11 * H, value: 1 },
      { series: 2, time: 10 * H, value: 4 },
    ];
    expect(rollupsOf(rows, H)).toEqual([
      { series: 1, bucket: 10 * H, lo: 3, hi: 7, total: 10, n: 2 },
      { series: 1, bucket: 11 * H, lo: 1, hi: 1, total: 1, n: 1 },
      { series: 2, bucket: 10 * H, lo: 4, hi: 4, total: 4, n: 1 },
    ]);
  });
});
