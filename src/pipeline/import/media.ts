/**
 * The imported works' media: each file checked before the layout (a file that does not decode is reported and its
 * work left out, the rest go on), an object's size read from its model when the record gives none, and the
 * exhibition written the way `npm run pack` writes one (src/pipeline/pack.ts: images sized to the work's real size
 * as WebP with a far-view copy, models through glTF Transform), then checked like `npm run validate`.
 */
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { getBounds } from '@gltf-transform/core';
import sharp from 'sharp';
import { checkMedia } from '../media-check';
import { pipelineIO } from '../model';
import { packExhibition } from '../pack';
import type { PackReport } from '../report';
import { validateExhibition, type Problem } from '../../twin/validate';
import type { ImportedWork, ImportProblem } from './imported-work';
import type { Layout } from './layout';

const IMAGE_FORMATS = ['jpeg', 'png', 'tiff', 'webp'];

type Checked = { ok: true; size?: { width: number; height: number; depth: number } } | { ok: false; message: string };

/** Whether a file decodes as what its work needs; a model's measured size comes back with it. */
async function checkFile(work: ImportedWork): Promise<Checked> {
  const file = work.mediaFile!;
  if (work.kind === 'painting') {
    try {
      const meta = await sharp(file).metadata();
      if (!meta.format || !IMAGE_FORMATS.includes(meta.format)) return { ok: false, message: `'${path.basename(file)}' is a ${meta.format ?? 'file'} image; JPEG, PNG, TIFF or WebP are read` };
      return { ok: true };
    } catch (e) {
      return { ok: false, message: `'${path.basename(file)}' cannot be read as an image (${(e as Error).message.split('\n')[0]})` };
    }
  }
  try {
    const doc = await (await pipelineIO()).read(file);
    const scene = doc.getRoot().getDefaultScene() ?? doc.getRoot().listScenes()[0];
    if (!scene || doc.getRoot().listMeshes().length === 0) return { ok: false, message: `'${path.basename(file)}' has no meshes to show` };
    const b = getBounds(scene);
    const size = { width: b.max[0] - b.min[0], height: b.max[1] - b.min[1], depth: b.max[2] - b.min[2] };
    return { ok: true, ...(Object.values(size).every((v) => Number.isFinite(v) && v > 0) ? { size } : {}) };
  } catch (e) {
    return { ok: false, message: `'${path.basename(file)}' cannot be read as a glTF/GLB model (${(e as Error).message.split('\n')[0]})` };
  }
}

/**
 * The works whose media decode, each file read once however many rows name it. A model's own size stands in for
 * dimensions the record leaves out (models are at real scale in metres, as the format asks).
 */
export async function checkWorkMedia(works: ImportedWork[], problems: ImportProblem[]): Promise<ImportedWork[]> {
  const seen = new Map<string, Promise<Checked>>();
  const out: ImportedWork[] = [];
  for (const work of works) {
    if (!work.mediaFile) {
      out.push(work);
      continue;
    }
    let check = seen.get(work.mediaFile);
    if (!check) seen.set(work.mediaFile, (check = checkFile(work)));
    const r = await check;
    const where = work.where ?? `work '${work.sourceId}'`;
    if (!r.ok) {
      problems.push({ where: `${where}, file`, message: `${r.message}; the work is left out` });
      continue;
    }
    if (work.kind === 'object' && !work.dimensions && r.size) out.push({ ...work, dimensions: r.size });
    else out.push(work);
  }
  return out;
}

export interface Written {
  file: string;
  report: PackReport;
  /** The written exhibition's warnings, from the same checks as `npm run validate`. */
  problems: Problem[];
}

/**
 * Writes the exhibition and its media to `outDir`: the media are gathered beside a first exhibition.json in a
 * temporary folder (links to the source files; a .gltf made one .glb so its own files travel with it), and
 * `packExhibition` writes the packed copy. Throws PackError with the problems when the result does not validate.
 */
export async function writeExhibition(layout: Layout, outDir: string, log: (line: string) => void = () => {}): Promise<Written> {
  const stage = await mkdtemp(path.join(os.tmpdir(), 'museum-import-'));
  try {
    for (const m of layout.media) {
      const dest = path.join(stage, m.file);
      await mkdir(path.dirname(dest), { recursive: true });
      if (m.kind === 'model' && /\.gltf$/i.test(m.source)) {
        const io = await pipelineIO();
        await writeFile(dest, await io.writeBinary(await io.read(m.source)));
      } else await symlink(m.source, dest);
    }
    const staged = path.join(stage, 'exhibition.json');
    await writeFile(staged, `${JSON.stringify(layout.exhibition, null, 2)}\n`);
    const report = await packExhibition(staged, outDir, {}, log);
    const result = validateExhibition(JSON.parse(await readFile(report.out, 'utf8')));
    const problems = result.ok ? [...result.problems, ...(await checkMedia(result.exhibition, outDir))] : result.problems;
    return { file: report.out, report, problems };
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
