/**
 * Scale-out, for real: Debian's redis-server and postgresql (started here), two server instances as child
 * processes (`npm run serve`'s command) with MUSEUM_REDIS_URL and MUSEUM_DATABASE_URL, each with its own data
 * folder, so all they share is the database and Redis. An edit made through one reaches a curator on the other
 * within a second; a SIGKILL mid-edit loses no change that was acknowledged (PostgreSQL's change log).
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LiveServer } from '../server';
import { childServers, type ChildServers } from '../testing/child-server';
import { startPostgres, startRedis, type PostgresService, type RedisService } from '../testing/services';
import { artworkText } from './doc-model';
import { acknowledged, connect, EXHIBITION, until, type TestClient } from './testing';

const PASSWORD = 'scale-out-admin-password';
let db: PostgresService | undefined;
let redis: RedisService | undefined;
const groups: ChildServers[] = [];
const clients: TestClient[] = [];

const instance = (): ChildServers => {
  const g = childServers('collab-scale-', { MUSEUM_ADMIN_PASSWORD: PASSWORD, MUSEUM_DATABASE_URL: db!.url, MUSEUM_REDIS_URL: redis!.url });
  groups.push(g);
  return g;
};

async function curatorOn(url: string): Promise<TestClient> {
  const r = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'admin', password: PASSWORD }) });
  expect(r.status).toBe(200);
  const c = await connect({ url } as LiveServer, r.headers.getSetCookie()[0]!.split(';')[0]!);
  clients.push(c);
  return c;
}

const exited = (child: { once(e: 'exit', f: () => void): unknown; exitCode: number | null }) =>
  new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', r)));

beforeAll(async () => {
  [db, redis] = await Promise.all([startPostgres(), startRedis()]);
}, 600_000);

afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const g of groups) g.cleanUp();
  await Promise.all([db?.stop(), redis?.stop()]);
}, 60_000);

it('relays an edit made on one instance to a curator on the other within a second, and keeps acknowledged edits across a SIGKILL', { timeout: 240_000 }, async () => {
  const [one, two] = await Promise.all([instance().start(), instance().start()]);
  const a = await curatorOn(one.url);
  const b = await curatorOn(two.url);
  const work = EXHIBITION.artworks[0]!.id;

  // Through instance one, seen on instance two.
  const sent = performance.now();
  artworkText(a.doc, work, 'label', 'en')!.insert(0, 'Rehung by the east window. ');
  await until(b.doc, () => artworkText(b.doc, work, 'label', 'en')!.toString().startsWith('Rehung by the east window. '), 'the edit on the other instance');
  const relayed = performance.now() - sent;
  expect(relayed).toBeLessThan(1000);
  // And back: a text typed on two reaches one.
  artworkText(b.doc, work, 'title', 'en')!.insert(0, '★ ');
  await until(a.doc, () => artworkText(a.doc, work, 'title', 'en')!.toString().startsWith('★ '), 'the edit back on the first instance');

  // Instance two goes away cleanly; instance one is killed mid-edit, after the server acknowledged the edits.
  b.destroy();
  two.child.kill('SIGTERM');
  await exited(two.child);
  const label = artworkText(a.doc, work, 'label', 'en')!;
  for (let i = 0; i < 30; i++) label.insert(0, `k${i} `);
  await acknowledged(a);
  const expected = label.toString();
  one.child.kill('SIGKILL');
  a.destroy();
  await exited(one.child);

  // The compacted state (debounced) does not have them: only PostgreSQL's change log can bring them back.
  const client = new pg.Client(db!.url);
  await client.connect();
  const { rows } = await client.query<{ upto: string; last: string }>(
    'SELECT d.upto, (SELECT MAX(seq) FROM collab_changes WHERE draft = d.name) AS last FROM collab_drafts d WHERE d.name = $1',
    [EXHIBITION.id],
  );
  await client.end();
  expect(Number(rows[0]!.last)).toBeGreaterThan(Number(rows[0]!.upto));

  // A third instance, with a data folder of its own, opens the draft from PostgreSQL with every acknowledged edit.
  const three = await instance().start();
  const c = await curatorOn(three.url);
  expect(artworkText(c.doc, work, 'label', 'en')!.toString()).toBe(expected);
  expect(artworkText(c.doc, work, 'title', 'en')!.toString().startsWith('★ ')).toBe(true);
  console.log(`scale-out: an edit reached the other instance in ${relayed.toFixed(0)} ms`);
});
