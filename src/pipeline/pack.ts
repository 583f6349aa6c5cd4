/**
 * `npm run pack`: an optimised copy of an exhibition. Models go through glTF Transform (model.ts); painting
 * images are sized to the work's true size (pixels per metre, at most 2048 on a side) as WebP, with a small
 * far-view copy (`farImage`); floor and wall textures become WebP at most 2048²; narration, captions,
 * markers and the environment map are copied as they are. The exhibition file is rewritten to name the new
 * files and checked like `npm run validate` does.
 */
import { copyFile, mkdir, readFile, realpath, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { checkMedia } from './media-check';
import { formatProblem, listMedia, parseJsonText, validateExhibition, type MediaReference, type PathSegment, type Problem } from '../twin/validate';
import type { Exhibition } from '../twin/schema';
import { MODEL_DEFAULTS, packModel, type ModelOptions } from './model';
import { totals, type AssetReport, type PackReport } from './report';
import { mediaUrlOrThrow } from '../twin/media-path';
import { usdzBeside } from './usdz';
import { encodePaintingKtx2 } from './ktx2-encode';

export const PACK_DEFAULTS = {
  ...MODEL_DEFAULTS,
  /**
   * Painting pixels per metre of the real work: about 1.2 px per mm stays sharp on a phone or headset from
   * half a metre (a headset shows some 20 px per degree; at 0.5 m a degree is 9 mm).
   */
  paintingDensity: 1200,
  paintingQuality: 76,
  /** Long side of a painting's far-view copy. */
  farSide: 384,
  farQuality: 70,
  textureQuality: 80,
  /**
   * Also write each painting as KTX2 (Basis Universal, `compressedImage`), which a headset keeps compressed in GPU
   * memory. Off by default: encoding takes seconds a painting (`npm run pack -- --ktx2` turns it on).
   */
  ktx2: false,
};
export type PackOptions = typeof PACK_DEFAULTS & ModelOptions;

export class PackError extends Error {
  constructor(message: string, readonly problems: Problem[] = []) {
    super(message);
    this.name = 'PackError';
  }
}

const isUrl = (f: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(f);
const withExt = (file: string, ext: string): string => file.replace(/\.[^./]*$/, '') + ext;
/** A media file inside `dir`, by the loader's rule (twin/media-path.ts); a reference that escapes throws. */
const inside = (dir: string, file: string): string => fileURLToPath(mediaUrlOrThrow(file, pathToFileURL(path.join(dir, 'exhibition.json')).href));

function setAt(json: unknown, p: readonly PathSegment[], value: string): void {
  let node = json as Record<PropertyKey, unknown>;
  for (const seg of p.slice(0, -1)) node = node[seg] as Record<PropertyKey, unknown>;
  node[p[p.length - 1]!] = value;
}

interface ImageOut {
  bytes: Buffer;
  ext: string;
  size: [number, number];
}

/** WebP within maxSide; the source itself when it is already smaller and fits (re-encoding would only lose). */
async function packImage(source: Buffer, maxSide: number, quality: number): Promise<ImageOut & { before: [number, number] }> {
  const meta = await sharp(source).metadata();
  const before: [number, number] = [meta.width ?? 0, meta.height ?? 0];
  const { data, info } = await sharp(source)
    .rotate()
    .resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality, effort: 5 })
    .toBuffer({ resolveWithObject: true });
  const fits = Math.max(...before) <= maxSide && ['jpeg', 'png', 'webp'].includes(meta.format ?? '');
  if (fits && data.byteLength >= source.byteLength) return { bytes: source, ext: `.${meta.format === 'jpeg' ? 'jpg' : meta.format}`, size: before, before };
  return { bytes: data, ext: '.webp', size: [info.width, info.height], before };
}

/** Packs `sourceFile` (an exhibition.json) into `outDir`, which must not be the source's own folder. */
export async function packExhibition(sourceFile: string, outDir: string, options: Partial<PackOptions> = {}, log: (line: string) => void = () => {}): Promise<PackReport> {
  const t0 = performance.now();
  const o: PackOptions = { ...PACK_DEFAULTS, ...options };
  const text = await readFile(sourceFile, 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new PackError(`cannot read ${sourceFile}: ${e.code === 'ENOENT' ? 'file not found' : e.message}`);
  });
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new PackError(`${sourceFile} is not valid JSON`, parsed.problems);
  const result = validateExhibition(parsed.value);
  if (!result.ok) throw new PackError(`${sourceFile} has errors; fix them first (npm run validate)`, result.problems);
  const ex = result.exhibition;
  const srcDir = path.dirname(path.resolve(sourceFile));
  await mkdir(outDir, { recursive: true });
  if ((await realpath(outDir)) === (await realpath(srcDir))) throw new PackError('the output folder is the exhibition\'s own folder; choose another, the source is never overwritten');

  const raw = structuredClone(parsed.value);
  const assets: AssetReport[] = [];
  const done = new Map<string, AssetReport>();
  // Source files keep their own names; packed names are claimed as they are written.
  const taken = new Map(listMedia(ex).filter((r) => !isUrl(r.file)).map((r) => [r.file, r.file]));
  const refs = listMedia(ex).filter((r) => !isUrl(r.file));
  for (const ref of refs) {
    const key = `${ref.role}:${ref.file}:${ref.path.at(-1) === 'image' && ref.path.length === 3 ? 'work' : ''}`;
    let report = done.get(key);
    if (!report) {
      report = await packOne(ex, ref, srcDir, outDir, o, taken);
      done.set(key, report);
      assets.push(report);
      log(`${report.action.padEnd(6)} ${report.source}`);
    }
    setAt(raw, ref.path, report.packed);
    const far = report.extras?.find((e) => e.packed.endsWith('.far.webp'));
    if (far && ref.artwork !== undefined) setAt(raw, ['artworks', ref.artwork, 'farImage'], far.packed);
    const ktx2 = report.extras?.find((e) => e.packed.endsWith('.ktx2'));
    if (ktx2 && ref.artwork !== undefined) setAt(raw, ['artworks', ref.artwork, 'compressedImage'], ktx2.packed);
  }

  const outFile = path.join(outDir, path.basename(sourceFile));
  const outText = `${JSON.stringify(raw, null, 2)}\n`;
  await writeFile(outFile, outText);
  // The packed exhibition must pass the same checks as any other.
  const again = validateExhibition(JSON.parse(outText));
  if (!again.ok) throw new PackError('the packed exhibition does not validate (a bug in the pipeline)', again.problems);
  const problems = [...again.problems, ...(await checkMedia(again.exhibition, outDir))].filter((p) => p.severity === 'error');
  if (problems.length > 0) throw new PackError(`the packed exhibition has errors:\n${problems.map(formatProblem).join('\n')}`, problems);

  const exhibitionBytes = { before: Buffer.byteLength(text), after: Buffer.byteLength(outText) };
  return { source: sourceFile, out: outFile, assets, exhibitionBytes, totals: totals(assets, exhibitionBytes), ms: Math.round(performance.now() - t0) };
}

