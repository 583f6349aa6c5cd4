/**
 * The server's edit checks on real Yjs updates: each curating edit (twin/curate-actions.ts) is made on a client
 * replica, its paths found by the draft's shadow (guard.ts) as the server finds them, and judged by editProblems
 * (twin/curate-edits.ts) as collab.ts judges it before storing.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addHotspot, addTour, moveAlongWall, moveOnFloor, moveStop, placeHotspot, removeTour, setRoomFinish, setTourStops, tourStops } from '../../twin/curate-actions';
import { docReader, editProblems, jsonReader } from '../../twin/curate-edits';
import { artworksMap, artworkText, docToExhibition, exhibitionToDoc } from './doc-model';
import { DraftShadow } from './guard';

const ex = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../assets/default/exhibition.json'), 'utf8'));

function setup() {
  const draft = exhibitionToDoc(ex);
  const shadow = new DraftShadow(draft);
  const replica = () => {
    const d = new Y.Doc();
    Y.applyUpdate(d, Y.encodeStateAsUpdate(draft));
    return d;
  };
  let client = replica();
  return {
    draft,
    get client() {
      return client;
    },
    /** The problems the server finds in the edit; a sound edit is applied to the draft, a refused one is not. */
    edit(change: (doc: Y.Doc) => void): string[] {
      const updates: Uint8Array[] = [];
      const on = (u: Uint8Array) => updates.push(u);
      client.on('update', on);
      change(client);
      client.off('update', on);
      if (!updates.length) return [];
      const update = Y.mergeUpdates(updates);
      const c = shadow.check(update)!;
      const problems = editProblems(docReader(c.docs.before), docReader(c.docs.after), c.changes.map((x) => x.path));
      if (problems.length) {
        shadow.reset();
        client = replica(); // as the server closes the connection: the client starts again from the draft
      } else Y.applyUpdate(draft, update);
      return problems;
    },
  };
}

const offsetOf = (doc: Y.Doc, id: string) => (artworksMap(doc).get(id)!.get('placement') as Y.Map<unknown>).get('offset');

describe('moves', () => {
  it('stores a move to a clear place and refuses one off the wall, across a doorway or onto another work', () => {
    const s = setup();
    expect(s.edit((d) => moveAlongWall(d, 'portrait-of-count-rovere', 3.3))).toEqual([]);
    expect(offsetOf(s.draft, 'portrait-of-count-rovere')).toBe(3.3);
    expect(s.edit((d) => moveAlongWall(d, 'portrait-of-count-rovere', 5))).toEqual(["artworks.portrait-of-count-rovere.placement: the work hangs across doorway 'hall-gallery'"]);
    expect(s.edit((d) => moveAlongWall(d, 'harbour-lights', 99))[0]).toMatch(/past the end of wall 2 of room 'hall'; it must be between 0.75 and 9.25 m$/);
    expect(s.edit((d) => moveAlongWall(d, 'harbour-lights', 9.25))).toEqual([]);
    expect(offsetOf(s.draft, 'portrait-of-count-rovere')).toBe(3.3);
  });

  it('refuses a placement of the wrong shape', () => {
    const s = setup();
    const p = () => artworksMap(s.client).get('harbour-lights')!.get('placement') as Y.Map<unknown>;
    expect(s.edit(() => p().set('offset', 'far'))[0]).toMatch(/^artworks\.harbour-lights\.placement\.offset: .*expected number/);
  });

  it('lets a work that already overlaps another be moved, but not into new trouble', () => {
    const bad = structuredClone(ex);
    bad.artworks.find((w: { id: string }) => w.id === 'portrait-of-count-rovere').placement.offset = 8;
    const draft = exhibitionToDoc(bad);
    const moved = structuredClone(bad);
    moved.artworks.find((w: { id: string }) => w.id === 'portrait-of-count-rovere').placement.offset = 8.2;
    const paths = [['artworks', 'portrait-of-count-rovere', 'placement', 'offset']];
    expect(editProblems(docReader(draft), jsonReader(moved), paths)).toEqual([]);
    moved.artworks.find((w: { id: string }) => w.id === 'portrait-of-count-rovere').placement.offset = 5;
    expect(editProblems(docReader(draft), jsonReader(moved), paths)).toHaveLength(1);
  });

  it('moves and turns a floor work, not out of its room or onto another', () => {
    const s = setup();
    expect(s.edit((d) => moveOnFloor(d, 'ivy-amphora', [6, 5], 90))).toEqual([]);
    expect((artworksMap(s.draft).get('ivy-amphora')!.get('placement') as Y.Map<unknown>).toJSON()).toMatchObject({ position: [6, 0, 5], heading: 90 });
    expect(s.edit((d) => moveOnFloor(d, 'ivy-amphora', [40, 40]))).toEqual(["artworks.ivy-amphora.placement: the work (x 40, z 40) is outside every room"]);
    expect(s.edit((d) => moveOnFloor(d, 'celadon-vase', [24.3, 0.3]))).toEqual(["artworks.celadon-vase.placement: stands on 'shepherd-with-staff'"]);
  });
});

