/**
 * `npm run import -- <scene.svx.json>`: a Smithsonian Voyager scene. Each model in the scene becomes an object
 * work (its best Web3D derivative, fetched and brought to metres, standing on y = 0); its annotations become the
 * work's hotspots at the same places on the model; the scene's articles become the work's stories. Fields this
 * importer does not know are noted and ignored.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Annotation, LangMap } from '../../../twin/schema';
import type { ImportedWork, ImportOptions, ImportProblem, SourceImport } from '../imported-work';
import { FetchError, fetchBytes, fetchJson, fetchText, MAX_MEDIA_BYTES, resolveRef, sourceUrl } from '../iiif/fetch-source';
import { languageCode } from '../iiif/language';
import { safeName } from '../iiif/media';
import { htmlToPlainText, htmlToRichText } from '../iiif/rich-text';
import { noteUnknownFields } from './fields';
import { applyTransform, normaliseModel, UNIT_METRES, type Vec3 } from './model';

type Json = Record<string, unknown>;
const asObject = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const isVec3 = (v: unknown): v is Vec3 => Array.isArray(v) && v.length === 3 && v.every((n) => typeof n === 'number' && Number.isFinite(n));
const isQuat = (v: unknown): v is [number, number, number, number] => Array.isArray(v) && v.length === 4 && v.every((n) => typeof n === 'number' && Number.isFinite(n));

/** Derivative qualities, the one to prefer first (a visit wants detail without the archival master). */
const QUALITY = ['High', 'Medium', 'Highest', 'Low', 'Thumb'];

interface Scene {
  base: URL;
  language: string;
  problems: ImportProblem[];
  log: (line: string) => void;
}

