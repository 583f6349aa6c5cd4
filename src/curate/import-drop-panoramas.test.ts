/** 360° photographs dropped on the draft: which room, where in it, one Undo, and an import's batch seen to go. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docToExhibition, exhibitionMap, exhibitionToDoc } from '../twin/collab-doc';
import { pointInPolygon } from '../twin/geometry';
import { validateExhibition } from '../twin/validate';
import { addImportedPanoramas, batchesInDraft, insidePoint, type ImportedPanorama } from './import-drop-panoramas';
import { draftPanoramas, placePanorama } from './panorama-place-edit';

const BATCH = '20261207-081500-a1b2c3';

function draft(): Y.Doc {
  return exhibitionToDoc(JSON.parse(readFileSync(new URL('../../assets/default/exhibition.json', import.meta.url), 'utf8')));
}

/** As the server answers a 400 × 200 photo: one level, one tile under the batch. */
const photo = (id: string, file: string, heading = 0): ImportedPanorama => ({
  panorama: { id, name: { en: file.replace(/\.\w+$/, '') }, heading, pixels: [400, 200], levels: [{ width: 400, height: 200, columns: 1, rows: 1, tiles: [`imports/${BATCH}/panoramas/${id}/0-0-0.jpg`] }] },
  file,
  headingFrom: heading ? 'gpano' : 'default',
});

const errors = (doc: Y.Doc) => validateExhibition(docToExhibition(doc)).problems.filter((p) => p.severity === 'error');

describe('adding dropped 360° photographs to the draft', () => {
  it('puts a photo named after a room in that room, any other in the first, inside the room at eye height, valid', () => {
    const doc = draft();
    const added = addImportedPanoramas(doc, [photo('gallery', 'gallery.jpg', 80), photo('lobby-view', 'Lobby View.jpg')]);
    expect(added).toEqual([
      { id: 'gallery', room: 'gallery' },
      { id: 'lobby-view', room: 'hall' },
    ]);
    const placed = draftPanoramas(doc);
    expect(placed.map((p) => [p.id, p.room, p.height, p.heading])).toEqual([
      ['lobby-view', 'hall', 1.6, 0],
      ['gallery', 'gallery', 1.6, 80],
    ]);
    // The hall is [0,0]–[10,8], the gallery [0,-8]–[16,0]: each photo stands at its room's middle.
    expect(placed.find((p) => p.id === 'lobby-view')!.position).toEqual([5, 4]);
    expect(placed.find((p) => p.id === 'gallery')!.position).toEqual([8, -4]);
    expect(errors(doc)).toEqual([]);
    // The placing panel then places it like any other.
    expect(placePanorama(doc, 'lobby-view', [2, 2])).toEqual({ ok: true, room: 'hall' });
  });

  it('gives a photo whose id the draft has a new one, and adds a drop as one change that one Undo takes back', () => {
    const doc = draft();
    const origin = { curator: 'ana' };
    const undo = new Y.UndoManager([exhibitionMap(doc)], { trackedOrigins: new Set([origin]) });
    addImportedPanoramas(doc, [photo('hall', 'hall.jpg')], origin);
    undo.stopCapturing();
    expect(addImportedPanoramas(doc, [photo('hall', 'hall.jpg'), photo('door', 'door.jpg')], origin)).toEqual([
      { id: 'hall-2', room: 'hall' },
      { id: 'door', room: 'hall' },
    ]);
    expect(draftPanoramas(doc).map((p) => p.id)).toEqual(['hall', 'hall-2', 'door']);
    expect(batchesInDraft(doc)).toEqual(new Set([BATCH]));
    undo.undo();
    expect(draftPanoramas(doc).map((p) => p.id)).toEqual(['hall']);
    undo.undo();
    expect(draftPanoramas(doc)).toEqual([]);
    expect(batchesInDraft(doc)).toEqual(new Set());
  });

  it('finds a point inside an L-shaped room, whose centroid lies outside it', () => {
    const l: [number, number][] = [[0, 0], [10, 0], [10, 2], [2, 2], [2, 10], [0, 10]];
    const p = insidePoint(l);
    expect(pointInPolygon(p, l)).toBe(true);
  });
});