async function packOne(ex: Exhibition, ref: MediaReference, srcDir: string, outDir: string, o: PackOptions, taken: Map<string, string>): Promise<AssetReport> {
  const src = inside(srcDir, ref.file);
  /** A packed name no other source file has taken (a.jpg and a.png would both become a.webp). */
  const claim = (packed: string, source: string): string => {
    let name = packed;
    for (let n = 2; taken.has(name) && taken.get(name) !== source; n++) name = packed.replace(/(\.[^./]*)$/, `-${n}$1`);
    taken.set(name, source);
    return name;
  };
  const bytesBefore = (await stat(src)).size;
  const write = async (rel: string, bytes: Uint8Array): Promise<void> => {
    const dest = path.join(outDir, rel);
    await mkdir(path.dirname(dest), { recursive: true });
    await writeFile(dest, bytes);
  };
  const base = { source: ref.file, role: ref.role, bytesBefore };
  switch (ref.role) {
    case 'object-model':
    case 'animation-model':
    case 'space-model': {
      // The building is walked inside, not seen from afar: no coarser levels, and a tighter bound on full detail
      // (its floor meshes are found by name, and a metre-scale error share would be centimetres here).
      const m = await packModel(src, bytesBefore, ref.role === 'space-model' ? { ...o, lodRatios: [], fullDetailError: o.fullDetailError / 5 } : o);
      const packed = claim(withExt(ref.file, '.glb'), ref.file);
      await write(packed, m.glb);
      // AR Quick Look on iPhone and iPad: a USDZ beside each object's GLB (usdz.ts).
      const usdz = ref.role === 'object-model' ? await usdzBeside(src, packed, o, write) : undefined;
      return {
        ...(usdz && { extras: [{ ...usdz, quickLook: true }] }),
        ...base,
        packed,
        action: 'model',
        bytesAfter: m.glb.byteLength,
        trianglesBefore: m.before.triangles,
        trianglesAfter: m.after.triangles,
        lodTriangles: m.after.lodTriangles,
        texturesBefore: m.before.textures,
        texturesAfter: m.after.textures,
      };
    }
    case 'painting-image':
    case 'texture': {
      const source = await readFile(src);
      const art = ref.artwork !== undefined ? ex.artworks[ref.artwork] : undefined;
      const isWorkImage = ref.role === 'painting-image' && art !== undefined && ref.path.length === 3 && ref.path[2] === 'image';
      const longest = art ? Math.max(art.dimensions.width, art.dimensions.height) : 0;
      const side = ref.role === 'painting-image' && longest > 0 ? Math.min(o.maxTexture, Math.max(o.farSide, Math.round(longest * o.paintingDensity))) : o.maxTexture;
      const img = await packImage(source, side, ref.role === 'painting-image' ? o.paintingQuality : o.textureQuality);
      const packed = claim(withExt(ref.file, img.ext), ref.file);
      await write(packed, img.bytes);
      const report: AssetReport = { ...base, packed, action: 'image', bytesAfter: img.bytes.byteLength, sizeBefore: img.before, sizeAfter: img.size };
      if (isWorkImage) {
        const far = await sharp(source).rotate().resize(o.farSide, o.farSide, { fit: 'inside', withoutEnlargement: true }).webp({ quality: o.farQuality }).toBuffer({ resolveWithObject: true });
        const farPath = claim(withExt(ref.file, '.far.webp'), `${ref.file}#far`);
        await write(farPath, far.data);
        report.extras = [{ packed: farPath, bytes: far.data.byteLength, size: [far.info.width, far.info.height] }];
        if (o.ktx2) {
          // At the packed image's size: the size it is viewed at, so that is where its quality is checked.
          const k = await encodePaintingKtx2(source, Math.max(...img.size));
          const kPath = claim(withExt(ref.file, '.ktx2'), `${ref.file}#ktx2`);
          await write(kPath, k.bytes);
          report.extras.push({ packed: kPath, bytes: k.bytes.byteLength, size: k.size });
        }
      }
      return report;
    }
    default: {
      // Narration, captions, printed markers (their contrast and size matter), the environment map, panoramas
      // (cut into tiles every device uploads by npm run import:panoramas).
      const dest = inside(outDir, ref.file);
      await mkdir(path.dirname(dest), { recursive: true });
      await copyFile(src, dest);
      return { ...base, packed: ref.file, action: 'copied', bytesAfter: bytesBefore };
    }
  }
}
