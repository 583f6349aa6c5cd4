/**
 * Downsampling shared by both engines: which table answers a range, how wide its buckets are, and the hourly and
 * daily rollup rows (min, max, sum, count per series and bucket) a batch of new readings adds to.
 */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Bucket widths a chart reads well (seconds); beyond the last, whole weeks. Aligned to UTC epoch. */
const NICE_BUCKETS_S = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800];

export type Source = 'raw' | 'hourly' | 'daily';

/** Where a bucketed query reads from: raw readings grouped on the fly below an hour, else the rollup tables. */
export interface Plan {
  readonly source: Source;
  readonly bucketMs: number;
}

/**
 * The narrowest nice bucket that keeps the range within `maxPoints` buckets. Buckets under an hour group raw
 * readings (at most ~maxPoints hours of raw rows per series); whole days read the daily rollup, else the hourly.
 */
export function planBuckets(fromMs: number, toMs: number, maxPoints: number): Plan {
  const rangeS = Math.max(1, (toMs - fromMs) / 1000);
  let bucketS = NICE_BUCKETS_S.find((s) => Math.ceil(rangeS / s) <= maxPoints);
  if (bucketS === undefined) bucketS = 604_800 * Math.ceil(rangeS / maxPoints / 604_800);
  const source: Source = bucketS < 3600 ? 'raw' : bucketS % 86_400 === 0 ? 'daily' : 'hourly';
  return { source, bucketMs: bucketS * 1000 };
}

/** A stored reading, after its series (exhibition, target, quantity) has an id. */
export interface Row {
  readonly series: number;
  readonly time: number; // unix ms
  readonly value: number;
}

/** One rollup row: the readings of one series in one bucket. */
export interface Rollup {
  readonly series: number;
  readonly bucket: number; // bucket start, unix ms
  lo: number;
  hi: number;
  total: number;
  n: number;
}

/** Folds newly stored rows into rollup rows of `widthMs` (one per series and bucket, ready to upsert). */
export function rollupsOf(rows: readonly Row[], widthMs: number): Rollup[] {
  const byKey = new Map<string, Rollup>();
  for (const r of rows) {
    const bucket = r.time - mod(r.time, widthMs);
    const key = `${r.series}:${bucket}`;
    const b = byKey.get(key);
    if (b) {
      b.lo = Math.min(b.lo, r.value);
      b.hi = Math.max(b.hi, r.value);
      b.total += r.value;
      b.n += 1;
    } else byKey.set(key, { series: r.series, bucket, lo: r.value, hi: r.value, total: r.value, n: 1 });
  }
  return [...byKey.values()];
}

/** Start of a bucket containing `ms` (floor, also for times before 1970). */
export const bucketStart = (ms: number, widthMs: number): number => ms - mod(ms, widthMs);

const mod = (a: number, b: number): number => ((a % b) + b) % b;
