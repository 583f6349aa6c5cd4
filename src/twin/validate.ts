/**
 * Exhibition validation (browser-safe: no Node imports).
 *
 * validateExhibition(json) runs the zod schema (schema.ts), translating its issues into
 * plain-English problems with readable paths, and then — only if the schema passes — the
 * semantic checks a curator needs: unique ids, references that resolve, languages, wall
 * placements that fit, room outlines, doorways, entrance, media rules for sensitive works, tours.
 *
 * Media files themselves (do they exist, do they decode) are checked by src/pipeline/media-check.ts in Node.
 */
import {
  Exhibition,
  type Exhibition as ExhibitionData,
  type LangMap,
} from './schema';
import { Collector, checkUniqueIds, isHttpUrl, listIds, q, type PathSegment, type Problem, type RoomIndex, type ValidationResult } from './problems';
import { defOf, isRecordOfStrings, levenshtein, schemaProblems, unwrap, walk } from './schema-problems';
import { checkSpace } from './validate-space';
import { checkLevels } from './validate-levels';
import { checkArtworks } from './validate-artworks';
import { polygonProblem } from './geometry';

export { formatPath, formatProblem, parseJsonText, type PathSegment, type Problem, type ValidationResult } from './problems';

// ------------------------------------------------------------------ media listing

export type MediaRole =
  | 'painting-image'
  | 'object-model'
  | 'animation-model'
  | 'audio'
  | 'captions'
  | 'marker-image'
  | 'space-model'
  | 'texture'
  | 'environment'
  | 'panorama'
  | 'compressed-image';

export interface MediaReference {
  /** Where in the file the path is written. */
  path: PathSegment[];
  /** The media path as written (relative to the exhibition file, or https URL). */
  file: string;
  role: MediaRole;
  /** Index in artworks, for artwork media. */
  artwork?: number;
}

/** Every media path in an exhibition, with what it is supposed to be. */
export function listMedia(ex: ExhibitionData): MediaReference[] {
  const out: MediaReference[] = [];
  const add = (path: PathSegment[], file: string | undefined, role: MediaRole, artwork?: number): void => {
    if (file !== undefined) out.push(artwork === undefined ? { path, file, role } : { path, file, role, artwork });
  };
  if (ex.environment !== undefined) add(['environment'], ex.environment, 'environment');
  const space = ex.space;
  if (space.kind === 'model') add(['space', 'model'], space.model, 'space-model');
  else {
    for (const k of ['floor', 'walls', 'ceiling'] as const) add(['space', k, 'texture'], space[k]?.texture, 'texture');
    space.rooms.forEach((room, r) => {
      for (const k of ['floor', 'walls'] as const) add(['space', 'rooms', r, k, 'texture'], room[k]?.texture, 'texture');
      // A 360° photograph: its one image, or every tile of every level (already cut to sizes every device uploads).
      room.panoramas?.forEach((p, k) => {
        const at = ['space', 'rooms', r, 'panoramas', k];
        add([...at, 'image'], p.image, 'panorama');
        p.levels?.forEach((l, li) => l.tiles.forEach((t, ti) => add([...at, 'levels', li, 'tiles', ti], t, 'panorama')));
      });
    });
  }
  ex.artworks.forEach((a, i) => {
    if (a.kind === 'painting') {
      add(['artworks', i, 'image'], a.image, 'painting-image', i);
      add(['artworks', i, 'farImage'], a.farImage, 'painting-image', i);
      add(['artworks', i, 'compressedImage'], a.compressedImage, 'compressed-image', i);
    }
    if (a.kind === 'object') add(['artworks', i, 'model'], a.model, 'object-model', i);
    add(['artworks', i, 'animation', 'model'], a.animation?.model, 'animation-model', i);
    a.timeLapse?.states.forEach((st, k) => {
      // A state's media is checked like the work's own: same proportions, same catalogued size.
      if (a.kind === 'painting') add(['artworks', i, 'timeLapse', 'states', k, 'image'], st.image, 'painting-image', i);
      else add(['artworks', i, 'timeLapse', 'states', k, 'model'], st.model, 'object-model', i);
    });
    for (const [lang, n] of Object.entries(a.narration ?? {})) {
      add(['artworks', i, 'narration', lang, 'audio'], n.audio, 'audio', i);
      add(['artworks', i, 'narration', lang, 'captions'], n.captions, 'captions', i);
    }
  });
  ex.arReferences.markers.forEach((m, i) => add(['arReferences', 'markers', i, 'image'], m.image, 'marker-image'));
  return out;
}

// ------------------------------------------------------------------ semantic checks

function checkUnknownKeys(c: Collector, input: unknown): void {
  walk(Exhibition, input, [], (schema, value, path) => {
    const d = defOf(unwrap(schema));
    if (d.type !== 'object' || value === null || typeof value !== 'object' || Array.isArray(value)) return;
    const known = Object.keys(d.shape ?? {});
    for (const key of Object.keys(value)) {
      if (known.includes(key)) continue;
      const near = known.find((k) => k.toLowerCase() === key.toLowerCase()) ?? known.find((k) => levenshtein(k, key) <= 2);
      c.warn([...path, key], `unknown field ${q(key)} is ignored${near ? ` (did you mean ${q(near)}?)` : ''}`);
    }
  });
}

