/** Imported works placed in a draft that already has rooms, and added as one change. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { artworkOrder, artworksMap, docToExhibition, exhibitionToDoc } from '../twin/collab-doc';
import { placementProblems, type PlacedWork } from '../twin/curate-placement';
import type { Space } from '../twin/schema';
import { validateExhibition } from '../twin/validate';
import { addImportedWorks, type ImportedDraftWork } from './import-drop-place';

const draft = () => exhibitionToDoc(JSON.parse(readFileSync(new URL('../../assets/default/exhibition.json', import.meta.url), 'utf8')));

function painting(id: string, width: number, height: number, room?: string): ImportedDraftWork {
  return {
    artwork: {
      id,
      kind: 'painting',
      title: { en: `Painting ${id}` },
      creator: { name: { en: 'Anna Bellini' } },
      date: { en: '1889' },
      medium: { en: 'Oil on canvas' },
      dimensions: { height, width },
      accessionNumber: id,
      creditLine: { en: 'Gift' },
      rights: { work: { licence: 'public-domain' }, media: { licence: 'public-domain' } },
      label: { en: 'A label' },
      backstory: { en: 'A story' },
      image: `imports/b/media/${id}.webp`,
      frame: { style: 'gilded', width: 0.06 },
    },
    ...(room ? { room } : {}),
  };
}

const errors = (doc: Y.Doc) => {
  const r = validateExhibition(docToExhibition(doc));
  return r.problems.filter((p) => p.severity === 'error').map((p) => `${p.path}: ${p.message}`);
};

describe('addImportedWorks', () => {
  it('hangs each work on the hanging line, in the room its row named, clear of the works already there, all in one Undo', () => {
    const doc = draft();
    const before = errors(doc);
    const origin = { curator: 'ana' };
    const undo = new Y.UndoManager([artworksMap(doc), artworkOrder(doc)], { trackedOrigins: new Set([origin]) });
    const count = artworksMap(doc).size;
    const works = [painting('1901-1', 0.92, 0.74, 'Cabinet of Devotion and Memory'), painting('1901-2', 0.92, 0.74, 'cabinet'), painting('1950-7', 0.6, 0.45, 'Landscapes')];
    const r = addImportedWorks(doc, works, origin);
    expect(r).toEqual({ added: ['1901-1', '1901-2', '1950-7'], unplaced: [] });
    const ex = docToExhibition(doc) as unknown as { space: Space; artworks: (PlacedWork & { placement: { room?: string; height?: number } })[] };
    const [a, b, c] = ['1901-1', '1901-2', '1950-7'].map((id) => ex.artworks.find((w) => w.id === id)!);
    expect(a!.placement).toMatchObject({ kind: 'wall', room: 'cabinet', height: 1.45 });
    expect(b!.placement.room).toBe('cabinet');
    // A room no one has: the first room with a free wall.
    expect(c!.placement.room).toBe('hall');
    for (const w of [a!, b!, c!]) expect(placementProblems(ex.space, w, ex.artworks)).toEqual([]);
    expect(errors(doc)).toEqual(before);
    expect(artworkOrder(doc).toArray().slice(-3)).toEqual(['1901-1', '1901-2', '1950-7']);

    undo.undo();
    expect(artworksMap(doc).size).toBe(count);
  });

  it('gives a new id to a work whose id the draft already has, and says which works found no place', () => {
    const doc = draft();
    const existing = artworkOrder(doc).get(0);
    const r = addImportedWorks(doc, [painting(existing, 0.5, 0.4), painting('huge', 30, 3)]);
    expect(r.added).toEqual([`${existing}-2`]);
    expect(r.unplaced).toEqual(['Painting huge']);
    expect(artworksMap(doc).get(existing)?.get('image')).not.toBe(`imports/b/media/${existing}.webp`);
  });

  it('stands an object on free floor inside a room', () => {
    const doc = draft();
    const before = errors(doc);
    const block = painting('1977-3', 0.3, 0.45, 'Sculpture and Objects').artwork;
    const object: ImportedDraftWork = {
      room: 'Sculpture and Objects',
      artwork: { ...block, kind: 'object', image: undefined, frame: undefined, model: 'imports/b/media/block.glb', dimensions: { height: 0.45, width: 0.3, depth: 0.25 }, display: 'case', plinthHeight: 0.9 } as ImportedDraftWork['artwork'],
    };
    delete object.artwork.image;
    delete object.artwork.frame;
    expect(addImportedWorks(doc, [object]).added).toEqual(['1977-3']);
    const ex = docToExhibition(doc) as unknown as { space: Space; artworks: PlacedWork[] };
    const placed = ex.artworks.find((w) => w.id === '1977-3')!;
    expect(placed.placement).toMatchObject({ kind: 'pose', heading: 0 });
    const [x, , z] = (placed.placement as { position: number[] }).position;
    // Inside the sculpture room ([16,-8]–[26,2]).
    expect(x).toBeGreaterThan(16);
    expect(x).toBeLessThan(26);
    expect(z).toBeGreaterThan(-8);
    expect(z).toBeLessThan(2);
    expect(placementProblems(ex.space, placed, ex.artworks)).toEqual([]);
    expect(errors(doc)).toEqual(before);
  });
});
