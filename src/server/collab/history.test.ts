/**
 * The draft's history over HTTP: a version at any change, two versions compared, an earlier one restored as a
 * new change that leaves later condition reports and community protocol changes as they are.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { artworksMap, artworkText, toY } from './doc-model';
import { acknowledged, connect, EXHIBITION, removeDir, startTestServer, until, type TestServer } from './testing';

let t: TestServer;
let cookies: Record<string, string>;
const ID = EXHIBITION.id;
const WORK = EXHIBITION.artworks[0]!.id;
const VEILED = 'veiled-processional-object';

beforeAll(async () => {
  t = await startTestServer({ ana: { role: 'curator' }, cy: { role: 'conservator' }, kim: { role: 'keeper', community: 'san-ravo' } });
  cookies = Object.fromEntries(await Promise.all(['ana', 'cy', 'kim'].map(async (n) => [n, await t.signIn(n)] as const)));
}, 120_000);

afterAll(async () => {
  await t?.close();
  if (t) removeDir(t.dataDir);
});

const api = (path: string, cookie?: string, body?: unknown) =>
  fetch(`${t.server.url}/api/exhibitions/${ID}${path}`, {
    ...(body ? { method: 'POST', body: JSON.stringify(body) } : {}),
    headers: { ...(cookie ? { cookie } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
  });

const field = (doc: Y.Doc, work: string, name: string) => artworksMap(doc).get(work)!.get(name) as Y.Map<unknown>;

it('compares versions and restores an earlier layout without undoing a later condition report or protocol change', { timeout: 60_000 }, async () => {
  const ana = await connect(t.server, cookies.ana);
  const cy = await connect(t.server, cookies.cy);
  const kim = await connect(t.server, cookies.kim);
  const offset = field(ana.doc, WORK, 'placement').get('offset') as number;
  const label = artworkText(ana.doc, WORK, 'label', 'en')!.toString();
  // A first change, so the version to go back to is a change in the history.
  artworkText(ana.doc, WORK, 'title', 'en')!.insert(0, '· ');
  await acknowledged(ana);
  const [start] = (await (await api('/changes?limit=1', cookies.ana)).json()) as { seq: number }[];

  field(ana.doc, WORK, 'placement').set('offset', offset + 1);
  artworkText(ana.doc, WORK, 'label', 'en')!.insert(0, 'Moved: ');
  await acknowledged(ana);
  (field(cy.doc, WORK, 'conservation').get('reports') as Y.Array<unknown>).push([toY({ id: 'cr-2026', date: '2026-12-06', examiner: 'Cy', condition: 'fair' })]);
  await acknowledged(cy);
  field(kim.doc, VEILED, 'sensitivity').set('level', 'secret');
  await acknowledged(kim);

  const compared = (await (await api(`/compare?from=${start!.seq}`, cookies.cy)).json()) as { differences: { kind: string; path: string }[] };
  expect(compared.differences).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ kind: 'moved', path: `artworks.${WORK}.placement.offset` }),
      expect.objectContaining({ kind: 'text', path: `artworks.${WORK}.label.en` }),
      expect.objectContaining({ kind: 'added', path: `artworks.${WORK}.conservation.reports.cr-2026` }),
      expect.objectContaining({ kind: 'changed', path: `artworks.${VEILED}.sensitivity.level` }),
    ]),
  );
  const then = (await (await api(`/changes/${start!.seq}`, cookies.kim)).json()) as { artworks: { id: string; placement: { offset: number } }[] };
  expect(then.artworks.find((w) => w.id === WORK)!.placement.offset).toBe(offset);

  expect((await api('/restore', undefined, { seq: start!.seq })).status).toBe(401);
  expect((await api('/restore', cookies.cy, { seq: start!.seq })).status).toBe(403);
  expect((await api('/compare?from=1')).status).toBe(401);
  expect((await api('/restore', cookies.ana, { seq: 'yesterday' })).status).toBe(400);
  expect((await api('/restore', cookies.ana, { seq: 999_999 })).status).toBe(404);
  const restored = await api('/restore', cookies.ana, { seq: start!.seq });
  expect(restored.status).toBe(201);

  // Everyone's open draft goes back to the earlier layout and label, and keeps the report and the protocol.
  await until(kim.doc, () => field(kim.doc, WORK, 'placement').get('offset') === offset, 'the restored place at the keeper');
  expect(artworkText(kim.doc, WORK, 'label', 'en')!.toString()).toBe(label);
  expect((field(kim.doc, WORK, 'conservation').get('reports') as Y.Array<Y.Map<unknown>>).toArray().map((r) => r.get('id'))).toContain('cr-2026');
  expect(field(kim.doc, VEILED, 'sensitivity').get('level')).toBe('secret');
  const [last] = (await (await api('/changes?limit=1', cookies.ana)).json()) as { user: string; summary: { path: string }[] }[];
  expect(last!.user).toBe('ana');
  expect(last!.summary.map((s) => s.path)).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^artworks\\.${WORK}\\.(placement|label)`))]));
  for (const c of [ana, cy, kim]) c.destroy();
});
