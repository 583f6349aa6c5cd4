/**
 * `npm run import:panoramas`: adds a folder of 360° photographs to an exhibition's rooms. Each photo is placed
 * by the placement file (room, plan point, height, heading), or, without an entry, in the room whose id is the
 * file's name, at the room's centre. The heading comes from the placement, else from the photo's XMP GPano
 * (turned by the placement's `north`), else 0 (and the report says so). Each photo is cut into levels of tiles
 * (photo.ts, as the curating view's upload is) under `panoramas/<id>/`; each one that cannot be used is reported by name and the rest import.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { centroid, pointInPolygon } from '../../../twin/geometry';
import { Panorama, DEFAULT_PANORAMA_HEIGHT, type PanoramaInput } from '../../../twin/panorama';
import { Heading, Id, LangMap, Length, Vec2 } from '../../../twin/schema-primitives';
import { formatProblem, parseJsonText, validateExhibition } from '../../../twin/validate';
import type { ImportProblem } from '../imported-work';
import { planHeading } from './gpano';
import { panoramaFromPhoto } from './photo';

/** The placement file: where each photo was taken. */
export const PanoramaPlacement = z.object({
  north: Heading.default(0).describe('Plan heading of true north, to turn GPano compass headings into plan headings.'),
  panoramas: z
    .array(
      z.object({
        file: z.string().min(1).max(500),
        id: Id.optional(),
        room: Id,
        position: Vec2.optional(),
        height: Length(10, 0.1).optional(),
        heading: Heading.optional(),
        name: LangMap.optional(),
        date: z.string().optional(),
        credit: z.string().max(300).optional(),
      }),
    )
    .default([]),
});
export type PanoramaPlacement = z.infer<typeof PanoramaPlacement>;

const PHOTO = /\.(jpe?g|png|webp|tiff?)$/i;

export interface PanoramaImportResult {
  imported: { id: string; room: string; file: string; heading: number; headingFrom: 'placement' | 'gpano' | 'default'; tiles: number }[];
  problems: ImportProblem[];
}

interface RoomLike {
  id: string;
  polygon: [number, number][];
  panoramas?: PanoramaInput[];
}

/** An id for the format from a file name: "Hall East.JPG" → "hall-east". */
export function idFromFile(file: string): string {
  const base = path.basename(file, path.extname(file)).toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const id = base.replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return /^[a-z0-9]/.test(id) ? id : `pano-${id || 'photo'}`.slice(0, 80);
}

/**
 * Imports every photo of `folder` into the exhibition at `exhibitionDir/exhibition.json`, writing tiles beside it.
 * The exhibition file is rewritten only when at least one photo imported and the result still validates.
 */
export async function importPanoramas(folder: string, exhibitionDir: string, placementFile?: string, log: (line: string) => void = () => {}): Promise<PanoramaImportResult> {
  const problems: ImportProblem[] = [];
  const imported: PanoramaImportResult['imported'] = [];
  const exhibitionPath = path.join(exhibitionDir, 'exhibition.json');
  const parsed = parseJsonText(await readFile(exhibitionPath, 'utf8'));
  if (!parsed.ok) throw new Error(`${exhibitionPath}: ${parsed.problems.map(formatProblem).join('; ')}`);
  const ex = parsed.value as { space?: { rooms?: RoomLike[] } };
  const rooms = ex.space?.rooms ?? [];
  let placement: PanoramaPlacement = { north: 0, panoramas: [] };
  if (placementFile) {
    const raw = parseJsonText(await readFile(placementFile, 'utf8'));
    const checked = raw.ok ? PanoramaPlacement.safeParse(raw.value) : undefined;
    if (!raw.ok) throw new Error(`${placementFile}: ${raw.problems.map(formatProblem).join('; ')}`);
    if (!checked?.success) {
      const issue = checked?.error.issues[0];
      throw new Error(`${placementFile}: ${issue ? `${issue.path.join('.') || '(file)'}: ${issue.message}` : 'not a placement file'}`);
    }
    placement = checked.data;
  }
  const photos = (await readdir(folder)).filter((f) => PHOTO.test(f)).sort();
  if (!photos.length) problems.push({ where: folder, message: 'no photographs here (JPEG, PNG, WebP or TIFF)' });
  for (const entry of placement.panoramas) {
    if (!photos.includes(entry.file)) problems.push({ where: `placement ${entry.file}`, message: `no such photo in ${folder}` });
  }
  for (const file of photos) {
    const where = file;
    const entry = placement.panoramas.find((p) => p.file === file);
    const id = entry?.id ?? idFromFile(file);
    const room = rooms.find((r) => r.id === (entry?.room ?? id));
    if (!room) {
      problems.push({ where, message: entry ? `room '${entry.room}' is not in the exhibition` : `no placement: add it to the placement file (room, position), or name the file after a room` });
      continue;
    }
    const position = entry?.position ?? centroid(room.polygon);
    if (!pointInPolygon(position, room.polygon)) {
      problems.push({ where, message: `position [${position.join(', ')}] is outside room '${room.id}'` });
      continue;
    }
    const outDir = path.join(exhibitionDir, 'panoramas', id);
    const cut = await panoramaFromPhoto(await readFile(path.join(folder, file)), file, outDir, exhibitionDir);
    if (!cut.ok) {
      problems.push({ where, message: cut.message });
      continue;
    }
    const headingFrom = entry?.heading !== undefined ? 'placement' : cut.compassHeading !== undefined ? 'gpano' : 'default';
    const heading = entry?.heading ?? (cut.compassHeading !== undefined ? planHeading(cut.compassHeading, placement.north) : 0);
    const pano: PanoramaInput = {
      id,
      ...(entry?.name ? { name: entry.name } : {}),
      position,
      height: entry?.height ?? DEFAULT_PANORAMA_HEIGHT,
      heading,
      pixels: cut.pixels,
      levels: cut.levels,
      ...(entry?.date ? { date: entry.date } : {}),
      ...(entry?.credit ? { credit: entry.credit } : {}),
    };
    const check = Panorama.safeParse(pano);
    if (!check.success) {
      problems.push({ where, message: check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      continue;
    }
    // Imported again: the new photo replaces the old one of the same id, wherever it was.
    for (const r of rooms) if (r.panoramas) r.panoramas = r.panoramas.filter((p) => p.id !== id);
    (room.panoramas ??= []).push(pano);
    imported.push({ id, room: room.id, file, heading, headingFrom, tiles: cut.tiles });
    log(`${file} → ${room.id}/${id}: ${cut.pixels.join(' × ')} px, ${cut.levels.length} levels, ${cut.tiles} tiles, heading ${heading}° (${headingFrom})`);
  }
  if (imported.length) {
    const result = validateExhibition(ex);
    const errors = result.problems.filter((p) => p.severity === 'error' && p.path.includes('panoramas'));
    if (errors.length) {
      for (const p of errors) problems.push({ where: 'exhibition.json', message: formatProblem(p) });
      return { imported: [], problems };
    }
    await writeFile(exhibitionPath, `${JSON.stringify(ex, null, 2)}\n`);
  }
  return { imported, problems };
}
