/**
 * Lux-hours this year, integrated in the database (window functions, one pass over the raw illuminance readings)
 * so a restart does not pull a year of readings into Node. Same SQL on SQLite (≥ 3.25) and PostgreSQL.
 *
 * Trapezoid between consecutive readings of one series; a gap longer than {@link MAX_GAP_MS} counts nothing,
 * because whether the lights were on in between is unknown (a sensor outage must not invent exposure).
 */

export const MAX_GAP_MS = 30 * 60_000;

/** Start of the calendar year (UTC) that `now` falls in, unix ms. */
export const yearStartMs = (now: Date): number => Date.UTC(now.getUTCFullYear(), 0, 1);

/**
 * Rows (kind, target, lux_ms): Σ (v₁+v₂)/2 · Δt in lux·ms per illuminance series of one exhibition.
 * Parameters in order: exhibition, year start ms, now ms. `p(i)` renders placeholder i (1-based).
 */
export function luxHoursSql(p: (i: number) => string): string {
  return `
    SELECT kind, target, SUM(CASE WHEN prev_time IS NOT NULL AND ms - prev_time <= ${MAX_GAP_MS}
                                  THEN (value + prev_value) / 2.0 * (ms - prev_time) ELSE 0 END) AS lux_ms
    FROM (
      SELECT s.kind AS kind, s.target AS target, r.ms AS ms, r.value AS value,
             LAG(r.ms) OVER w AS prev_time, LAG(r.value) OVER w AS prev_value
      FROM series s JOIN readings r ON r.series_id = s.id
      WHERE s.exhibition = ${p(1)} AND s.quantity = 'illuminance' AND r.ms >= ${p(2)} AND r.ms <= ${p(3)}
      WINDOW w AS (PARTITION BY r.series_id ORDER BY r.ms)
    ) t
    GROUP BY kind, target`;
}

/** Lux·ms rows to the store's answer: `artwork:<id>` / `zone:<id>` → lux-hours. */
export function luxHoursRecord(rows: readonly { kind: string; target: string; lux_ms: number | string | null }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[`${r.kind}:${r.target}`] = Number(r.lux_ms ?? 0) / 3_600_000;
  return out;
}
