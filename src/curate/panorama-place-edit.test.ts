/** Placing 360° photographs in a draft: where, how high, which way; each one Undo step; checked by the validator. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docToExhibition, exhibitionMap, exhibitionToDoc } from '../twin/collab-doc';
import { validateExhibition } from '../twin/validate';
import { draftPanoramas, facePanorama, placePanorama, raisePanorama, turnPanorama } from './panorama-place-edit';

function draft(): Y.Doc {
  const ex = JSON.parse(readFileSync(new URL('../../assets/default/exhibition.json', import.meta.url), 'utf8'));
  // The hall ([0,0]–[10,8]) with one photo, as `npm run import:panoramas` leaves it without a placement file: at the centre, heading 0.
  ex.space.rooms[0].panoramas = [{ id: 'hall-360', name: { en: 'The hall' }, position: [5, 4], height: 1.6, heading: 0, pixels: [4096, 2048], image: 'panoramas/hall-360/full.webp' }];
  return exhibitionToDoc(ex);
}

const errors = (doc: Y.Doc) => validateExhibition(docToExhibition(doc)).problems.filter((p) => p.severity === 'error');

describe('placing a 360° photograph', () => {
  it('moves it to where it was taken, snapped to 5 cm, and points its centre at what it faces', () => {
    const doc = draft();
    expect(placePanorama(doc, 'hall-360', [2.33, 6.01])).toEqual({ ok: true, room: 'hall' });
    expect(draftPanoramas(doc)).toEqual([{ id: 'hall-360', room: 'hall', name: { en: 'The hall' }, position: [2.35, 6], height: 1.6, heading: 0 }]);
    // Facing a point due east of the lens: 90° on the plan (toward +x).
    expect(facePanorama(doc, 'hall-360', [8, 6])).toBe(true);
    expect(draftPanoramas(doc)[0]!.heading).toBe(90);
    expect(turnPanorama(doc, 'hall-360', -30)).toBe(true);
    expect(draftPanoramas(doc)[0]!.heading).toBe(330);
    expect(raisePanorama(doc, 'hall-360', 1.25)).toEqual({ ok: true, room: 'hall' });
    expect(draftPanoramas(doc)[0]!.height).toBe(1.25);
    expect(errors(doc)).toEqual([]);
  });

  it('moves the photo to another room when it was taken there, and refuses a point outside every room', () => {
    const doc = draft();
    // The long gallery is [0,-8]–[16,0].
    expect(placePanorama(doc, 'hall-360', [12, -4])).toEqual({ ok: true, room: 'gallery' });
    const ex = docToExhibition(doc) as { space: { rooms: { id: string; panoramas?: { id: string; name?: unknown }[] }[] } };
    expect(ex.space.rooms.find((r) => r.id === 'hall')!.panoramas).toEqual([]);
    expect(ex.space.rooms.find((r) => r.id === 'gallery')!.panoramas).toMatchObject([{ id: 'hall-360', name: { en: 'The hall' } }]);
    expect(errors(doc)).toEqual([]);
    const outside = placePanorama(doc, 'hall-360', [40, 40]);
    expect(outside).toEqual({ ok: false, message: 'x 40, z 40 is outside every room: a photograph is taken inside one' });
    expect(draftPanoramas(doc)[0]!.position).toEqual([12, -4]);
    expect(raisePanorama(doc, 'hall-360', 30)).toEqual({ ok: false, message: 'a lens height is between 0.1 and 10 m' });
  });

  it('makes each placing one change of its own, which Undo takes back', () => {
    const doc = draft();
    const origin = { curator: 'ana' };
    const undo = new Y.UndoManager([exhibitionMap(doc)], { trackedOrigins: new Set([origin]), captureTimeout: 0 });
    placePanorama(doc, 'hall-360', [12, -4], origin);
    turnPanorama(doc, 'hall-360', 45, origin);
    // The same place, heading or height again (a field left unchanged) is no step of its own.
    placePanorama(doc, 'hall-360', [12, -4], origin);
    turnPanorama(doc, 'hall-360', 45, origin);
    raisePanorama(doc, 'hall-360', 1.6, origin);
    undo.undo();
    expect(draftPanoramas(doc)[0]).toMatchObject({ room: 'gallery', heading: 0 });
    undo.undo();
    expect(draftPanoramas(doc)[0]).toMatchObject({ room: 'hall', position: [5, 4] });
  });
});
