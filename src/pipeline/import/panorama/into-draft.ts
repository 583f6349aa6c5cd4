/**
 * 360° photographs dropped in the curating view, made ready for a draft: each photo checked (a JPEG or PNG the
 * server's limits allow, 2:1, a whole sphere by its GPano) and cut into tiles exactly as `npm run
 * import:panoramas` cuts them (photo.ts), under the import's batch folder. Handed back as panoramas without a
 * place: the curating view puts each in a room (src/curate/import-drop-panoramas.ts) and the curator places it
 * (src/curate/panorama-place.ts). Each photo that cannot be used is named with why; the rest import.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Panorama, type PanoramaLevel } from '../../../twin/panorama';
import type { ImportProblem } from '../imported-work';
import { planHeading } from './gpano';
import { idFromFile } from './import';
import { panoramaFromPhoto } from './photo';

/** What a dropped photo may be: JPEG or PNG (what cameras and stitchers write), at most 16384 × 8192 px. */
export const UPLOAD_PHOTO = { formats: ['jpeg', 'png'], maxPixels: 16_384 * 8_192 } as const;

/** One panorama ready to add to a room of the draft (its place is the curating view's to choose). */
export interface DraftPanorama {
  panorama: { id: string; name?: Record<string, string>; heading: number; pixels: [number, number]; levels: PanoramaLevel[] };
  /** The photo's name as dropped. */
  file: string;
  /** Where the heading came from: the photo's GPano, or none (0°, to be turned in the placing panel). */
  headingFrom: 'gpano' | 'default';
}

export interface DraftPanoramaOptions {
  /** Where the tiles go: <batchDir>/panoramas/<id>/. */
  batchDir: string;
  /** The batch folder's path relative to the exhibition file, ending in '/': put before every tile path. */
  prefix: string;
  /** The draft's default language: a photo's name ("Hall East") is its viewpoint's name in it. */
  language?: string;
  log?: (line: string) => void;
}

/** Makes each photo (`source` on disk, `file` its name as dropped) a panorama for the draft. */
export async function panoramasIntoDraft(photos: readonly { source: string; file: string }[], o: DraftPanoramaOptions): Promise<{ panoramas: DraftPanorama[]; problems: ImportProblem[] }> {
  const panoramas: DraftPanorama[] = [];
  const problems: ImportProblem[] = [];
  const taken = new Set<string>();
  for (const { source, file } of photos) {
    const base = idFromFile(file).slice(0, 76).replace(/-+$/, '');
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    const cut = await panoramaFromPhoto(await readFile(source), file, path.join(o.batchDir, 'panoramas', id), o.batchDir, UPLOAD_PHOTO);
    if (!cut.ok) {
      problems.push({ where: file, message: cut.message });
      continue;
    }
    const stem = path.basename(file, path.extname(file)).trim();
    const panorama: DraftPanorama['panorama'] = {
      id,
      ...(o.language && stem ? { name: { [o.language]: stem.slice(0, 120) } } : {}),
      heading: cut.compassHeading !== undefined ? planHeading(cut.compassHeading) : 0,
      pixels: cut.pixels,
      levels: cut.levels.map((l) => ({ ...l, tiles: l.tiles.map((t) => `${o.prefix}${t}`) })),
    };
    // The format's own check (a place is the draft's to give: any point stands in for it here).
    const check = Panorama.safeParse({ ...panorama, position: [0, 0] });
    if (!check.success) {
      problems.push({ where: file, message: check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      continue;
    }
    taken.add(id);
    panoramas.push({ panorama, file, headingFrom: cut.compassHeading !== undefined ? 'gpano' : 'default' });
    o.log?.(`${file} → ${id}: ${cut.pixels.join(' × ')} px, ${cut.levels.length} levels, ${cut.tiles} tiles, heading ${panorama.heading}°`);
  }
  return { panoramas, problems };
}
