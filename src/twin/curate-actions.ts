/**
 * The curating edits as changes to a draft's Y.Doc (collab-doc.ts): adding works, moving them (along their wall,
 * onto another wall, across the floor) and turning them, their hotspots, tours and their stops, rooms' finishes
 * and lighting. Each is one transaction with the editor's origin, so a curator's Undo
 * (Y.UndoManager tracking that origin) takes back exactly their own step, and every other client gets it as one
 * update that the server checks (curate-edits.ts) before storing it.
 */
import * as Y from 'yjs';
import { artworkOrder, artworksMap, exhibitionMap, toY } from './collab-doc';
import type { Annotation, Finish, Tour } from './schema';

type Json = Parameters<typeof toY>[0];

const placementOf = (doc: Y.Doc, id: string) => {
  const p = artworksMap(doc).get(id)?.get('placement');
  return p instanceof Y.Map ? (p as Y.Map<unknown>) : undefined;
};

/** Hangs a wall work at `offset` along its wall. */
export function moveAlongWall(doc: Y.Doc, id: string, offset: number, origin: object | null = null): void {
  const p = placementOf(doc, id);
  if (p?.get('kind') === 'wall' && p.get('offset') !== offset) doc.transact(() => p.set('offset', offset), origin);
}

/** Puts a floor work at plan point `at` ([x, z], its height kept), and turns it to `heading` if given. */
export function moveOnFloor(doc: Y.Doc, id: string, at: readonly [number, number], heading?: number, origin: object | null = null): void {
  const p = placementOf(doc, id);
  if (p?.get('kind') !== 'pose') return;
  const y = (p.get('position') as number[] | undefined)?.[1] ?? 0;
  doc.transact(() => {
    p.set('position', [at[0], y, at[1]]);
    if (heading !== undefined) p.set('heading', ((Math.round(heading) % 360) + 360) % 360);
  }, origin);
}

/** A list of things with ids inside a map: a Y.Array of Y.Maps, made one when the list was empty (a plain []). */
function listIn(map: Y.Map<unknown>, key: string): Y.Array<Y.Map<unknown>> {
  const list = map.get(key);
  if (list instanceof Y.Array) return list as Y.Array<Y.Map<unknown>>;
  const made = new Y.Array<Y.Map<unknown>>();
  map.set(key, made);
  return made;
}

const indexOfId = (list: Y.Array<Y.Map<unknown>>, id: string) => list.toArray().findIndex((m) => m instanceof Y.Map && m.get('id') === id);

/** Adds a hotspot (annotation) to a work. */
export function addHotspot(doc: Y.Doc, workId: string, hotspot: Annotation, origin: object | null = null): void {
  const work = artworksMap(doc).get(workId);
  if (work) doc.transact(() => listIn(work, 'annotations').push([toY(hotspot as unknown as Json) as Y.Map<unknown>]), origin);
}

/** Moves a hotspot to `position` (the work's own coordinates). */
export function placeHotspot(doc: Y.Doc, workId: string, hotspotId: string, position: readonly [number, number, number], origin: object | null = null): void {
  const list = artworksMap(doc).get(workId)?.get('annotations');
  if (!(list instanceof Y.Array)) return;
  const m = (list as Y.Array<Y.Map<unknown>>).get(indexOfId(list as Y.Array<Y.Map<unknown>>, hotspotId));
  if (m instanceof Y.Map) doc.transact(() => m.set('position', position.map((n) => Number(n.toFixed(3)))), origin);
}

export function removeHotspot(doc: Y.Doc, workId: string, hotspotId: string, origin: object | null = null): void {
  const list = artworksMap(doc).get(workId)?.get('annotations');
  if (!(list instanceof Y.Array)) return;
  const i = indexOfId(list as Y.Array<Y.Map<unknown>>, hotspotId);
  if (i >= 0) doc.transact(() => list.delete(i, 1), origin);
}

/** Adds a tour at the end of the exhibition's tours. */
export function addTour(doc: Y.Doc, tour: Tour, origin: object | null = null): void {
  doc.transact(() => listIn(exhibitionMap(doc), 'tours').push([toY(tour as unknown as Json) as Y.Map<unknown>]), origin);
}

export function removeTour(doc: Y.Doc, tourId: string, origin: object | null = null): void {
  const list = exhibitionMap(doc).get('tours');
  if (!(list instanceof Y.Array)) return;
  const i = indexOfId(list as Y.Array<Y.Map<unknown>>, tourId);
  if (i >= 0) doc.transact(() => list.delete(i, 1), origin);
}

