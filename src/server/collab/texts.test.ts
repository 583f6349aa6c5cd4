/**
 * The exhibition's own texts, its credits and a work's creator edited through the server at /collab with the
 * curating view's own edit functions (src/curate/text-fields.ts: a test may cross layers to check the contract
 * between the two): a curator's edits reach a colleague and the history; what a role may not change, and what is
 * malformed, closes the connection with the reason and is not stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addExhibitionText, creatorText, creditsOf, exhibitionText, lifeDatesOf, setCredits, setLifeDates } from '../../curate/text-fields';
import { artworksMap, exhibitionMap } from './doc-model';
import { acknowledged, connect, EXHIBITION, removeDir, startTestServer, until, type TestServer } from './testing';

let t: TestServer;
let cookies: Record<string, string>;
const ID = EXHIBITION.id;
const title = (doc: Y.Doc) => exhibitionText(doc, 'title', 'en', false)!.toString();
const creatorName = (doc: Y.Doc) => creatorText(doc, 'harbour-lights', 'name', 'it', false)!.toString();

beforeAll(async () => {
  t = await startTestServer({ ana: { role: 'curator' }, bo: { role: 'curator' }, kim: { role: 'keeper', community: 'san-ravo' }, root: { role: 'admin' } });
  cookies = Object.fromEntries(await Promise.all(['ana', 'bo', 'kim', 'root'].map(async (n) => [n, await t.signIn(n)] as const)));
}, 120_000);

afterAll(async () => {
  await t?.close();
  if (t) removeDir(t.dataDir);
});

describe('the exhibition’s texts and the creators, live', () => {
  it('a curator’s title, creator’s name and dates and credits reach a colleague, and the history names them', async () => {
    const a = await connect(t.server, cookies.ana);
    const b = await connect(t.server, cookies.bo);
    exhibitionText(a.doc, 'title', 'en', true)!.insert(title(a.doc).length, ' (draft)');
    creatorText(a.doc, 'harbour-lights', 'name', 'it', true)!.insert(0, 'Dott. ');
    expect(setLifeDates(a.doc, 'harbour-lights', '1870–1931')).toEqual([]);
    expect(setCredits(a.doc, [...creditsOf(a.doc), { role: { en: 'Hanging', it: 'Allestimento' }, name: 'Ana' }])).toEqual([]);
    await until(b.doc, () => title(b.doc).endsWith(' (draft)') && creatorName(b.doc).startsWith('Dott. ') && lifeDatesOf(b.doc, 'harbour-lights') === '1870–1931' && creditsOf(b.doc).at(-1)?.name === 'Ana', 'Ana’s texts at Bo');
    await acknowledged(a);
    const r = await fetch(`${t.server.url}/api/exhibitions/${ID}/changes`, { headers: { cookie: cookies.bo! } });
    const paths = ((await r.json()) as { user: string; summary: { path: string }[] }[]).filter((h) => h.user === 'ana').flatMap((h) => h.summary.map((s) => s.path));
    expect(paths).toEqual(expect.arrayContaining(['title.en', 'artworks.harbour-lights.creator.name.it', 'artworks.harbour-lights.creator.lifeDates', 'credits']));
    a.destroy();
    b.destroy();
  });

  it('an optional text added by a curator is there, empty, in every language', async () => {
    const a = await connect(t.server, cookies.ana);
    exhibitionMap(a.doc).delete('subtitle');
    await acknowledged(a);
    addExhibitionText(a.doc, 'subtitle', ['en', 'it']);
    await acknowledged(a);
    const b = await connect(t.server, cookies.bo);
    expect((exhibitionMap(b.doc).get('subtitle') as Y.Map<Y.Text>).toJSON()).toEqual({ en: '', it: '' });
    a.destroy();
    b.destroy();
  });

  it('a curator may not rename the institution (an admin may); a keeper may not touch a creator', async () => {
    const a = await connect(t.server, cookies.ana);
    exhibitionText(a.doc, 'institution', 'en', false)!.insert(0, 'X');
    expect((await a.closed).reason).toBe('a curator may not change institution.en');
    a.destroy();
    const k = await connect(t.server, cookies.kim);
    creatorText(k.doc, 'harbour-lights', 'name', 'en', false)!.insert(0, 'X');
    expect((await k.closed).reason).toBe('a keeper of san-ravo may not change artworks.harbour-lights.creator.name.en');
    k.destroy();
    const root = await connect(t.server, cookies.root);
    exhibitionText(root.doc, 'institution', 'en', false)!.insert(0, 'The ');
    await acknowledged(root);
    const b = await connect(t.server, cookies.bo);
    expect(exhibitionText(b.doc, 'institution', 'en', false)!.toString()).toBe('The Castelrovo Civic Museum');
    expect(creatorText(b.doc, 'harbour-lights', 'name', 'en', false)!.toString()).not.toMatch(/^X/);
    root.destroy();
    b.destroy();
  });

  it('refuses malformed credits, a creator without a name and a title that is not a text per language, storing none', async () => {
    const cases: [string, (doc: Y.Doc) => void, RegExp][] = [
      ['credits', (doc) => exhibitionMap(doc).set('credits', [{ role: { en: 'Hanging' }, name: '' }]), /^refused: credits\.0\.name: /],
      ['creator', (doc) => (artworksMap(doc).get('harbour-lights')!.get('creator') as Y.Map<unknown>).delete('name'), /^refused: artworks\.harbour-lights\.creator\.name: /],
      ['dates', (doc) => (artworksMap(doc).get('harbour-lights')!.get('creator') as Y.Map<unknown>).set('lifeDates', 1870), /^refused: artworks\.harbour-lights\.creator\.lifeDates: /],
      ['title', (doc) => exhibitionMap(doc).set('title', 'Light'), /^refused: title: /],
    ];
    for (const [what, edit, reason] of cases) {
      const a = await connect(t.server, cookies.ana);
      edit(a.doc);
      expect((await a.closed).reason, what).toMatch(reason);
      a.destroy();
    }
    const b = await connect(t.server, cookies.bo);
    expect(creditsOf(b.doc).every((c) => c.name.length > 0)).toBe(true);
    expect(creatorName(b.doc)).toMatch(/^Dott\. /);
    expect(lifeDatesOf(b.doc, 'harbour-lights')).toBe('1870–1931');
    expect(title(b.doc)).toMatch(/ \(draft\)$/);
    b.destroy();
  });
});
