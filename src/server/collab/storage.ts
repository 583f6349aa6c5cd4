/**
 * Where drafts live (<dataDir>/collab.sqlite, better-sqlite3). Two tables:
 *   drafts   the compacted Yjs state of each draft, written by @hocuspocus/extension-database (debounced)
 *   changes  every change as it is applied: who, when, what (a JSON summary of paths), and the Yjs update
 * A change is appended synchronously inside the Yjs update event, before Hocuspocus acknowledges the update
 * to the client, so an acknowledged change survives a SIGKILL: loading a draft applies its state and then every
 * change after it (Yjs updates are idempotent, so overlap is harmless).
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

export class DraftStore {
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
  }

  static open(dataDir: string): DraftStore {
    return new DraftStore(join(dataDir, 'collab.sqlite'));
  }

  /** The draft's full state (compacted state and every later change merged), or null for a new draft. */
  load(name: string): Uint8Array | null {
    const d = this.db.prepare('SELECT state, upto FROM drafts WHERE name = ?').get(name) as { state: Buffer; upto: number } | undefined;
    if (!d) return null;
    const later = this.db.prepare('SELECT update_data FROM changes WHERE draft = ? AND seq > ? ORDER BY seq').all(name, d.upto) as { update_data: Buffer }[];
    return later.length ? Y.mergeUpdates([d.state, ...later.map((c) => c.update_data)]) : new Uint8Array(d.state);
  }

  /** The compacted state, which covers every change appended so far (called synchronously after encoding it). */
  saveState(name: string, state: Uint8Array): void {
    if (!this.db.open) return; // a debounced store after close: close() wrote the state already
    const upto = (this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS m FROM changes WHERE draft = ?').get(name) as { m: number }).m;
    this.db.prepare('INSERT INTO drafts (name, state, upto) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET state = excluded.state, upto = excluded.upto').run(name, state, upto);
  }

  /** Appends one applied change (synchronous: it is on disk when this returns). */
  appendChange(name: string, user: string, summary: readonly ChangeSummary[], update: Uint8Array, at = new Date()): void {
    const works = new Set(summary.map((s) => /^artworks\.([^.]+)/.exec(s.path)?.[1]).filter((id): id is string => !!id && id !== '#order'));
    this.db
      .prepare('INSERT INTO changes (draft, user, at, summary, artworks, update_data) VALUES (?, ?, ?, ?, ?, ?)')
      .run(name, user, at.toISOString(), JSON.stringify(summary), works.size ? `,${[...works].join(',')},` : '', update);
  }

  /** The history of a draft, newest first, or of one work in it. */
  history(name: string, o: { artwork?: string; limit?: number; before?: number } = {}): ChangeRecord[] {
    const rows = this.db
      .prepare(
        `SELECT seq, user, at, summary FROM changes WHERE draft = ? AND seq < ? ${o.artwork ? 'AND instr(artworks, ?) > 0' : ''} ORDER BY seq DESC LIMIT ?`,
      )
      .all(...[name, o.before ?? Number.MAX_SAFE_INTEGER, ...(o.artwork ? [`,${o.artwork},`] : []), o.limit ?? 100]) as { seq: number; user: string; at: string; summary: string }[];
    return rows.map((r) => ({ seq: r.seq, user: r.user, at: r.at, summary: JSON.parse(r.summary) as ChangeSummary[] }));
  }

  close(): void {
    this.db.close();
  }
}
