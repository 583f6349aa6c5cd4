/**
 * A server killed with SIGKILL mid-edit loses no change it had acknowledged: each change is written before
 * Hocuspocus acknowledges it, not when the debounced compacted state is stored. The server runs as a child
 * process (`npm run serve`'s command), so the kill is a real one; MUSEUM_ADMIN_PASSWORD makes the user.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { childServers } from '../testing/child-server';
import type { LiveServer } from '../server';
import { artworkText } from './doc-model';
import { acknowledged, connect } from './testing';

const PASSWORD = 'durability-admin-password';
const servers = childServers('collab-durability-', { MUSEUM_ADMIN_PASSWORD: PASSWORD });
const serve = () => servers.start();

afterAll(() => servers.cleanUp());

async function signIn(url: string): Promise<string> {
  const r = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'admin', password: PASSWORD }) });
  expect(r.status).toBe(200);
  return r.headers.getSetCookie()[0]!.split(';')[0]!;
}

it('keeps every acknowledged edit of a draft across a SIGKILL', { timeout: 120_000 }, async () => {
  const first = await serve();
  const cookie = await signIn(first.url);
  const a = await connect({ url: first.url } as LiveServer, cookie);
  const text = artworkText(a.doc, 'harbour-lights', 'label', 'en')!;
  const words = Array.from({ length: 40 }, (_, i) => `w${i} `);
  for (const w of words) text.insert(0, w); // 40 separate updates, each its own message
  await acknowledged(a);
  const expected = text.toString();
  first.child.kill('SIGKILL');
  a.destroy(); // in the same tick: the client gets no chance to reconnect to a dead server
  await new Promise((r) => first.child.once('exit', r));
  // The edits were not yet in the compacted state (debounced): only the change log can bring them back.
  const db = new Database(join(servers.dataDir, 'collab.sqlite'), { readonly: true });
  const { upto } = db.prepare('SELECT upto FROM drafts').get() as { upto: number };
  const { last } = db.prepare('SELECT MAX(seq) AS last FROM changes').get() as { last: number };
  db.close();
  expect(last).toBeGreaterThan(upto);

  const second = await serve();
  const b = await connect({ url: second.url } as LiveServer, await signIn(second.url));
  expect(artworkText(b.doc, 'harbour-lights', 'label', 'en')!.toString()).toBe(expected);
  b.destroy();
  second.child.kill('SIGTERM');
  await new Promise((r) => second.child.once('exit', r));
});
