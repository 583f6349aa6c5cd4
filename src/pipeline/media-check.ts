/**
 * Media checks (Node only): every media file an exhibition names exists inside the exhibition's
 * folder and is what it claims to be. Images decode (sharp), models parse (glTF Transform),
 * captions are valid WebVTT, audio files have a recognised header.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Exhibition, Artwork } from '../twin/schema';
import { formatPath, listMedia, type MediaReference, type PathSegment, type Problem } from '../twin/validate';
import { MEDIA_LIMITS, checkAudio, checkCaptions, checkEnvironment, checkImage, checkModel, errorText, type Found, type ModelInfo, type Outcome } from './media-files';

const q = (s: string): string => `'${s.length > 80 ? `${s.slice(0, 77)}…` : s}'`;
const m2 = (n: number): string => Number(n.toFixed(2)).toString();

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
