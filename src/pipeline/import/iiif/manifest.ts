/**
 * One IIIF Presentation 3 Manifest as one work: its texts (label, summary, metadata, requiredStatement, rights),
 * its real size (physical-dimensions service or a Dimensions metadata entry) and its media (the first canvas
 * whose painting body is an image, fetched through its Image API service at a resolution that suits the work's
 * size; or a 3D model the manifest points to). Whatever cannot be used is reported by its place.
 */
import type { LangMap } from '../../../twin/schema';
import type { ImportedWork, ImportProblem } from '../imported-work';
import { parseDimensions, physicalDimensions, type RealSize } from './dimensions';
import { FetchError, resolveRef } from './fetch-source';
import { firstText, langMap } from './language';
import { MediaError, safeName, storeImage, storeModel, suitableSide } from './media';

type Json = Record<string, unknown>;

export interface ManifestContext {
  base: URL;
  out: string;
  mainLanguage: string;
  /** Where this manifest stands, for messages: "manifest" or "collection items[2]". */
  where: string;
  problems: ImportProblem[];
  log: (line: string) => void;
}

const asObject = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const idOf = (o: Json | undefined): string | undefined => {
  const id = o?.id ?? o?.['@id'];
  return typeof id === 'string' ? id : undefined;
};
const typeOf = (o: Json | undefined): string => String(o?.type ?? o?.['@type'] ?? '');

