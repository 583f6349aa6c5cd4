/**
 * Lays imported works out as an exhibition: rooms sized to their works (hang.ts) and joined in an enfilade that
 * turns back on itself row by row (as src/cli/generated-exhibition.ts does, but rooms of their own size), an
 * entrance from outside into the first room, every work's catalogue record in the format's words, and a first
 * tour through everything in walking order. Every importer (spreadsheet, IIIF, Voyager) ends here.
 */
import { FORMAT, FORMAT_VERSION, type ExhibitionInput, type LangMap, type Vec2 } from '../../twin/schema';
import { LIMITS } from '../../twin/schema-primitives';
import type { ImportedWork, ImportProblem } from './imported-work';
import { DOOR, round, sizeRoom, sizeRoomToDepth, type ObjectBox, type PaintingBox, type RoomFit } from './hang';
import { cleanLangMap, everyLanguage, parseRights, plainRichText, safeId, shortLabel, unknownText, words } from './work-texts';

type ArtworkInput = ExhibitionInput['artworks'][number];
type RoomInput = Extract<ExhibitionInput['space'], { kind: 'floorplan' }>['rooms'][number];
type DoorwayInput = NonNullable<Extract<ExhibitionInput['space'], { kind: 'floorplan' }>['doorways']>[number];

export interface LayoutOptions {
  title?: LangMap;
  /** The exhibition's languages, the default first; absent: those the works' texts are in. */
  languages?: string[];
  institution?: LangMap;
}

/** A media file the exhibition names: where it is now (absolute) and where it goes, relative to exhibition.json. */
export interface LayoutMedia {
  artwork: string;
  kind: 'image' | 'model';
  source: string;
  file: string;
}

export interface Layout {
  exhibition: ExhibitionInput;
  problems: ImportProblem[];
  media: LayoutMedia[];
}

/** A group of works larger than this is split into several rooms ("Prints (2)"), so no room becomes a hangar. */
export const MAX_WORKS_PER_ROOM = 24;
/** Works without a room share rooms of this many. */
const UNROOMED_PER_ROOM = 16;
const FRAME = { style: 'gilded' as const, width: 0.06 };
const DEFAULT_SIZE = { painting: { height: 0.6, width: 0.5 }, object: { height: 0.3, width: 0.3, depth: 0.3 } };
const MAX_TOUR_STOPS = 500;
/** What collection records write for a maker nobody knows; shown in the visitor's language instead. */
const UNKNOWN_MAKER = /^(unknown|unknown (artist|maker)|anonymous|anon\.?|ignoto|anonimo|sconosciuto|unbekannt|inconnu|anonyme|an[oó]nimo|desconocido)$/i;

interface Prepared {
  work: ImportedWork;
  id: string;
  where: string;
  size: { height: number; width: number; depth?: number };
}

/**
 * Turns imported works into an exhibition the validator accepts. Works that cannot be shown (no media, an id or
 * size out of range) are left out and reported; what is absent from a record gets a default and a report.
 */
