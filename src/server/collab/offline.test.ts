/**
 * Offline edits merge on reconnect: one curator's connection drops, both keep editing (the same text, and
 * different works), and when it comes back both sets of edits are in everyone's draft and in the history.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { artworksMap, artworkText } from './doc-model';
import { acknowledged, connect, EXHIBITION, removeDir, startTestServer, until, type TestServer } from './testing';

let t: TestServer;
let cookies: Record<string, string>;

beforeAll(async () => {
  t = await startTestServer({ ana: { role: 'curator' }, bo: { role: 'curator' } });
  cookies = { ana: await t.signIn('ana'), bo: await t.signIn('bo') };
}, 120_000);

afterAll(async () => {
  await t?.close();
  if (t) removeDir(t.dataDir);
});

it('keeps both curators’ edits when one was offline while both edited', { timeout: 60_000 }, async () => {
  const [first, second] = [EXHIBITION.artworks[0]!.id, EXHIBITION.artworks[1]!.id];
  const ana = await connect(t.server, cookies.ana);
  const bo = await connect(t.server, cookies.bo);
  const label = (doc: Y.Doc) => artworkText(doc, first, 'label', 'en')!.toString();
  const original = label(ana.doc);
  const socket = ana.provider.configuration.websocketProvider;

  // Ana's train enters a tunnel: her socket closes (the close completes asynchronously).
  const closed = new Promise<void>((resolve) => {
    const on = () => (socket.off('close', on), resolve());
    socket.on('close', on);
  });
  socket.disconnect();
  await closed;
  artworkText(ana.doc, first, 'label', 'en')!.insert(0, 'Ana offline: ');
  (artworksMap(ana.doc).get(second)!.get('placement') as Y.Map<unknown>).set('offset', 1.25);
  artworkText(bo.doc, first, 'label', 'en')!.insert(original.length, ' (Bo online)');
  await acknowledged(bo);
  expect(label(ana.doc)).toBe(`Ana offline: ${original}`); // nothing of Bo's reached her

  void socket.connect(); // out of the tunnel
  const merged = `Ana offline: ${original} (Bo online)`;
  await until(ana.doc, () => label(ana.doc) === merged, 'Bo’s edit at Ana after reconnecting');
  await until(bo.doc, () => label(bo.doc) === merged && (artworksMap(bo.doc).get(second)!.get('placement') as Y.Map<unknown>).get('offset') === 1.25, 'Ana’s offline edits at Bo');
  await acknowledged(ana);
  const history = (await (await fetch(`${t.server.url}/api/exhibitions/${EXHIBITION.id}/changes`, { headers: { cookie: cookies.bo! } })).json()) as { user: string; summary: { path: string }[] }[];
  expect(history.some((h) => h.user === 'ana' && h.summary.some((s) => s.path === `artworks.${second}.placement.offset`))).toBe(true);
  ana.destroy();
  bo.destroy();
});
