/**
 * An exhibition as a Yjs document, so that several people can edit one draft at once (Yjs: a CRDT; every
 * client applies the others' changes and all end with the same document). Pure code, no Node or DOM: the server
 * (src/server/collab/) and the browser's curating view (src/curate/) share it.
 *
 * Layout of the Y.Doc:
 *   getMap('exhibition')    every top-level field but the works
 *   getMap('artworks')      work id → Y.Map of the work's fields (one per work: edits to two works never meet)
 *   getArray('artworkOrder') the works' ids in the file's order
 * Inside, a text in several languages ({"en": …, "it": …}) is a Y.Map of Y.Text, so two people typing in the
 * same text both keep what they typed; other objects are Y.Maps (edits to different fields merge); lists of
 * things with ids (tours, rooms, annotations…) are Y.Arrays of Y.Maps; the exhibition's credits are a Y.Array
 * of Y.Maps too, each a role (a Y.Map of Y.Text) and a name (a Y.Text), so two people changing two credits, or
 * typing in one, both keep their change (see creditToY); every other value (numbers, short strings such as ids,
 * coordinate pairs) is replaced whole, the last writer winning.
 */
import * as Y from 'yjs';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A LangMap: at least one key, every key a language tag, every value a string. */
export function isLangMap(v: unknown): v is Record<string, string> {
  if (!isObject(v)) return false;
  const entries = Object.entries(v);
  return entries.length > 0 && entries.every(([k, s]) => LANGUAGE.test(k) && typeof s === 'string');
}

const hasIds = (v: unknown): v is JsonObject[] => Array.isArray(v) && v.length > 0 && v.every((e) => isObject(e) && typeof e.id === 'string');

/** The shared type (or plain value) that holds `value` in the document. */
export function toY(value: Json): unknown {
  if (isLangMap(value)) {
    const m = new Y.Map<Y.Text>();
    for (const [lang, s] of Object.entries(value)) m.set(lang, new Y.Text(s));
    return m;
  }
  if (isObject(value)) return objectToY(value);
  if (hasIds(value)) return Y.Array.from(value.map(objectToY));
  return value;
}

function objectToY(o: JsonObject): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(o)) if (v !== undefined) m.set(k, toY(v));
  return m;
}

/**
 * A credit ({ role: {en: …}, name: "…" }) as the draft keeps it: a Y.Map holding its role as a Y.Map of Y.Text
 * and its name as a Y.Text (the file's plain string), so typing in a name merges as in any other text.
 * Y.Map's toJSON gives the file's shape back (a Y.Text becomes its string).
 */
export function creditToY(credit: JsonObject): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(credit)) {
    if (k === 'name' && typeof v === 'string') m.set(k, new Y.Text(v));
    else if (v !== undefined) m.set(k, toY(v));
  }
  return m;
}

/** The credits list as the draft keeps it (anything but a list of objects is kept as it is, for the checks to name). */
const creditsToY = (v: Json): unknown => (Array.isArray(v) && v.every(isObject) ? Y.Array.from(v.map(creditToY)) : toY(v));

/** The shared type (or value) of an exhibition-level field: the credits are merged per credit (creditsToY). */
const topToY = (key: string, v: Json): unknown => (key === 'credits' ? creditsToY(v) : toY(v));

export const exhibitionMap = (doc: Y.Doc) => doc.getMap<unknown>('exhibition');
export const artworksMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('artworks');
export const artworkOrder = (doc: Y.Doc) => doc.getArray<string>('artworkOrder');

/** Whether the document holds an exhibition yet (a new draft is seeded from the published file). */
export const isSeeded = (doc: Y.Doc): boolean => exhibitionMap(doc).has('id');

/** Fills an empty document with `ex`, in one transaction (one update to store and send). */
export function seedDoc(doc: Y.Doc, ex: JsonObject): void {
  if (isSeeded(doc)) throw new Error('the document already holds an exhibition');
  doc.transact(() => {
    const top = exhibitionMap(doc);
    for (const [k, v] of Object.entries(ex)) if (k !== 'artworks' && v !== undefined) top.set(k, topToY(k, v));
    // No credits yet (the format's default is none): an empty list all replicas share, so two curators adding
    // the first credit at once both keep theirs (each making its own list, one list would win).
    if (!top.has('credits')) top.set('credits', new Y.Array());
    const works = Array.isArray(ex.artworks) ? (ex.artworks as JsonObject[]) : [];
    for (const w of works) artworksMap(doc).set(String(w.id), objectToY(w));
    artworkOrder(doc).push(works.map((w) => String(w.id)));
  });
}