export function layoutExhibition(works: ImportedWork[], opts: LayoutOptions = {}): Layout {
  const problems: ImportProblem[] = [];
  const languages = chooseLanguages(works, opts.languages);
  const lang = languages[0]!;
  const ids = new Set<string>();
  const prepared: Prepared[] = [];
  for (const [i, work] of works.entries()) {
    const where = work.where ?? (work.sourceId ? `work '${work.sourceId}'` : `work ${i + 1}`);
    if (prepared.length >= LIMITS.maxArtworks) {
      problems.push({ where, message: `an exhibition holds at most ${LIMITS.maxArtworks} works; this one and the ${works.length - i - 1} after it are left out` });
      break;
    }
    if (!work.mediaFile) {
      problems.push({ where, message: `no ${work.kind === 'painting' ? 'image' : '3D model'} file, so the work cannot be shown; left out` });
      continue;
    }
    const size = workSize(work, where, problems);
    if (!size) continue;
    prepared.push({ work, id: safeId(work.accessionNumber ?? work.sourceId, `work-${i + 1}`, ids), where, size });
  }

  const groups = groupRooms(prepared, languages);
  const plan = planRooms(groups, problems);
  const media: LayoutMedia[] = [];
  const artworks: ArtworkInput[] = [];
  for (const room of plan.rooms) {
    for (const placed of room.works) {
      const { entry } = placed;
      const file = `${entry.work.kind === 'painting' ? 'paintings' : 'objects'}/${entry.id}${extension(entry.work.mediaFile!)}`;
      media.push({ artwork: entry.id, kind: entry.work.kind === 'painting' ? 'image' : 'model', source: entry.work.mediaFile!, file });
      artworks.push(artwork(entry, placed.placement, file, languages, problems));
    }
  }

  const title = cleanLangMap(opts.title, lang, 'title', problems) ?? { [lang]: 'Imported collection' };
  const exhibition: ExhibitionInput = {
    format: FORMAT,
    version: FORMAT_VERSION,
    id: safeId(title[lang] ?? 'imported', 'imported', new Set()),
    title,
    institution: cleanLangMap(opts.institution, lang, 'institution', problems) ?? title,
    languages,
    defaultLanguage: lang,
    licence: { licence: 'all-rights-reserved' },
    space: {
      kind: 'floorplan',
      wallHeight: 4.2,
      wallThickness: 0.2,
      floor: { color: '#bc9464', roughness: 0.55 },
      walls: { color: '#eeeae2', roughness: 0.9 },
      rooms: plan.roomInputs,
      doorways: plan.doorways,
    },
    entrance: plan.entrance,
    artworks,
    tours: tours(artworks, languages),
  };
  return { exhibition, problems, media };
}

/** The languages asked for, else those of the works' texts (the most used first), else English. */
function chooseLanguages(works: ImportedWork[], asked: string[] | undefined): string[] {
  const valid = (asked ?? []).filter((l) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(l));
  if (valid.length) return [...new Set(valid)];
  const count = new Map<string, number>();
  for (const w of works) for (const l of Object.keys(w.title)) if (/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(l)) count.set(l, (count.get(l) ?? 0) + 1);
  const langs = [...count.entries()].sort((a, b) => b[1] - a[1]).map(([l]) => l);
  return langs.length ? langs.slice(0, 50) : ['en'];
}

function workSize(work: ImportedWork, where: string, problems: ImportProblem[]): Prepared['size'] | undefined {
  const d = work.dimensions;
  if (!d) {
    const size = DEFAULT_SIZE[work.kind];
    problems.push({ where, message: `no dimensions; shown at ${size.width} × ${size.height} m until they are catalogued` });
    return { ...size };
  }
  const { minArtworkSize: min, maxArtworkSize: max } = LIMITS;
  const bad = [d.height, d.width, d.depth].find((v) => v !== undefined && !(v >= min && v <= max));
  if (bad !== undefined) {
    problems.push({ where, message: `a size of ${bad} m is outside what the format accepts (${min}–${max} m); the work is left out` });
    return undefined;
  }
  // A tenth of a millimetre is finer than any catalogue measures.
  const r = (v: number): number => Math.round(v * 10000) / 10000;
  return d.depth === undefined ? { height: r(d.height), width: r(d.width) } : { height: r(d.height), width: r(d.width), depth: r(d.depth) };
}

/** The file's extension as written out: a .gltf travels as one .glb (media.ts packs its own files into it). */
const extension = (file: string): string => {
  const ext = (/\.[a-z0-9]{1,5}$/i.exec(file)?.[0] ?? '').toLowerCase();
  return ext === '.gltf' ? '.glb' : ext;
};

interface RoomGroup {
  name: LangMap;
  works: Prepared[];
}

/** Works by their room, in the order rooms first appear; large rooms split, works without a room share rooms. */
function groupRooms(works: Prepared[], languages: string[]): RoomGroup[] {
  const lang = languages[0]!;
  const byName = new Map<string, Prepared[]>();
  const loose: Prepared[] = [];
  for (const p of works) {
    const name = p.work.room?.trim();
    if (!name) loose.push(p);
    else byName.set(name, [...(byName.get(name) ?? []), p]);
  }
  const groups: RoomGroup[] = [];
  for (const [name, list] of byName) {
    const parts = Math.ceil(list.length / MAX_WORKS_PER_ROOM);
    for (let k = 0; k < parts; k++) {
      groups.push({ name: { [lang]: parts > 1 ? `${name} (${k + 1})` : name }, works: list.slice(k * MAX_WORKS_PER_ROOM, (k + 1) * MAX_WORKS_PER_ROOM) });
    }
  }
  for (let k = 0; k < loose.length; k += UNROOMED_PER_ROOM) {
    groups.push({ name: words('room', languages, ` ${groups.length + 1}`), works: loose.slice(k, k + UNROOMED_PER_ROOM) });
  }
  return groups.slice(0, 500);
}

