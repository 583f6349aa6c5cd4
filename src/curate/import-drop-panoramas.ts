/**
 * Where 360° photographs dropped in the curating view go in the draft: each into the room it is named after (its
 * id or name, as `npm run import:panoramas` takes a file named after a room), else the first room, at a point
 * inside the room near its middle, at the tripod's eye height. All of one drop are added in one change (one Undo
 * takes them back); the curator then places and turns each in the 360° photographs panel (panorama-place.ts).
 */
import * as Y from 'yjs';
import { artworksMap, exhibitionMap, toY } from '../twin/collab-doc';
import { centroid, pointInPolygon } from '../twin/geometry';
import { DEFAULT_PANORAMA_HEIGHT, type PanoramaLevel } from '../twin/panorama';
import type { Vec2 } from '../twin/schema';
import { draftPanoramas, planRooms, type PlanRoom } from './panorama-place-edit';

/** One photo as the server's upload answers it (src/pipeline/import/panorama/into-draft.ts). */
export interface ImportedPanorama {
  panorama: { id: string; name?: Record<string, string>; heading: number; pixels: [number, number]; levels: PanoramaLevel[] };
  file: string;
  headingFrom: 'gpano' | 'default';
}

const snap = (v: number) => Number((Math.round(v / 0.05) * 0.05).toFixed(2));

/** A point inside the room near its middle: its centroid, or (an L-shaped room) the nearest inside point of a grid. */
export function insidePoint(polygon: readonly Vec2[]): Vec2 {
  const c = centroid(polygon);
  const at: Vec2 = [snap(c[0]), snap(c[1])];
  if (pointInPolygon(at, polygon)) return at;
  const xs = polygon.map((p) => p[0]);
  const zs = polygon.map((p) => p[1]);
  let best: Vec2 | undefined;
  let bestD = Infinity;
  for (let i = 1; i < 20; i++) {
    for (let j = 1; j < 20; j++) {
      const p: Vec2 = [snap(Math.min(...xs) + ((Math.max(...xs) - Math.min(...xs)) * i) / 20), snap(Math.min(...zs) + ((Math.max(...zs) - Math.min(...zs)) * j) / 20)];
      const d = Math.hypot(p[0] - c[0], p[1] - c[1]);
      if (d < bestD && pointInPolygon(p, polygon)) [best, bestD] = [p, d];
    }
  }
  return best ?? polygon[0]!;
}

/** The room a photo is named after ("hall.jpg", "Hall East.jpg" for a room named "Hall East"), if any. */
function namedRoom(rooms: readonly PlanRoom[], p: ImportedPanorama): PlanRoom | undefined {
  const stem = p.file.split('/').pop()!.replace(/\.[^.]*$/, '').trim().toLowerCase();
  return rooms.find((r) => r.id === p.panorama.id || r.id === stem || Object.values(r.name ?? {}).some((n) => n.trim().toLowerCase() === stem));
}

/**
 * Adds the photos to the draft's rooms in one transaction by `origin`; an id the draft has already gets "-2"….
 * Returns each added photo's id and room; none when the draft has no room.
 */
export function addImportedPanoramas(doc: Y.Doc, photos: readonly ImportedPanorama[], origin: object | null = null): { id: string; room: string }[] {
  const rooms = planRooms(doc);
  const roomMaps = ((exhibitionMap(doc).get('space') as Y.Map<unknown> | undefined)?.get('rooms') as Y.Array<Y.Map<unknown>> | undefined)?.toArray() ?? [];
  if (!rooms.length || !roomMaps.length) return [];
  const taken = new Set(draftPanoramas(doc).map((p) => p.id));
  const added: { id: string; room: PlanRoom; json: Record<string, unknown> }[] = [];
  for (const p of photos) {
    let id = p.panorama.id;
    for (let n = 2; taken.has(id); n++) id = `${p.panorama.id.slice(0, 76)}-${n}`;
    taken.add(id);
    const room = namedRoom(rooms, p) ?? rooms[0]!;
    added.push({ id, room, json: { ...p.panorama, id, position: insidePoint(room.polygon), height: DEFAULT_PANORAMA_HEIGHT } });
  }
  doc.transact(() => {
    for (const a of added) {
      const map = roomMaps.find((r) => r.get('id') === a.room.id)!;
      let list = map.get('panoramas');
      if (!(list instanceof Y.Array)) map.set('panoramas', (list = new Y.Array<Y.Map<unknown>>()));
      (list as Y.Array<unknown>).push([toY(a.json as never)]);
    }
  }, origin);
  return added.map((a) => ({ id: a.id, room: a.room.id }));
}

/** Every batch (imports/<batch>/) whose files the draft names now: a batch no longer named was taken back. */
export function batchesInDraft(doc: Y.Doc): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      const m = /^(?:\.\/)?imports\/([0-9]{8}-[0-9]{6}-[0-9a-f]{6})\//.exec(v);
      if (m) out.add(m[1]!);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(exhibitionMap(doc).toJSON());
  walk(artworksMap(doc).toJSON());
  return out;
}
