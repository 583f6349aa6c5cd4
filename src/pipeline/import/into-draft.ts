/**
 * The folder import for an exhibition that already exists (the curating view's drop): the same reading, checks,
 * layout and packing as `npm run import` (folder.ts, media.ts, layout.ts), written to a batch folder beside the
 * exhibition, and handed back as works whose media paths point into that folder, each with the room its row asked
 * for. The curating view places them on the draft's own walls (src/curate/import-drop-place.ts); the layout's
 * own rooms are only how the packing sees them.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pointInPolygon } from '../../twin/geometry';
import { formatProblem } from '../../twin/validate';
import { PackError } from '../pack';
import { importFolder } from './folder';
import type { ImportProblem } from './imported-work';
import { layoutExhibition } from './layout';
import { checkWorkMedia, writeExhibition } from './media';

export interface DraftImportOptions {
  /** The draft's languages, its default first: columns without a language suffix are in the first. */
  languages: string[];
  /** Where the packed media go (created; must not exist yet or be empty). */
  batchDir: string;
  /** The batch folder's path relative to the exhibition file, ending in '/': put before every media path. */
  prefix: string;
  log?: (line: string) => void;
}

/** One work ready to add to a draft: the format's fields, media under the batch folder, no place of its own yet. */
export interface DraftWork {
  artwork: Record<string, unknown> & { id: string; kind: 'painting' | 'object' };
  /** The room its row names ("Gallery", "Room"), when it does: the curating view looks for a room of that name. */
  room?: string;
}

export interface DraftImport {
  works: DraftWork[];
  /** Every row, column or file that could not be used, by its place; and the packed works' own warnings, summarised. */
  problems: ImportProblem[];
}

/** Imports `folder` (images and models with a .csv or .xlsx of the works) for adding to an existing draft. */
export async function importIntoDraft(folder: string, o: DraftImportOptions): Promise<DraftImport> {
  const languages = o.languages.length ? o.languages : ['en'];
  const imported = await importFolder(folder, { language: languages[0]! });
  const problems = [...imported.problems];
  const works = await checkWorkMedia(imported.works, problems);
  const layout = layoutExhibition(works, { title: { [languages[0]!]: 'import' }, languages });
  problems.push(...layout.problems);
  if (layout.exhibition.artworks.length === 0) return { works: [], problems };
  let written;
  try {
    written = await writeExhibition(layout, o.batchDir, o.log);
  } catch (e) {
    if (!(e instanceof PackError)) throw e;
    problems.push({ where: 'import', message: `the works could not be packed: ${e.message}` });
    for (const p of e.problems.slice(0, 20)) problems.push({ where: 'import', message: formatProblem(p) });
    return { works: [], problems };
  }
  // "no 'it' text" on every field of every work says one thing: the sheet has no Italian for them. Said once.
  const missing = new Map<string, number>();
  for (const p of written.problems) {
    const lang = /^no '([^']+)' text;/.exec(p.message)?.[1];
    if (lang) missing.set(lang, (missing.get(lang) ?? 0) + 1);
    else if (p.severity === 'error') problems.push({ where: p.path || 'import', message: p.message });
  }
  for (const [lang, n] of missing) problems.push({ where: 'import', message: `${n} text${n === 1 ? ' has' : 's have'} no '${lang}' version; visitors reading '${lang}' see the default language there` });

  const packed = JSON.parse(await readFile(written.file, 'utf8')) as { space: { rooms: { id: string; name: Record<string, string>; polygon: [number, number][] }[] }; artworks: DraftWork['artwork'][] };
  const rooms = packed.space.rooms;
  // Rooms the sheet named (the layout calls works without one "Room 1"…: those are no wish to keep).
  const sheetRooms = new Set(imported.works.map((w) => w.room).filter((r): r is string => !!r));
  const files = new Set((await readdir(o.batchDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(o.batchDir, path.join(e.parentPath, e.name)).split(path.sep).join('/')));
  return {
    works: packed.artworks.map((artwork) => {
      const room = roomOf(artwork.placement, rooms);
      const sheetRoom = room ? roomName(room.name, languages[0]!) : undefined;
      const out = withPrefix(artwork, o.prefix, files) as DraftWork['artwork'];
      delete out.placement;
      return { artwork: out, ...(sheetRoom && sheetRooms.has(sheetRoom) ? { room: sheetRoom } : {}) };
    }),
    problems,
  };
}

/** The layout's room that holds a placement (a wall names it; a floor work is inside its outline). */
function roomOf(placement: unknown, rooms: { id: string; name: Record<string, string>; polygon: [number, number][] }[]) {
  const p = placement as { kind?: string; room?: string; position?: [number, number, number] } | undefined;
  if (p?.kind === 'wall') return rooms.find((r) => r.id === p.room);
  if (p?.kind === 'pose' && p.position) return rooms.find((r) => pointInPolygon([p.position![0], p.position![2]], r.polygon));
  return undefined;
}

/** The layout names rooms after the sheet's ("Landscapes"), splitting a full one into "Landscapes (2)": the sheet's name. */
const roomName = (name: Record<string, string>, lang: string): string | undefined => (name[lang] ?? Object.values(name)[0])?.replace(/ \(\d+\)$/, '');

/** Every media path in `value` (a string naming a file the packing wrote) with the batch's prefix before it. */
function withPrefix(value: unknown, prefix: string, files: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return files.has(value) ? `${prefix}${value}` : value;
  if (Array.isArray(value)) return value.map((v) => withPrefix(v, prefix, files));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withPrefix(v, prefix, files)]));
  return value;
}