interface PlacedWork {
  entry: Prepared;
  placement: ArtworkInput['placement'];
}

interface Plan {
  roomInputs: RoomInput[];
  doorways: DoorwayInput[];
  entrance: ExhibitionInput['entrance'];
  rooms: { works: PlacedWork[] }[];
}

/**
 * Rows of rooms, each row running the other way from the one before (a serpentine enfilade: every room opens into
 * the next). Within a row the doorways are at the centres of the side walls; the last room of a row opens into the
 * first of the next through its far wall, the two rooms centred on one another.
 */
function planRooms(groups: RoomGroup[], problems: ImportProblem[]): Plan {
  const perRow = Math.max(1, Math.ceil(Math.sqrt(groups.length * 1.5)));
  const rowCount = Math.ceil(groups.length / perRow);
  const doorWalls = groups.map((_, i) => {
    const row = Math.floor(i / perRow);
    const k = i % perRow;
    const inRow = Math.min(perRow, groups.length - row * perRow);
    const east = row % 2 === 0;
    const walls = new Set<number>();
    if (k > 0) walls.add(east ? 3 : 1);
    if (k < inRow - 1) walls.add(east ? 1 : 3);
    if (k === 0) walls.add(0); // the entrance, or the doorway from the row before
    if (k === inRow - 1 && row < rowCount - 1) walls.add(2);
    return walls;
  });
  const boxes = groups.map((g) => boxesOf(g.works));
  // First each room's own size, then each row at its deepest room's depth, rooms as narrow as that allows.
  const fits: (RoomFit | undefined)[] = groups.map((_, i) => sizeRoom(doorWalls[i]!, boxes[i]!.paintings, boxes[i]!.objects));
  const roomInputs: RoomInput[] = [];
  const doorways: DoorwayInput[] = [];
  const rooms: Plan['rooms'] = [];
  const origins: Vec2[] = [];
  const roomIds = new Set<string>();
  let z = 0;
  let prevRowEnd: { centreX: number } | undefined;
  for (let row = 0; row < rowCount; row++) {
    const members = groups.map((_, i) => i).filter((i) => Math.floor(i / perRow) === row);
    const depth = Math.max(...members.map((i) => fits[i]?.depth ?? 0));
    const final = members.map((i) => (fits[i] ? sizeRoomToDepth(depth, doorWalls[i]!, boxes[i]!.paintings, boxes[i]!.objects) : undefined));
    const widths = final.map((f) => f?.width ?? 8);
    const east = row % 2 === 0;
    // The row starts centred on the room it comes from, and runs east or west from there.
    let x = prevRowEnd ? prevRowEnd.centreX + (east ? -widths[0]! / 2 : widths[0]! / 2) : 0;
    members.forEach((gi, k) => {
      const w = widths[k]!;
      const x0 = east ? x : x - w;
      x = east ? x + w : x - w;
      const fit = final[k];
      const group = groups[gi]!;
      const id = safeId(`room-${group.name[Object.keys(group.name)[0]!]}`, `room-${gi + 1}`, roomIds);
      const height = fit?.height ?? 4.2;
      roomInputs.push({ id, name: group.name, polygon: [[x0, z], [x0 + w, z], [x0 + w, z + depth], [x0, z + depth]], ...(height > 4.2 ? { height } : {}) });
      origins.push([x0, z]);
      rooms.push({ works: fit ? placeWorks(group, fit, id, x0, z) : [] });
      if (!fit) for (const p of group.works) problems.push({ where: p.where, message: 'too large for any room the layout can make (over 200 m of wall); left out' });
      const prev = roomInputs[roomInputs.length - 2];
      if (k > 0 && prev) doorways.push({ id: `door-${prev.id}-${id}`.slice(0, 80), rooms: [prev.id, id], position: [east ? x0 : x0 + w, z + depth / 2], width: DOOR.width, height: DOOR.height });
      else if (k === 0 && prev) doorways.push({ id: `door-${prev.id}-${id}`.slice(0, 80), rooms: [prev.id, id], position: [round(prevRowEnd!.centreX), z], width: DOOR.width, height: DOOR.height });
      if (k === members.length - 1) prevRowEnd = { centreX: x0 + w / 2 };
    });
    z += depth;
  }
  const first = roomInputs[0];
  const firstDepth = first ? first.polygon[2]![1] - first.polygon[0]![1] : 6;
  const firstWidth = first ? first.polygon[1]![0] - first.polygon[0]![0] : 8;
  if (first) doorways.unshift({ id: 'entrance', rooms: [first.id], position: [round(firstWidth / 2), 0], width: DOOR.width, height: DOOR.height });
  // The visitor steps in through the entrance and looks into the room.
  const entrance: ExhibitionInput['entrance'] = { position: [round(firstWidth / 2), 0, round(Math.min(1.5, firstDepth / 4))], heading: 180 };
  if (!first) {
    roomInputs.push({ id: 'room-1', name: { en: 'Room 1' }, polygon: [[0, 0], [8, 0], [8, 6], [0, 6]] });
    entrance.position = [4, 0, 3];
  }
  return { roomInputs, doorways, entrance, rooms };
}

