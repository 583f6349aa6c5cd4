/**
 * Writes a generated exhibition of N works for benchmarks:
 *
 *   npm run generate -- --works 200 [--out bench-results/generated-200] [--seed s] [--heavy 2048]
 *
 * Rooms on a grid joined in an enfilade, paintings on the walls, objects on plinths and in cases:
 * each a variant of a default-exhibition work (its record and media), with its own files so that
 * nothing is shared by the browser's caches: images re-encoded at up to --heavy pixels, objects
 * with their base-colour textures at --heavy² (as scans' textures are). Deterministic by seed.
 * The result is checked as `npm run validate` checks it.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import sharp from 'sharp';
import { NodeIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { Exhibition } from '../twin/schema';
import { validateExhibition } from '../twin/validate';
import { checkMedia } from '../pipeline/media-check';
import { planExhibition, type MediaJob } from './generated-exhibition';

const ROOT = resolve(import.meta.dirname, '../..');
const TEMPLATE = join(ROOT, 'assets/default/exhibition.json');
const USAGE = 'usage: npm run generate -- --works N [--out dir] [--seed text] [--heavy pixels]';

function args(argv: string[]): { works: number; out: string; seed?: string; heavy: number } {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const known = new Set(['--works', '--out', '--seed', '--heavy']);
  const unknown = argv.filter((a, i) => a.startsWith('--') && !known.has(a) && !known.has(argv[i - 1] ?? ''));
  if (unknown.length) throw new Error(`unknown option ${unknown.join(', ')}\n${USAGE}`);
  const works = Number(get('--works'));
  if (!get('--works') || !Number.isInteger(works) || works < 1) throw new Error(`--works needs a whole number of works\n${USAGE}`);
  const heavy = Number(get('--heavy') ?? 2048);
  if (!Number.isInteger(heavy) || heavy < 64 || heavy > 8192) throw new Error(`--heavy is a texture side from 64 to 8192 pixels\n${USAGE}`);
  return { works, out: resolve(get('--out') ?? join(ROOT, `bench-results/generated-${works}`)), seed: get('--seed'), heavy };
}

async function image(job: Extract<MediaJob, { kind: 'image' }>, from: string, to: string): Promise<void> {
  // Keep the painting's proportions exactly (the validator checks them) at the asked resolution.
  const aspect = job.width / job.height;
  const w = aspect >= 1 ? job.longSide : Math.round(job.longSide * aspect);
  const h = aspect >= 1 ? Math.round(job.longSide / aspect) : job.longSide;
  const data = await sharp(from).resize(w, h, { fit: 'fill', kernel: 'lanczos3' }).modulate({ hue: job.hue }).jpeg({ quality: 90, mozjpeg: false }).toBuffer();
  writeFileSync(to, data);
}

async function model(io: NodeIO, job: Extract<MediaJob, { kind: 'model' }>, from: string, to: string): Promise<void> {
  const doc = await io.read(from);
  for (const tex of doc.getRoot().listTextures()) {
    const img = tex.getImage();
    const size = tex.getSize();
    if (!img || !size) continue;
    // Base colour and normal maps alike: a scan's textures are big.
    const side = Math.min(job.textureSide, Math.max(size[0], size[1]) * 2);
    const scale = side / Math.max(size[0], size[1]);
    const isColour = doc.getRoot().listMaterials().some((m) => m.getBaseColorTexture() === tex);
    let pipeline = sharp(img).resize(Math.round(size[0] * scale), Math.round(size[1] * scale), { kernel: 'lanczos3' });
    if (isColour) pipeline = pipeline.modulate({ hue: job.hue });
    const png = tex.getMimeType() === 'image/png';
    tex.setImage(new Uint8Array(await (png ? pipeline.png() : pipeline.jpeg({ quality: 90 })).toBuffer()));
  }
  writeFileSync(to, await io.writeBinary(doc));
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const opts = args(process.argv.slice(2));
  const source = Exhibition.parse(JSON.parse(readFileSync(TEMPLATE, 'utf8')));
  const plan = planExhibition(source, { works: opts.works, seed: opts.seed, heavySide: opts.heavy });
  const checked = validateExhibition(plan.exhibition);
  if (!checked.ok) throw new Error(`the generated exhibition is not valid:\n${checked.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  const semanticErrors = checked.problems.filter((p) => p.severity === 'error');
  if (semanticErrors.length) throw new Error(`the generated exhibition is not valid:\n${semanticErrors.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);

  rmSync(opts.out, { recursive: true, force: true });
  mkdirSync(opts.out, { recursive: true });
  const io = new NodeIO().registerExtensions(ALL_EXTENSIONS);
  let done = 0;
  let last = 0;
  // Two at a time: sharp is multi-threaded already and the machine may have two cores.
  const queue = [...plan.media];
  const worker = async (): Promise<void> => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const from = join(dirname(TEMPLATE), job.source);
      const to = join(opts.out, job.out);
      mkdirSync(dirname(to), { recursive: true });
      if (job.kind === 'image') await image(job, from, to);
      else await model(io, job, from, to);
      done++;
      if (Date.now() - last > 2000) {
        last = Date.now();
        console.log(`  media ${done}/${plan.media.length}`);
      }
    }
  };
  await Promise.all([worker(), worker()]);
  const file = join(opts.out, 'exhibition.json');
  writeFileSync(file, `${JSON.stringify(plan.exhibition, null, 2)}\n`);

  const problems = await checkMedia(checked.exhibition, opts.out);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(`the generated media do not check:\n${errors.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  const paintings = plan.exhibition.artworks.filter((a) => a.kind === 'painting').length;
  console.log(
    `${file}: ${plan.exhibition.artworks.length} works (${paintings} paintings, ${plan.exhibition.artworks.length - paintings} objects) in ${plan.rooms} rooms, ${plan.media.length} media files, ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}

main().catch((e: unknown) => {
  console.error(`generate: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
