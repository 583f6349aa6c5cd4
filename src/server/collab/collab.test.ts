import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { artworksMap, artworkText, docToExhibition, toY } from './doc-model';
import { acknowledged, connect, EXHIBITION, removeDir, startTestServer, until, type TestServer } from './testing';

let t: TestServer;
let cookies: Record<string, string>;
const ID = EXHIBITION.id;
const label = (doc: Y.Doc, work: string) => artworkText(doc, work, 'label', 'en')!.toString();

beforeAll(async () => {
  t = await startTestServer({
    admin: { role: 'admin' },
    ana: { role: 'curator' },
    bo: { role: 'curator' },
    kim: { role: 'keeper', community: 'san-ravo' },
    cy: { role: 'conservator' },
  });
  cookies = Object.fromEntries(await Promise.all(['ana', 'bo', 'kim', 'cy'].map(async (n) => [n, await t.signIn(n)] as const)));
}, 120_000);

afterAll(async () => {
  await t?.close();
  if (t) removeDir(t.dataDir);
});

describe('collab at /collab', () => {
  it('two curators typing in the same text at once both keep what they typed', async () => {
    const a = await connect(t.server, cookies.ana);
    const b = await connect(t.server, cookies.bo);
    const work = 'harbour-lights';
    const original = label(a.doc, work);
    expect(label(b.doc, work)).toBe(original);
    artworkText(a.doc, work, 'label', 'en')!.insert(0, 'Ana: ');
    artworkText(b.doc, work, 'label', 'en')!.insert(original.length, ' (Bo)');
    const both = `Ana: ${original} (Bo)`;
    await until(a.doc, () => label(a.doc, work) === both, 'Bo’s text at Ana');
    await until(b.doc, () => label(b.doc, work) === both, 'Ana’s text at Bo');
    a.destroy();
    b.destroy();
  });

  it('a move by one curator reaches another, and the history says who moved what', async () => {
    const a = await connect(t.server, cookies.ana);
    const b = await connect(t.server, cookies.bo);
    const placement = artworksMap(a.doc).get('harbour-lights')!.get('placement') as Y.Map<unknown>;
    placement.set('offset', 2.5);
    await until(b.doc, () => (artworksMap(b.doc).get('harbour-lights')!.get('placement') as Y.Map<unknown>).get('offset') === 2.5, 'the move at Bo');
    const r = await fetch(`${t.server.url}/api/exhibitions/${ID}/changes?artwork=harbour-lights`, { headers: { cookie: cookies.bo! } });
    const history = (await r.json()) as { user: string; summary: { path: string; kind: string }[] }[];
    expect(history[0]).toMatchObject({ user: 'ana', summary: [{ path: 'artworks.harbour-lights.placement.offset', kind: 'moved' }] });
    expect(history.some((h) => h.user === 'bo' && h.summary.some((s) => s.kind === 'text'))).toBe(true);
    expect((await fetch(`${t.server.url}/api/exhibitions/${ID}/changes`)).status).toBe(401);
    a.destroy();
    b.destroy();
  });

  it('a keeper changes their community’s protocol; another community’s work closes the connection with the reason', async () => {
    const k = await connect(t.server, cookies.kim);
    const watcher = await connect(t.server, cookies.ana);
    (artworksMap(k.doc).get('veiled-processional-object')!.get('sensitivity') as Y.Map<unknown>).set('sharing', false);
    await until(watcher.doc, () => (artworksMap(watcher.doc).get('veiled-processional-object')!.get('sensitivity') as Y.Map<unknown>).get('sharing') === false, 'the protocol change');
    (artworksMap(k.doc).get('cinerary-urn')!.get('sensitivity') as Y.Map<unknown>).set('sharing', false);
    const closed = await k.closed;
    expect(closed.reason).toBe('a keeper of san-ravo may not change artworks.cinerary-urn.sensitivity.sharing');
    const fresh = await connect(t.server, cookies.ana);
    expect((artworksMap(fresh.doc).get('cinerary-urn')!.get('sensitivity') as Y.Map<unknown>).get('sharing')).toBeUndefined();
    for (const c of [k, watcher, fresh]) c.destroy();
  });

  it('a curator cannot change a protocol or a condition report', async () => {
    const c = await connect(t.server, cookies.bo);
    (artworksMap(c.doc).get('veiled-processional-object')!.get('sensitivity') as Y.Map<unknown>).set('sharing', true);
    expect((await c.closed).reason).toMatch(/^a curator may not change artworks\.veiled-processional-object\.sensitivity/);
    c.destroy();
  });

  it('a visitor without a session cannot open a draft (unpublished work), so cannot write to it', async () => {
    await expect(connect(t.server, undefined)).rejects.toThrow(/sign in to open a draft/);
    const check = await connect(t.server, cookies.ana);
    expect(label(check.doc, 'harbour-lights')).not.toMatch(/VANDAL/);
    check.destroy();
  });

  it('a user whose role is removed is disconnected at once and reconnects read-only', async () => {
    const c = await connect(t.server, cookies.cy);
    const admin = await t.signIn('admin');
    const r = await fetch(`${t.server.url}/api/users/cy`, { method: 'PATCH', headers: { cookie: admin, 'content-type': 'application/json' }, body: JSON.stringify({ role: null }) });
    expect(r.status).toBe(200);
    expect((await c.closed).reason).toBe('your role has changed');
    c.destroy();
  });

  it('refuses a draft for an exhibition the server does not keep', async () => {
    await expect(connect(t.server, cookies.ana, 'no-such-exhibition')).rejects.toThrow(/no exhibition 'no-such-exhibition'/);
  });

  it('publishes the draft as version 1 (admin or curator only); refuses an invalid draft with 422 and the problems', async () => {
    const url = `${t.server.url}/api/exhibitions/${ID}/publish`;
    expect((await fetch(url, { method: 'POST' })).status).toBe(401);
    expect((await fetch(url, { method: 'POST', headers: { cookie: cookies.kim! } })).status).toBe(403);
    const ok = await fetch(url, { method: 'POST', headers: { cookie: cookies.ana! } });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ version: 1, publishedBy: 'ana' });
    const versions = (await (await fetch(`${t.server.url}/api/exhibitions/${ID}/versions`)).json()) as { version: number }[];
    expect(versions.map((v) => v.version)).toEqual([1]);

    // A story that links to a work that does not exist: the validator's broken-link rule (a draft may be invalid).
    const a = await connect(t.server, cookies.ana);
    artworkText(a.doc, 'harbour-lights', 'backstory', 'en')!.insert(0, 'See [the lost one](#artwork=no-such-work). ');
    await acknowledged(a);
    const bad = await fetch(url, { method: 'POST', headers: { cookie: cookies.ana! } });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { messages: string[] }).messages.join('\n')).toMatch(/no-such-work/);
    a.destroy();
  });

  it('stores a move onto another work (a draft may be invalid) and publishing names it; a malformed placement is refused before it is stored', async () => {
    const a = await connect(t.server, cookies.ana);
    const [first, second] = (docToExhibition(a.doc).artworks as { id: string; placement: { kind: string } }[]).filter((w) => w.placement.kind === 'wall');
    artworksMap(a.doc).get(second!.id)!.set('placement', toY(first!.placement as never));
    await acknowledged(a);
    const bad = await fetch(`${t.server.url}/api/exhibitions/${ID}/publish`, { method: 'POST', headers: { cookie: cookies.ana! } });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { messages: string[] }).messages.join('\n')).toMatch(new RegExp(`overlaps '${first!.id}'`));
    (artworksMap(a.doc).get(second!.id)!.get('placement') as Y.Map<unknown>).set('offset', 'far');
    expect((await a.closed).reason).toEqual(expect.stringMatching(new RegExp(`^refused: artworks\\.${second!.id}\\.placement\\.offset: `)));
    a.destroy();
    const b = await connect(t.server, cookies.ana);
    expect((docToExhibition(b.doc).artworks as { id: string; placement: unknown }[]).find((w) => w.id === second!.id)!.placement).toEqual(first!.placement);
    b.destroy();
  });
});
