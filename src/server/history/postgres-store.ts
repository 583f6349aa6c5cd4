/**
 * History in PostgreSQL (node-postgres), for a museum that runs its own database or several server processes.
 * Same tables and behaviour as the SQLite store; batches go in with `unnest` arrays (one statement per table).
 * PostgreSQL's default synchronous_commit=on makes a commit durable before `append` resolves.
 */
import pg from 'pg';
import type { Reading } from '../../twin/live/contract';
import { sensorHealthOf, type HistoryStore, type SensorHealthRow } from './index';
import { LUX_BACKFILL_SQL, luxDeltas, luxSpans, SPAN_SQL } from './lux-hours';
import { luxHours, queryHistory, recentReadings, type SqlReader } from './reader';
import { DAY_MS, HOUR_MS, rollupsOf, type Row } from './rollups';
import { readingTimeMs, seriesKey } from './series';

const rollupTable = (name: string): string =>
  `CREATE TABLE ${name} (
     series_id integer NOT NULL REFERENCES series (id), bucket bigint NOT NULL, lo double precision NOT NULL,
     hi double precision NOT NULL, total double precision NOT NULL, n bigint NOT NULL, PRIMARY KEY (series_id, bucket))`;

/** Schema migrations, in order; history_schema records how many have run. Append only, never edit one. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE series (
     id serial PRIMARY KEY, exhibition text NOT NULL, kind text NOT NULL, target text NOT NULL, quantity text NOT NULL,
     UNIQUE (exhibition, kind, target, quantity));
   CREATE TABLE readings (
     series_id integer NOT NULL REFERENCES series (id), ms bigint NOT NULL, value double precision NOT NULL,
     PRIMARY KEY (series_id, ms));
   ${rollupTable('rollup_hour')};
   ${rollupTable('rollup_day')};`,
  `CREATE TABLE lux_hour (
     series_id integer NOT NULL REFERENCES series (id), bucket bigint NOT NULL, lux_ms double precision NOT NULL,
     PRIMARY KEY (series_id, bucket));
   ${LUX_BACKFILL_SQL};`,
  // Covering keys: rows arrive hour by hour for every sensor, so one series' year is spread over thousands of heap
  // pages; with the values in the index a chart is an index-only scan (once autovacuum has marked the pages).
  `ALTER TABLE readings DROP CONSTRAINT readings_pkey, ADD PRIMARY KEY (series_id, ms) INCLUDE (value);
   ALTER TABLE rollup_hour DROP CONSTRAINT rollup_hour_pkey, ADD PRIMARY KEY (series_id, bucket) INCLUDE (lo, hi, total, n);
   ALTER TABLE rollup_day DROP CONSTRAINT rollup_day_pkey, ADD PRIMARY KEY (series_id, bucket) INCLUDE (lo, hi, total, n);
   ALTER TABLE lux_hour DROP CONSTRAINT lux_hour_pkey, ADD PRIMARY KEY (series_id, bucket) INCLUDE (lux_ms);`,
  `CREATE TABLE history_meta (key text PRIMARY KEY, value text NOT NULL);
   CREATE TABLE sensor_health (
     exhibition text NOT NULL, sensor text NOT NULL, accepted bigint NOT NULL, rejected bigint NOT NULL,
     last_seen text, last_rejection text, PRIMARY KEY (exhibition, sensor));`,
];

/** history_meta key: the time (unix ms) before which raw readings were pruned. */
const RAW_FROM_KEY = 'raw_from_ms';

/** Any id for the advisory lock that keeps two servers starting together from migrating at once. */
const MIGRATION_LOCK = 7_311_402;

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS history_schema (version integer NOT NULL)');
    const got = await client.query<{ version: number }>('SELECT version FROM history_schema');
    const version = got.rows[0]?.version ?? 0;
    if (version > MIGRATIONS.length)
      throw new Error(`History database is schema version ${version}, newer than this server knows (${MIGRATIONS.length}); upgrade the server`);
    for (let v = version; v < MIGRATIONS.length; v++) await client.query(MIGRATIONS[v]!);
    await client.query('DELETE FROM history_schema');
    await client.query('INSERT INTO history_schema (version) VALUES ($1)', [MIGRATIONS.length]);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** "host:port/database" of a URL, never its password. */
