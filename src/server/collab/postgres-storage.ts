/**
 * Drafts and their history in PostgreSQL (node-postgres), when MUSEUM_DATABASE_URL is set: several server
 * instances then share them (joined live by Redis, collab.ts). Same tables and meaning as the SQLite store
 * (storage.ts), prefixed `collab_` beside the live twin's history tables. PostgreSQL's default
 * synchronous_commit=on makes an INSERT durable before its promise resolves.
 */
import pg from 'pg';
import * as Y from 'yjs';
import type { ChangeSummary } from './diff';
import { SqliteDraftStore, worksOf, type ChangeRecord, type DraftStore, type HistoryQuery } from './storage';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS collab_drafts (
    name text PRIMARY KEY, state bytea NOT NULL, upto bigint NOT NULL DEFAULT 0, seed bytea);
  CREATE TABLE IF NOT EXISTS collab_changes (
    seq bigserial PRIMARY KEY, draft text NOT NULL, "user" text NOT NULL, at timestamptz NOT NULL,
    summary jsonb NOT NULL, artworks text NOT NULL, update_data bytea NOT NULL);
  CREATE INDEX IF NOT EXISTS collab_changes_draft ON collab_changes (draft, seq);`;

/** Any id for the advisory lock that keeps two servers starting together from creating the tables at once. */
const SCHEMA_LOCK = 7_311_416;

export class PostgresDraftStore implements DraftStore {
  private constructor(private readonly pool: pg.Pool) {}

  static async open(url: string): Promise<PostgresDraftStore> {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    pool.on('error', () => undefined); // an idle client's lost connection: the next query reconnects
    const client = await pool.connect().catch(async (e: Error) => {
      await pool.end();
      throw new Error(`Co-curation could not reach PostgreSQL at MUSEUM_DATABASE_URL: ${e.message}`);
    });
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
      await client.query(SCHEMA);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    return new PostgresDraftStore(pool);
  }

  async load(name: string): Promise<Uint8Array | null> {
    const d = await this.pool.query<{ state: Buffer; upto: string }>('SELECT state, upto FROM collab_drafts WHERE name = $1', [name]);
    const row = d.rows[0];
    if (!row) return null;
    const later = await this.pool.query<{ update_data: Buffer }>('SELECT update_data FROM collab_changes WHERE draft = $1 AND seq > $2 ORDER BY seq', [name, row.upto]);
    return later.rows.length ? Y.mergeUpdates([row.state, ...later.rows.map((c) => c.update_data)]) : new Uint8Array(row.state);
  }

  async seed(name: string, state: Uint8Array): Promise<boolean> {
    const r = await this.pool.query('INSERT INTO collab_drafts (name, state, upto, seed) VALUES ($1, $2, 0, $2) ON CONFLICT (name) DO NOTHING', [name, Buffer.from(state)]);
    return r.rowCount === 1;
  }

  async saveState(name: string, state: Uint8Array, contains: (update: Uint8Array) => boolean): Promise<void> {
    const d = await this.pool.query<{ upto: string }>('SELECT upto FROM collab_drafts WHERE name = $1', [name]);
    let upto = Number(d.rows[0]?.upto ?? 0);
    const later = await this.pool.query<{ seq: string; update_data: Buffer }>('SELECT seq, update_data FROM collab_changes WHERE draft = $1 AND seq > $2 ORDER BY seq', [name, upto]);
    for (const c of later.rows) {
      if (!contains(c.update_data)) break;
      upto = Number(c.seq);
    }
    // GREATEST: another instance may have saved a state that covers more.
    await this.pool.query(
      `INSERT INTO collab_drafts (name, state, upto) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET state = excluded.state, upto = excluded.upto WHERE collab_drafts.upto <= excluded.upto`,
      [name, Buffer.from(state), upto],
    );
  }

  async appendChange(name: string, user: string, summary: readonly ChangeSummary[], update: Uint8Array, at = new Date()): Promise<number> {
    const r = await this.pool.query<{ seq: string }>(
      'INSERT INTO collab_changes (draft, "user", at, summary, artworks, update_data) VALUES ($1, $2, $3, $4, $5, $6) RETURNING seq',
      [name, user, at, JSON.stringify(summary), worksOf(summary), Buffer.from(update)],
    );
    return Number(r.rows[0]!.seq);
  }

  async history(name: string, o: HistoryQuery = {}): Promise<ChangeRecord[]> {
    const args: unknown[] = [name, o.before ?? Number.MAX_SAFE_INTEGER, o.limit ?? 100];
    if (o.artwork) args.push(`%,${o.artwork.replace(/[\\%_]/g, (c) => `\\${c}`)},%`);
    const r = await this.pool.query<{ seq: string; user: string; at: Date; summary: ChangeSummary[] }>(
      `SELECT seq, "user", at, summary FROM collab_changes WHERE draft = $1 AND seq < $2 ${o.artwork ? 'AND artworks LIKE $4' : ''} ORDER BY seq DESC LIMIT $3`,
      args,
    );
    return r.rows.map((row) => ({ seq: Number(row.seq), user: row.user, at: row.at.toISOString(), summary: row.summary }));
  }

  async updatesUpTo(name: string, seq: number): Promise<{ seed: Uint8Array; updates: Uint8Array[] } | null> {
    const d = await this.pool.query<{ seed: Buffer | null }>('SELECT seed FROM collab_drafts WHERE name = $1', [name]);
    const seed = d.rows[0]?.seed;
    if (!seed) return null;
    const r = await this.pool.query<{ update_data: Buffer }>('SELECT update_data FROM collab_changes WHERE draft = $1 AND seq <= $2 ORDER BY seq', [name, seq]);
    return { seed: new Uint8Array(seed), updates: r.rows.map((c) => new Uint8Array(c.update_data)) };
  }

  async lastSeq(name: string): Promise<number> {
    const r = await this.pool.query<{ m: string }>('SELECT COALESCE(MAX(seq), 0) AS m FROM collab_changes WHERE draft = $1', [name]);
    return Number(r.rows[0]!.m);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** The store the settings ask for. */
export async function openDraftStore(o: { dataDir: string; databaseUrl?: string | undefined }): Promise<DraftStore> {
  if (o.databaseUrl) return PostgresDraftStore.open(o.databaseUrl);
  return SqliteDraftStore.open(o.dataDir);
}