/** Outer sizes: a painting with its frame, an object with its plinth or case. */
function boxesOf(works: Prepared[]): { paintings: PaintingBox[]; objects: ObjectBox[] } {
  const paintings: PaintingBox[] = [];
  const objects: ObjectBox[] = [];
  works.forEach((p, index) => {
    if (p.work.kind === 'painting') paintings.push({ index, width: p.size.width + 2 * FRAME.width, height: p.size.height + 2 * FRAME.width });
    else {
      const d = display(p.size);
      const pad = d.display === 'case' ? 0.2 : 0.1;
      objects.push({ index, width: p.size.width + pad, depth: (p.size.depth ?? p.size.width) + pad, height: p.size.height + d.plinthHeight + (d.display === 'case' ? 0.1 : 0) });
    }
  });
  return { paintings, objects };
}

/**
 * How an object is shown: small things (nothing over 60 cm) in a case at table height, where they are safe and
 * seen close; larger ones on a plinth that brings them toward eye height; the tallest on a low base or the floor.
 */
export function display(size: { height: number; width: number; depth?: number }): { display: 'plinth' | 'case' | 'none'; plinthHeight: number } {
  const largest = Math.max(size.height, size.width, size.depth ?? 0);
  if (largest <= 0.6) return { display: 'case', plinthHeight: 0.9 };
  if (size.height <= 1) return { display: 'plinth', plinthHeight: 0.8 };
  if (size.height <= 1.8) return { display: 'plinth', plinthHeight: 0.4 };
  if (size.height <= 2.6) return { display: 'plinth', plinthHeight: 0.15 };
  return { display: 'none', plinthHeight: 0 };
}

function placeWorks(group: RoomGroup, fit: RoomFit, roomId: string, x0: number, z0: number): PlacedWork[] {
  // Walking order: around the walls, then the objects (hang.ts indexes into the group's works).
  const out: PlacedWork[] = fit.paintings.map((h) => ({ entry: group.works[h.index]!, placement: { kind: 'wall', room: roomId, wall: h.wall, offset: h.offset, height: h.height } }));
  for (const s of fit.objects) {
    out.push({ entry: group.works[s.index]!, placement: { kind: 'pose', position: [round(x0 + s.at[0]), 0, round(z0 + s.at[1])], heading: s.heading } });
  }
  return out;
}

