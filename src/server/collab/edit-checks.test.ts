/**
 * The server's edit checks on real Yjs updates: each curating edit (twin/curate-actions.ts) is made on a client
 * replica, its paths found by the draft's shadow (guard.ts) as the server finds them, and judged by editProblems
 * (twin/curate-edits.ts) as collab.ts judges it before storing.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addHotspot, addTour, addWork, moveAlongWall, moveOnFloor, moveStop, moveToWall, placeHotspot, removeTour, setRoomFinish, setRoomLighting, setTourStops, tourStops } from '../../twin/curate-actions';
import { validateExhibition } from '../../twin/validate';
import { docReader, editProblems } from '../../twin/curate-edits';
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

const placeOf = (doc: Y.Doc, id: string) => (artworksMap(doc).get(id)!.get('placement') as Y.Map<unknown>).toJSON();
const problems = (doc: Y.Doc, severity: 'error' | 'warning' = 'error') => validateExhibition(docToExhibition(doc)).problems.filter((p) => p.severity === severity).map((p) => p.message);
const errors = (doc: Y.Doc) => problems(doc);

describe('moves', () => {
  it('stores a move even when it adds a placement problem: a draft may be invalid, the validator shows it', () => {
    const s = setup();
    expect(s.edit((d) => moveAlongWall(d, 'portrait-of-count-rovere', 3.3))).toEqual([]);
    expect(offsetOf(s.draft, 'portrait-of-count-rovere')).toBe(3.3);
    expect(errors(s.draft)).toEqual([]);
    expect(s.edit((d) => moveAlongWall(d, 'portrait-of-count-rovere', 5))).toEqual([]);
    expect(offsetOf(s.draft, 'portrait-of-count-rovere')).toBe(5);
    expect(errors(s.draft).join('\n')).toMatch(/hangs across doorway 'hall-gallery'/);
    expect(s.edit((d) => moveAlongWall(d, 'portrait-of-count-rovere', 3.3))).toEqual([]);
    expect(errors(s.draft)).toEqual([]);
  });

  it('refuses a placement of the wrong shape', () => {
    const s = setup();
    const p = () => artworksMap(s.client).get('harbour-lights')!.get('placement') as Y.Map<unknown>;
    expect(s.edit(() => p().set('offset', 'far'))[0]).toMatch(/^artworks\.harbour-lights\.placement\.offset: .*expected number/);
    expect(s.edit(() => p().set('wall', -1))[0]).toMatch(/^artworks\.harbour-lights\.placement\.wall: /);
    expect(offsetOf(s.draft, 'harbour-lights')).toBe(offsetOf(exhibitionToDoc(ex), 'harbour-lights'));
  });

  it('hangs a work on a wall of another room, its height kept', () => {
    const s = setup();
    const height = placeOf(s.draft, 'harbour-lights').height;
    expect(s.edit((d) => moveToWall(d, 'harbour-lights', 'gallery', 2, 3))).toEqual([]);
    expect(placeOf(s.draft, 'harbour-lights')).toEqual({ kind: 'wall', room: 'gallery', wall: 2, offset: 3, height });
  });

  it('moves and turns a floor work; out of every room it is stored and shown as a problem', () => {
    const s = setup();
    expect(s.edit((d) => moveOnFloor(d, 'ivy-amphora', [6, 5], 90))).toEqual([]);
    expect(placeOf(s.draft, 'ivy-amphora')).toMatchObject({ position: [6, 0, 5], heading: 90 });
    expect(s.edit((d) => moveOnFloor(d, 'ivy-amphora', [40, 40]))).toEqual([]);
    expect(problems(s.draft, 'warning').join('\n')).toMatch(/ivy-amphora|outside every room/);
  });
});

describe('new works', () => {
  const work = {
    id: 'new-harbour', kind: 'painting', title: { en: 'New Harbour', it: 'Porto nuovo' }, creator: { name: 'A. Painter' }, date: { en: '2026', it: '2026' },
    medium: { en: 'Oil on canvas', it: 'Olio su tela' }, dimensions: { width: 0.6, height: 0.4 }, accessionNumber: 'NEW.1', creditLine: { en: 'Gift', it: 'Dono' },
    rights: { work: { licence: 'CC0-1.0' }, media: { licence: 'CC0-1.0' } }, label: { en: 'A harbour.', it: 'Un porto.' }, backstory: { en: 'New.', it: 'Nuovo.' },
    placement: { kind: 'wall', room: 'gallery', wall: 2, offset: 3, height: 1.6 }, image: 'media/new-harbour.jpg',
  };

  it('adds a whole work of the format\'s shape, and refuses one that is not', () => {
    const s = setup();
    const template = structuredClone((docToExhibition(s.draft).artworks as Record<string, unknown>[]).find((w) => w.kind === 'painting')!);
    const fresh = { ...template, ...work, creator: template.creator, rights: template.rights };
    expect(s.edit((d) => addWork(d, fresh))).toEqual([]);
    expect((docToExhibition(s.draft).artworks as { id: string }[]).at(-1)!.id).toBe('new-harbour');
    expect(s.edit((d) => addWork(d, { ...fresh, id: 'no-size', dimensions: { width: -1, height: 0.4 } }))[0]).toMatch(/^artworks\.no-size\.dimensions\.width: /);
    expect(artworksMap(s.draft).has('no-size')).toBe(false);
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

  it('changes a room\'s lighting in lux, refusing light past full daylight or an unknown use', () => {
    const s = setup();
    expect(s.edit((d) => setRoomLighting(d, 'gallery', { use: 'cabinet', illuminance: 50 }))).toEqual([]);
    expect(s.edit((d) => setRoomLighting(d, 'gallery', { use: 'cabinet', illuminance: 80 }))).toEqual([]);
    const room = () => (docToExhibition(s.draft).space as { rooms: { id: string; lighting?: unknown }[] }).rooms.find((r) => r.id === 'gallery');
    expect(room()!.lighting).toEqual({ use: 'cabinet', illuminance: 80 });
    expect(s.edit((d) => setRoomLighting(d, 'gallery', { illuminance: 250_000 }))).toEqual(['space.rooms.gallery.lighting.illuminance: must be at most 100,000 lx (full daylight)']);
    expect(s.edit((d) => setRoomLighting(d, 'gallery', { use: 'cellar' }))[0]).toMatch(/^space\.rooms\.gallery\.lighting\.use: /);
    expect(s.edit((d) => setRoomLighting(d, 'gallery', {}))).toEqual([]);
    expect(room()!.lighting).toBeUndefined();
  });

  it('never refuses typing, even a text emptied while it is rewritten', () => {
    const s = setup();
    expect(s.edit((d) => { const t = artworkText(d, 'harbour-lights', 'title', 'en')!; t.delete(0, t.length); })).toEqual([]);
  });
});
