/**
 * Generates the app's built-in default exhibition into assets/default/
 * (served at /exhibitions/default/) and the default image-based-lighting
 * environment public/env/gallery.hdr.
 *
 *   npx tsx src/cli/generate-default-exhibition.ts      (npm run generate:default)
 *
 * Everything is the project's own work and deterministic (seeded): generative
 * paintings (JPEG), procedural PBR models (GLB), floor textures, an AR marker,
 * espeak-ng narration with WebVTT captions, and the exhibition.json that ties
 * them together. The output is checked against the format (src/twin/schema.ts)
 * and against a layout self-check before the script reports success.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import sharp from 'sharp';
import { Exhibition } from '../twin/schema';
import { buildExhibition, ENTRIES, MARKER_ID, type GeneratedMedia } from './default-exhibition/exhibition';
import { decodeRgbe, renderGalleryHdr } from './default-exhibition/hdr';
import { narrate, toolsAvailable } from './default-exhibition/narration';
import { MODEL_BUILDERS, measure, snapToSurface } from './default-exhibition/objects';
import { PAINTINGS, renderPainting } from './default-exhibition/paintings';
import { markerPng, oakFloor, stoneFloor } from './default-exhibition/surfaces';
import { renderState, timeLapseSpecs } from './default-exhibition/time-lapse';

const ROOT = resolve(import.meta.dirname, '../..');
const OUT = join(ROOT, 'assets/default');
const HDR = join(ROOT, 'public/env/gallery.hdr');

const LIMITS = {
  jpegBytes: 400 * 1024,
  glbBytes: 1.5 * 1024 * 1024,
  triangles: [2_000, 40_000] as const,
  hdrBytes: 600 * 1024,
  totalBytes: 20 * 1024 * 1024,
  dimensionTolerance: 0.02,
};

const written = new Set<string>();
function write(rel: string, data: Uint8Array | string): void {
  const path = join(OUT, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
  written.add(rel);
}

const kb = (n: number): string => `${(n / 1024).toFixed(0)} KB`;
const log = (s: string): void => console.log(s);

async function main(): Promise<void> {
  const t0 = Date.now();
  mkdirSync(OUT, { recursive: true });
  const media: GeneratedMedia = { paintings: {}, objects: {}, narration: {}, markerImage: `markers/${MARKER_ID}.png` };
  const restricted = new Set(ENTRIES.filter((e) => e.sensitivity?.level === 'restricted').map((e) => e.id));

  // 1. Paintings
  log('paintings');
  for (const spec of PAINTINGS) {
    if (restricted.has(spec.id)) continue;
    const r = await renderPainting(spec);
    if (r.jpeg.length > LIMITS.jpegBytes) throw new Error(`${spec.id}.jpg is ${kb(r.jpeg.length)} (limit ${kb(LIMITS.jpegBytes)})`);
    const file = `paintings/${spec.id}.jpg`;
    write(file, r.jpeg);
    media.paintings[spec.id] = { image: file, features: r.features };
    log(`  ${file}  ${r.w}×${r.h}  ${kb(r.jpeg.length)}`);
  }

  // 1b. Earlier states of paintings with a time-lapse, aged from the finished image
  log('time-lapse states');
  const rendered = new Map<string, Buffer>();
  for (const spec of PAINTINGS) if (media.paintings[spec.id]) rendered.set(spec.id, readFileSync(join(OUT, media.paintings[spec.id]!.image)));
  const uvFeatures = Object.fromEntries(
    PAINTINGS.filter((s) => media.paintings[s.id]).map((s) => [
      s.id,
      Object.fromEntries(Object.entries(media.paintings[s.id]!.features).map(([k, [x, y]]) => [k, [x / s.width + 0.5, 0.5 - y / s.height] as [number, number]])),
    ]),
  );
  media.timeLapse = {};
  for (const [id, lapse] of Object.entries(timeLapseSpecs(uvFeatures))) {
    const source = rendered.get(id);
    if (!source || restricted.has(id)) continue;
    const states = [];
    for (const st of lapse.states) {
      let image: string | undefined;
      if (st.damage) {
        image = `paintings/${id}.${st.id}.jpg`;
        const jpeg = await renderState(source, st.damage, `${id}:${st.id}`);
        if (jpeg.length > LIMITS.jpegBytes) throw new Error(`${image} is ${kb(jpeg.length)} (limit ${kb(LIMITS.jpegBytes)})`);
        write(image, jpeg);
        log(`  ${image}  ${kb(jpeg.length)}`);
      }
      states.push({ id: st.id, date: st.date, title: st.title, ...(image ? { image } : {}) });
    }
    media.timeLapse[id] = { title: lapse.title, states };
  }

  // 2. Objects (and the overlay animation models)
  log('objects');
  for (const [id, build] of Object.entries(MODEL_BUILDERS)) {
    if (restricted.has(id)) continue;
    const m = await build(id);
    const stats = await measure(m.glb);
    const problems: string[] = [];
    if (m.glb.length > LIMITS.glbBytes) problems.push(`${kb(m.glb.length)} is over ${kb(LIMITS.glbBytes)}`);
    if (stats.triangles < LIMITS.triangles[0] || stats.triangles > LIMITS.triangles[1]) problems.push(`${stats.triangles} triangles`);
    if (Math.abs(stats.min[1]) > 1e-4) problems.push(`min y = ${stats.min[1]}`);
    const cx = (stats.min[0] + stats.max[0]) / 2;
    const cz = (stats.min[2] + stats.max[2]) / 2;
    if (Math.abs(cx) > 0.05 * stats.size[0] + 0.02 || Math.abs(cz) > 0.05 * stats.size[2] + 0.02) problems.push(`not centred (${cx.toFixed(3)}, ${cz.toFixed(3)})`);
    if (stats.size[1] < 0.1 || stats.size[1] > 1.2) problems.push(`height ${stats.size[1].toFixed(3)} m`);
    if (problems.length) throw new Error(`model ${id}: ${problems.join('; ')}`);
    const file = `objects/${id}.glb`;
    write(file, m.glb);
    let overlay: string | undefined;
    if (m.overlay) {
      overlay = `objects/${id}.reconstruction.glb`;
      write(overlay, m.overlay.glb);
    }
    const points = await snapToSurface(m.glb, m.points);
    media.objects[id] = { model: file, size: stats.size, points, ...(m.clip ? { clip: m.clip } : {}), ...(overlay ? { overlay } : {}) };
    log(`  ${file}  ${stats.triangles} triangles  ${stats.size.map((x) => x.toFixed(3)).join(' × ')} m  ${kb(m.glb.length)}${overlay ? `  + ${overlay}` : ''}${m.clip ? `  clip "${m.clip}"` : ''}`);
  }

  // 3. Floor textures and the AR marker
  log('textures and marker');
  write('textures/oak-floor.jpg', await oakFloor());
  write('textures/stone-floor.jpg', await stoneFloor());
  write(media.markerImage, await markerPng(MARKER_ID));

  // 4. Narration
  log('narration');
  const tools = toolsAvailable();
  if (!tools) log('  note: espeak-ng or sox is not installed; keeping the existing narration files without re-encoding');
  for (const e of ENTRIES) {
    if (!e.narration || restricted.has(e.id)) continue;
    media.narration[e.id] = {};
    for (const lang of ['en', 'it'] as const) {
      const r = narrate(join(OUT, 'narration'), e.id, lang, e.narration[lang], tools);
      if (!r.skipped && (r.seconds < 15 || r.seconds > 40)) throw new Error(`narration ${r.audio} lasts ${r.seconds.toFixed(1)} s (want 15–40 s)`);
      written.add(`narration/${r.audio}`);
      written.add(`narration/${r.captions}`);
      media.narration[e.id]![lang] = { audio: `narration/${r.audio}`, captions: `narration/${r.captions}` };
      log(`  narration/${r.audio}${r.skipped ? ' (kept)' : `  ${r.seconds.toFixed(1)} s`}`);
    }
  }

  // 5. The exhibition file
  const exhibition = buildExhibition(media);
  write('exhibition.json', JSON.stringify(exhibition, null, 2) + '\n');

  // 6. The default environment
  const hdr = renderGalleryHdr(512, 256);
  mkdirSync(dirname(HDR), { recursive: true });
  writeFileSync(HDR, hdr);
  log(`environment ${relative(ROOT, HDR)}  ${kb(hdr.length)}`);

  // 7. Remove files from earlier runs that are no longer produced
  for (const file of listFiles(OUT)) {
    const rel = relative(OUT, file).split('\\').join('/');
    if (!written.has(rel)) {
      rmSync(file);
      log(`  removed stale ${rel}`);
    }
  }

  await validate(hdr);
  log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? listFiles(join(dir, d.name)) : [join(dir, d.name)]));
}

/** Fail loudly unless the output is a valid, self-consistent exhibition. */
async function validate(hdr: Buffer): Promise<void> {
  const problems: string[] = [];
  const raw = JSON.parse(readFileSync(join(OUT, 'exhibition.json'), 'utf8')) as unknown;
  const parsed = Exhibition.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`schema: ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`exhibition.json does not match the format:\n  ${problems.join('\n  ')}`);
  }
  const ex = parsed.data;
  const ids = new Set(ex.artworks.map((a) => a.id));
  if (ids.size !== ex.artworks.length) problems.push('artwork ids are not unique');
  const paintings = ex.artworks.filter((a) => a.kind === 'painting');
  const objects = ex.artworks.filter((a) => a.kind === 'object');
  if (ex.artworks.length < 24 || paintings.length < 12 || objects.length < 8) problems.push('not enough works');
  if (ex.space.kind !== 'floorplan' || ex.space.rooms.length < 3) problems.push('fewer than three rooms');
  if (!ex.artworks.some((a) => a.sensitivity.level === 'advisory')) problems.push('no advisory work');
  if (!ex.artworks.some((a) => a.sensitivity.level === 'restricted')) problems.push('no restricted work');

  // media paths
  const media: string[] = [];
  for (const a of ex.artworks) {
    if (a.kind === 'painting' && a.image) media.push(a.image);
    if (a.kind === 'object' && a.model) media.push(a.model);
    if (a.animation?.model) media.push(a.animation.model);
    for (const st of a.timeLapse?.states ?? []) if (a.kind === 'painting' ? st.image : st.model) media.push((a.kind === 'painting' ? st.image : st.model)!);
    for (const n of Object.values(a.narration ?? {})) media.push(n.audio, n.captions);
    if (a.sensitivity.level === 'restricted') {
      if ((a.kind === 'painting' && a.image) || (a.kind === 'object' && a.model) || a.narration || a.animation) problems.push(`restricted ${a.id} publishes media`);
      const leaked = listFiles(OUT).filter((f) => f.includes(a.id));
      if (leaked.length) problems.push(`restricted ${a.id} has files: ${leaked.join(', ')}`);
    }
  }
  if (ex.space.kind === 'floorplan') for (const r of ex.space.rooms) if (r.floor?.texture) media.push(r.floor.texture);
  for (const m of ex.arReferences.markers) media.push(m.image);
  for (const p of new Set(media)) if (!existsSync(join(OUT, p))) problems.push(`missing media file ${p}`);

  // texts: both languages everywhere, links resolve
  const checkText = (where: string, m: Record<string, string> | undefined): void => {
    if (!m) return;
    for (const lang of ex.languages) if (!m[lang]?.trim()) problems.push(`${where}: no ${lang} text`);
    for (const text of Object.values(m)) {
      for (const match of text.matchAll(/\]\(#artwork=([^)]+)\)/g)) if (!ids.has(match[1]!)) problems.push(`${where}: link to unknown work ${match[1]}`);
      if (/<[a-z/]/i.test(text)) problems.push(`${where}: looks like HTML`);
    }
  };
  let links = 0;
  for (const a of ex.artworks) {
    for (const k of ['title', 'date', 'medium', 'creditLine', 'label', 'backstory'] as const) checkText(`${a.id}.${k}`, a[k]);
    checkText(`${a.id}.creator`, a.creator.name);
    links += (a.backstory.en?.match(/#artwork=/g) ?? []).length;
    for (const n of a.annotations) {
      checkText(`${a.id}.${n.id}`, n.title);
      checkText(`${a.id}.${n.id}`, n.text);
    }
    if (a.sensitivity.level === 'advisory') checkText(`${a.id}.notice`, a.sensitivity.notice);
    if (a.sensitivity.level === 'restricted') checkText(`${a.id}.statement`, a.sensitivity.statement);
    if (a.zone && !ex.zones.some((z) => z.id === a.zone)) problems.push(`${a.id}: unknown zone ${a.zone}`);
    if (new Set(a.annotations.map((n) => n.id)).size !== a.annotations.length) problems.push(`${a.id}: duplicate annotation ids`);
  }
  if (links < 10) problems.push(`only ${links} cross-links between works`);
  for (const t of ex.tours) {
    checkText(`tour ${t.id}`, t.title);
    for (const s of t.stops) if (!ids.has(s.artwork)) problems.push(`tour ${t.id}: unknown stop ${s.artwork}`);
  }

  // paintings: the image's aspect equals width / height
  const paintingImages = paintings.flatMap((a) => (a.kind === 'painting' && a.image ? [{ a, image: a.image }, ...(a.timeLapse?.states ?? []).flatMap((st) => (st.image ? [{ a, image: st.image }] : []))] : []));
  for (const { a, image } of paintingImages) {
    const meta = await sharp(join(OUT, image)).metadata();
    const aspect = (meta.width ?? 0) / (meta.height ?? 1);
    const want = a.dimensions.width / a.dimensions.height;
    if (Math.abs(aspect / want - 1) > 1e-6) problems.push(`${image}: aspect ${aspect} ≠ ${want}`);
    const long = Math.max(meta.width ?? 0, meta.height ?? 0);
    if (long < 1024 || long > 1600) problems.push(`${image}: long side ${long} px`);
  }
  // objects: catalogued dimensions match the model's bounding box
  for (const a of objects) {
    if (a.kind !== 'object' || !a.model) continue;
    const s = await measure(new Uint8Array(readFileSync(join(OUT, a.model))));
    const d = a.dimensions;
    const pairs: [number, number][] = [[d.width, s.size[0]], [d.height, s.size[1]], [d.depth ?? s.size[2], s.size[2]]];
    if (pairs.some(([want, got]) => Math.abs(got / want - 1) > LIMITS.dimensionTolerance)) problems.push(`${a.model}: size ${s.size.map((x) => x.toFixed(3)).join('×')} ≠ catalogued ${d.width}×${d.height}×${d.depth}`);
  }
  // the environment
  const env = decodeRgbe(hdr);
  if (env.width !== 512 || env.height !== 256 || hdr.length > LIMITS.hdrBytes) problems.push('gallery.hdr has the wrong size');
  // total size
  const total = listFiles(OUT).reduce((s, f) => s + statSync(f).size, 0);
  if (total > LIMITS.totalBytes) problems.push(`assets/default is ${(total / 1048576).toFixed(1)} MB`);

  if (problems.length) throw new Error(`default exhibition check failed:\n  ${problems.join('\n  ')}`);
  log(`valid: ${ex.artworks.length} works (${paintings.length} paintings, ${objects.length} objects), ${ex.space.kind === 'floorplan' ? ex.space.rooms.length : 0} rooms, ${ex.tours.length} tours, ${links} cross-links; assets/default ${(total / 1048576).toFixed(1)} MB`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
