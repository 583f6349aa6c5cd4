/**
 * A draft stored while the credits were one plain list (last writer wins) is put in the per-credit form when the
 * server loads it, once, as a change of its own in the history; the credits read the same, and a curator can
 * type in one at once.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { creditsOf, creditText } from '../../curate/text-fields';
import { exhibitionMap, exhibitionToDoc } from './doc-model';
import { openDraftStore } from './postgres-storage';
import { acknowledged, connect, EXHIBITION, removeDir, startTestServer, until, type TestServer } from './testing';

let t: TestServer | undefined;
afterAll(async () => {
  await t?.close();
  if (t) removeDir(t.dataDir);
});

it('upgrades a draft stored with plain credits, once, and a curator types in one', { timeout: 120_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'collab-credits-'));
  const old = exhibitionToDoc(EXHIBITION as never);
  old.transact(() => exhibitionMap(old).set('credits', structuredClone(EXHIBITION.credits) as unknown[]));
  const store = await openDraftStore({ dataDir });
  expect(await store.seed(EXHIBITION.id, Y.encodeStateAsUpdate(old))).toBe(true);
  await store.close();

  t = await startTestServer({ ana: { role: 'curator' } }, dataDir);
  const cookie = await t.signIn('ana');
  const a = await connect(t.server, cookie);
  expect(exhibitionMap(a.doc).get('credits')).toBeInstanceOf(Y.Array);
  expect(creditsOf(a.doc)).toEqual(EXHIBITION.credits);
  creditText(a.doc, 0, 'name', '', false)!.insert(0, 'The ');
  await acknowledged(a);
  const b = await connect(t.server, cookie);
  await until(b.doc, () => creditsOf(b.doc)[0]?.name.startsWith('The ') === true, 'the typed name');
  const r = await fetch(`${t.server.url}/api/exhibitions/${EXHIBITION.id}/changes`, { headers: { cookie } });
  const changes = (await r.json()) as { user: string; summary: { path: string }[] }[];
  expect(changes.filter((c) => c.user === 'server').map((c) => c.summary.map((s) => s.path))).toEqual([['credits']]);
  a.destroy();
  b.destroy();
});
