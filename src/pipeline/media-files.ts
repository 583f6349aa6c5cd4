/**
 * One media file at a time (Node only), for the exhibition's media check (media-check.ts): images decode (sharp),
 * the environment is a Babylon .env, models parse (glTF Transform), audio has a known header, captions are WebVTT.
 * Each returns its findings with `%FILE%` where the reference's file name goes.
 */
import { open, readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { Logger, NodeIO, getBounds, type Document, type JSONDocument } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
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

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0]?.trim() ?? 'unknown error';
const mb = (bytes: number): string => `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;

export interface Found {
  abs: string;
  size: number;
}

export interface ImageInfo {
  width: number;
  height: number;
  format: string;
}

export interface ModelInfo {
  animations: string[];
  meshNames: string[];
  nodeNames: string[];
  /** Absent when the geometry could not be decoded offline (Draco/meshopt) or there is none. */
  bounds?: { min: [number, number, number]; max: [number, number, number] };
}

export type Outcome<T> = { info?: T; problems: { severity: 'error' | 'warning'; message: string }[] };

export async function checkImage(found: Found): Promise<Outcome<ImageInfo>> {
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

export async function checkEnvironment(found: Found): Promise<Outcome<ImageInfo>> {
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

export async function checkModel(found: Found): Promise<Outcome<ModelInfo>> {
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

export async function checkAudio(found: Found): Promise<Outcome<string>> {
  const head = await readHead(found.abs, 16);
  const format = audioFormat(head);
  if (!format) {
    return { problems: [{ severity: 'error', message: '%FILE% is not a recognised audio file (expected Ogg/Opus, MP3, WAV, FLAC or MP4/M4A)' }] };
  }
  if (found.size < 64) return { info: format, problems: [{ severity: 'warning', message: `%FILE% is only ${found.size} bytes; it holds almost no sound` }] };
  return { info: format, problems: [] };
}

export async function checkCaptions(found: Found): Promise<Outcome<number>> {
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