describe('hotspots, tours and finishes', () => {
  const hotspot = { id: 'mast', position: [0.2, 0.1, 0] as [number, number, number], title: { en: 'The mast', it: "L'albero" }, text: { en: 'A new mast.', it: 'Un albero nuovo.' } };

  it('adds and places a hotspot (also on a work that had none), refusing a bad point or a repeated id', () => {
    const s = setup();
    expect(s.edit((d) => addHotspot(d, 'mountain-pasture', hotspot))).toEqual([]);
    expect(s.edit((d) => placeHotspot(d, 'mountain-pasture', 'mast', [-0.1, 0.2, 0]))).toEqual([]);
    expect((docToExhibition(s.draft).artworks as { id: string; annotations: unknown[] }[]).find((w) => w.id === 'mountain-pasture')!.annotations).toEqual([{ ...hotspot, position: [-0.1, 0.2, 0] }]);
    expect(s.edit((d) => addHotspot(d, 'mountain-pasture', hotspot))).toEqual(["artworks.mountain-pasture.annotations: the id 'mast' is used twice"]);
    expect(s.edit((d) => addHotspot(d, 'harbour-lights', { ...hotspot, position: [1, 2] as never }))[0]).toMatch(/^artworks\.harbour-lights\.annotations\.\d\.position/);
  });

  it('adds a tour, reorders and removes its stops, refusing a stop that is not a work', () => {
    const s = setup();
    const tour = { id: 'night', title: { en: 'At night', it: 'Di notte' }, durationMinutes: 15, stops: [{ artwork: 'harbour-lights' }, { artwork: 'dawn-over-the-marsh' }] };
    expect(s.edit((d) => addTour(d, tour))).toEqual([]);
    expect(s.edit((d) => moveStop(d, 'night', 1, -1))).toEqual([]);
    expect(tourStops(s.draft, 'night').map((x) => x.artwork)).toEqual(['dawn-over-the-marsh', 'harbour-lights']);
    expect(s.edit((d) => setTourStops(d, 'night', [...tourStops(d, 'night'), { artwork: 'no-such-work' }]))).toEqual(["tours.night: the stop 'no-such-work' is not a work of the exhibition"]);
    expect(s.edit((d) => setTourStops(d, 'night', []))[0]).toMatch(/^tours\.3\.stops: /);
    expect(s.edit((d) => addTour(d, tour))).toEqual(["tours: the id 'night' is used twice"]);
    expect(s.edit((d) => removeTour(d, 'highlights'))).toEqual([]);
    expect((docToExhibition(s.draft).tours as { id: string }[]).map((t) => t.id)).toEqual(['water-and-light', 'conservation-stories', 'night']);
  });

  it('changes a room finish, refusing a colour that is not #rrggbb', () => {
    const s = setup();
    expect(s.edit((d) => setRoomFinish(d, 'hall', 'walls', { color: '#335577' }))).toEqual([]);
    expect(s.edit((d) => setRoomFinish(d, 'hall', 'floor', { roughness: 0.2 }))).toEqual([]);
    const rooms = (docToExhibition(s.draft).space as { rooms: { id: string; walls?: unknown; floor?: { roughness: number } }[] }).rooms;
    expect(rooms.find((r) => r.id === 'hall')).toMatchObject({ walls: { color: '#335577' }, floor: { roughness: 0.2 } });
    expect(s.edit((d) => setRoomFinish(d, 'hall', 'walls', { color: 'red' }))).toEqual(['space.rooms.hall.walls.color: a colour is #rrggbb']);
  });

  it('never refuses typing, even a text emptied while it is rewritten', () => {
    const s = setup();
    expect(s.edit((d) => { const t = artworkText(d, 'harbour-lights', 'title', 'en')!; t.delete(0, t.length); })).toEqual([]);
  });
});