function where(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname || '/'}`;
  } catch {
    return '(a URL that does not parse)';
  }
}

/** The reason of a connection failure in one line (Node reports both address families as an AggregateError). */
function reason(e: unknown): string {
  if (e instanceof AggregateError && e.errors.length > 0) return e.errors.map((x) => reason(x)).join('; ');
  const err = e as { message?: string; code?: string };
  return err.message || err.code || String(e);
}

/** The stretches of readings around each light series' new readings, in one statement. */
const SPANS_SQL = `
  SELECT x.sid AS series_id, r.ms AS ms, r.value AS value
  FROM unnest($1::integer[], $2::bigint[], $3::bigint[]) AS x (sid, lo_ms, hi_ms)
  CROSS JOIN LATERAL (${SPAN_SQL((name) => ({ series: 'x.sid', first: 'x.lo_ms', last: 'x.hi_ms' })[name]!)}) r
  ORDER BY x.sid, r.ms`;

const ADD_LUX_SQL = `
  INSERT INTO lux_hour (series_id, bucket, lux_ms) SELECT * FROM unnest($1::integer[], $2::bigint[], $3::float8[])
  ON CONFLICT (series_id, bucket) DO UPDATE SET lux_ms = lux_hour.lux_ms + EXCLUDED.lux_ms`;

const upsertSql = (table: string): string =>
  `INSERT INTO ${table} (series_id, bucket, lo, hi, total, n)
   SELECT * FROM unnest($1::integer[], $2::bigint[], $3::float8[], $4::float8[], $5::float8[], $6::bigint[])
   ON CONFLICT (series_id, bucket) DO UPDATE SET lo = LEAST(${table}.lo, EXCLUDED.lo),
     hi = GREATEST(${table}.hi, EXCLUDED.hi), total = ${table}.total + EXCLUDED.total, n = ${table}.n + EXCLUDED.n`;

export async function openPostgresStore(url: string): Promise<HistoryStore> {
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 10_000 });
  // An idle client losing its connection must not crash the server; the next query reconnects.
  pool.on('error', (e) => console.error(`History (PostgreSQL ${where(url)}): ${reason(e)}`));
  try {
    await pool.query('SELECT 1');
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new Error(`Cannot connect to PostgreSQL at ${where(url)}: ${reason(e)}`);
  }
  try {
    await migrate(pool);
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new Error(`Cannot prepare the history tables in PostgreSQL at ${where(url)}: ${reason(e)}`);
  }

  const seriesIds = new Map<string, number>();
  const lightSeries = new Set<number>();
  /** Raw readings before this (unix ms) were pruned (by this server or another sharing the database). */
  const rawFrom = async (): Promise<number> => {
    const got = await pool.query<{ value: string }>('SELECT value FROM history_meta WHERE key = $1', [RAW_FROM_KEY]);
    return got.rows[0] ? Number(got.rows[0].value) : -Infinity;
  };
  let rawFromMs = await rawFrom();
  /** Ids for the batch's series, creating new ones in their own statement (a series row alone is harmless). */
  async function resolveSeries(readings: readonly Reading[]): Promise<void> {
    const missing = new Map<string, Reading>();
    for (const r of readings) {
      const key = seriesKey(r.exhibition, r.target, r.quantity);
      if (!seriesIds.has(key)) missing.set(key, r);
    }
    if (missing.size === 0) return;
    const cols = [...missing.values()];
    const args = [cols.map((r) => r.exhibition), cols.map((r) => r.target.kind), cols.map((r) => r.target.id), cols.map((r) => r.quantity)];
    await pool.query(
      `INSERT INTO series (exhibition, kind, target, quantity) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
       ON CONFLICT DO NOTHING`,
      args,
    );
    const found = await pool.query<{ id: number; exhibition: string; kind: string; target: string; quantity: Reading['quantity'] }>(
      `SELECT id, exhibition, kind, target, quantity FROM series
       WHERE (exhibition, kind, target, quantity) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]))`,
      args,
    );
    for (const s of found.rows) {
      seriesIds.set(seriesKey(s.exhibition, s.kind === 'artwork' ? { kind: 'artwork', id: s.target } : { kind: 'zone', id: s.target }, s.quantity), s.id);
      if (s.quantity === 'illuminance') lightSeries.add(s.id);
    }
  }

  const reader: SqlReader = {
    p: (i) => `$${i}`,
    all: async <T>(sql: string, params: readonly unknown[]) => (await pool.query(sql, params as unknown[])).rows as T[],
  };
  let closed = false;
  const open = (): void => {
    if (closed) throw new Error('History store is closed');
  };

  return {
    async append(readings) {
      open();
      if (readings.length === 0) return;
      let times = readings.map(readingTimeMs); // a bad reading refuses the batch before anything is written
      await resolveSeries(readings);
      const kept = times.map((t) => t >= rawFromMs); // pruned already: a redelivery would count twice in the rollups
      if (!kept.every(Boolean)) {
        readings = readings.filter((_, i) => kept[i]);
        times = times.filter((_, i) => kept[i]);
        if (readings.length === 0) return;
      }
      const series = readings.map((r) => seriesIds.get(seriesKey(r.exhibition, r.target, r.quantity))!);
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const ins = await client.query<{ series_id: number; ms: string; value: number }>(
          `INSERT INTO readings (series_id, ms, value) SELECT * FROM unnest($1::integer[], $2::bigint[], $3::float8[])
           ON CONFLICT DO NOTHING RETURNING series_id, ms, value`,
          [series, times, readings.map((r) => r.value)],
        );
        const stored: Row[] = ins.rows.map((r) => ({ series: r.series_id, time: Number(r.ms), value: r.value }));
        for (const [table, width] of [['rollup_hour', HOUR_MS], ['rollup_day', DAY_MS]] as const) {
          const b = rollupsOf(stored, width);
          if (b.length === 0) continue;
          await client.query(upsertSql(table), [
            b.map((x) => x.series), b.map((x) => x.bucket), b.map((x) => x.lo), b.map((x) => x.hi), b.map((x) => x.total), b.map((x) => x.n),
          ]);
        }
        const spans = luxSpans(stored, (id) => lightSeries.has(id));
        if (spans.length > 0) {
          const around = await client.query<{ series_id: number; ms: string; value: number }>(SPANS_SQL, [
            spans.map((x) => x.series), spans.map((x) => x.first), spans.map((x) => x.last),
          ]);
          const deltas = spans.flatMap((span) =>
            luxDeltas(span, around.rows.filter((r) => r.series_id === span.series).map((r) => ({ ms: Number(r.ms), value: r.value }))),
          );
          if (deltas.length > 0)
            await client.query(ADD_LUX_SQL, [deltas.map((d) => d.series), deltas.map((d) => d.bucket), deltas.map((d) => d.luxMs)]);
        }
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
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
      // The mark first: from now on nothing older is written (by this server) while the rows go.
      await pool.query(
        `INSERT INTO history_meta (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = GREATEST(history_meta.value::bigint, EXCLUDED.value::bigint)::text`,
        [RAW_FROM_KEY, String(cut)],
      );
      rawFromMs = await rawFrom();
      let gone = 0;
      // One series per statement: short transactions, so sensors keep being acknowledged meanwhile.
      const ids = await pool.query<{ id: number }>('SELECT id FROM series');
      for (const { id } of ids.rows) gone += (await pool.query('DELETE FROM readings WHERE series_id = $1 AND ms < $2', [id, cut])).rowCount ?? 0;
      return gone;
    },
    async saveSensorHealth(exhibition, sensors) {
      open();
      if (sensors.length === 0) return;
      await pool.query(
        `INSERT INTO sensor_health (exhibition, sensor, accepted, rejected, last_seen, last_rejection)
         SELECT $1, * FROM unnest($2::text[], $3::bigint[], $4::bigint[], $5::text[], $6::text[])
         ON CONFLICT (exhibition, sensor) DO UPDATE SET accepted = EXCLUDED.accepted, rejected = EXCLUDED.rejected,
           last_seen = EXCLUDED.last_seen, last_rejection = EXCLUDED.last_rejection`,
        [
          exhibition,
          sensors.map((h) => h.sensor),
          sensors.map((h) => h.accepted),
          sensors.map((h) => h.rejected),
          sensors.map((h) => h.lastSeen ?? null),
          sensors.map((h) => (h.lastRejection ? JSON.stringify(h.lastRejection) : null)),
        ],
      );
    },
    async sensorHealth(exhibition) {
      open();
      const got = await pool.query<SensorHealthRow>(
        'SELECT sensor, accepted, rejected, last_seen, last_rejection FROM sensor_health WHERE exhibition = $1 ORDER BY sensor',
        [exhibition],
      );
      return got.rows.map(sensorHealthOf);
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
