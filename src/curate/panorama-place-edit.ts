/**
 * Placing a room's 360° photographs in the draft: where each was taken (a plan point inside a room; a point in
 * another room moves the photo to that room), how high the lens was, and which way the photo's centre looks. Each
 * is one change by the curator's origin (one Undo each). Pure Yjs over the draft's layout (twin/collab-doc.ts):
 * a room is a Y.Map in space.rooms, its panoramas a Y.Array of Y.Maps.
 */
import * as Y from 'yjs';
import { exhibitionMap, toY } from '../twin/collab-doc';
import { pointInPolygon } from '../twin/geometry';
import { headingTowards } from '../twin/panorama';
import type { Vec2 } from '../twin/schema';

/** A photo as the panel shows it. */
export interface PlacedPanorama {
  readonly id: string;
  readonly room: string;
  readonly name?: Record<string, string>;
  readonly position: Vec2;
  readonly height: number;
  readonly heading: number;
}

export interface PlanRoom {
  readonly id: string;
  readonly name?: Record<string, string>;
  readonly polygon: Vec2[];
}

const SNAP = 0.05;
const snap = (v: number) => Number((Math.round(v / SNAP) * SNAP).toFixed(2));
/** A heading kept in [0, 360) to a tenth of a degree. */
export const normalHeading = (h: number): number => Number((((h % 360) + 360) % 360).toFixed(1)) % 360;

function roomsArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> | undefined {
  const rooms = (exhibitionMap(doc).get('space') as Y.Map<unknown> | undefined)?.get('rooms');
  return rooms instanceof Y.Array ? (rooms as Y.Array<Y.Map<unknown>>) : undefined;
}

/** The draft's rooms (id, name, outline). */
export function planRooms(doc: Y.Doc): PlanRoom[] {
  return (roomsArray(doc)?.toArray() ?? []).map((r) => r.toJSON() as PlanRoom).filter((r) => Array.isArray(r.polygon));
}

/** Every photo of every room, in the rooms' order. */
export function draftPanoramas(doc: Y.Doc): PlacedPanorama[] {
  const out: PlacedPanorama[] = [];
  for (const room of roomsArray(doc)?.toArray() ?? []) {
    const list = room.get('panoramas');
    if (!(list instanceof Y.Array)) continue;
    for (const p of list.toArray() as Y.Map<unknown>[]) {
      const j = p.toJSON() as { id: string; name?: Record<string, string>; position: Vec2; height?: number; heading?: number };
      out.push({ id: j.id, room: String(room.get('id')), ...(j.name ? { name: j.name } : {}), position: j.position, height: j.height ?? 1.6, heading: j.heading ?? 0 });
    }
  }
  return out;
}

/** The photo's Y.Map, its room's list and index. */
function find(doc: Y.Doc, id: string): { list: Y.Array<Y.Map<unknown>>; index: number; map: Y.Map<unknown>; room: Y.Map<unknown> } | undefined {
  for (const room of roomsArray(doc)?.toArray() ?? []) {
    const list = room.get('panoramas');
    if (!(list instanceof Y.Array)) continue;
    const index = (list.toArray() as Y.Map<unknown>[]).findIndex((p) => p.get('id') === id);
    if (index >= 0) return { list: list as Y.Array<Y.Map<unknown>>, index, map: list.get(index) as Y.Map<unknown>, room };
  }
  return undefined;
}

export type PlaceResult = { ok: true; room: string } | { ok: false; message: string };

/**
 * Says where the photo was taken: the plan point `at`, snapped to 5 cm. Outside every room it is refused; in
 * another room the photo moves there (a photo belongs to the room it was taken in).
 */
export function placePanorama(doc: Y.Doc, id: string, at: Vec2, origin: object | null = null): PlaceResult {
  const found = find(doc, id);
  if (!found) return { ok: false, message: `there is no 360° photograph '${id}'` };
  const point: Vec2 = [snap(at[0]), snap(at[1])];
  const rooms = roomsArray(doc)!.toArray();
  const target = rooms.find((r) => pointInPolygon(point, (r.get('polygon') as Vec2[]) ?? []));
  if (!target) return { ok: false, message: `x ${point[0]}, z ${point[1]} is outside every room: a photograph is taken inside one` };
  // The same place again (a field left without a new value) is no change, and no step for Undo.
  const was = found.map.get('position') as Vec2 | undefined;
  if (target === found.room && was?.[0] === point[0] && was[1] === point[1]) return { ok: true, room: String(target.get('id')) };
  doc.transact(() => {
    if (target === found.room) return void found.map.set('position', point);
    const json = { ...(found.map.toJSON() as Record<string, unknown>), position: point };
    found.list.delete(found.index, 1);
    let list = target.get('panoramas');
    if (!(list instanceof Y.Array)) target.set('panoramas', (list = new Y.Array<Y.Map<unknown>>()));
    (list as Y.Array<unknown>).push([toY(json as never)]);
  }, origin);
  return { ok: true, room: String(target.get('id')) };
}

/** Which way the photo's centre looks (plan degrees: 0 toward −z, 90 toward +x). */
export function turnPanorama(doc: Y.Doc, id: string, heading: number, origin: object | null = null): boolean {
  const found = find(doc, id);
  if (!found || !Number.isFinite(heading)) return false;
  if (found.map.get('heading') === normalHeading(heading)) return true;
  doc.transact(() => found.map.set('heading', normalHeading(heading)), origin);
  return true;
}

/** Turns the photo so that its centre looks toward the plan point `at` (the curator points at what it faces). */
export function facePanorama(doc: Y.Doc, id: string, at: Vec2, origin: object | null = null): boolean {
  const p = draftPanoramas(doc).find((q) => q.id === id);
  if (!p || (p.position[0] === at[0] && p.position[1] === at[1])) return false;
  return turnPanorama(doc, id, headingTowards(p.position, at), origin);
}

/** The lens's height above the room's floor (0.1–10 m, as the format allows). */
export function raisePanorama(doc: Y.Doc, id: string, height: number, origin: object | null = null): PlaceResult {
  const found = find(doc, id);
  if (!found) return { ok: false, message: `there is no 360° photograph '${id}'` };
  if (!Number.isFinite(height) || height < 0.1 || height > 10) return { ok: false, message: 'a lens height is between 0.1 and 10 m' };
  if (found.map.get('height') !== Number(height.toFixed(2))) doc.transact(() => found.map.set('height', Number(height.toFixed(2))), origin);
  return { ok: true, room: String(found.room.get('id')) };
}
