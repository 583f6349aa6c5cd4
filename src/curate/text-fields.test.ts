import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { artworksMap, exhibitionToDoc, exhibitionMap } from '../twin/collab-doc';
import { mayChange, ROLES, type Account } from '../server/accounts/permissions';
import { addCredit, addExhibitionText, blankCredit, creatorText, creditsOf, creditText, EXHIBITION_TEXTS, exhibitionText, hasCreatorRole, lifeDatesOf, mayEditExhibitionText, removeCredit, setCreatorRole, setLifeDates } from './text-fields';

const ex = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../assets/default/exhibition.json'), 'utf8'));

const artworkJson = (doc: Y.Doc, id: string) => artworksMap(doc).get(id)!.toJSON() as { creator: { role?: Record<string, string> } };

/** Two replicas of one draft, each update of one applied to the other (as the server relays them). */
function pair(): [Y.Doc, Y.Doc] {
  const a = exhibitionToDoc(ex);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(b, u, 'relay'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(a, u, 'relay'));
  return [a, b];
}

describe('the exhibition’s texts in the draft', () => {
  it('two curators typing in the title at once both keep what they typed; Undo takes back one’s own only', () => {
    const [a, b] = pair();
    const ana = { curator: 'ana' };
    const undo = new Y.UndoManager([exhibitionMap(a)], { trackedOrigins: new Set([ana]) });
    a.transact(() => exhibitionText(a, 'title', 'en', true)!.insert(0, 'New: '), ana);
    exhibitionText(b, 'title', 'en', true)!.insert(exhibitionText(b, 'title', 'en', false)!.length, ' (Bo)');
    expect(exhibitionText(b, 'title', 'en', false)!.toString()).toBe('New: Light and Matter (Bo)');
    undo.undo();
    expect(exhibitionText(b, 'title', 'en', false)!.toString()).toBe('Light and Matter (Bo)');
  });

  it('makes a missing language only when asked (a read-only role never does)', () => {
    const doc = exhibitionToDoc({ ...ex, title: { en: 'Light and Matter' } });
    expect(exhibitionText(doc, 'title', 'it', false)).toBeUndefined();
    expect((exhibitionMap(doc).get('title') as Y.Map<Y.Text>).has('it')).toBe(false);
    expect(exhibitionText(doc, 'title', 'it', true)!.toString()).toBe('');
  });

  it('adds an optional text empty in every language, and leaves one that is there alone', () => {
    const { subtitle: _, ...rest } = ex;
    const doc = exhibitionToDoc(rest);
    addExhibitionText(doc, 'subtitle', ['en', 'it']);
    expect((exhibitionMap(doc).get('subtitle') as Y.Map<Y.Text>).toJSON()).toEqual({ en: '', it: '' });
    exhibitionText(doc, 'subtitle', 'en', false)!.insert(0, 'Kept');
    addExhibitionText(doc, 'subtitle', ['en', 'it']);
    expect(exhibitionText(doc, 'subtitle', 'en', false)!.toString()).toBe('Kept');
  });

  it('adds a credit, empty in every language, and removes one, each as one Undo step of the curator’s own', () => {
    const doc = exhibitionToDoc(ex);
    const ana = { curator: 'ana' };
    const undo = new Y.UndoManager([exhibitionMap(doc)], { trackedOrigins: new Set([ana]) });
    expect(creditsOf(doc)).toHaveLength(3);
    expect(addCredit(doc, blankCredit(['en', 'it'], 'New name'), ana)).toEqual([]);
    expect(creditsOf(doc).at(-1)).toEqual({ role: { en: '', it: '' }, name: 'New name' });
    creditText(doc, 3, 'role', 'en', false)!.insert(0, 'Hanging');
    expect(creditsOf(doc).at(-1)!.role.en).toBe('Hanging');
    undo.stopCapturing(); // as a pause between two clicks does
    removeCredit(doc, 0, ana);
    expect(creditsOf(doc).map((c) => c.name)).toEqual([ex.credits[1].name, ex.credits[2].name, 'New name']);
    undo.undo();
    expect(creditsOf(doc).map((c) => c.name)).toEqual([...ex.credits.map((c: { name: string }) => c.name), 'New name']);
    expect(addCredit(doc, { role: { en: 'Hanging' }, name: '' }, ana)).toEqual([expect.stringMatching(/^credits\.4\.name: /)]);
    expect(creditsOf(doc)).toHaveLength(4);
  });
});

describe('a work’s creator in the draft', () => {
  it('gives the creator’s name and role per language, and sets or removes the life dates', () => {
    const doc = exhibitionToDoc(ex);
    expect(creatorText(doc, 'harbour-lights', 'name', 'en', false)!.toString()).toBe(ex.artworks.find((w: { id: string }) => w.id === 'harbour-lights').creator.name.en);
    expect(creatorText(doc, 'no-such-work', 'name', 'en', true)).toBeUndefined();
    expect(setLifeDates(doc, 'harbour-lights', ' 1870–1931 ')).toEqual([]);
    expect(lifeDatesOf(doc, 'harbour-lights')).toBe('1870–1931');
    expect(setLifeDates(doc, 'harbour-lights', 'x'.repeat(101))).toEqual([expect.stringMatching(/^artworks\.harbour-lights\.creator\.lifeDates: /)]);
    expect(lifeDatesOf(doc, 'harbour-lights')).toBe('1870–1931');
    expect(setLifeDates(doc, 'harbour-lights', '')).toEqual([]);
    expect(lifeDatesOf(doc, 'harbour-lights')).toBe('');
  });

  it('removes a creator’s role, and adds one back empty in every language', () => {
    const doc = exhibitionToDoc(ex);
    const id = 'harbour-lights';
    expect(hasCreatorRole(doc, id)).toBe(true);
    expect(setCreatorRole(doc, id, null)).toEqual([]);
    expect(hasCreatorRole(doc, id)).toBe(false);
    expect(artworkJson(doc, id).creator).not.toHaveProperty('role');
    expect(creatorText(doc, id, 'role', 'en', true)).toBeUndefined(); // no role to type in yet
    expect(setCreatorRole(doc, id, [])).toEqual([`artworks.${id}.creator.role: a text needs at least one language`]);
    expect(setCreatorRole(doc, id, ['en', 'it'])).toEqual([]);
    expect(artworkJson(doc, id).creator.role).toEqual({ en: '', it: '' });
    creatorText(doc, id, 'role', 'it', false)!.insert(0, 'bottega');
    expect(setCreatorRole(doc, id, ['en', 'it'])).toEqual([]); // already there: kept as typed
    expect(artworkJson(doc, id).creator.role).toEqual({ en: '', it: 'bottega' });
    expect(setCreatorRole(doc, 'no-such-work', ['en'])).toEqual(['artworks.no-such-work: the work has no creator']);
  });
});

describe('who may change the exhibition’s texts', () => {
  it('is what the server’s rules say, for every role and text', () => {
    for (const role of [...ROLES, null]) {
      const account: Account = { id: 1, name: 'x', role, community: role === 'keeper' ? 'san-ravo' : null };
      for (const field of [...EXHIBITION_TEXTS, 'credits'] as const) {
        const path = field === 'credits' ? ['credits'] : [field, 'en'];
        expect(mayEditExhibitionText(role, field), `${role} ${field}`).toBe(role !== null && mayChange(account, { path, before: null, after: null }, ex, ex));
      }
    }
  });
});
