/**
 * Where saved What if scenarios live: the same database as the live twin's history (src/server/history/), so a
 * museum that runs its server on PostgreSQL (MUSEUM_DATABASE_URL, several server processes) sees one list from
 * every process. Embedded SQLite in `<dataDir>/scenarios.sqlite` (better-sqlite3) otherwise. One row per
 * exhibition and scenario name; the scenario itself is stored as its JSON.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Scenario } from '../twin/simulate';

export interface SavedScenario extends Scenario {
  savedBy: string;
  savedAt: string;
}

export interface ScenarioStore {
  /** An exhibition's scenarios, by name. */
  list(exhibition: string): Promise<SavedScenario[]>;
  count(exhibition: string): Promise<number>;
  has(exhibition: string, name: string): Promise<boolean>;
  /** Saves or replaces; true when it is new. */
  save(exhibition: string, scenario: Scenario, by: string, at?: Date): Promise<boolean>;
  /** True when there was one to delete. */
  remove(exhibition: string, name: string): Promise<boolean>;
  close(): Promise<void>;
}

interface Row {
  body: string;
  saved_by: string;
  saved_at: string;
}
const saved = (r: Row): SavedScenario => ({ ...(JSON.parse(r.body) as Scenario), savedBy: r.saved_by, savedAt: r.saved_at });

const TABLE = `CREATE TABLE IF NOT EXISTS scenarios (
  exhibition TEXT NOT NULL, name TEXT NOT NULL, body TEXT NOT NULL, saved_by TEXT NOT NULL, saved_at TEXT NOT NULL,
  PRIMARY KEY (exhibition, name))`;

function openSqlite(file: string): ScenarioStore {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(TABLE);
  const has = (exhibition: string, name: string) => !!db.prepare('SELECT 1 FROM scenarios WHERE exhibition = ? AND name = ?').get(exhibition, name);
  return {
    list: async (exhibition) => (db.prepare('SELECT body, saved_by, saved_at FROM scenarios WHERE exhibition = ? ORDER BY name').all(exhibition) as Row[]).map(saved),
    count: async (exhibition) => (db.prepare('SELECT count(*) AS n FROM scenarios WHERE exhibition = ?').get(exhibition) as { n: number }).n,
    has: async (exhibition, name) => has(exhibition, name),
    async save(exhibition, scenario, by, at = new Date()) {
      const isNew = !has(exhibition, scenario.name);
      db.prepare(
        'INSERT INTO scenarios (exhibition, name, body, saved_by, saved_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (exhibition, name) DO UPDATE SET body = excluded.body, saved_by = excluded.saved_by, saved_at = excluded.saved_at',
      ).run(exhibition, scenario.name, JSON.stringify(scenario), by, at.toISOString());
      return isNew;
    },
    remove: async (exhibition, name) => db.prepare('DELETE FROM scenarios WHERE exhibition = ? AND name = ?').run(exhibition, name).changes > 0,
    close: async () => void db.close(),
  };
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

async function openPostgres(url: string): Promise<ScenarioStore> {
  const { default: pg } = await import('pg'); // node-postgres, as the history store
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 10_000 });
  pool.on('error', (e) => console.error(`Scenarios (PostgreSQL ${where(url)}): ${e.message}`));
  try {
    // Two servers starting together both run this; CREATE TABLE IF NOT EXISTS can still race, hence the lock.
    await pool.query(`DO $$ BEGIN PERFORM pg_advisory_xact_lock(7311419); ${TABLE}; END $$`);
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new Error(`Cannot prepare the scenarios table in PostgreSQL at ${where(url)}: ${(e as Error).message}`);
  }
  return {
    list: async (exhibition) => (await pool.query<Row>('SELECT body, saved_by, saved_at FROM scenarios WHERE exhibition = $1 ORDER BY name', [exhibition])).rows.map(saved),
    count: async (exhibition) => Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM scenarios WHERE exhibition = $1', [exhibition])).rows[0]!.n),
    has: async (exhibition, name) => (await pool.query('SELECT 1 FROM scenarios WHERE exhibition = $1 AND name = $2', [exhibition, name])).rowCount! > 0,
    async save(exhibition, scenario, by, at = new Date()) {
      // xmax is 0 on a row this statement inserted, the updating transaction's id on one it replaced.
      const got = await pool.query<{ inserted: boolean }>(
        `INSERT INTO scenarios (exhibition, name, body, saved_by, saved_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (exhibition, name) DO UPDATE SET body = excluded.body, saved_by = excluded.saved_by, saved_at = excluded.saved_at
         RETURNING (xmax = 0) AS inserted`,
        [exhibition, scenario.name, JSON.stringify(scenario), by, at.toISOString()],
      );
      return got.rows[0]!.inserted;
    },
    remove: async (exhibition, name) => (await pool.query('DELETE FROM scenarios WHERE exhibition = $1 AND name = $2', [exhibition, name])).rowCount! > 0,
    close: () => pool.end(),
  };
}

/** The store for this server: PostgreSQL when `databaseUrl` names one (as the history), else SQLite in `dataDir`. */
export async function openScenarioStore(o: { dataDir: string; databaseUrl?: string | undefined }): Promise<ScenarioStore> {
  const url = o.databaseUrl?.trim();
  if (url && /^postgres(ql)?:\/\//i.test(url)) return openPostgres(url);
  return openSqlite(join(o.dataDir, 'scenarios.sqlite'));
}
