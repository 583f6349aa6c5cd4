/**
 * Where drafts live: SQLite in the data folder (<dataDir>/collab.sqlite, better-sqlite3) by default, PostgreSQL
 * (postgres-storage.ts) when MUSEUM_DATABASE_URL is set. Two tables, the same in both:
 *   drafts   each draft's seed (the JSON it started from, as a Yjs update) and its compacted Yjs state, written
 *            by @hocuspocus/extension-database (debounced), with `upto`: the last change the state covers
 *   changes  every change as it is applied: who, when, what (a JSON summary of paths), and the Yjs update
 * A change is appended (and awaited) before Hocuspocus applies and acknowledges the update (collab.ts), so an
 * acknowledged change survives a SIGKILL: loading a draft applies its state and then every change after `upto`
 * (Yjs updates are idempotent, so overlap is harmless). Seed + changes up to seq N rebuild the draft as it was
 * after change N: that is what history compares and restores.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import * as Y from 'yjs';
import type { ChangeSummary } from './diff';

export interface ChangeRecord {
  readonly seq: number;
  readonly user: string;
  readonly at: string;
  readonly summary: ChangeSummary[];
}

export interface HistoryQuery {
  readonly artwork?: string;
  readonly limit?: number;
  readonly before?: number;
}

/** The draft storage both backends offer. Every write is durable when its promise resolves. */
export interface DraftStore {
  /** The draft's full state (compacted state and every later change merged), or null for a new draft. */
  load(name: string): Promise<Uint8Array | null>;
  /** A new draft's first state; kept as its seed too. Returns false when another instance seeded it first. */
  seed(name: string, state: Uint8Array): Promise<boolean>;
  /**
   * The compacted state. `contains` says whether the state has a change's update: `upto` advances over the
   * changes it has, in order (with several instances, a change may be on disk before this one received it).
   */
  saveState(name: string, state: Uint8Array, contains: (update: Uint8Array) => boolean): Promise<void>;
  /** Appends one change; resolves with its sequence number once it is on disk. */
  appendChange(name: string, user: string, summary: readonly ChangeSummary[], update: Uint8Array, at?: Date): Promise<number>;
  /** The history of a draft, newest first, or of one work in it. */
  history(name: string, q?: HistoryQuery): Promise<ChangeRecord[]>;
  /** The seed and the updates of every change up to `seq`, in order; null when the draft has no seed. */
  updatesUpTo(name: string, seq: number): Promise<{ seed: Uint8Array; updates: Uint8Array[] } | null>;
  /** The newest change's number (0 for none). */
  lastSeq(name: string): Promise<number>;
  close(): Promise<void>;
}

/** The works a change touches, stored as ",a,b," so one work's history is a substring match. */
export function worksOf(summary: readonly ChangeSummary[]): string {
  const works = new Set(summary.map((s) => /^artworks\.([^.]+)/.exec(s.path)?.[1]).filter((id): id is string => !!id && id !== '#order'));
  return works.size ? `,${[...works].join(',')},` : '';
}

/** Rebuilds a draft from its seed and changes. */
export function rebuild(seed: Uint8Array, updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.mergeUpdates([seed, ...updates]));
  return doc;
}

export class SqliteDraftStore implements DraftStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS drafts (
        name TEXT PRIMARY KEY,
        state BLOB NOT NULL,
        upto INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE IF NOT EXISTS changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        draft TEXT NOT NULL,
        user TEXT NOT NULL,
        at TEXT NOT NULL,
        summary TEXT NOT NULL,
        artworks TEXT NOT NULL,
        update_data BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS changes_draft ON changes(draft, seq);
    `);
    // Drafts made before history kept their seed have none (they cannot be rebuilt at an earlier change).
    const columns = this.db.prepare('PRAGMA table_info(drafts)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'seed')) this.db.exec('ALTER TABLE drafts ADD COLUMN seed BLOB');
  }

  static open(dataDir: string): SqliteDraftStore {
    return new SqliteDraftStore(join(dataDir, 'collab.sqlite'));
  }

  async load(name: string): Promise<Uint8Array | null> {
    const d = this.db.prepare('SELECT state, upto FROM drafts WHERE name = ?').get(name) as { state: Buffer; upto: number } | undefined;
    if (!d) return null;
    const later = this.db.prepare('SELECT update_data FROM changes WHERE draft = ? AND seq > ? ORDER BY seq').all(name, d.upto) as { update_data: Buffer }[];
    return later.length ? Y.mergeUpdates([d.state, ...later.map((c) => c.update_data)]) : new Uint8Array(d.state);
  }

  async seed(name: string, state: Uint8Array): Promise<boolean> {
    return this.db.prepare('INSERT INTO drafts (name, state, upto, seed) VALUES (?, ?, 0, ?) ON CONFLICT(name) DO NOTHING').run(name, state, state).changes === 1;
  }

  async saveState(name: string, state: Uint8Array, contains: (update: Uint8Array) => boolean): Promise<void> {
    if (!this.db.open) return; // a debounced store after close: close() wrote the state already
    const d = this.db.prepare('SELECT upto FROM drafts WHERE name = ?').get(name) as { upto: number } | undefined;
    let upto = d?.upto ?? 0;
    const later = this.db.prepare('SELECT seq, update_data FROM changes WHERE draft = ? AND seq > ? ORDER BY seq').all(name, upto) as { seq: number; update_data: Buffer }[];
    for (const c of later) {
      if (!contains(c.update_data)) break;
      upto = c.seq;
    }
    this.db.prepare('INSERT INTO drafts (name, state, upto) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET state = excluded.state, upto = excluded.upto').run(name, state, upto);
  }

  async appendChange(name: string, user: string, summary: readonly ChangeSummary[], update: Uint8Array, at = new Date()): Promise<number> {
    const r = this.db
      .prepare('INSERT INTO changes (draft, user, at, summary, artworks, update_data) VALUES (?, ?, ?, ?, ?, ?)')
      .run(name, user, at.toISOString(), JSON.stringify(summary), worksOf(summary), update);
    return Number(r.lastInsertRowid);
  }

  async history(name: string, o: HistoryQuery = {}): Promise<ChangeRecord[]> {
    const rows = this.db
      .prepare(`SELECT seq, user, at, summary FROM changes WHERE draft = ? AND seq < ? ${o.artwork ? 'AND instr(artworks, ?) > 0' : ''} ORDER BY seq DESC LIMIT ?`)
      .all(...[name, o.before ?? Number.MAX_SAFE_INTEGER, ...(o.artwork ? [`,${o.artwork},`] : []), o.limit ?? 100]) as { seq: number; user: string; at: string; summary: string }[];
    return rows.map((r) => ({ seq: r.seq, user: r.user, at: r.at, summary: JSON.parse(r.summary) as ChangeSummary[] }));
  }

  async updatesUpTo(name: string, seq: number): Promise<{ seed: Uint8Array; updates: Uint8Array[] } | null> {
    const d = this.db.prepare('SELECT seed FROM drafts WHERE name = ?').get(name) as { seed: Buffer | null } | undefined;
    if (!d?.seed) return null;
    const rows = this.db.prepare('SELECT update_data FROM changes WHERE draft = ? AND seq <= ? ORDER BY seq').all(name, seq) as { update_data: Buffer }[];
    return { seed: new Uint8Array(d.seed), updates: rows.map((r) => new Uint8Array(r.update_data)) };
  }

  async lastSeq(name: string): Promise<number> {
    return (this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS m FROM changes WHERE draft = ?').get(name) as { m: number }).m;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