/** Voyager's texts: one string (in the scene's language) and/or a dictionary by language ("EN": "…"). */
function texts(single: unknown, byLanguage: unknown, scene: Scene, style: 'plain' | 'rich' = 'plain'): LangMap | undefined {
  const out: LangMap = {};
  const clean = (s: string) => (style === 'plain' ? htmlToPlainText(s) : htmlToRichText(s));
  for (const [key, value] of Object.entries(asObject(byLanguage) ?? {})) {
    const code = languageCode(key) ?? scene.language;
    if (typeof value === 'string' && clean(value)) out[code] = clean(value);
  }
  if (typeof single === 'string' && clean(single) && !out[scene.language]) out[scene.language] = clean(single);
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Imports a Voyager scene document from a file or URL: one object work per model, with hotspots and stories.
 * Problems name their place ("models[0].annotations[2].position"); whatever is valid is imported.
 */
export async function importVoyager(source: string, opts: ImportOptions): Promise<SourceImport> {
  const log = opts.log ?? (() => {});
  const problems: ImportProblem[] = [];
  const base = sourceUrl(source);
  let doc: Json | undefined;
  try {
    doc = asObject(await fetchJson(base));
  } catch (e) {
    if (e instanceof FetchError) return { works: [], problems: [{ where: source, message: e.message }] };
    throw e;
  }
  if (!doc) return { works: [], problems: [{ where: source, message: 'not a Voyager scene (a JSON object is expected)' }] };
  const assetType = String(asObject(doc.asset)?.type ?? '');
  if (assetType !== 'application/si-dpo-3d.document+json') {
    problems.push({ where: 'asset.type', message: `'${assetType.slice(0, 60) || '(none)'}' is not a Voyager document type; read as one all the same` });
  }
  noteUnknownFields(doc, 'document', '', problems);

  const scenes = asArray(doc.scenes);
  const sceneIndex = typeof doc.scene === 'number' ? doc.scene : 0;
  const sceneDoc = asObject(scenes[sceneIndex]) ?? {};
  noteUnknownFields(sceneDoc, 'scene', `scenes[${sceneIndex}]`, problems);
  const setup = asObject(asArray(doc.setups)[typeof sceneDoc.setup === 'number' ? sceneDoc.setup : 0]);
  const language = languageCode(String(asObject(setup?.language)?.language ?? 'en')) ?? 'en';
  const scene: Scene = { base, language, problems, log };
  const metas = asArray(doc.metas);
  const sceneMeta = asObject(metas[typeof sceneDoc.meta === 'number' ? sceneDoc.meta : -1]);
  const sceneName = typeof sceneDoc.name === 'string' ? sceneDoc.name : undefined;
  const fileTitle = basename(base.pathname).replace(/\.svx\.json$|\.json$/i, '');

  // Scene-level articles belong to every model of the scene (usually there is one).
  const sceneStories = sceneMeta ? await stories(sceneMeta, `metas[${String(sceneDoc.meta)}]`, scene) : [];
  const collection = asObject(sceneMeta?.collection);
  const sceneTitle = texts(collection?.title, collection?.titles, scene) ?? (sceneName ? { [language]: sceneName } : undefined);

  const works: ImportedWork[] = [];
  const nodes = asArray(doc.nodes);
  const modelNodes = nodes.map((n, i) => ({ node: asObject(n) ?? {}, index: i })).filter(({ node }) => typeof node.model === 'number');
  nodes.forEach((n, i) => noteUnknownFields(asObject(n) ?? {}, 'node', `nodes[${i}]`, problems));
  if (modelNodes.length === 0) problems.push({ where: 'nodes', message: 'the scene has no model node; nothing to import' });
  for (const { node, index } of modelNodes) {
    const m = node.model as number;
    const model = asObject(asArray(doc.models)[m]);
    const where = `models[${m}]`;
    if (!model) {
      problems.push({ where: `nodes[${index}].model`, message: `there is no models[${m}]` });
      continue;
    }
    const nodeMeta = asObject(metas[typeof node.meta === 'number' ? node.meta : -1]);
    const nodeCollection = asObject(nodeMeta?.collection);
    const title = texts(nodeCollection?.title, nodeCollection?.titles, scene) ?? (typeof node.name === 'string' && node.name ? { [language]: node.name } : undefined) ?? sceneTitle ?? { [language]: fileTitle };
    const work = await readModel(model, where, title, scene, opts.out, modelNodes.length > 1 ? `${fileTitle}-${m}` : fileTitle);
    if (!work) continue;
    const ownStories = nodeMeta ? await stories(nodeMeta, `metas[${String(node.meta)}]`, scene) : [];
    const all = [...ownStories, ...sceneStories];
    if (all.length) work.stories = all;
    works.push(work);
  }
  return { works, problems, ...(sceneTitle ? { title: sceneTitle } : {}), languages: languagesOf(works, language) };
}

function languagesOf(works: ImportedWork[], main: string): string[] {
  const seen = new Set([main]);
  for (const w of works) {
    for (const l of Object.keys(w.title)) seen.add(l);
    for (const a of w.annotations ?? []) for (const l of Object.keys(a.title)) seen.add(l);
  }
  return [...seen];
}

async function readModel(model: Json, where: string, title: LangMap, scene: Scene, out: string, name: string): Promise<ImportedWork | undefined> {
  noteUnknownFields(model, 'model', where, scene.problems);
  const units = String(model.units ?? 'm');
  let scale = UNIT_METRES[units];
  if (scale === undefined) {
    scene.problems.push({ where: `${where}.units`, message: `'${units.slice(0, 20)}' is not a Voyager unit; read as metres` });
    scale = 1;
  }
  const candidates = asArray(model.derivatives)
    .map((d, i) => ({ d: asObject(d) ?? {}, i }))
    .filter(({ d }) => d.usage === undefined || d.usage === 'Web3D')
    .sort((a, b) => rank(a.d.quality) - rank(b.d.quality));
  for (const { d, i } of candidates) {
    const assetIndex = asArray(d.assets).findIndex((a) => asObject(a)?.type === 'Model' || /\.glb$/i.test(String(asObject(a)?.uri ?? '')));
    const asset = asObject(asArray(d.assets)[assetIndex]);
    const place = `${where}.derivatives[${i}].assets[${assetIndex}]`;
    if (!asset || typeof asset.uri !== 'string') continue;
    try {
      const { bytes } = await fetchBytes(resolveRef(asset.uri, scene.base), MAX_MEDIA_BYTES);
      if (new TextDecoder().decode(bytes.subarray(0, 4)) !== 'glTF') throw new FetchError(`'${asset.uri}' is not a binary glTF model (GLB)`);
      const rotation = isQuat(model.rotation) ? model.rotation : undefined;
      const offset = isVec3(model.translation) ? model.translation : undefined;
      if (offset && offset.some((v) => v !== 0)) scene.problems.push({ where: `${where}.translation`, message: 'the model is re-centred on its plinth; its scene offset is not kept' });
      const normal = await normaliseModel(bytes, scale, rotation);
      const file = join(out, 'media', `${safeName(name)}.glb`);
      await mkdir(join(out, 'media'), { recursive: true });
      await writeFile(file, normal.glb);
      scene.log(`  model ${asset.uri} (${units}) → ${normal.size.width.toFixed(3)} × ${normal.size.height.toFixed(3)} × ${normal.size.depth.toFixed(3)} m`);
      const work: ImportedWork = {
        sourceId: name,
        kind: 'object',
        title,
        dimensions: { height: normal.size.height, width: normal.size.width, depth: normal.size.depth },
        mediaFile: file,
      };
      const annotations = readAnnotations(model, where, scene, (p) => applyTransform(p, normal.transform));
      if (annotations.length) work.annotations = annotations;
      return work;
    } catch (e) {
      scene.problems.push({ where: place, message: e instanceof FetchError ? e.message : `the model could not be read (${(e as Error).message})` });
    }
  }
  scene.problems.push({ where: `${where}.derivatives`, message: 'no Web3D derivative with a usable GLB model; the model is not imported' });
  return undefined;
}

function rank(quality: unknown): number {
  const i = QUALITY.indexOf(String(quality));
  return i < 0 ? QUALITY.length : i;
}

function readAnnotations(model: Json, where: string, scene: Scene, place: (p: Vec3) => Vec3): Annotation[] {
  const out: Annotation[] = [];
  asArray(model.annotations).forEach((a, i) => {
    const here = `${where}.annotations[${i}]`;
    const o = asObject(a);
    if (!o) {
      scene.problems.push({ where: here, message: 'not an annotation; skipped' });
      return;
    }
    noteUnknownFields(o, 'annotation', here, scene.problems);
    if (!isVec3(o.position)) {
      scene.problems.push({ where: `${here}.position`, message: 'an annotation needs a position [x, y, z]; skipped' });
      return;
    }
    const title = texts(o.title, o.titles, scene) ?? (typeof o.marker === 'string' && o.marker ? { [scene.language]: o.marker } : undefined);
    if (!title) {
      scene.problems.push({ where: `${here}.title`, message: 'an annotation without a title; skipped' });
      return;
    }
    const text = texts(o.lead, o.leads, scene, 'rich') ?? { [scene.language]: '' };
    const id = typeof o.id === 'string' && o.id ? o.id : `annotation-${i + 1}`;
    const [x, y, z] = place(o.position).map((v) => Math.round(v * 1e5) / 1e5) as Vec3;
    out.push({ id, position: [x, y, z], title, text });
  });
  return out;
}

/** A meta's articles as stories: the article's HTML (one per language when given) made safe rich text. */
async function stories(meta: Json, where: string, scene: Scene): Promise<{ title: LangMap; text: LangMap }[]> {
  noteUnknownFields(meta, 'meta', where, scene.problems);
  const out: { title: LangMap; text: LangMap }[] = [];
  for (const [i, a] of asArray(meta.articles).slice(0, 100).entries()) {
    const here = `${where}.articles[${i}]`;
    const article = asObject(a);
    if (!article) continue;
    noteUnknownFields(article, 'article', here, scene.problems);
    const title = texts(article.title, article.titles, scene);
    if (!title) {
      scene.problems.push({ where: `${here}.title`, message: 'an article without a title; skipped' });
      continue;
    }
    const uris: [string, string][] = Object.entries(asObject(article.uris) ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string');
    if (typeof article.uri === 'string') uris.push([scene.language, article.uri]);
    const text: LangMap = {};
    for (const [key, uri] of uris) {
      const code = languageCode(key) ?? scene.language;
      if (text[code]) continue;
      try {
        const body = htmlToRichText(await fetchText(resolveRef(uri, scene.base)));
        if (body) text[code] = body;
      } catch (e) {
        if (!(e instanceof FetchError)) throw e;
        scene.problems.push({ where: `${here}.uri`, message: `${e.message}; its lead is used instead` });
      }
    }
    const lead = texts(article.lead, article.leads, scene, 'rich');
    for (const [code, s] of Object.entries(lead ?? {})) text[code] ??= s;
    if (Object.keys(text).length === 0) {
      scene.problems.push({ where: here, message: 'an article with no readable text; skipped' });
      continue;
    }
    out.push({ title, text });
  }
  return out;
}

