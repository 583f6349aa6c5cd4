/**
 * The read side both engines share: history queries (raw, or bucketed from raw / hourly / daily), recent readings
 * and lux-hours. Engines differ only in placeholders and in how a row set comes back, hence {@link SqlReader}.
 */
import type { HistoryResponse, Reading } from '../../twin/live/contract';
import { DEFAULT_MAX_POINTS, type HistoryQuery } from './index';
import { luxHoursRecord, luxHoursSql, yearStartMs } from './lux-hours';
import { bucketStart, DAY_MS, HOUR_MS, planBuckets } from './rollups';
import { readingOf } from './series';

export interface SqlReader {
  /** Placeholder for parameter i (1-based): `?` in SQLite, `$i` in PostgreSQL. */
  readonly p: (i: number) => string;
  all<T>(sql: string, params: readonly unknown[]): Promise<T[]>;
}

type Point = readonly [number, number, number, number];
const MAX_MAX_POINTS = 100_000;

/** Checks a query's bounds; the HTTP layer validates too, this keeps a bad call from scanning a whole table. */
function validate(q: HistoryQuery): { fromMs: number; toMs: number; maxPoints: number } {
  const fromMs = q.from.getTime();
  const toMs = q.to.getTime();
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) throw new Error('History query: from and to must be valid dates');
  if (fromMs > toMs) throw new Error(`History query: from (${q.from.toISOString()}) is after to (${q.to.toISOString()})`);
  const maxPoints = q.maxPoints ?? DEFAULT_MAX_POINTS;
  if (!Number.isInteger(maxPoints) || maxPoints < 1 || maxPoints > MAX_MAX_POINTS)
    throw new Error(`History query: maxPoints must be a whole number from 1 to ${MAX_MAX_POINTS} (got ${maxPoints})`);
  return { fromMs, toMs, maxPoints };
}

/**
 * Answers a history query. `rawFromMs`: raw readings before it were pruned (see HistoryStore.pruneRaw), so a range
 * reaching before it reads the hourly rollup instead of raw readings that are no longer there.
 */
export async function queryHistory(db: SqlReader, q: HistoryQuery, rawFromMs = -Infinity): Promise<HistoryResponse> {
  const { fromMs, toMs, maxPoints } = validate(q);
  const answer = (bucketSeconds: number, points: Point[]): HistoryResponse => ({
    exhibition: q.exhibition,
    target: q.target,
    quantity: q.quantity,
    from: q.from.toISOString(),
    to: q.to.toISOString(),
    bucketSeconds,
    points,
  });
  const { p } = db;
  const ids = await db.all<{ id: number }>(
    `SELECT id FROM series WHERE exhibition = ${p(1)} AND kind = ${p(2)} AND target = ${p(3)} AND quantity = ${p(4)}`,
    [q.exhibition, q.target.kind, q.target.id, q.quantity],
  );
  const series = ids[0]?.id;
  if (series === undefined) return answer(0, []);
  const range = `series_id = ${p(1)} AND ms >= ${p(2)} AND ms <= ${p(3)}`;

  // Long ranges always read the rollups (they stay complete however the raw table is pruned); shorter ones give
  // raw readings when they fit, counting at most maxPoints + 1 rows so the check costs little.
  const planned = planBuckets(fromMs, toMs, maxPoints);
  const plan = planned.source === 'raw' && fromMs < rawFromMs ? { source: 'hourly' as const, bucketMs: HOUR_MS } : planned;
  if (plan.source === 'raw') {
    const counted = await db.all<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM (SELECT 1 FROM readings WHERE ${range} LIMIT ${p(4)}) t`,
      [series, fromMs, toMs, maxPoints + 1],
    );
    if (Number(counted[0]?.n ?? 0) <= maxPoints) {
      const rows = await db.all<{ ms: number | string; value: number }>(
        `SELECT ms, value FROM readings WHERE ${range} ORDER BY ms`,
        [series, fromMs, toMs],
      );
      return answer(0, rows.map((r) => [Number(r.ms), r.value, r.value, r.value]));
    }
  }

  type Bucket = { b: number | string; mean: number; lo: number; hi: number };
  let rows: Bucket[];
  if (plan.source === 'raw') {
    rows = await db.all<Bucket>(
      `SELECT ms - (ms % ${p(4)}) AS b, AVG(value) AS mean, MIN(value) AS lo, MAX(value) AS hi
       FROM readings WHERE ${range} GROUP BY b ORDER BY b`,
      [series, fromMs, toMs, plan.bucketMs],
    );
  } else {
    const [table, width] = plan.source === 'daily' ? ['rollup_day', DAY_MS] : ['rollup_hour', HOUR_MS];
    rows = await db.all<Bucket>(
      `SELECT bucket - (bucket % ${p(4)}) AS b, SUM(total) / SUM(n) AS mean, MIN(lo) AS lo, MAX(hi) AS hi
       FROM ${table} WHERE series_id = ${p(1)} AND bucket >= ${p(2)} AND bucket <= ${p(3)} GROUP BY b ORDER BY b`,
      [series, bucketStart(fromMs, width), toMs, plan.bucketMs],
    );
  }
  return answer(
    plan.bucketMs / 1000,
    rows.map((r) => [Number(r.b), Number(r.mean), Number(r.lo), Number(r.hi)]),
  );
}

export async function recentReadings(db: SqlReader, exhibition: string, since: Date): Promise<Reading[]> {
  const sinceMs = since.getTime();
  if (!Number.isFinite(sinceMs)) throw new Error('History recent(): since must be a valid date');
  const { p } = db;
  const rows = await db.all<{ kind: string; target: string; quantity: string; ms: number | string; value: number }>(
    `SELECT s.kind AS kind, s.target AS target, s.quantity AS quantity, r.ms AS ms, r.value AS value
     FROM series s JOIN readings r ON r.series_id = s.id
     WHERE s.exhibition = ${p(1)} AND r.ms >= ${p(2)} ORDER BY r.ms, s.id`,
    [exhibition, sinceMs],
  );
  return rows.map((r) => readingOf(exhibition, r.kind, r.target, r.quantity, Number(r.ms), r.value));
}

export async function luxHours(db: SqlReader, exhibition: string, now: Date): Promise<Record<string, number>> {
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new Error('History luxHoursThisYear(): now must be a valid date');
  const rows = await db.all<{ kind: string; target: string; lux_ms: number | string | null }>(luxHoursSql(db.p), [
    exhibition,
    yearStartMs(now),
    nowMs,
  ]);
  return luxHoursRecord(rows);
}