/** Which metadata labels fill which field (English and the terms collection systems export). */
const FIELDS: [keyof MetadataFields, RegExp][] = [
  ['lifeDates', /life\s*dates|(artist|maker)'?s?\s*dates/i],
  ['accessionNumber', /accession|object\s*(number|no)|inventory|inv\.? ?no|identifier|call\s*number|shelfmark|catalogue\s*number/i],
  ['creator', /artist|creator|maker|author|painter|sculptor|attribution/i],
  ['date', /^date|dated|created|period|year/i],
  ['medium', /medium|material|technique|support/i],
  ['dimensions', /dimension|measurement|^size/i],
  ['creditLine', /credit/i],
  ['rights', /rights|licen[cs]e|copyright/i],
  ['label', /^(wall\s*)?label$/i],
];

interface MetadataFields {
  lifeDates?: LangMap;
  accessionNumber?: LangMap;
  creator?: LangMap;
  date?: LangMap;
  medium?: LangMap;
  dimensions?: LangMap;
  creditLine?: LangMap;
  rights?: LangMap;
  label?: LangMap;
}

/** Reads the metadata pairs: known labels fill fields, the rest is kept as "**Label**: value" paragraphs. */
function readMetadata(metadata: unknown, ctx: ManifestContext): { fields: MetadataFields; rest: LangMap[] } {
  const fields: MetadataFields = {};
  const rest: LangMap[] = [];
  asArray(metadata).slice(0, 200).forEach((entry, i) => {
    const o = asObject(entry);
    const label = langMap(o?.label, ctx.mainLanguage);
    const value = langMap(o?.value, ctx.mainLanguage, 'rich');
    if (!label || !value) {
      ctx.problems.push({ where: `${ctx.where} metadata[${i}]`, message: 'a metadata entry needs a label and a value; skipped' });
      return;
    }
    const name = firstText(label, ctx.mainLanguage)!;
    const field = FIELDS.find(([, re]) => re.test(name))?.[0];
    if (field && !fields[field]) fields[field] = field === 'label' ? value : (langMap(o?.value, ctx.mainLanguage) ?? value);
    else {
      const para: LangMap = {};
      for (const [lang, text] of Object.entries(value)) para[lang] = `**${label[lang] ?? name}**: ${text}`;
      rest.push(para);
    }
  });
  return { fields, rest };
}

/** Joins language maps paragraph by paragraph, language by language. */
function paragraphs(parts: (LangMap | undefined)[]): LangMap | undefined {
  const out: LangMap = {};
  for (const part of parts) {
    if (!part) continue;
    for (const [lang, text] of Object.entries(part)) out[lang] = out[lang] ? `${out[lang]}\n\n${text}` : text;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

interface Painted {
  body: Json;
  where: string;
  canvas: Json;
}

/** Every painting annotation body, canvas by canvas (a Choice offers its items in order). */
function paintedBodies(manifest: Json, where: string): Painted[] {
  const found: Painted[] = [];
  asArray(manifest.items).slice(0, 1000).forEach((c, i) => {
    const canvas = asObject(c);
    if (!canvas) return;
    asArray(canvas.items).forEach((p, j) => {
      asArray(asObject(p)?.items).forEach((a, k) => {
        const anno = asObject(a);
        if (!anno || (anno.motivation !== undefined && !asArray(anno.motivation).includes('painting'))) return;
        const here = `${where} items[${i}]`;
        const place = j === 0 && k === 0 ? `${here}.body` : `${here}.items[${j}].items[${k}].body`;
        for (const b of asArray(anno.body)) {
          const body = asObject(b);
          if (!body) continue;
          if (typeOf(body) === 'Choice') for (const choice of asArray(body.items)) found.push({ body: asObject(choice) ?? {}, where: place, canvas });
          else found.push({ body, where: place, canvas });
        }
      });
    });
  });
  return found;
}

const isModel = (o: Json) => /model/i.test(typeOf(o)) || /^model\/gltf/i.test(String(o.format ?? '')) || /\.glb$/i.test(idOf(o) ?? '');

/** The Image API request for the whole image at `side` px wide or high (whichever is longer). */
function imageApiUrl(body: Json, side: number): string | undefined {
  const service = asArray(body.service).map(asObject).find((s) => s && /ImageService|image\/[23]|iiif\.io\/api\/image/i.test(`${typeOf(s)} ${String(s.profile ?? '')} ${String(s['@context'] ?? '')}`));
  const id = idOf(service);
  if (!service || !id) return undefined;
  if (/level0/i.test(String(service.profile ?? ''))) return undefined; // level 0 serves only its listed sizes
  const w = Number(body.width ?? service.width);
  const h = Number(body.height ?? service.height);
  const longest = w > 0 && h > 0 ? Math.max(w, h) : Infinity;
  const px = Math.min(side, longest);
  const size = w > 0 && h > 0 && h > w ? `,${px}` : `${px},`;
  return `${id.replace(/\/(info\.json)?$/, '')}/full/${size}/0/default.jpg`;
}

/** Reads one manifest into a work, fetching its media into `ctx.out`; undefined when nothing of it is usable. */
export async function readManifest(manifest: Json, ctx: ManifestContext): Promise<ImportedWork | undefined> {
  const id = idOf(manifest);
  const title = langMap(manifest.label, ctx.mainLanguage);
  if (!title) {
    ctx.problems.push({ where: `${ctx.where} label`, message: 'the manifest has no label; it is skipped' });
    return undefined;
  }
  const { fields, rest } = readMetadata(manifest.metadata, ctx);
  const required = asObject(manifest.requiredStatement);
  const requiredValue = langMap(required?.value, ctx.mainLanguage);
  const main = (m: LangMap | undefined) => firstText(m, ctx.mainLanguage);

  const bodies = paintedBodies(manifest, ctx.where);
  const firstCanvas = asObject(asArray(manifest.items)[0]);
  let size: RealSize | undefined;
  for (const c of [...bodies.map((b) => b.canvas), firstCanvas]) {
    size ??= c ? physicalDimensions(c.service, c.width, c.height) : undefined;
  }
  size ??= physicalDimensions(manifest.service, firstCanvas?.width, firstCanvas?.height);
  const dimensionsText = main(fields.dimensions);
  if (!size && dimensionsText) {
    size = parseDimensions(dimensionsText);
    if (!size) ctx.problems.push({ where: `${ctx.where} metadata Dimensions`, message: `'${dimensionsText.slice(0, 60)}' gives no height × width; the layout's default size is used` });
  }

  const accession = main(fields.accessionNumber);
  const sourceId = accession ?? id ?? `${ctx.where}-${main(title)}`;
  const name = safeName(accession ?? id ?? main(title)!);
  const rightsUri = typeof manifest.rights === 'string' ? manifest.rights : undefined;
  const work: ImportedWork = {
    sourceId,
    kind: 'painting',
    title,
    ...(fields.creator ? { creator: { name: fields.creator, ...(main(fields.lifeDates) ? { lifeDates: main(fields.lifeDates)! } : {}) } } : {}),
    ...(fields.date ? { date: fields.date } : {}),
    ...(fields.medium ? { medium: fields.medium } : {}),
    ...(size ? { dimensions: size } : {}),
    ...(accession ? { accessionNumber: accession } : {}),
    ...((fields.creditLine ?? requiredValue) ? { creditLine: (fields.creditLine ?? requiredValue)! } : {}),
    ...((rightsUri ?? main(fields.rights)) ? { rights: (rightsUri ?? main(fields.rights))! } : {}),
    ...(fields.label ? { label: fields.label } : {}),
  };
  const description = paragraphs([langMap(manifest.summary, ctx.mainLanguage, 'rich'), ...rest]);
  if (description) work.description = description;

  // A model anywhere (a painting body, or a rendering) makes the work an object.
  const models = [
    ...bodies.filter((b) => isModel(b.body)),
    ...asArray(manifest.rendering).map(asObject).filter((r): r is Json => !!r && isModel(r)).map((body, i) => ({ body, where: `${ctx.where} rendering[${i}]`, canvas: {} })),
  ];
  for (const m of models) {
    const ref = idOf(m.body);
    if (!ref) continue;
    try {
      work.mediaFile = await storeModel(resolveRef(ref, ctx.base), ctx.out, name);
      work.kind = 'object';
      ctx.log(`  model ${ref}`);
      return work;
    } catch (e) {
      ctx.problems.push({ where: m.where, message: mediaMessage(e) });
    }
  }

  const side = suitableSide(size);
  for (const b of bodies.filter((x) => !isModel(x.body))) {
    const type = typeOf(b.body);
    const format = String(b.body.format ?? '');
    if ((type && type !== 'Image' && type !== 'dctypes:Image') || (format && !format.startsWith('image/'))) {
      ctx.problems.push({ where: b.where, message: `not an image (${type || format}); skipped` });
      continue;
    }
    const candidates = [imageApiUrl(b.body, side), idOf(b.body)].filter((u): u is string => !!u);
    for (const [n, ref] of candidates.entries()) {
      try {
        work.mediaFile = await storeImage(resolveRef(ref, ctx.base), ctx.out, name, side);
        ctx.log(`  image ${ref}`);
        return work;
      } catch (e) {
        const fallback = n < candidates.length - 1 ? '; trying the body itself' : '';
        ctx.problems.push({ where: b.where, message: `${mediaMessage(e)}${fallback}` });
      }
    }
  }
  if (bodies.length === 0 && models.length === 0) ctx.problems.push({ where: `${ctx.where} items`, message: 'no canvas paints an image or a model; the work is imported without media' });
  return work;
}

function mediaMessage(e: unknown): string {
  if (e instanceof MediaError || e instanceof FetchError) return e.message;
  return `could not be fetched (${(e as Error).message})`;
}
