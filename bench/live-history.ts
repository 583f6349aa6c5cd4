/**
 * History benchmark (a script, not a test):  npm run bench:live [-- --postgres] [--readings 300000] [--charts-only | --ingest-only] [--postgres-only]
 *
 * 1. Ingest: readings/s into the history store with every write durable (SQLite: WAL, synchronous=FULL), in the
 *    batch sizes the server uses (it flushes every ~100 ms, so 500 readings a batch at 5,000/s), plus the
 *    latency of one append (how long a QoS 1 acknowledgement waits).
 * 2. Year chart: query times over a year of one-minute readings from 200 sensors (40 zones × 5 quantities).
 *    A year at one minute is 105 M raw rows, too many to generate here in reasonable time, so the year is
 *    built as the store would have left it: hourly and daily rollup rows for the whole year (what a year chart
 *    reads) written directly, and the last days as real raw readings through append(). The output says so.
 * With --postgres the same runs against a PostgreSQL started for the purpose (Debian's, as in the tests).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { QUANTITIES, type Quantity, type Reading } from '../src/twin/live/contract';
import { openHistoryStore, type HistoryStore, type HistoryStoreOptions } from '../src/server/history/index';
import { startPostgres } from '../src/server/testing/services';

const argv = process.argv.slice(2);
const opt = (name: string): string | undefined => (argv.includes(name) ? (argv[argv.indexOf(name) + 1] ?? '') : undefined);
const READINGS = Number(opt('--readings') ?? 300_000);
const TAIL_DAYS = Number(opt('--tail-days') ?? 2);
const ZONES = 40; // × 5 quantities = 200 sensors
const EX = 'bench';
const H = 3_600_000;
const D = 24 * H;
const NOW = Date.parse('2026-12-06T00:00:00Z');
const rows: string[][] = [];
const row = (...cells: (string | number)[]): void => void rows.push(cells.map(String));
const log = (s: string): void => console.log(`[bench:live] ${s}`);

const sensors = Array.from({ length: ZONES }, (_, z) => QUANTITIES.map((q) => ({ zone: `zone-${z}`, quantity: q }))).flat();
/** A plausible value for each quantity at a time (daily light and visitor cycles, slow drift). */
function valueAt(q: Quantity, ms: number, z: number): number {
  const day = Math.sin(((ms % D) / D) * 2 * Math.PI);
  switch (q) {
    case 'temperature': return 20 + day + (z % 3) * 0.3;
    case 'humidity': return 50 + 3 * day;
    case 'illuminance': return Math.max(0, 150 * day);
    case 'uv': return Math.max(0, 40 * day);
    case 'visitors': return Math.max(0, Math.round(20 * day));
  }
}
const readingAt = (i: number, ms: number): Reading => {
  const s = sensors[i % sensors.length]!;
  return { exhibition: EX, target: { kind: 'zone', id: s.zone }, quantity: s.quantity, value: valueAt(s.quantity, ms, i % ZONES), time: new Date(ms).toISOString() };
};
const pct = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const ms = (x: number): string => `${x.toFixed(x < 10 ? 2 : 1)} ms`;

interface Engine {
  readonly name: string;
  fresh(): Promise<HistoryStoreOptions>;
  /** Writes hourly and daily rollups and lux-hours for [from, to) straight into the tables (seeding the year). */
  seed(o: HistoryStoreOptions, from: number, to: number): Promise<number>;
  done(): Promise<void>;
}

async function ingest(engine: Engine): Promise<void> {
  for (const batch of [50, 500, 5000]) {
    const total = batch < 500 ? READINGS / 5 : READINGS; // small batches are slow (one fsync each): fewer of them
    const o = await engine.fresh();
    const store = await openHistoryStore(o);
    const latencies: number[] = [];
    const start = performance.now();
    let t = NOW - D;
    for (let i = 0; i < total; i += batch) {
      const readings = Array.from({ length: Math.min(batch, total - i) }, (_, k) => readingAt(i + k, (t += 200)));
      const t0 = performance.now();
      await store.append(readings);
      latencies.push(performance.now() - t0);
    }
    const seconds = (performance.now() - start) / 1000;
    await store.close();
    row(engine.name, `ingest, ${batch} readings per append`, `${Math.round(total / seconds).toLocaleString('en')} readings/s`, `append p50 ${ms(pct(latencies, 0.5))}, p99 ${ms(pct(latencies, 0.99))}`, `${total.toLocaleString('en')} readings, 200 sensors`);
  }
}