function checkLanguages(c: Collector, ex: ExhibitionData): void {
  const langs = ex.languages;
  const def = ex.defaultLanguage;
  if (!langs.includes(def)) c.error(['defaultLanguage'], `default language ${q(def)} is not one of the languages (${langs.join(', ')})`);
  langs.forEach((l, i) => {
    if (langs.indexOf(l) !== i) c.warn(['languages', i], `language ${q(l)} is listed twice`);
  });
  walk(Exhibition, ex, [], (schema, value, path) => {
    if (!isRecordOfStrings(schema) || value === null || typeof value !== 'object') return;
    const map = value as LangMap;
    const keys = Object.keys(map);
    if (map[def] === undefined) {
      c.error(path, `missing the text in the default language ${q(def)} (it has: ${keys.join(', ')})`);
    }
    for (const l of langs) {
      if (l !== def && map[l] === undefined) c.warn(path, `no ${q(l)} text; visitors reading ${q(l)} will see the ${q(def)} text`);
    }
    for (const k of keys) {
      if (!langs.includes(k)) c.warn([...path, k], `language ${q(k)} is not one of the exhibition's languages (${langs.join(', ')}), so this text is never shown`);
      else if ((map[k] as string).trim() === '') c.warn([...path, k], 'the text is empty');
    }
  });
}


function checkZones(c: Collector, ex: ExhibitionData, roomById: Map<string, unknown>): void {
  const roomIds = ex.space.rooms.map((r) => r.id);
  checkUniqueIds(c, ex.zones, ['zones']);
  ex.zones.forEach((zone, i) => {
    if (zone.room !== undefined && !roomById.has(zone.room)) c.error(['zones', i, 'room'], `room ${q(zone.room)} does not exist (${listIds(roomIds, 'rooms')})`);
    if (zone.polygon) {
      const bad = polygonProblem(zone.polygon);
      if (bad) c.error(bad.index === undefined ? ['zones', i, 'polygon'] : ['zones', i, 'polygon', bad.index], bad.message);
    }
  });
}

function checkTours(c: Collector, ex: ExhibitionData): void {
  const ids = ex.artworks.map((a) => a.id);
  const idSet = new Set(ids);
  checkUniqueIds(c, ex.tours, ['tours']);
  ex.tours.forEach((tour, t) => {
    const seen = new Map<string, number>();
    tour.stops.forEach((stop, s) => {
      const path: PathSegment[] = ['tours', t, 'stops', s, 'artwork'];
      if (!idSet.has(stop.artwork)) {
        c.error(path, `artwork ${q(stop.artwork)} does not exist (${listIds(ids, 'artworks')})`);
        return;
      }
      const prev = tour.stops[s - 1];
      if (prev && prev.artwork === stop.artwork) c.error(path, `the same artwork (${q(stop.artwork)}) as the previous stop; remove one of them`);
      else if (seen.has(stop.artwork)) c.warn(path, `artwork ${q(stop.artwork)} is already stop ${(seen.get(stop.artwork) as number) + 1} of this tour`);
      if (!seen.has(stop.artwork)) seen.set(stop.artwork, s);
    });
  });
}

function checkAr(c: Collector, ex: ExhibitionData): void {
  checkUniqueIds(c, ex.arReferences.points, ['arReferences', 'points']);
  checkUniqueIds(c, ex.arReferences.markers, ['arReferences', 'markers']);
  ex.arReferences.markers.forEach((m, i) => {
    const base: PathSegment[] = ['arReferences', 'markers', i];
    const len = Math.hypot(...m.normal);
    const upLen = Math.hypot(...m.up);
    if (len < 1e-6) c.error([...base, 'normal'], 'the normal must not be zero; it is the direction the printed face looks');
    else if (Math.abs(len - 1) > 0.01) c.warn([...base, 'normal'], `the normal should be a unit vector (its length is ${Number(len.toFixed(3))})`);
    if (upLen < 1e-6) c.error([...base, 'up'], "'up' must not be zero");
    else if (len >= 1e-6) {
      const dot = (m.normal[0] * m.up[0] + m.normal[1] * m.up[1] + m.normal[2] * m.up[2]) / (len * upLen);
      if (Math.abs(dot) > 0.999) c.error([...base, 'up'], "'up' is parallel to the normal; it must point along the printed image's top edge");
    }
  });
}

function checkMediaPaths(c: Collector, ex: ExhibitionData): void {
  for (const ref of listMedia(ex)) {
    if (ref.file.includes('\\')) c.warn(ref.path, `${q(ref.file)} uses '\\'; separate folders with '/'`);
  }
  if (ex.licence.url !== undefined && !isHttpUrl(ex.licence.url)) c.error(['licence', 'url'], `${q(ex.licence.url)} is not a web address; use an https:// link`);
}

function semanticChecks(ex: ExhibitionData, input: unknown): Problem[] {
  const c = new Collector();
  checkUnknownKeys(c, input);
  checkLanguages(c, ex);
  const roomById: RoomIndex = new Map();
  ex.space.rooms.forEach((room, index) => {
    if (!roomById.has(room.id)) roomById.set(room.id, { room, index });
  });
  checkSpace(c, ex, roomById);
  checkLevels(c, ex, roomById);
  checkZones(c, ex, roomById);
  checkArtworks(c, ex, roomById);
  checkTours(c, ex);
  checkAr(c, ex);
  checkMediaPaths(c, ex);
  return c.problems;
}

// ------------------------------------------------------------------ entry point

/**
 * Validates a parsed exhibition file. `ok` is true when there is no error (warnings may remain);
 * the exhibition then has the schema's defaults filled in.
 */
export function validateExhibition(json: unknown): ValidationResult {
  const parsed = Exhibition.safeParse(json);
  if (!parsed.success) return { ok: false, problems: schemaProblems(parsed.error.issues, json) };
  const problems = semanticChecks(parsed.data, json);
  if (problems.some((p) => p.severity === 'error')) return { ok: false, problems };
  return { ok: true, exhibition: parsed.data, problems };
}

