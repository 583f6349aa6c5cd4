/**
 * Media checks (Node only): every media file an exhibition names exists inside the exhibition's
 * folder and is what it claims to be. Images decode (sharp), models parse (glTF Transform),
 * captions are valid WebVTT, audio files have a recognised header.
 */
import { open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { Logger, NodeIO, getBounds, type Document, type JSONDocument } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import type { Exhibition, Artwork } from '../twin/schema';
import { formatPath, listMedia, type MediaReference, type PathSegment, type Problem } from '../twin/validate';
import { parseWebVtt } from '../twin/webvtt';

export const MEDIA_LIMITS = {
  /** The largest texture side WebGL implementations accept. */
  maxImageSide: 16_384,
  maxImageBytes: 50 * 1024 * 1024,
  /** Painting image aspect ratio vs catalogued dimensions. */
  aspectTolerance: 0.03,
  /** Object model bounding box vs catalogued dimensions. */
  sizeTolerance: 0.1,
} as const;

const BROWSER_IMAGE_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif']);

const q = (s: string): string => `'${s.length > 80 ? `${s.slice(0, 77)}…` : s}'`;
const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0]?.trim() ?? 'unknown error';
const m2 = (n: number): string => Number(n.toFixed(2)).toString();
const mb = (bytes: number): string => `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;

interface Found {
  abs: string;
  size: number;
}

interface ImageInfo {
  width: number;
  height: number;
  format: string;
}

interface ModelInfo {
  animations: string[];
  meshNames: string[];
  nodeNames: string[];
  /** Absent when the geometry could not be decoded offline (Draco/meshopt) or there is none. */
  bounds?: { min: [number, number, number]; max: [number, number, number] };
}

type Outcome<T> = { info?: T; problems: { severity: 'error' | 'warning'; message: string }[] };

class Checker {
  readonly problems: Problem[] = [];
  private readonly cache = new Map<string, Promise<Outcome<unknown>>>();
  private baseReal = '';

  constructor(private readonly baseDir: string) {}

  error(p: readonly PathSegment[], message: string): void {
    this.problems.push({ path: formatPath(p), message, severity: 'error' });
  }
  warn(p: readonly PathSegment[], message: string): void {
    this.problems.push({ path: formatPath(p), message, severity: 'warning' });
  }

  async init(): Promise<boolean> {
    try {
      this.baseReal = await realpath(this.baseDir);
      return true;
    } catch {
      this.error([], `the exhibition folder ${q(this.baseDir)} cannot be read`);
      return false;
    }
  }

  /** Resolves and finds a media file; reports and returns undefined if it is not usable. */
  async find(ref: MediaReference): Promise<Found | undefined> {
    const file = ref.file;
    if (/^https:\/\//i.test(file)) {
      this.warn(ref.path, `${q(file)} is a web address; not checked offline`);
      return undefined;
    }
    const rel = file.replace(/\\/g, '/').split(/[?#]/)[0] as string;
    const abs = path.resolve(this.baseReal, rel);
    if (!isInside(this.baseReal, abs)) {
      this.error(ref.path, `${q(file)} points outside the exhibition folder; media files must be inside it`);
      return undefined;
    }
    let st;
    try {
      st = await stat(abs);
    } catch {
      const suggestion = await caseInsensitiveMatch(this.baseReal, rel);
      this.error(ref.path, `file ${q(file)} not found${suggestion ? ` (did you mean ${q(suggestion)}? names are case-sensitive on web servers)` : ''}`);
      return undefined;
    }
    if (!st.isFile()) {
      this.error(ref.path, `${q(file)} is a folder, not a file`);
      return undefined;
    }
    let real: string;
    try {
      real = await realpath(abs);
    } catch {
      real = abs;
    }
    if (!isInside(this.baseReal, real)) {
      this.error(ref.path, `${q(file)} is a link to a file outside the exhibition folder; media files must be inside it`);
      return undefined;
    }
    const exact = await exactCase(this.baseReal, rel);
    if (exact !== undefined && exact !== rel.replace(/^\.\//, '')) {
      this.error(ref.path, `${q(file)} is named ${q(exact)} on disk; names are case-sensitive on web servers`);
    }
    if (st.size === 0) {
      this.error(ref.path, `file ${q(file)} is empty`);
      return undefined;
    }
    return { abs: real, size: st.size };
  }

  /** Runs a per-file check once per (file, kind), reporting its problems at every reference. */
  async once<T>(kind: string, found: Found, ref: MediaReference, check: () => Promise<Outcome<T>>): Promise<T | undefined> {
    const key = `${kind}\u0000${found.abs}`;
    let pending = this.cache.get(key) as Promise<Outcome<T>> | undefined;
    if (!pending) {
      pending = check().catch((e: unknown) => ({ problems: [{ severity: 'error' as const, message: `could not be checked: ${errorText(e)}` }] }));
      this.cache.set(key, pending as Promise<Outcome<unknown>>);
    }
    const outcome = await pending;
    for (const p of outcome.problems) {
      if (p.severity === 'error') this.error(ref.path, p.message.replace('%FILE%', q(ref.file)));
      else this.warn(ref.path, p.message.replace('%FILE%', q(ref.file)));
    }
    return outcome.info;
  }
}

function isInside(base: string, target: string): boolean {
  const rel = path.relative(base, target);
  return rel === '' ? false : !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** The on-disk spelling of rel (matching case-insensitively segment by segment), if any. */
async function caseInsensitiveMatch(base: string, rel: string): Promise<string | undefined> {
  const parts = path.posix.normalize(rel).split('/').filter((s) => s && s !== '.');
  let dir = base;
  const out: string[] = [];
  for (const part of parts) {
    let entries: string[];
    try {
      entries = await readdir(dir);
    } catch {
      return undefined;
    }
    const hit = entries.find((e) => e === part) ?? entries.find((e) => e.toLowerCase() === part.toLowerCase());
    if (!hit) return undefined;
    out.push(hit);
    dir = path.join(dir, hit);
  }
  return out.join('/');
}

/** On a case-insensitive disk, the real spelling of an existing rel; undefined if unknown. */
async function exactCase(base: string, rel: string): Promise<string | undefined> {
  const normal = path.posix.normalize(rel);
  if (normal.split('/').includes('..')) return undefined;
  const match = await caseInsensitiveMatch(base, normal);
  return match === undefined ? undefined : match === normal ? rel.replace(/^\.\//, '') : match;
}

// ------------------------------------------------------------------ images

async function checkImage(found: Found): Promise<Outcome<ImageInfo>> {
  if (found.size > MEDIA_LIMITS.maxImageBytes) {
    return { problems: [{ severity: 'error', message: `the image file is ${mb(found.size)}; the limit is ${mb(MEDIA_LIMITS.maxImageBytes)}` }] };
  }
  const options = { failOn: 'error' as const, limitInputPixels: false as const };
  let meta;
  try {
    meta = await sharp(found.abs, options).metadata();
  } catch (e) {
    return { problems: [{ severity: 'error', message: `%FILE% could not be read as an image: ${errorText(e)}` }] };
  }
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  const format = meta.format === 'heif' && meta.compression === 'av1' ? 'avif' : String(meta.format);
  const problems: Outcome<ImageInfo>['problems'] = [];
  if (!BROWSER_IMAGE_FORMATS.has(format) && format !== 'avif') {
    problems.push({ severity: 'error', message: `%FILE% is a ${format.toUpperCase()} image (${width} × ${height} px), which browsers cannot show; convert it to JPEG, PNG or WebP` });
  }
  if (width > MEDIA_LIMITS.maxImageSide || height > MEDIA_LIMITS.maxImageSide) {
    problems.push({
      severity: 'error',
      message: `the image is ${width} × ${height} px; the largest a browser can use is ${MEDIA_LIMITS.maxImageSide} px on each side`,
    });
    return { info: { width, height, format }, problems };
  }
  try {
    // A full decode (to a small output) catches truncated and corrupt pixel data.
    await sharp(found.abs, options).resize(64, 64, { fit: 'inside' }).raw().toBuffer();
  } catch (e) {
    problems.push({ severity: 'error', message: `%FILE% (${format.toUpperCase()}, ${width} × ${height} px) could not be decoded: ${errorText(e)}` });
    return { problems };
  }
  return { info: { width, height, format }, problems };
}

async function readHead(file: string, bytes: number): Promise<Buffer> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

const ENV_MAGIC = Buffer.from([0x86, 0x16, 0x87, 0x96, 0xf6, 0xd6, 0x96, 0x36]);

async function checkEnvironment(found: Found): Promise<Outcome<ImageInfo>> {
  const head = await readHead(found.abs, 4096);
  if (head.subarray(0, 8).equals(ENV_MAGIC)) return { problems: [] }; // Babylon prefiltered .env
  if (head[0] === 0x76 && head[1] === 0x2f && head[2] === 0x31 && head[3] === 0x01) return { problems: [] }; // OpenEXR
  const text = head.toString('latin1');
  if (!/^#\?(RADIANCE|RGBE)/.test(text)) {
    return { problems: [{ severity: 'error', message: '%FILE% is not a Radiance HDR image (an .hdr file starts with "#?RADIANCE")' }] };
  }
  const m = /\n\n([-+])Y (\d+) ([-+])X (\d+)\n/.exec(text);
  if (!m) return { problems: [{ severity: 'error', message: '%FILE% is a damaged Radiance HDR image: its size line ("-Y height +X width") is missing' }] };
  const height = Number(m[2]);
  const width = Number(m[4]);
  const problems: Outcome<ImageInfo>['problems'] = [];
  if (width > MEDIA_LIMITS.maxImageSide || height > MEDIA_LIMITS.maxImageSide) {
    problems.push({ severity: 'error', message: `the environment image is ${width} × ${height} px; the largest a browser can use is ${MEDIA_LIMITS.maxImageSide} px on each side` });
  } else if (Math.abs(width / height - 2) > 0.02) {
    problems.push({ severity: 'warning', message: `the environment image is ${width} × ${height} px; an equirectangular panorama is twice as wide as it is high` });
  }
  return { info: { width, height, format: 'hdr' }, problems };
}

// ------------------------------------------------------------------ models

function createIO(): NodeIO {
  return new NodeIO().setLogger(new Logger(Logger.Verbosity.SILENT)).registerExtensions(ALL_EXTENSIONS);
}

async function checkModel(found: Found): Promise<Outcome<ModelInfo>> {
  const io = createIO();
  const isGlb = found.abs.toLowerCase().endsWith('.glb');
  if (isGlb) {
    const head = await readHead(found.abs, 4);
    if (head.toString('latin1') !== 'glTF') {
      return { problems: [{ severity: 'error', message: `%FILE% could not be read as glTF: it is not a GLB file (it does not start with "glTF")` }] };
    }
  }
  let jsonDoc: JSONDocument;
  try {
    jsonDoc = await io.readAsJSON(found.abs);
  } catch (e) {
    return { problems: [{ severity: 'error', message: `%FILE% could not be read as glTF: ${errorText(e)}` }] };
  }
  const json = jsonDoc.json;
  const info: ModelInfo = {
    animations: (json.animations ?? []).map((a, i) => a.name ?? `#${i}`),
    meshNames: (json.meshes ?? []).flatMap((m) => (m.name ? [m.name] : [])),
    nodeNames: (json.nodes ?? []).flatMap((n) => (n.name ? [n.name] : [])),
  };
  // Compressed geometry needs decoders (draco3d, meshoptimizer) this tool does not ship: the
  // file's structure has been parsed above; its geometry is not decoded.
  const used = new Set([...(json.extensionsUsed ?? []), ...(json.extensionsRequired ?? [])]);
  const required = new Set(json.extensionsRequired ?? []);
  const packed = ['KHR_draco_mesh_compression', 'EXT_meshopt_compression', 'KHR_meshopt_compression'].filter(
    (e) => used.has(e) && (e === 'KHR_draco_mesh_compression' || required.has(e)),
  );
  if (packed.length > 0) {
    return { info, problems: [{ severity: 'warning', message: `%FILE% uses ${packed.join(' and ')}, which is not decoded offline; its size was not checked` }] };
  }
  let doc: Document;
  try {
    doc = await io.readJSON(jsonDoc);
  } catch (e) {
    const msg = errorText(e);
    const dep = /Please install extension dependency, "([^"]+)"/.exec(msg);
    if (dep) {
      const ext = /^\[([A-Za-z0-9_]+)\]/.exec(msg)?.[1] ?? 'compressed geometry';
      return { info, problems: [{ severity: 'warning', message: `%FILE% uses ${ext}, which is not decoded offline; its size was not checked` }] };
    }
    return { problems: [{ severity: 'error', message: `%FILE% could not be read as glTF: ${msg}` }] };
  }
  const root = doc.getRoot();
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  if (scene) {
    const b = getBounds(scene);
    if (b.min.every(Number.isFinite) && b.max.every(Number.isFinite)) {
      info.bounds = { min: [b.min[0], b.min[1], b.min[2]], max: [b.max[0], b.max[1], b.max[2]] };
    }
  }
  if (!info.bounds) return { info, problems: [{ severity: 'error', message: '%FILE% has no visible geometry (its scene contains no meshes)' }] };
  return { info, problems: [] };
}

