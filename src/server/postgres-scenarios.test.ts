/**
 * Saved What if scenarios on a server that runs on PostgreSQL (MUSEUM_DATABASE_URL, Debian's PostgreSQL started by
 * the test): a scenario saved through one server is listed by the next one started with a fresh data folder, so
 * it lives in PostgreSQL (where every process of the museum's server sees it), not in a local SQLite file.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AccountStore } from './accounts/store';
import { removeDir } from './collab/testing';
import { DEFAULT_EXHIBITION } from './config';
import { startServer, type LiveServer } from './server';
import { startPostgres, type PostgresService } from './testing/services';

const ID = 'castelrovo-collections';
let pg: PostgresService;
const dirs: string[] = [];

beforeAll(async () => {
  pg = await startPostgres();
}, 180_000);

afterAll(async () => {
  await pg?.stop();
  for (const d of dirs) removeDir(d);
});

/** A server on the test's PostgreSQL with a new, empty data folder holding one curator. */
async function start(): Promise<{ server: LiveServer; dataDir: string; cookie: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'scenarios-pg-'));
  dirs.push(dataDir);
  const accounts = AccountStore.open(dataDir);
  await accounts.add({ name: 'ana', role: 'curator', password: 'curator-password' });
  accounts.close();
  const server = await startServer({ port: 0, mqttPort: 0, serveApp: false, dataDir, exhibitions: [DEFAULT_EXHIBITION], log: false, databaseUrl: pg.url });
  const res = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'ana', password: 'curator-password' }) });
  expect(res.status).toBe(200);
  return { server, dataDir, cookie: res.headers.getSetCookie()[0]!.split(';')[0]! };
}

it('keeps saved scenarios in PostgreSQL: a server with another data folder lists, replaces and deletes them', { timeout: 90_000 }, async () => {
  const url = (s: LiveServer, name = '') => `${s.url}/api/exhibitions/${ID}/scenarios${name ? `/${encodeURIComponent(name)}` : ''}`;
  const closed = { name: 'Cabinet closed', changes: [{ kind: 'closeRoom', room: 'cabinet' }] };
  const first = await start();
  try {
    const put = await fetch(url(first.server, closed.name), { method: 'PUT', headers: { 'content-type': 'application/json', cookie: first.cookie }, body: JSON.stringify(closed) });
    expect(put.status, await put.text()).toBe(201);
    expect(existsSync(join(first.dataDir, 'scenarios.sqlite'))).toBe(false);
  } finally {
    await first.server.close();
  }

  const second = await start();
  try {
    const listed = (await (await fetch(url(second.server), { headers: { cookie: second.cookie } })).json()) as { name: string; changes: unknown[]; savedBy: string }[];
    expect(listed).toEqual([expect.objectContaining({ name: 'Cabinet closed', changes: closed.changes, savedBy: 'ana' })]);
    // Saved again under the same name it is replaced (200, not a second row).
    const brighter = { ...closed, changes: [...closed.changes, { kind: 'lightLevel', room: 'gallery', lux: 300 }] };
    const again = await fetch(url(second.server, closed.name), { method: 'PUT', headers: { 'content-type': 'application/json', cookie: second.cookie }, body: JSON.stringify(brighter) });
    expect(again.status).toBe(200);
    const now = (await (await fetch(url(second.server), { headers: { cookie: second.cookie } })).json()) as { changes: unknown[] }[];
    expect(now.map((s) => s.changes)).toEqual([brighter.changes]);
    expect((await fetch(url(second.server, closed.name), { method: 'DELETE', headers: { cookie: second.cookie } })).status).toBe(204);
    expect((await fetch(url(second.server, closed.name), { method: 'DELETE', headers: { cookie: second.cookie } })).status).toBe(404);
  } finally {
    await second.server.close();
  }
});
