/**
 * The exhibition's own texts, its credits and a work's creator edited through the server at /collab with the
 * curating view's own edit functions (src/curate/text-fields.ts: a test may cross layers to check the contract
 * between the two): a curator's edits reach a colleague and the history; what a role may not change, and what is
 * malformed, closes the connection with the reason and is not stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCredit, addExhibitionText, creatorText, creditsOf, creditText, exhibitionText, hasCreatorRole, lifeDatesOf, setCreatorRole, setLifeDates } from '../../curate/text-fields';
import { artworksMap, exhibitionMap } from './doc-model';
import { acknowledged, connect, EXHIBITION, removeDir, startTestServer, until, type TestServer } from './testing';

let t: TestServer;

/** A credit put in the list as a hostile client might, past the curating view's own checks. */
function addCreditRaw(doc: Y.Doc, name: string): void {
  const m = new Y.Map<unknown>();
  const role = new Y.Map<Y.Text>();
  role.set('en', new Y.Text('Hanging'));
  m.set('role', role);
  m.set('name', new Y.Text(name));
  (exhibitionMap(doc).get('credits') as Y.Array<Y.Map<unknown>>).push([m]);
}
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
    expect(addCredit(a.doc, { role: { en: 'Hanging', it: 'Allestimento' }, name: 'Ana' })).toEqual([]);
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

  it('keeps both of two credits changed by two curators at the same moment', async () => {
    const a = await connect(t.server, cookies.ana);
    const b = await connect(t.server, cookies.bo);
    // In the same moment (one tick: neither has heard the other's change when making its own), both built on
    // the same draft; the server merges them (Yjs), and both see both.
    const retype = (t: Y.Text, s: string) => t.doc!.transact(() => (t.delete(0, t.length), t.insert(0, s)));
    retype(creditText(a.doc, 0, 'name', '', false)!, 'Ana Ricci');
    retype(creditText(b.doc, 1, 'role', 'it', false)!, 'Dipinti e modelli');
    for (const c of [a, b]) await until(c.doc, () => creditsOf(c.doc)[0]?.name === 'Ana Ricci' && creditsOf(c.doc)[1]?.role.it === 'Dipinti e modelli', 'both credits');
    await acknowledged(a);
    a.destroy();
    b.destroy();
    const c = await connect(t.server, cookies.bo);
    expect(creditsOf(c.doc).slice(0, 2).map((x) => [x.name, x.role.it])).toEqual([['Ana Ricci', 'Progetto, testi e traduzione'], [(EXHIBITION.credits as { name: string }[])[1]!.name, 'Dipinti e modelli']]);
    c.destroy();
  });

  it('a curator removes a creator’s role and adds one back, typed in; a role that is not a text per language is refused', async () => {
    const a = await connect(t.server, cookies.ana);
    expect(setCreatorRole(a.doc, 'harbour-lights', null)).toEqual([]);
    await acknowledged(a);
    const b = await connect(t.server, cookies.bo);
    expect(hasCreatorRole(b.doc, 'harbour-lights')).toBe(false);
    expect(setCreatorRole(b.doc, 'harbour-lights', ['en', 'it'])).toEqual([]);
    creatorText(b.doc, 'harbour-lights', 'role', 'en', false)!.insert(0, 'Painter and etcher');
    await until(a.doc, () => creatorText(a.doc, 'harbour-lights', 'role', 'en', false)?.toString() === 'Painter and etcher', 'Bo’s role at Ana');
    (artworksMap(a.doc).get('harbour-lights')!.get('creator') as Y.Map<unknown>).set('role', new Y.Map());
    expect((await a.closed).reason).toMatch(/^refused: artworks\.harbour-lights\.creator\.role: /);
    a.destroy();
    expect(creatorText(b.doc, 'harbour-lights', 'role', 'en', false)!.toString()).toBe('Painter and etcher');
    b.destroy();
  });

  it('refuses malformed credits, a creator without a name and a title that is not a text per language, storing none', async () => {
    const credit = (doc: Y.Doc, i: number) => (exhibitionMap(doc).get('credits') as Y.Array<Y.Map<unknown>>).get(i);
    const retype = (t: Y.Text, s: string) => t.doc!.transact(() => (t.delete(0, t.length), t.insert(0, s)));
    const cases: [string, (doc: Y.Doc) => void, RegExp][] = [
      ['credits replaced whole', (doc) => exhibitionMap(doc).set('credits', [{ role: { en: 'Hanging' }, name: 'Ana' }]), /^refused: credits: must be a list of credits/],
      ['credit over-long', (doc) => retype(creditText(doc, 0, 'name', '', false)!, 'x'.repeat(301)), /^refused: credits\.0\.name: .*300/],
      ['credit with control characters', (doc) => creditText(doc, 1, 'role', 'en', false)!.insert(0, '\u001b[2J'), /^refused: credits\.1\.role\.en: control characters are not allowed$/],
      ['credit name of the wrong type', (doc) => credit(doc, 2).set('name', 42), /^refused: credits\.2\.name: must be a text/],
      ['credit added without a name', (doc) => addCreditRaw(doc, ''), /^refused: credits\.\d+\.name: /],
      ['title language of the wrong type', (doc) => (exhibitionMap(doc).get('title') as Y.Map<unknown>).set('en', 7), /^refused: title\.en: must be a text$/],
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
    expect(creditsOf(b.doc).every((c) => c.name.length > 0 && c.name.length <= 300 && !/\p{Cc}/u.test(c.name + Object.values(c.role).join('')))).toBe(true);
    expect(creditsOf(b.doc)[0]!.name).toBe('Ana Ricci');
    expect(creatorName(b.doc)).toMatch(/^Dott\. /);
    expect(lifeDatesOf(b.doc, 'harbour-lights')).toBe('1870–1931');
    expect(title(b.doc)).toMatch(/ \(draft\)$/);
    b.destroy();
  });
});