/** The tour's Y.Map, if it exists. */
export function tourMap(doc: Y.Doc, tourId: string): Y.Map<unknown> | undefined {
  const list = exhibitionMap(doc).get('tours');
  if (!(list instanceof Y.Array)) return undefined;
  const m = (list as Y.Array<Y.Map<unknown>>).get(indexOfId(list as Y.Array<Y.Map<unknown>>, tourId));
  return m instanceof Y.Map ? m : undefined;
}

type Stop = Tour['stops'][number];

/** The tour's stops as they are now. */
export function tourStops(doc: Y.Doc, tourId: string): Stop[] {
  const stops = tourMap(doc, tourId)?.get('stops');
  return (stops instanceof Y.AbstractType ? stops.toJSON() : (stops ?? [])) as Stop[];
}

/**
 * Rewrites a tour's stops (added, removed, reordered). Stops have no ids, so the list is one value: two people
 * reordering one tour at once end with one of their orders, never a mix with a stop twice.
 */
export function setTourStops(doc: Y.Doc, tourId: string, stops: readonly Stop[], origin: object | null = null): void {
  const t = tourMap(doc, tourId);
  if (t) doc.transact(() => t.set('stops', stops.map((s) => ({ ...s }))), origin);
}

/** Moves stop `index` one place earlier (-1) or later (+1). */
export function moveStop(doc: Y.Doc, tourId: string, index: number, by: -1 | 1, origin: object | null = null): void {
  const stops = tourStops(doc, tourId);
  const j = index + by;
  if (index < 0 || j < 0 || index >= stops.length || j >= stops.length) return;
  [stops[index], stops[j]] = [stops[j]!, stops[index]!];
  setTourStops(doc, tourId, stops, origin);
}

/** Changes part of a room's floor or walls finish (colour, roughness), making the finish if the room had none. */
export function setRoomFinish(doc: Y.Doc, roomId: string, surface: 'floor' | 'walls', patch: Partial<Finish>, origin: object | null = null): void {
  const rooms = (exhibitionMap(doc).get('space') as Y.Map<unknown> | undefined)?.get('rooms');
  if (!(rooms instanceof Y.Array)) return;
  const room = (rooms as Y.Array<Y.Map<unknown>>).get(indexOfId(rooms as Y.Array<Y.Map<unknown>>, roomId));
  if (!(room instanceof Y.Map)) return;
  doc.transact(() => {
    const finish = room.get(surface);
    if (finish instanceof Y.Map) for (const [k, v] of Object.entries(patch)) finish.set(k, v);
    else room.set(surface, toY({ color: '#ffffff', ...patch } as Json));
  }, origin);
}

/** Hangs a wall work on another wall (of its room or another room) at `offset`, its hanging height kept. */
export function moveToWall(doc: Y.Doc, id: string, room: string, wall: number, offset: number, origin: object | null = null): void {
  const p = placementOf(doc, id);
  if (p?.get('kind') !== 'wall' || (p.get('room') === room && p.get('wall') === wall && p.get('offset') === offset)) return;
  doc.transact(() => {
    p.set('room', room);
    p.set('wall', wall);
    p.set('offset', offset);
  }, origin);
}

/** Sets a room's lighting (its use and its general light in lux); an undefined field is taken away. */
export function setRoomLighting(doc: Y.Doc, roomId: string, lighting: { use?: string | undefined; illuminance?: number | undefined }, origin: object | null = null): void {
  const rooms = (exhibitionMap(doc).get('space') as Y.Map<unknown> | undefined)?.get('rooms');
  if (!(rooms instanceof Y.Array)) return;
  const room = (rooms as Y.Array<Y.Map<unknown>>).get(indexOfId(rooms as Y.Array<Y.Map<unknown>>, roomId));
  if (!(room instanceof Y.Map)) return;
  const clean = Object.fromEntries(Object.entries(lighting).filter(([, v]) => v !== undefined));
  doc.transact(() => {
    if (!Object.keys(clean).length) return void room.delete('lighting');
    const l = room.get('lighting');
    if (!(l instanceof Y.Map)) return void room.set('lighting', toY(clean as Json));
    for (const k of ['use', 'illuminance']) {
      if (k in clean) l.set(k, clean[k]);
      else if (l.has(k)) l.delete(k);
    }
  }, origin);
}

/** Adds a new work to the draft (at the end of the works' order). */
export function addWork(doc: Y.Doc, work: { id: string } & Record<string, unknown>, origin: object | null = null): void {
  if (artworksMap(doc).has(work.id)) return;
  doc.transact(() => {
    artworksMap(doc).set(work.id, toY(work as unknown as Json) as Y.Map<unknown>);
    artworkOrder(doc).push([work.id]);
  }, origin);
}