function artwork(p: Prepared, placement: ArtworkInput['placement'], file: string, languages: string[], problems: ImportProblem[]): ArtworkInput {
  const { work, where } = p;
  const lang = languages[0]!;
  const text = (m: LangMap | undefined, field: string): LangMap | undefined => cleanLangMap(m, lang, `${where}, ${field}`, problems);
  const title = text(work.title, 'title') ?? { [lang]: work.accessionNumber ?? work.sourceId ?? p.id };
  const description = text(work.description && Object.fromEntries(Object.entries(work.description).map(([k, v]) => [k, plainRichText(v)])), 'description');
  const stories = (work.stories ?? []).map((s) => {
    const out: LangMap = {};
    for (const l of new Set([...Object.keys(s.text), ...Object.keys(s.title)])) {
      const body = plainRichText(s.text[l] ?? s.text[lang] ?? '');
      const heading = s.title[l] ?? s.title[lang];
      out[l] = heading ? `**${heading.trim()}**\n\n${body}` : body;
    }
    return out;
  });
  const backstoryParts = [description, ...stories].filter((m): m is LangMap => m !== undefined);
  const backstory: LangMap = {};
  for (const part of backstoryParts) for (const [l, t] of Object.entries(part)) backstory[l] = backstory[l] ? `${backstory[l]}\n\n${t}` : t;
  const label = text(work.label, 'label') ?? shortLabel(description, title);
  let rights = parseRights(work.rights);
  if (!rights) {
    problems.push({ where, message: 'no rights given; recorded as "all rights reserved" until they are' });
    rights = { licence: 'all-rights-reserved' };
  }
  // Names and dates in figures read the same in every language.
  const named = text(work.creator?.name, 'creator');
  const creatorName = named && !UNKNOWN_MAKER.test(named[lang]!) ? everyLanguage(named, languages, () => true) : undefined;
  const date = everyLanguage(text(work.date, 'date'), languages, (t) => !/\p{L}{3,}/u.test(t));
  const base = {
    id: p.id,
    title,
    creator: { name: creatorName ?? unknownText('creator', languages), ...(work.creator?.lifeDates ? { lifeDates: work.creator.lifeDates.slice(0, 100) } : {}) },
    date: date ?? unknownText('date', languages),
    medium: text(work.medium, 'medium') ?? unknownText('medium', languages),
    dimensions: p.size,
    accessionNumber: (work.accessionNumber ?? work.sourceId ?? p.id).slice(0, 100) || p.id,
    creditLine: text(work.creditLine, 'credit line') ?? unknownText('credit', languages),
    rights: { work: rights, media: rights },
    label: cleanLangMap(label, lang, `${where}, label`, problems) ?? title,
    backstory: cleanLangMap(Object.keys(backstory).length ? backstory : undefined, lang, `${where}, description`, problems) ?? cleanLangMap(label, lang, where, problems) ?? title,
    placement,
    ...(work.annotations?.length ? { annotations: annotations(work, where, problems) } : {}),
  };
  if (work.kind === 'painting') return { ...base, kind: 'painting', image: file, frame: FRAME };
  return { ...base, kind: 'object', model: file, ...display(p.size) };
}

function annotations(work: ImportedWork, where: string, problems: ImportProblem[]): NonNullable<ArtworkInput['annotations']> {
  const taken = new Set<string>();
  const list = (work.annotations ?? []).slice(0, 200);
  if ((work.annotations?.length ?? 0) > 200) problems.push({ where, message: `${work.annotations!.length} annotations; the format keeps the first 200` });
  return list.map((a, i) => ({ ...a, id: safeId(a.id, `annotation-${i + 1}`, taken) }));
}

/** A first tour through everything in walking order (in parts of 500 stops, the format's most). */
function tours(artworks: ArtworkInput[], languages: string[]): NonNullable<ExhibitionInput['tours']> {
  const out: NonNullable<ExhibitionInput['tours']> = [];
  for (let k = 0; k < artworks.length && out.length < 100; k += MAX_TOUR_STOPS) {
    const stops = artworks.slice(k, k + MAX_TOUR_STOPS);
    const part = artworks.length > MAX_TOUR_STOPS ? ` (${out.length + 1})` : '';
    const minutes = stops.reduce((s, a) => s + (a.kind === 'painting' ? 2 : 3) + 0.5, 0);
    out.push({
      id: `everything${part ? `-${out.length + 1}` : ''}`,
      title: words('tour', languages, part),
      durationMinutes: Math.min(600, Math.max(1, Math.round(minutes))),
      stops: stops.map((a) => ({ artwork: a.id })),
    });
  }
  return out;
}
