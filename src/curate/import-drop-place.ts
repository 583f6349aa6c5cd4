/**
 * Where imported works go in a draft that already has its rooms: each painting on the hanging line on the first
 * wall with room for it (clear of doorways and other works, with a gap each side), each object on the free floor
 * nearest a room's middle, in the room its spreadsheet row named when the draft has one of that name. Then all of
 * them are added in one change (one Undo takes the import back). The placement rules are the validator's and the
 * server's (twin/curate-placement.ts), so what is added here is never refused for its place.
 */
import * as Y from 'yjs';
import { artworkOrder, artworksMap, exhibitionMap, toY } from '../twin/collab-doc';
import { clearFloorPoint, clearOffset, placementProblems, type PlacedWork } from '../twin/curate-placement';
import type { Space, Vec2 } from '../twin/schema';

/** One work as the server's import answers it (src/pipeline/import/into-draft.ts). */
export interface ImportedDraftWork {
  artwork: Record<string, unknown> & { id: string; kind: 'painting' | 'object'; dimensions: { width: number; height: number; depth?: number } };
  room?: string;
}

/** The hanging line (src/pipeline/import/hang.ts): a painting's centre 1.45 m up, higher when it is too tall for it. */
const HANGING_LINE = 1.45;
const LOWEST_EDGE = 0.3;
/** Space kept free each side of a newly hung painting, metres. */
const GAP = 0.4;

export interface PlacedImport {
  /** The ids the works were added under (an id already in the draft gets a suffix). */
  added: string[];
  /** Works for which no wall or floor had room, by their title. */
  unplaced: string[];
}

type RoomJson = Space['rooms'][number];

/** The rooms to try for a work: the one its row named first, then every room in the draft's order. */
function roomsFor(rooms: readonly RoomJson[], wanted: string | undefined): RoomJson[] {
  const key = wanted?.trim().toLowerCase();
  const named = key ? rooms.filter((r) => r.id.toLowerCase() === key || Object.values(r.name ?? {}).some((n) => n.trim().toLowerCase() === key)) : [];
  return [...named, ...rooms.filter((r) => !named.includes(r))];
}

function outerHeight(a: ImportedDraftWork['artwork']): number {
  const frame = (a.frame as { width?: number; style?: string } | undefined) ?? {};
  return a.dimensions.height + (frame.style === 'none' ? 0 : 2 * (frame.width ?? 0));
}

/** A place for the work in `room`, or undefined when the room has none free. */
function placeIn(space: Space, room: RoomJson, a: ImportedDraftWork['artwork'], others: PlacedWork[]): unknown {
  if (a.kind === 'painting') {
    const height = Math.max(HANGING_LINE, outerHeight(a) / 2 + LOWEST_EDGE);
    // Asked with a wider work, so that what is found keeps GAP from its neighbours.
    const wide: PlacedWork = { id: a.id, kind: 'painting', dimensions: { ...a.dimensions, width: a.dimensions.width + 2 * GAP } };
    for (let wall = 0; wall < room.polygon.length; wall++) {
      const placement = { kind: 'wall', room: room.id, wall, offset: 0, height };
      const offset = clearOffset(space, { ...wide, placement }, others, 0);
      if (offset === undefined) continue;
      const placed = { ...placement, offset };
      if (placementProblems(space, { id: a.id, kind: 'painting', dimensions: a.dimensions, placement: placed }, others).length === 0) return placed;
    }
    return undefined;
  }
  const xs = room.polygon.map((p) => p[0]);
  const zs = room.polygon.map((p) => p[1]);
  const middle: Vec2 = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...zs) + Math.max(...zs)) / 2];
  const reach = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...zs) - Math.min(...zs)) / 2;
  const at = clearFloorPoint(space, { id: a.id, kind: 'object', dimensions: a.dimensions }, others, middle, reach);
  return at ? { kind: 'pose', position: [at[0], 0, at[1]], heading: 0 } : undefined;
}

/** The draft's space and works as plain JSON, for placing. */
function draftNow(doc: Y.Doc): { space: Space; works: PlacedWork[] } {
  const space = (exhibitionMap(doc).get('space') as Y.Map<unknown>).toJSON() as Space;
  const works = [...artworksMap(doc).values()].map((w) => w.toJSON() as PlacedWork);
  return { space, works };
}

/**
 * Gives each imported work a place in the draft and adds those that found one, in one transaction by `origin`.
 * Works are tried in the order given (the spreadsheet's), so a room's works hang in their row order.
 */
export function addImportedWorks(doc: Y.Doc, works: readonly ImportedDraftWork[], origin: object | null = null): PlacedImport {
  const { space, works: others } = draftNow(doc);
  const rooms = space.rooms ?? [];
  const taken = new Set(artworksMap(doc).keys());
  const added: { id: string; json: Record<string, unknown> }[] = [];
  const unplaced: string[] = [];
  for (const w of works) {
    let id = w.artwork.id;
    for (let n = 2; taken.has(id); n++) id = `${w.artwork.id}-${n}`;
    const artwork = { ...w.artwork, id };
    let placement: unknown;
    for (const room of roomsFor(rooms, w.room)) if ((placement = placeIn(space, room, artwork, others)) !== undefined) break;
    if (placement === undefined) {
      const title = (artwork as Record<string, unknown>).title as Record<string, string> | undefined;
      unplaced.push(title ? (Object.values(title)[0] ?? id) : id);
      continue;
    }
    taken.add(id);
    const json = { ...artwork, placement };
    others.push(json as PlacedWork);
    added.push({ id, json });
  }
  if (added.length) {
    doc.transact(() => {
      for (const { id, json } of added) artworksMap(doc).set(id, toY(json as never) as Y.Map<unknown>);
      artworkOrder(doc).push(added.map((a) => a.id));
    }, origin);
  }
  return { added: added.map((a) => a.id), unplaced };
}