function compareModelToDimensions(c: Checker, ref: MediaReference, a: Artwork, info: ModelInfo): void {
  const b = info.bounds;
  if (!b) return;
  const size: [number, number, number] = [b.max[0] - b.min[0], b.max[1] - b.min[1], b.max[2] - b.min[2]];
  const d = a.dimensions;
  const tol = MEDIA_LIMITS.sizeTolerance;
  const off = (model: number, cat: number): boolean => Math.abs(model - cat) / cat > tol;
  const bad = off(size[0], d.width) || off(size[1], d.height) || (d.depth !== undefined && off(size[2], d.depth));
  if (bad) {
    const modelText = `${m2(size[0])} × ${m2(size[1])} × ${m2(size[2])} m`;
    const catText = `${m2(d.width)} × ${m2(d.height)}${d.depth !== undefined ? ` × ${m2(d.depth)}` : ''} m`;
    let hint = '';
    const ratio = size[1] / d.height;
    if (Math.abs(ratio / 100 - 1) < 0.15) hint = ' (the model may be in centimetres)';
    else if (Math.abs(ratio / 1000 - 1) < 0.15) hint = ' (the model may be in millimetres)';
    else if (Math.abs(ratio / 0.0254 - 1) < 0.15 || Math.abs(ratio / 39.37 - 1) < 0.15) hint = ' (the model may be in inches)';
    else if (d.depth !== undefined && !off(size[2], d.width) && !off(size[0], d.depth) && !off(size[1], d.height)) hint = ' (its width and depth are swapped: the model may be turned 90°)';
    c.warn(ref.path, `the model measures ${modelText} (width × height × depth) but the catalogue says ${catText}${hint}; models must be at real scale in metres`);
  }
  const lowest = b.min[1];
  if (Math.abs(lowest) > Math.max(0.01, 0.02 * size[1])) {
    c.warn(ref.path, `the model does not rest on y = 0 (its lowest point is at y = ${m2(lowest)} m), so it will ${lowest > 0 ? 'float above' : 'sink into'} its base`);
  }
}

