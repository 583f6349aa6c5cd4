/**
 * Which edits of a draft are sound enough to store: the check the server runs on every collaborative edit
 * (after the permission rules, src/server/accounts/permissions.ts) and the curating view runs before sending
 * one. A draft may be invalid (issue: "a draft may be invalid, a published version never is"): a missing
 * translation, a work a tour no longer finds, two works overlapping, a work past its wall's end are stored, shown
 * to everyone at the place of the problem by the live validation, and keep Publish refused (publish/routes.ts)
 * until they are mended. What is refused here is an edit that writes something malformed:
 *
 *   a new work               a whole artwork of the format's shape (schema.ts), its id not taken
 *   a move of a work         the placement's shape (a wall and offset, or a floor point and heading)
 *   a work's hotspots        the annotations' shape, unique ids
 *   tours and their stops    the tours' shape, unique ids, every stop a work of the draft
 *   a room's finishes        floor and walls as finishes (#rrggbb colour, roughness 0–1), the height a length
 *   a room's lighting        its use (cabinet, gallery, hall) and its general light in lux (0–100,000)
 *
 * Typing in a text is never refused here (a text may be empty while someone rewrites it).
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { artworksMap, exhibitionMap } from './collab-doc';
import type { PlacedWork } from './curate-placement';
import { Annotation, Artwork, Placement, Room, Tour, type Space } from './schema';

/** What the checks read of a draft; `docReader` reads a Y.Doc, tests may read plain JSON. */
export interface DraftReader {
  space(): Space | undefined;
  work(id: string): Record<string, unknown> | undefined;
  /** Every work's id, kind, dimensions and placement. */
  placed(): PlacedWork[];
  tours(): unknown;
}

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

const json = (v: unknown): unknown => (v instanceof Y.AbstractType ? v.toJSON() : v);

/** The named fields of a Y.Map (or of a plain object), as plain values. */
function fields(v: unknown, keys: readonly string[]): Record<string, unknown> | undefined {
  if (!(v instanceof Y.Map)) return json(v) as Record<string, unknown> | undefined;
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const x = v.get(k);
    if (x !== undefined) out[k] = json(x);
  }
  return out;
}

/** A reader over a draft's Y.Doc, reading only what a check asks for. */
export function docReader(doc: Y.Doc): DraftReader {
  let space: Space | undefined;
  let placed: PlacedWork[] | undefined;
  return {
    space: () => (space ??= json(exhibitionMap(doc).get('space')) as Space | undefined),
    work: (id) => json(artworksMap(doc).get(id)) as Record<string, unknown> | undefined,
    // Read field by field rather than toJSON: a move on a 1,000-work draft reads every work's place.
    placed: () =>
      (placed ??= [...artworksMap(doc)].map(([id, w]) => ({
        id,
        kind: w.get('kind'),
        dimensions: fields(w.get('dimensions'), ['width', 'height', 'depth']) as PlacedWork['dimensions'],
        placement: fields(w.get('placement'), ['kind', 'room', 'wall', 'offset', 'height', 'position', 'heading']),
      }))),
    tours: () => json(exhibitionMap(doc).get('tours')),
  };
}

const issues = (what: string, r: ReturnType<z.ZodType['safeParse']>): string[] =>
  r.success ? [] : r.error.issues.slice(0, 3).map((i) => `${what}${i.path.length ? `.${i.path.join('.')}` : ''}: ${i.message}`);

function duplicates(what: string, list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of list as { id?: unknown }[]) {
    const id = String(e?.id);
    if (seen.has(id)) out.push(`${what}: the id '${id}' is used twice`);
    seen.add(id);
  }
  return out;
}

const Annotations = z.array(Annotation).max(200);
const Tours = z.array(Tour).max(100);
const RoomFinishes = Room.pick({ floor: true, walls: true, height: true, lighting: true });

/**
 * Why the edit that turned `before` into `after` (touching `paths`, as the permission rules name them: lists of
 * things with ids by id) may not be stored; empty when it may.
 */
export function editProblems(before: DraftReader, after: DraftReader, paths: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  const works = new Map<string, Set<string>>();
  let tours = false;
  const rooms = new Set<string>();
  for (const p of paths) {
    // A keystroke in a text (the last step a language) is never refused.
    if (p.length > 2 && LANGUAGE.test(p.at(-1)!) && p.at(-1) !== 'id') continue;
    if (p[0] === 'artworks' && p[1] && p[1] !== '#order') works.set(p[1], (works.get(p[1]) ?? new Set()).add(p[2] ?? '*'));
    else if (p[0] === 'tours') tours = true;
    else if (p[0] === 'space' && p[1] === 'rooms' && p[2] && ['floor', 'walls', 'height', 'lighting'].includes(p[3] ?? '')) rooms.add(p[2]);
  }
  for (const [id, fields] of works) {
    const work = after.work(id);
    if (!work) continue;
    // A work that was not there: the whole of it is new, so the whole of it is checked.
    if (fields.has('*') && !before.work(id)) {
      out.push(...issues(`artworks.${id}`, Artwork.safeParse(work)));
      if (work.id !== id) out.push(`artworks.${id}: the work's id is '${String(work.id)}'`);
      continue;
    }
    if (fields.has('placement')) out.push(...issues(`artworks.${id}.placement`, Placement.safeParse(work.placement)));
    if (fields.has('annotations')) {
      out.push(...issues(`artworks.${id}.annotations`, Annotations.safeParse(work.annotations ?? [])), ...duplicates(`artworks.${id}.annotations`, work.annotations));
    }
  }
  if (tours) {
    const list = after.tours() ?? [];
    out.push(...issues('tours', Tours.safeParse(list)), ...duplicates('tours', list));
    const ids = new Set(after.placed().map((w) => w.id));
    for (const t of Array.isArray(list) ? (list as { id?: string; stops?: { artwork?: string }[] }[]) : []) {
      for (const s of Array.isArray(t?.stops) ? t.stops : []) {
        if (typeof s?.artwork === 'string' && !ids.has(s.artwork)) out.push(`tours.${t.id}: the stop '${s.artwork}' is not a work of the exhibition`);
      }
    }
  }
  if (rooms.size) {
    const space = after.space();
    for (const id of rooms) {
      const room = space?.rooms.find((r) => r.id === id);
      if (room) out.push(...issues(`space.rooms.${id}`, RoomFinishes.safeParse(room)));
    }
  }
  return out;
}
