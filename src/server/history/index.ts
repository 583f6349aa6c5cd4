/**
 * The live twin's history: every accepted reading, kept durably, served downsampled for long ranges.
 *
 * One interface, two engines: embedded SQLite in `<dataDir>/history.sqlite` (the default), or PostgreSQL when
 * `MUSEUM_DATABASE_URL` is a postgres:// URL (several server processes, or a database the museum already runs).
 */
import type { HistoryResponse, Quantity, Reading, ReadingTarget, SensorHealth } from '../../twin/live/contract';

/** A history request: one target's one quantity over [from, to]. */
export interface HistoryQuery {
  readonly exhibition: string;
  readonly target: ReadingTarget;
  readonly quantity: Quantity;
  readonly from: Date;
  readonly to: Date;
  /** At most this many points come back (default {@link DEFAULT_MAX_POINTS}); longer ranges are bucketed. */
  readonly maxPoints?: number;
}

export const DEFAULT_MAX_POINTS = 1000;

export interface HistoryStore {
  /**
   * Stores readings in one transaction. Durable before it resolves: the server acknowledges a QoS 1 publish only
   * after. A reading already stored (same target, quantity and time, e.g. a QoS 1 redelivery) is kept once.
   */
  append(readings: readonly Reading[]): Promise<void>;
  /**
   * Raw readings when a short range holds no more than maxPoints; otherwise buckets of [mean, min, max]: grouped
   * from the raw readings below an hour, read from the hourly or daily rollups above (see rollups.ts).
   */
  query(q: HistoryQuery): Promise<HistoryResponse>;
  /** Readings since a time, oldest first (to rebuild 24 h windows after a restart). */
  recent(exhibition: string, since: Date): Promise<Reading[]>;
  /**
   * Lux-hours this calendar year (UTC) up to `now`'s hour, per illuminance target: keys `artwork:<id>` and
   * `zone:<id>`. Trapezoid between consecutive readings, each segment counted in the hour it starts; a gap over
   * 30 min counts nothing (the light state is unknown). Kept per hour as readings arrive, so this reads little.
   */
  luxHoursThisYear(exhibition: string, now: Date): Promise<Record<string, number>>;
  /**
   * Deletes raw readings older than `before`; the hourly and daily rollups and the lux-hours stay, so charts of
   * those ranges and the year's light budget are unchanged. From then on a range that reaches before it reads
   * the hourly rollup, and a reading older than it is not stored (its hour is summarised already: a redelivery
   * would count twice). Returns how many raw readings went.
   */
  pruneRaw(before: Date): Promise<number>;
  /** Keeps each sensor's health (counts, last seen, last rejection) so a restart does not lose it. */
  saveSensorHealth(exhibition: string, sensors: readonly SensorHealth[]): Promise<void>;
  /** The sensor health last saved for an exhibition. */
  sensorHealth(exhibition: string): Promise<SensorHealth[]>;
  close(): Promise<void>;
}

/** A sensor's health as a row, the same in both engines (the last rejection as JSON). */
export interface SensorHealthRow {
  readonly sensor: string;
  readonly accepted: number | string;
  readonly rejected: number | string;
  readonly last_seen: string | null;
  readonly last_rejection: string | null;
}

export function sensorHealthOf(r: SensorHealthRow): SensorHealth {
  let lastRejection: SensorHealth['lastRejection'];
  try {
    lastRejection = r.last_rejection ? (JSON.parse(r.last_rejection) as SensorHealth['lastRejection']) : undefined;
  } catch {
    lastRejection = undefined; // damaged by hand: the counts still stand
  }
  return {
    sensor: r.sensor,
    accepted: Number(r.accepted),
    rejected: Number(r.rejected),
    ...(r.last_seen ? { lastSeen: r.last_seen } : {}),
    ...(lastRejection ? { lastRejection } : {}),
  };
}

export interface HistoryStoreOptions {
  /** postgres:// or postgresql:// for PostgreSQL; absent or empty for SQLite in `dataDir`. */
  readonly databaseUrl?: string;
  readonly dataDir: string;
}

/** Opens (and migrates) the history store the options name. Rejects with a clear message when it cannot. */
export async function openHistoryStore(o: HistoryStoreOptions): Promise<HistoryStore> {
  const url = o.databaseUrl?.trim();
  if (url && /^postgres(ql)?:\/\//i.test(url)) {
    const { openPostgresStore } = await import('./postgres-store');
    return openPostgresStore(url);
  }
  if (url) throw new Error(`MUSEUM_DATABASE_URL must start with postgres:// or postgresql:// (got "${url.split(':')[0]}:…")`);
  const { openSqliteStore } = await import('./sqlite-store');
  return openSqliteStore(o.dataDir);
}