// ------------------------------------------------------------------ audio and captions

function audioFormat(h: Buffer): string | undefined {
  const s = (a: number, b: number): string => h.subarray(a, b).toString('latin1');
  if (s(0, 4) === 'OggS') return 'Ogg';
  if (s(0, 3) === 'ID3') return 'MP3';
  if (h.length >= 2 && h[0] === 0xff && ((h[1] as number) & 0xe0) === 0xe0) return 'MPEG audio';
  if (s(0, 4) === 'RIFF' && s(8, 12) === 'WAVE') return 'WAV';
  if (s(0, 4) === 'fLaC') return 'FLAC';
  if (s(4, 8) === 'ftyp') return 'MP4';
  return undefined;
}

async function checkAudio(found: Found): Promise<Outcome<string>> {
  const head = await readHead(found.abs, 16);
  const format = audioFormat(head);
  if (!format) {
    return { problems: [{ severity: 'error', message: '%FILE% is not a recognised audio file (expected Ogg/Opus, MP3, WAV, FLAC or MP4/M4A)' }] };
  }
  if (found.size < 64) return { info: format, problems: [{ severity: 'warning', message: `%FILE% is only ${found.size} bytes; it holds almost no sound` }] };
  return { info: format, problems: [] };
}

async function checkCaptions(found: Found): Promise<Outcome<number>> {
  const bytes = await readFile(found.abs);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problems: [{ severity: 'error', message: '%FILE% is not UTF-8 text; WebVTT captions must be saved as UTF-8' }] };
  }
  try {
    const { cues } = parseWebVtt(text);
    if (cues.length === 0) return { info: 0, problems: [{ severity: 'warning', message: '%FILE% has no captions (no cues)' }] };
    return { info: cues.length, problems: [] };
  } catch (e) {
    return { problems: [{ severity: 'error', message: `%FILE% is not valid WebVTT: ${errorText(e)}` }] };
  }
}