/** A new document holding `ex`. */
export function exhibitionToDoc(ex: JsonObject): Y.Doc {
  const doc = new Y.Doc();
  seedDoc(doc, ex);
  return doc;
}

/**
 * The exhibition JSON of a document. Works follow artworkOrder (each id once); a work that two people added at
 * once, or whose id is missing from the order, comes last, so no work is ever dropped.
 */
export function docToExhibition(doc: Y.Doc): JsonObject {
  const ex = exhibitionMap(doc).toJSON() as JsonObject;
  const works = artworksMap(doc);
  const seen = new Set<string>();
  const ordered: string[] = [];
  for (const id of [...artworkOrder(doc).toArray(), ...works.keys()]) {
    if (!seen.has(id) && works.has(id)) {
      seen.add(id);
      ordered.push(id);
    }
  }
  const artworks = ordered.map((id) => works.get(id)!.toJSON() as JsonObject);
  // The file's field order: artworks where the format puts it (after entrance), not last.
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(ex)) {
    out[k] = v;
    if (k === 'entrance') out.artworks = artworks;
  }
  if (!('artworks' in out)) out.artworks = artworks;
  return out;
}

/** The Y.Text of one language of a work's text field (e.g. label, en), creating the language if it is new. */
export function artworkText(doc: Y.Doc, artworkId: string, field: string, lang: string): Y.Text | undefined {
  return languageText(artworksMap(doc).get(artworkId)?.get(field), lang, true);
}

/**
 * One language's Y.Text in a text of several languages (a Y.Map of Y.Text); undefined when `texts` is not one,
 * a missing language made only when `create`. The one way every editor of the draft reaches a text.
 */
export function languageText(texts: unknown, lang: string, create: boolean): Y.Text | undefined {
  if (!(texts instanceof Y.Map)) return undefined;
  const t: unknown = texts.get(lang);
  if (t instanceof Y.Text) return t;
  if (!create) return undefined;
  const made = new Y.Text();
  texts.set(lang, made);
  return made;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Sets each field of `target` whose value differs from the map's (and removes those it lacks). */
function applyFields(map: Y.Map<unknown>, target: JsonObject, skip?: string, convert: (key: string, v: Json) => unknown = (_, v) => toY(v)): void {
  const now = map.toJSON() as JsonObject;
  for (const k of Object.keys(now)) if (k !== skip && !(k in target)) map.delete(k);
  for (const [k, v] of Object.entries(target)) if (k !== skip && v !== undefined && !sameJson(now[k], v)) map.set(k, convert(k, v));
}

/**
 * A draft stored before credits were kept per credit holds them as one plain list: this puts them in the
 * per-credit form (the same credits) and says whether it did. The server does it once when it loads such a draft.
 */
export function upgradeCredits(doc: Y.Doc): boolean {
  const v = exhibitionMap(doc).get('credits');
  if (v instanceof Y.Array || (v !== undefined && !Array.isArray(v))) return false;
  // A draft with no credits at all gets the shared empty list too (see seedDoc).
  doc.transact(() => exhibitionMap(doc).set('credits', creditsToY((v ?? []) as Json)));
  return true;
}

/**
 * Makes the document hold `target` (e.g. an earlier version being restored) with the fewest replacements: only
 * the fields that differ are set (a whole field at a time), works are added or removed by id, the order is
 * rewritten only when it differs. Call inside a transaction to send it as one change.
 */
export function applyExhibition(doc: Y.Doc, target: JsonObject): void {
  // A version without credits is one with none: the shared list stays, emptied (see seedDoc).
  applyFields(exhibitionMap(doc), 'credits' in target ? target : { ...target, credits: [] }, 'artworks', topToY);
  const works = artworksMap(doc);
  const wanted = Array.isArray(target.artworks) ? (target.artworks as JsonObject[]) : [];
  const ids = new Set(wanted.map((w) => String(w.id)));
  for (const id of [...works.keys()]) if (!ids.has(id)) works.delete(id);
  for (const w of wanted) {
    const m = works.get(String(w.id));
    if (m instanceof Y.Map) applyFields(m, w);
    else works.set(String(w.id), objectToY(w));
  }
  const order = wanted.map((w) => String(w.id));
  if (!sameJson(artworkOrder(doc).toArray(), order)) {
    artworkOrder(doc).delete(0, artworkOrder(doc).length);
    artworkOrder(doc).push(order);
  }
}
