import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { historyStoreCases } from '../testing/history-cases';
import { openHistoryStore } from './index';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('history in SQLite', () => {
  historyStoreCases({
    async options() {
      const dataDir = mkdtempSync(join(tmpdir(), 'museum-history-'));
      dirs.push(dataDir);
      return { dataDir };
    },
    async sql(o, statement) {
      const db = new Database(join(o.dataDir, 'history.sqlite'));
      db.exec(statement);
      db.close();
    },
    backToSchema1: 'DROP TABLE sensor_health; DROP TABLE history_meta; DROP TABLE lux_hour; PRAGMA user_version = 1',
  });

  it('writes <dataDir>/history.sqlite in WAL mode with full sync, and refuses a newer schema', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'museum-history-'));
    dirs.push(dataDir);
    await (await openHistoryStore({ dataDir: join(dataDir, 'new', 'folder') })).close();
    const db = new Database(join(dataDir, 'new', 'folder', 'history.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    db.pragma('user_version = 999');
    db.close();
    await expect(openHistoryStore({ dataDir: join(dataDir, 'new', 'folder') })).rejects.toThrow(/schema version 999, newer/);
  });

  it('names the problem with a database URL that is not PostgreSQL', async () => {
    await expect(openHistoryStore({ databaseUrl: 'mysql://u:p@db/museum', dataDir: tmpdir() })).rejects.toThrow(
      /must start with postgres:\/\/ or postgresql:\/\/ \(got "mysql:…"\)/,
    );
  });
});