// ------------------------------------------------------------------ entry point

/**
 * Checks every media file of a (schema-valid) exhibition against the folder that holds the
 * exhibition file. Paths in the problems are those of validateExhibition.
 */
export async function checkMedia(exhibition: Exhibition, baseDir: string): Promise<Problem[]> {
  const c = new Checker(baseDir);
  if (!(await c.init())) return c.problems;
  const models = new Map<string, ModelInfo | undefined>(); // media path as written → info
  const modelChecked = new Set<string>();

  for (const ref of listMedia(exhibition)) {
    const found = await c.find(ref);
    if (!found) continue;
    const artwork = ref.artwork === undefined ? undefined : exhibition.artworks[ref.artwork];
    switch (ref.role) {
      case 'painting-image':
      case 'marker-image':
      case 'panorama':
      case 'texture': {
        const info = await c.once('image', found, ref, () => checkImage(found));
        if (info && ref.role === 'painting-image' && artwork) {
          const want = artwork.dimensions.width / artwork.dimensions.height;
          const got = info.width / info.height;
          if (Math.abs(got - want) / want > MEDIA_LIMITS.aspectTolerance) {
            c.warn(
              ref.path,
              `the image is ${info.width} × ${info.height} px (width/height ${got.toFixed(2)}) but the painting measures ${m2(artwork.dimensions.width)} × ${m2(artwork.dimensions.height)} m (${want.toFixed(2)}); it will look stretched`,
            );
          }
        }
        break;
      }
      case 'environment':
        await c.once('environment', found, ref, () => checkEnvironment(found));
        break;
      case 'object-model':
      case 'animation-model':
      case 'space-model': {
        const info = await c.once('model', found, ref, () => checkModel(found));
        models.set(ref.file, info);
        modelChecked.add(ref.file);
        if (info && ref.role === 'object-model' && artwork) compareModelToDimensions(c, ref, artwork, info);
        if (info && ref.role === 'space-model' && exhibition.space.kind === 'model') {
          const names = new Set([...info.meshNames, ...info.nodeNames]);
          exhibition.space.floorMeshes.forEach((name, i) => {
            if (!names.has(name)) {
              const known = [...new Set(info.meshNames)].slice(0, 12).join(', ');
              c.error(['space', 'floorMeshes', i], `no mesh or node named ${q(name)} in ${q(ref.file)} (${known ? `its meshes are: ${known}` : 'it has no named meshes'})`);
            }
          });
        }
        if (info && ref.role === 'animation-model' && artwork?.animation?.clip === undefined && info.animations.length === 0) {
          c.warn(ref.path, `${q(ref.file)} has no animation clips, so there is nothing to play`);
        }
        break;
      }
      case 'audio':
        await c.once('audio', found, ref, () => checkAudio(found));
        break;
      case 'captions':
        await c.once('captions', found, ref, () => checkCaptions(found));
        break;
    }
  }

  await checkRestrictedLeaks(c, exhibition, baseDir);

  // Animation clips live in animation.model, or else in the object's own model.
  exhibition.artworks.forEach((a, i) => {
    const clip = a.animation?.clip;
    if (clip === undefined) return;
    const file = a.animation?.model ?? (a.kind === 'object' ? a.model : undefined);
    if (file === undefined || !modelChecked.has(file)) return;
    const info = models.get(file);
    if (!info) return;
    if (!info.animations.includes(clip)) {
      c.error(
        ['artworks', i, 'animation', 'clip'],
        `clip ${q(clip)} is not in ${q(file)} (${info.animations.length ? `its clips are: ${info.animations.join(', ')}` : 'it has no animation clips'})`,
      );
    }
  });
  return c.problems;
}

