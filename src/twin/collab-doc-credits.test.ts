import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCredit, creditsProblems, creditText, removeCredit } from './collab-doc-credits';
import { docToExhibition, exhibitionMap, exhibitionToDoc, upgradeCredits } from './collab-doc';

const ex = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../assets/default/exhibition.json'), 'utf8'));
const credits = (doc: Y.Doc) => docToExhibition(doc).credits as { role: Record<string, string>; name: string }[];

/** Two replicas of one draft that exchange nothing until `sync` (two curators editing at the same moment). */
function apart(): [Y.Doc, Y.Doc, () => void] {
  const a = exhibitionToDoc(ex);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const sync = () => {
    const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
    const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
    Y.applyUpdate(b, toB);
    Y.applyUpdate(a, toA);
  };
  return [a, b, sync];
}

/** Replaces the whole of a Y.Text, as a person selecting all and typing does. */
const retype = (t: Y.Text, s: string) => t.doc!.transact(() => (t.delete(0, t.length), t.insert(0, s)));

describe('credits in a draft, edited by two curators at once', () => {
  it('keeps both changes to two different credits, and both names typed in one', () => {
    const [a, b, sync] = apart();
    expect(credits(a)).toEqual(ex.credits);
    retype(creditText(a, 0, 'name', 'en', false)!, 'Ana Ricci');
    retype(creditText(b, 1, 'role', 'it', false)!, 'Luci e allestimento');
    creditText(a, 2, 'name', 'en', false)!.insert(0, 'Dr ');
    const n = creditText(b, 2, 'name', 'en', false)!;
    n.insert(n.length, ' (ret.)');
    sync();
    for (const doc of [a, b]) {
      const list = credits(doc);
      expect(list[0]!.name).toBe('Ana Ricci');
      expect(list[1]!.role.it).toBe('Luci e allestimento');
      expect(list[1]!.role.en).toBe(ex.credits[1].role.en);
      expect(list[2]!.name).toBe(`Dr ${ex.credits[2].name} (ret.)`);
    }
  });

  it('keeps a credit added by one while the other removes another', () => {
    const [a, b, sync] = apart();
    expect(addCredit(a, { role: { en: 'Hanging', it: 'Allestimento' }, name: 'Ana' })).toEqual([]);
    removeCredit(b, 0);
    retype(creditText(b, 0, 'name', 'en', false)!, 'Bo');
    sync();
    for (const doc of [a, b]) expect(credits(doc).map((c) => c.name)).toEqual(['Bo', ex.credits[2].name, 'Ana']);
  });
});

describe('the first credits of a draft that had none', () => {
  it('keeps both when two curators add the first credit at the same moment', () => {
    const { credits: _none, ...bare } = ex;
    const a = exhibitionToDoc(bare);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(addCredit(a, { role: { en: 'Curator' }, name: 'Ana' })).toEqual([]);
    expect(addCredit(b, { role: { en: 'Lighting' }, name: 'Bo' })).toEqual([]);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    for (const doc of [a, b]) expect(credits(doc).map((c) => c.name).sort()).toEqual(['Ana', 'Bo']);
  });

  it('gives a stored draft without credits the shared list once', () => {
    const { credits: _none, ...bare } = ex;
    const doc = exhibitionToDoc(bare);
    exhibitionMap(doc).delete('credits');
    expect(upgradeCredits(doc)).toBe(true);
    expect(exhibitionMap(doc).get('credits')).toBeInstanceOf(Y.Array);
    expect(upgradeCredits(doc)).toBe(false);
  });
});

describe('the draft’s form of the credits', () => {
  it('gives the file’s credits back unchanged, and upgrades a draft that kept them as one plain list', () => {
    const doc = exhibitionToDoc(ex);
    expect(exhibitionMap(doc).get('credits')).toBeInstanceOf(Y.Array);
    const old = new Y.Doc();
    Y.applyUpdate(old, Y.encodeStateAsUpdate(doc));
    old.transact(() => exhibitionMap(old).set('credits', structuredClone(ex.credits)));
    expect(upgradeCredits(old)).toBe(true);
    expect(creditText(old, 1, 'name', 'en', false)!.toString()).toBe(ex.credits[1].name);
    expect(docToExhibition(old).credits).toEqual(ex.credits);
    expect(upgradeCredits(old)).toBe(false);
  });

  it('names what is wrong with a credit: too long, control characters, the wrong kind, no name when added', () => {
    const doc = exhibitionToDoc(ex);
    const before = new Y.Doc();
    Y.applyUpdate(before, Y.encodeStateAsUpdate(doc));
    expect(creditsProblems(doc, before)).toEqual([]);
    retype(creditText(doc, 0, 'name', 'en', false)!, '');
    expect(creditsProblems(doc, before)).toEqual([]); // being retyped
    retype(creditText(doc, 0, 'name', 'en', false)!, 'x'.repeat(301));
    expect(creditsProblems(doc, before)).toEqual([expect.stringMatching(/^credits\.0\.name: .*300/)]);
    retype(creditText(doc, 0, 'name', 'en', false)!, 'Ana\u0007\u202E');
    expect(creditsProblems(doc, before)).toEqual(['credits.0.name: control characters are not allowed']);
    retype(creditText(doc, 0, 'name', 'en', false)!, 'Ana');
    (exhibitionMap(doc).get('credits') as Y.Array<Y.Map<unknown>>).get(1).set('name', 'plain');
    expect(creditsProblems(doc, before)).toEqual(['credits.1.name: must be a text (a value of another kind)']);
    exhibitionMap(doc).set('credits', [{ role: { en: 'Hanging' }, name: 'Ana' }]);
    expect(creditsProblems(doc, before)).toEqual(['credits: must be a list of credits, each a role per language and a name']);
    expect(addCredit(doc, { role: { en: 'Hanging' }, name: '' })).toEqual([expect.stringMatching(/^credits\.0\.name: /)]);
    expect(addCredit(doc, { role: { en: 'Hang\ting' }, name: 'Ana' })).toEqual(['credits.0: control characters are not allowed']);
  });

  it('refuses an added credit without a name, or with more than a role and a name', () => {
    const doc = exhibitionToDoc(ex);
    const before = new Y.Doc();
    Y.applyUpdate(before, Y.encodeStateAsUpdate(doc));
    const list = exhibitionMap(doc).get('credits') as Y.Array<Y.Map<unknown>>;
    const blank = new Y.Map<unknown>();
    blank.set('role', new Y.Map());
    blank.set('name', new Y.Text(''));
    blank.set('script', '<b>');
    list.push([blank]);
    expect(creditsProblems(doc, before)).toEqual([expect.stringMatching(/^credits\.3\.role: /), expect.stringMatching(/^credits\.3\.name: /), expect.stringMatching(/^credits\.3: .*script/)]);
  });
});
