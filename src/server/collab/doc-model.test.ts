import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { artworkOrder, artworksMap, artworkText, docToExhibition, exhibitionToDoc, isLangMap } from './doc-model';

const published = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../assets/default/exhibition.json'), 'utf8'));

/** Two replicas that started from the same state (as two browsers opening one draft). */
function twoReplicas() {
  const a = exhibitionToDoc(published);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  };
  return { a, b, sync };
}

describe('doc model', () => {
  it('round-trips the default exhibition exactly, field order included', () => {
    const doc = exhibitionToDoc(published);
    expect(JSON.stringify(docToExhibition(doc))).toBe(JSON.stringify(published));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(docToExhibition(copy)).toEqual(published);
  });

  it('keeps texts in several languages as Y.Text and ids as plain strings', () => {
    const doc = exhibitionToDoc(published);
    const first = published.artworks[0];
    const work = artworksMap(doc).get(first.id)!;
    expect((work.get('label') as Y.Map<unknown>).get('en')).toBeInstanceOf(Y.Text);
    expect(work.get('id')).toBe(first.id);
    expect(isLangMap({ en: 'a', it: 'b' })).toBe(true);
    expect(isLangMap({ wall: 'north' })).toBe(false);
  });

  it('keeps both people’s typing when two edit the same text at once', () => {
    const { a, b, sync } = twoReplicas();
    const id = published.artworks[0].id;
    const original: string = published.artworks[0].label.en;
    artworkText(a, id, 'label', 'en')!.insert(0, 'Alice: ');
    artworkText(b, id, 'label', 'en')!.insert(original.length, ' (Bob)');
    sync();
    const label = (docToExhibition(a).artworks as { label: { en: string } }[])[0]!.label.en;
    expect(label).toBe(`Alice: ${original} (Bob)`);
    expect(docToExhibition(b)).toEqual(docToExhibition(a));
  });

  it('merges a move of one work with a text edit of another, and keeps works two people add at once', () => {
    const { a, b, sync } = twoReplicas();
    const [w0, w1] = published.artworks;
    artworksMap(a).get(w0.id)!.set('placement', { ...w0.placement, offset: 1.25 });
    artworkText(b, w1.id, 'title', 'en')!.insert(0, 'New: ');
    for (const [doc, id] of [[a, 'added-by-a'], [b, 'added-by-b']] as const) {
      doc.transact(() => {
        const m = new Y.Map<unknown>();
        m.set('id', id);
        artworksMap(doc).set(id, m);
        artworkOrder(doc).push([id]);
      });
    }
    sync();
    const ex = docToExhibition(a) as { artworks: { id: string; placement: { offset: number }; title: { en: string } }[] };
    expect(ex.artworks.find((w) => w.id === w0.id)!.placement.offset).toBe(1.25);
    expect(ex.artworks.find((w) => w.id === w1.id)!.title.en).toBe(`New: ${w1.title.en}`);
    expect(ex.artworks.map((w) => w.id).filter((id) => id.startsWith('added'))).toHaveLength(2);
    expect(docToExhibition(b)).toEqual(ex);
  });
});
