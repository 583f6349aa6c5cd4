/**
 * History in embedded SQLite (better-sqlite3): `<dataDir>/history.sqlite`.
 *
 * Durability: WAL with synchronous=FULL, so a transaction is on disk (fsynced WAL) when `append` resolves; that
 * survives SIGKILL of the server (NORMAL would too, since a committed WAL frame is in the OS cache) and also a
 * power cut (NORMAL would not). The cost is one fsync per batch, which is why the server appends in batches.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Reading } from '../../twin/live/contract';
import { sensorHealthOf, type HistoryStore, type SensorHealthRow } from './index';
import { LUX_BACKFILL_SQL, luxDeltas, luxSpans, SPAN_SQL } from './lux-hours';
import { luxHours, queryHistory, recentReadings, type SqlReader } from './reader';
import { DAY_MS, HOUR_MS, rollupsOf, type Row } from './rollups';
import { readingTimeMs, seriesKey } from './series';

/** history_meta key: the time (unix ms) before which raw readings were pruned. */
const RAW_FROM_KEY = 'raw_from_ms';

/** Schema migrations, in order; PRAGMA user_version records how many have run. Append only, never edit one. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE series (
     id INTEGER PRIMARY KEY, exhibition TEXT NOT NULL, kind TEXT NOT NULL, target TEXT NOT NULL, quantity TEXT NOT NULL,
     UNIQUE (exhibition, kind, target, quantity));
   CREATE TABLE readings (
     series_id INTEGER NOT NULL REFERENCES series (id), ms INTEGER NOT NULL, value REAL NOT NULL,
     PRIMARY KEY (series_id, ms)) WITHOUT ROWID;
   CREATE TABLE rollup_hour (
     series_id INTEGER NOT NULL, bucket INTEGER NOT NULL, lo REAL NOT NULL, hi REAL NOT NULL, total REAL NOT NULL,
     n INTEGER NOT NULL, PRIMARY KEY (series_id, bucket)) WITHOUT ROWID;
   CREATE TABLE rollup_day (
     series_id INTEGER NOT NULL, bucket INTEGER NOT NULL, lo REAL NOT NULL, hi REAL NOT NULL, total REAL NOT NULL,
     n INTEGER NOT NULL, PRIMARY KEY (series_id, bucket)) WITHOUT ROWID;`,
  `CREATE TABLE lux_hour (
     series_id INTEGER NOT NULL, bucket INTEGER NOT NULL, lux_ms REAL NOT NULL, PRIMARY KEY (series_id, bucket)) WITHOUT ROWID;
   ${LUX_BACKFILL_SQL};`,
  `CREATE TABLE history_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
   CREATE TABLE sensor_health (
     exhibition TEXT NOT NULL, sensor TEXT NOT NULL, accepted INTEGER NOT NULL, rejected INTEGER NOT NULL,
     last_seen TEXT, last_rejection TEXT, PRIMARY KEY (exhibition, sensor)) WITHOUT ROWID;`,
];

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length)
    throw new Error(`History database is schema version ${version}, newer than this server knows (${MIGRATIONS.length}); upgrade the server`);
  db.transaction(() => {
    for (let v = version; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  })();
}

const upsertSql = (table: string): string =>
  `INSERT INTO ${table} (series_id, bucket, lo, hi, total, n) VALUES (?, ?, ?, ?, ?, ?)
   ON CONFLICT (series_id, bucket) DO UPDATE SET lo = MIN(lo, excluded.lo), hi = MAX(hi, excluded.hi),
     total = total + excluded.total, n = n + excluded.n`;

export async function openSqliteStore(dataDir: string): Promise<HistoryStore> {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'history.sqlite');
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (e) {
    throw new Error(`Cannot open the history database ${file}: ${(e as Error).message}`);
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const findSeries = db.prepare<[string, string, string, string], { id: number }>(
    'SELECT id FROM series WHERE exhibition = ? AND kind = ? AND target = ? AND quantity = ?',
  );
  const addSeries = db.prepare('INSERT INTO series (exhibition, kind, target, quantity) VALUES (?, ?, ?, ?)');
  const insertReading = db.prepare('INSERT OR IGNORE INTO readings (series_id, ms, value) VALUES (?, ?, ?)');
  const upsertHour = db.prepare(upsertSql('rollup_hour'));
  const upsertDay = db.prepare(upsertSql('rollup_day'));
  const readSpan = db.prepare<{ series: number; first: number; last: number }, { ms: number; value: number }>(SPAN_SQL((name) => `@${name}`));
  const addLux = db.prepare(
    'INSERT INTO lux_hour (series_id, bucket, lux_ms) VALUES (?, ?, ?) ON CONFLICT (series_id, bucket) DO UPDATE SET lux_ms = lux_ms + excluded.lux_ms',
  );
  const seriesIds = new Map<string, number>();
  const lightSeries = new Set<number>();
  const readMeta = db.prepare<[string], { value: string }>('SELECT value FROM history_meta WHERE key = ?');
  const writeMeta = db.prepare('INSERT INTO history_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  /** Raw readings before this (unix ms) were pruned. */
  let rawFromMs = Number(readMeta.get(RAW_FROM_KEY)?.value ?? -Infinity);
  const pruneSeries = db.prepare('DELETE FROM readings WHERE series_id = ? AND ms < ?');
  const saveHealth = db.prepare(
    `INSERT INTO sensor_health (exhibition, sensor, accepted, rejected, last_seen, last_rejection) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (exhibition, sensor) DO UPDATE SET accepted = excluded.accepted, rejected = excluded.rejected,
       last_seen = excluded.last_seen, last_rejection = excluded.last_rejection`,
  );
  const readHealth = db.prepare<[string], SensorHealthRow>(
    'SELECT sensor, accepted, rejected, last_seen, last_rejection FROM sensor_health WHERE exhibition = ? ORDER BY sensor',
  );

  const seriesOf = (r: Reading): number => {
    const key = seriesKey(r.exhibition, r.target, r.quantity);
    let id = seriesIds.get(key);
    if (id === undefined) {
      const args = [r.exhibition, r.target.kind, r.target.id, r.quantity] as const;
      id = findSeries.get(...args)?.id ?? Number(addSeries.run(...args).lastInsertRowid);
      seriesIds.set(key, id);
      if (r.quantity === 'illuminance') lightSeries.add(id);
    }
    return id;
  };

  // One transaction per batch: raw rows, then the rollups and lux-hours of the rows that were new (a redelivery
  // adds nothing).
  const appendBatch = db.transaction((readings: readonly Reading[], times: readonly number[]) => {
    const stored: Row[] = [];
    for (const [i, r] of readings.entries()) {
      if (times[i]! < rawFromMs) continue; // pruned already: its hour is in the rollups
      const row: Row = { series: seriesOf(r), time: times[i]!, value: r.value };
      if (insertReading.run(row.series, row.time, row.value).changes === 1) stored.push(row);
    }
    for (const b of rollupsOf(stored, HOUR_MS)) upsertHour.run(b.series, b.bucket, b.lo, b.hi, b.total, b.n);
    for (const b of rollupsOf(stored, DAY_MS)) upsertDay.run(b.series, b.bucket, b.lo, b.hi, b.total, b.n);
    for (const span of luxSpans(stored, (id) => lightSeries.has(id)))
      for (const d of luxDeltas(span, readSpan.all(span))) addLux.run(d.series, d.bucket, d.luxMs);
  });

  const reader: SqlReader = {
    p: (i) => `?${i}`,
    all: async <T>(sql: string, params: readonly unknown[]) => {
      // better-sqlite3 binds anonymous `?` in order of appearance; a parameter may appear before lower-numbered ones.
      const ordered: unknown[] = [];
      const text = sql.replace(/\?(\d+)/g, (_, n: string) => (ordered.push(params[Number(n) - 1]), '?'));
      return db.prepare(text).all(...ordered) as T[];
    },
  };
  let closed = false;
  const open = (): void => {
    if (closed) throw new Error('History store is closed');
  };

  return {
    async append(readings) {
      open();
      if (readings.length === 0) return;
      const times = readings.map(readingTimeMs); // a bad reading refuses the batch before anything is written
      try {
        appendBatch(readings, times);
      } catch (e) {
        seriesIds.clear(); // series rows added in the rolled-back transaction are gone
        lightSeries.clear();
        throw e;
      }
    },
    async query(q) {
      open();
      return queryHistory(reader, q, rawFromMs);
    },
    async recent(exhibition, since) {
      open();
      return recentReadings(reader, exhibition, since);
    },
    async luxHoursThisYear(exhibition, now) {
      open();
      return luxHours(reader, exhibition, now);
    },
    async pruneRaw(before) {
      open();
      const cut = before.getTime();
      if (!Number.isFinite(cut)) throw new Error('History pruneRaw(): before must be a valid date');
      let gone = 0;
      // One series per transaction: the writer lock is held briefly, and sensors keep being acknowledged.
      for (const { id } of db.prepare<[], { id: number }>('SELECT id FROM series').all()) gone += pruneSeries.run(id, cut).changes;
      if (cut > rawFromMs) {
        writeMeta.run(RAW_FROM_KEY, String(cut));
        rawFromMs = cut;
      }
      return gone;
    },
    async saveSensorHealth(exhibition, sensors) {
      open();
      db.transaction(() => {
        for (const h of sensors)
          saveHealth.run(exhibition, h.sensor, h.accepted, h.rejected, h.lastSeen ?? null, h.lastRejection ? JSON.stringify(h.lastRejection) : null);
      })();
    },
    async sensorHealth(exhibition) {
      open();
      return readHealth.all(exhibition).map(sensorHealthOf);
    },
    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