/**
 * A restricted work's media must not be published at all: everything in the exhibition's folder is served to
 * everyone who knows (or guesses) its name, whether or not the exhibition file lists it. Files or folders named
 * after a restricted work are reported.
 */
async function checkRestrictedLeaks(c: Checker, exhibition: Exhibition, baseDir: string): Promise<void> {
  const restricted = exhibition.artworks.map((a, i) => ({ a, i })).filter(({ a }) => a.sensitivity.level === 'restricted');
  if (!restricted.length) return;
  const files = await listFilesUnder(baseDir, 20_000);
  for (const { a, i } of restricted) {
    const leaked = files.filter((rel) => rel.split('/').some((part) => part === a.id || part.startsWith(`${a.id}.`) || part.startsWith(`${a.id}-`) || part.startsWith(`${a.id}_`)));
    for (const rel of leaked.slice(0, 20)) {
      c.error(['artworks', i], `file ${q(rel)} is named after restricted work ${q(a.id)} and is published with the exhibition, so anyone can download it; remove it from the exhibition's folder`);
    }
  }
}

/** Relative paths of the files under dir (at most `limit`), "/"-separated. */
async function listFilesUnder(dir: string, limit: number): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    if (out.length >= limit) return;
    let entries;
    try {
      entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(r);
      else if (e.isFile()) out.push(r);
      if (out.length >= limit) return;
    }
  };
  await walk('');
  return out;
}
