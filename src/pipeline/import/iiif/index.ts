/**
 * `npm run import -- <IIIF manifest or collection, URL or file>`: a IIIF Presentation 3 Manifest becomes one work,
 * a Collection one work per manifest (nested collections followed a few levels deep). Presentation 2 documents
 * are upgraded first with @iiif/parser's upgrader (the IIIF community's own parser). Media is fetched into
 * `opts.out` now, so the exhibition never depends on the remote server at visit time.
 */
import { upgrade } from '@iiif/parser/upgrader';
import type { LangMap } from '../../../twin/schema';
import type { ImportedWork, ImportOptions, ImportProblem, SourceImport } from '../imported-work';
import { FetchError, fetchJson, resolveRef, sourceUrl } from './fetch-source';
import { documentLanguages, langMap } from './language';
import { readManifest, type ManifestContext } from './manifest';

type Json = Record<string, unknown>;

/** A collection of more manifests than this is cut, and the cut reported. */
const MAX_MANIFESTS = 2000;
const MAX_DEPTH = 4;

const asObject = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
const idOf = (o: Json): string | undefined => (typeof (o.id ?? o['@id']) === 'string' ? String(o.id ?? o['@id']) : undefined);
const typeOf = (o: Json): string => String(o.type ?? o['@type'] ?? '').replace(/^sc:/, '');

/** Presentation 3 as it is; Presentation 2 (an "@context" of presentation/2, or "sc:" types) upgraded. */
function presentation3(doc: unknown, where: string): Json {
  const o = asObject(doc);
  if (!o) throw new FetchError(`${where}: not a IIIF document (a JSON object is expected)`);
  const context = JSON.stringify(o['@context'] ?? '');
  const isV2 = context.includes('presentation/2') || String(o['@type'] ?? '').startsWith('sc:');
  if (!isV2) return o;
  let up: Json | undefined;
  try {
    up = asObject(upgrade(o as Parameters<typeof upgrade>[0]));
  } catch (e) {
    throw new FetchError(`${where}: this Presentation 2 document could not be upgraded (${(e as Error).message})`);
  }
  if (!up) throw new FetchError(`${where}: this Presentation 2 document could not be upgraded`);
  // The upgrader keeps only rights it recognises as a licence URI; a P2 "license" is the source's word all the same.
  if (up.rights === undefined && typeof o.license === 'string') up.rights = o.license;
  return up;
}

/**
 * Imports a IIIF Manifest (one work) or Collection (many) from a URL or a file.
 * Problems name their place ("manifest items[3].body: not an image"); whatever is valid is imported.
 */
export async function importIiif(source: string, opts: ImportOptions): Promise<SourceImport> {
  const log = opts.log ?? (() => {});
  const problems: ImportProblem[] = [];
  const works: ImportedWork[] = [];
  const base = sourceUrl(source);
  let doc: Json;
  try {
    doc = presentation3(await fetchJson(base), source);
  } catch (e) {
    if (e instanceof FetchError) return { works, problems: [{ where: source, message: e.message }] };
    throw e;
  }
  const languages = documentLanguages(doc);
  const mainLanguage = languages[0] ?? 'en';
  const title: LangMap | undefined = langMap(doc.label, mainLanguage);
  const type = typeOf(doc);
  if (type === 'Manifest') {
    log(`IIIF manifest ${source}`);
    const work = await readManifest(doc, { base, out: opts.out, mainLanguage, where: 'manifest', problems, log });
    if (work) works.push(work);
  } else if (type === 'Collection') {
    log(`IIIF collection ${source}`);
    await readCollection(doc, base, 'collection', 0, { out: opts.out, mainLanguage, problems, log, works, seen: new Set([base.href]) });
  } else {
    problems.push({ where: 'type', message: `'${type.slice(0, 40) || '(none)'}' is not a IIIF Manifest or Collection` });
  }
  const seenLanguages = new Set(languages);
  for (const w of works) for (const lang of Object.keys(w.title)) seenLanguages.add(lang);
  return { works, problems, ...(title ? { title } : {}), languages: seenLanguages.size ? [...seenLanguages] : ['en'] };
}

interface CollectionRun {
  out: string;
  mainLanguage: string;
  problems: ImportProblem[];
  log: (line: string) => void;
  works: ImportedWork[];
  seen: Set<string>;
}

async function readCollection(collection: Json, base: URL, where: string, depth: number, run: CollectionRun): Promise<void> {
  const items = Array.isArray(collection.items) ? collection.items : Array.isArray(collection.manifests) ? collection.manifests : [];
  if (items.length === 0) run.problems.push({ where: `${where} items`, message: 'the collection lists no manifests' });
  for (const [i, item] of items.entries()) {
    const here = `${where} items[${i}]`;
    if (run.works.length >= MAX_MANIFESTS) {
      run.problems.push({ where: here, message: `more than ${MAX_MANIFESTS} manifests; the rest are not imported` });
      return;
    }
    const ref = asObject(item);
    if (!ref) {
      run.problems.push({ where: here, message: 'not a manifest or collection reference; skipped' });
      continue;
    }
    try {
      let doc = ref;
      let docBase = base;
      const id = idOf(ref);
      // A reference ({id, type, label}) is fetched; an embedded manifest (with items) is read as it is.
      const embedded = Array.isArray(ref.items) && ref.items.length > 0 && typeOf(ref) === 'Manifest';
      if (!embedded) {
        if (!id) throw new FetchError('a reference without an id');
        docBase = resolveRef(id, base);
        if (run.seen.has(docBase.href)) {
          run.problems.push({ where: here, message: `${id} is listed twice (or the collection contains itself); read once` });
          continue;
        }
        run.seen.add(docBase.href);
        doc = presentation3(await fetchJson(docBase), here);
      }
      const type = typeOf(doc);
      if (type === 'Collection') {
        if (depth + 1 >= MAX_DEPTH) run.problems.push({ where: here, message: `collections nested more than ${MAX_DEPTH} deep are not followed` });
        else await readCollection(doc, docBase, here, depth + 1, run);
      } else if (type === 'Manifest') {
        const ctx: ManifestContext = { base: docBase, out: run.out, mainLanguage: documentLanguages(doc)[0] ?? run.mainLanguage, where: `${here} manifest`, problems: run.problems, log: run.log };
        run.log(`manifest ${id ?? here}`);
        const work = await readManifest(doc, ctx);
        if (work) run.works.push(work);
      } else {
        run.problems.push({ where: here, message: `'${type.slice(0, 40) || '(none)'}' is not a Manifest or Collection; skipped` });
      }
    } catch (e) {
      if (!(e instanceof FetchError)) throw e;
      run.problems.push({ where: here, message: e.message });
    }
  }
}