async function timed(store: HistoryStore, runs: number, q: (i: number) => Parameters<HistoryStore['query']>[0]): Promise<{ first: number; p50: number; p95: number; points: number; bucket: number }> {
  const times: number[] = [];
  let points = 0;
  let bucket = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const h = await store.query(q(i));
    times.push(performance.now() - t0);
    points = h.points.length;
    bucket = h.bucketSeconds;
  }
  return { first: times[0]!, p50: pct(times.slice(1), 0.5), p95: pct(times.slice(1), 0.95), points, bucket };
}

async function yearChart(engine: Engine): Promise<void> {
  const o = await engine.fresh();
  const tailFrom = NOW - TAIL_DAYS * D;
  let store = await openHistoryStore(o);
  const t0 = performance.now();
  let raw = 0;
  for (let t = tailFrom; t < NOW; t += 5 * 60_000) {
    // Five minutes of one-minute readings from every sensor per append.
    const batch: Reading[] = [];
    for (let m = 0; m < 5; m++) for (let i = 0; i < sensors.length; i++) batch.push(readingAt(i, t + m * 60_000));
    await store.append(batch);
    raw += batch.length;
  }
  await store.close();
  const seeded = await engine.seed(o, NOW - 365 * D, tailFrom);
  log(`${engine.name}: ${raw.toLocaleString('en')} raw readings (${TAIL_DAYS} days) + ${seeded.toLocaleString('en')} rollup rows (the year before) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  store = await openHistoryStore(o);
  const target = (i: number) => ({ kind: 'zone' as const, id: `zone-${(i * 7) % ZONES}` });
  const quantity = (i: number): Quantity => QUANTITIES[i % QUANTITIES.length]!;
  const what = `a year at one minute, 200 sensors: ${seeded.toLocaleString('en')} rollup rows + ${raw.toLocaleString('en')} raw (${TAIL_DAYS} d)`;
  const cases: [string, number, number | undefined][] = [
    ['year chart (default 1000 points)', 365 * D, undefined],
    ['year chart (400 points)', 365 * D, 400],
    ['30-day chart', 30 * D, undefined],
    ['24 h chart', D, undefined],
  ];
  for (const [label, range, maxPoints] of cases) {
    const r = await timed(store, 41, (i) => ({ exhibition: EX, target: target(i), quantity: quantity(i), from: new Date(NOW - range), to: new Date(NOW), ...(maxPoints ? { maxPoints } : {}) }));
    row(engine.name, label, `p50 ${ms(r.p50)}, p95 ${ms(r.p95)}`, `first ${ms(r.first)}; ${r.points} points of ${r.bucket} s`, what);
  }
  const l0 = performance.now();
  const lux = await store.luxHoursThisYear(EX, new Date(NOW));
  row(engine.name, 'lux-hours this year (restart)', ms(performance.now() - l0), `${Object.keys(lux).length} light sensors`, what);
  await store.close();
}

function sqliteEngine(): Engine {
  const dirs: string[] = [];
  return {
    name: 'SQLite',
    async fresh() {
      const dataDir = mkdtempSync(join(tmpdir(), 'museum-bench-history-'));
      dirs.push(dataDir);
      return { dataDir };
    },
    async seed(o, from, to) {
      const db = new Database(join(o.dataDir, 'history.sqlite'));
      db.pragma('journal_mode = WAL');
      const ids = db.prepare<[string], { id: number; target: string; quantity: Quantity }>('SELECT id, target, quantity FROM series WHERE exhibition = ?').all(EX);
      let n = 0;
      db.transaction(() => {
        for (const [table, width] of [['rollup_hour', H], ['rollup_day', D]] as const) {
          const put = db.prepare(`INSERT INTO ${table} (series_id, bucket, lo, hi, total, n) VALUES (?, ?, ?, ?, ?, ?)`);
          for (const s of ids)
            for (let b = from; b < to; b += width, n++) {
              const mean = valueAt(s.quantity, b + width / 2, Number(s.target.split('-')[1]));
              put.run(s.id, b, mean - 0.5, mean + 0.5, mean * (width / 60_000), width / 60_000);
            }
        }
        const lux = db.prepare('INSERT INTO lux_hour (series_id, bucket, lux_ms) VALUES (?, ?, ?)');
        for (const s of ids.filter((x) => x.quantity === 'illuminance'))
          for (let b = from; b < to; b += H, n++) lux.run(s.id, b, valueAt('illuminance', b + H / 2, 0) * H);
      })();
      db.exec('ANALYZE');
      db.close();
      return n;
    },
    async done() {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}

async function postgresEngine(): Promise<Engine> {
  const server = await startPostgres();
  let n = 0;
  return {
    name: 'PostgreSQL',
    async fresh() {
      const admin = new pg.Client(server.url);
      await admin.connect();
      await admin.query(`CREATE DATABASE bench_${++n}`);
      await admin.end();
      return { databaseUrl: server.url.replace(/\/postgres$/, `/bench_${n}`), dataDir: tmpdir() };
    },
    async seed(o, from, to) {
      const c = new pg.Client(o.databaseUrl);
      await c.connect();
      let count = 0;
      for (const [table, width] of [['rollup_hour', H], ['rollup_day', D]] as const) {
        // Same shape as the SQLite seed, generated in the server (a plain daily cycle).
        const r = await c.query(
          `INSERT INTO ${table} (series_id, bucket, lo, hi, total, n)
           SELECT s.id, b, v - 0.5, v + 0.5, v * $3::float8, $3::bigint
           FROM series s, generate_series($1::bigint, $2::bigint - 1, $4::bigint) b,
                LATERAL (SELECT 50 + 3 * sin(((b % ${D}) / ${D}.0) * 2 * pi()) AS v) x`,
          [from, to, width / 60_000, width],
        );
        count += r.rowCount ?? 0;
      }
      const lux = await c.query(
        `INSERT INTO lux_hour (series_id, bucket, lux_ms)
         SELECT s.id, b, GREATEST(0, 150 * sin(((b % ${D}) / ${D}.0) * 2 * pi())) * ${H}
         FROM series s, generate_series($1::bigint, $2::bigint - 1, ${H}::bigint) b WHERE s.quantity = 'illuminance'`,
        [from, to],
      );
      count += lux.rowCount ?? 0;
      // Autovacuum's steady state: statistics, and older pages marked all-visible (index-only scans need that).
      await c.query('VACUUM ANALYZE');
      await c.end();
      return count;
    },
    async done() {
      await server.stop();
    },
  };
}

const engines: Engine[] = argv.includes('--postgres-only') ? [] : [sqliteEngine()];
if (argv.includes('--postgres') || argv.includes('--postgres-only')) engines.push(await postgresEngine());
try {
  for (const e of engines) {
    if (!argv.includes('--charts-only')) {
      log(`${e.name}: ingest…`);
      await ingest(e);
    }
    if (argv.includes('--ingest-only')) continue;
    log(`${e.name}: year chart…`);
    await yearChart(e);
  }
} finally {
  for (const e of engines) await e.done();
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length), 6));
const header = ['engine', 'case', 'figure', 'detail', 'data'];
const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? c.length)).join(' | ');
console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}`);
for (const r of rows) console.log(line(r));
console.log('\nTargets (issue 14): at least 5,000 readings/s with history writes on; a year chart in under 300 ms.');
// Figures depend on what else the machine is doing; say so beside them.
console.log(`Machine: ${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(1)).join(' / ')} (1 / 5 / 15 min) at the end.`);
