/**
 * Lux-hours, kept as the readings arrive so a restart does not integrate a year of raw readings (40 light
 * sensors at one a minute is 21 M rows): table lux_hour holds Σ (v₁+v₂)/2 · Δt (lux·ms) per series and hour, each
 * segment between consecutive readings counted in the hour it starts. A gap longer than {@link MAX_GAP_MS}
 * counts nothing: whether the lights were on in between is unknown, and an outage must not invent exposure.
 *
 * A batch may arrive late or out of order, so each append re-reads the stretch of readings its new ones fall in
 * (from the stored reading before the first new one to the one after the last) and applies the difference.
 */
import type { Row } from './rollups';
import { bucketStart, HOUR_MS } from './rollups';

export const MAX_GAP_MS = 30 * 60_000;

/** Start of the calendar year (UTC) that `now` falls in, unix ms. */
export const yearStartMs = (now: Date): number => Date.UTC(now.getUTCFullYear(), 0, 1);

interface Sample {
  readonly ms: number;
  readonly value: number;
}
const segment = (a: Sample, b: Sample): number => (b.ms - a.ms <= MAX_GAP_MS ? ((a.value + b.value) / 2) * (b.ms - a.ms) : 0);

/** The stretch of one light series a batch touched: new readings' times, first and last. */
export interface LuxSpan {
  readonly series: number;
  readonly first: number;
  readonly last: number;
  readonly added: ReadonlySet<number>;
}

/** Spans of the newly stored rows that belong to light (illuminance) series. */
export function luxSpans(stored: readonly Row[], isLight: (series: number) => boolean): LuxSpan[] {
  const spans = new Map<number, { series: number; first: number; last: number; added: Set<number> }>();
  for (const r of stored) {
    if (!isLight(r.series)) continue;
    const s = spans.get(r.series);
    if (s) {
      s.first = Math.min(s.first, r.time);
      s.last = Math.max(s.last, r.time);
      s.added.add(r.time);
    } else spans.set(r.series, { series: r.series, first: r.time, last: r.time, added: new Set([r.time]) });
  }
  return [...spans.values()];
}

/** Reads, after the insert, the stored readings from the one before `first` to the one after `last`. */
export const SPAN_SQL = (p: (name: string) => string): string =>
  `SELECT ms, value FROM readings WHERE series_id = ${p('series')}
     AND ms >= COALESCE((SELECT MAX(ms) FROM readings WHERE series_id = ${p('series')} AND ms < ${p('first')}), ${p('first')})
     AND ms <= COALESCE((SELECT MIN(ms) FROM readings WHERE series_id = ${p('series')} AND ms > ${p('last')}), ${p('last')})
   ORDER BY ms`;

/** One lux_hour change: add `luxMs` to the series' hour. */
export interface LuxDelta {
  readonly series: number;
  readonly bucket: number;
  luxMs: number;
}

/**
 * The change new readings make to lux_hour, from the span's readings in time order (new ones included):
 * every segment touching a new reading is added; the old segment a run of new readings now splits is removed.
 */
export function luxDeltas(span: LuxSpan, rows: readonly Sample[]): LuxDelta[] {
  const byHour = new Map<number, LuxDelta>();
  const add = (at: number, luxMs: number): void => {
    if (luxMs === 0) return;
    const bucket = bucketStart(at, HOUR_MS);
    const d = byHour.get(bucket);
    if (d) d.luxMs += luxMs;
    else byHour.set(bucket, { series: span.series, bucket, luxMs });
  };
  let lastOld: Sample | undefined;
  let splitting = false; // a run of new readings since lastOld
  for (let i = 0; i < rows.length; i++) {
    const cur = rows[i]!;
    const isNew = span.added.has(cur.ms);
    const prev = rows[i - 1];
    if (prev && (isNew || span.added.has(prev.ms))) add(prev.ms, segment(prev, cur));
    if (isNew) splitting = true;
    else {
      if (splitting && lastOld) add(lastOld.ms, -segment(lastOld, cur));
      lastOld = cur;
      splitting = false;
    }
  }
  return [...byHour.values()];
}

/** Migration step: lux_hour for readings stored before the table existed (same rule, window functions). */
export const LUX_BACKFILL_SQL = `
  INSERT INTO lux_hour (series_id, bucket, lux_ms)
  SELECT series_id, prev_ms - (prev_ms % ${HOUR_MS}), SUM((value + prev_value) / 2.0 * (ms - prev_ms))
  FROM (
    SELECT r.series_id AS series_id, r.ms AS ms, r.value AS value,
           LAG(r.ms) OVER w AS prev_ms, LAG(r.value) OVER w AS prev_value
    FROM readings r JOIN series s ON s.id = r.series_id
    WHERE s.quantity = 'illuminance'
    WINDOW w AS (PARTITION BY r.series_id ORDER BY r.ms)
  ) t
  WHERE prev_ms IS NOT NULL AND ms - prev_ms <= ${MAX_GAP_MS}
  GROUP BY series_id, prev_ms - (prev_ms % ${HOUR_MS})`;

/** Rows (kind, target, lux_ms) this year up to now's hour. Parameters: exhibition, year start ms, now ms. */
export const luxHoursSql = (p: (i: number) => string): string => `
  SELECT s.kind AS kind, s.target AS target, SUM(l.lux_ms) AS lux_ms
  FROM series s JOIN lux_hour l ON l.series_id = s.id
  WHERE s.exhibition = ${p(1)} AND s.quantity = 'illuminance' AND l.bucket >= ${p(2)} AND l.bucket <= ${p(3)}
  GROUP BY s.kind, s.target`;

/** Lux·ms rows to the store's answer: `artwork:<id>` / `zone:<id>` → lux-hours. */
export function luxHoursRecord(rows: readonly { kind: string; target: string; lux_ms: number | string | null }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[`${r.kind}:${r.target}`] = Number(r.lux_ms ?? 0) / HOUR_MS;
  return out;
}
