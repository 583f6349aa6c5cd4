import { tmpdir } from 'node:os';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startPostgres, type PostgresService } from '../testing/services';
import { historyStoreCases } from '../testing/history-cases';
import { openHistoryStore } from './index';

let db: PostgresService | undefined;
// Generous: on a fresh machine the first run installs Debian's postgresql.
beforeAll(async () => {
  db = await startPostgres();
}, 600_000);
afterAll(async () => db?.stop(), 60_000);

describe('history in PostgreSQL (a real server, started by the test)', () => {
  historyStoreCases({
    async options() {
      return { databaseUrl: db!.url, dataDir: tmpdir() };
    },
    async sql(o, statement) {
      const client = new pg.Client(o.databaseUrl);
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    },
    backToSchema1: `DROP TABLE sensor_health; DROP TABLE history_meta; DROP TABLE lux_hour; UPDATE history_schema SET version = 1;
      ALTER TABLE readings DROP CONSTRAINT readings_pkey, ADD PRIMARY KEY (series_id, ms);
      ALTER TABLE rollup_hour DROP CONSTRAINT rollup_hour_pkey, ADD PRIMARY KEY (series_id, bucket);
      ALTER TABLE rollup_day DROP CONSTRAINT rollup_day_pkey, ADD PRIMARY KEY (series_id, bucket)`,
  });

  it('says where it could not connect and why, without the password', async () => {
    const port = await freePort();
    const failure = openHistoryStore({ databaseUrl: `postgresql://museum:s3cret@127.0.0.1:${port}/history`, dataDir: tmpdir() });
    await expect(failure).rejects.toThrow(new RegExp(`^Cannot connect to PostgreSQL at 127\\.0\\.0\\.1:${port}/history: .*ECONNREFUSED`));
    await expect(failure).rejects.not.toThrow(/s3cret/);
    const wrong = openHistoryStore({ databaseUrl: db!.url.replace(/:[^:@/]+@/, ':wrong@'), dataDir: tmpdir() });
    await expect(wrong).rejects.toThrow(/^Cannot connect to PostgreSQL at 127\.0\.0\.1:\d+\/postgres: password authentication failed/);
  });

  it('migrates a new database once when two servers open it together', async () => {
    const admin = new pg.Client(db!.url);
    await admin.connect();
    try {
      await admin.query('CREATE DATABASE fresh_history');
      const url = db!.url.replace(/\/postgres$/, '/fresh_history');
      const [a, b] = await Promise.all([openHistoryStore({ databaseUrl: url, dataDir: tmpdir() }), openHistoryStore({ databaseUrl: url, dataDir: tmpdir() })]);
      await Promise.all([a.close(), b.close()]);
      const fresh = new pg.Client(url);
      await fresh.connect();
      const { rows } = await fresh.query<{ version: number }>('SELECT version FROM history_schema');
      await fresh.end();
      expect(rows).toEqual([{ version: 4 }]);
    } finally {
      await admin.end();
    }
  });
});
