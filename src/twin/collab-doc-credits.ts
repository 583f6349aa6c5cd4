/**
 * The exhibition's credits in a draft's Y.Doc (collab-doc.ts): a Y.Array of Y.Maps, each a role (a Y.Map of
 * Y.Text per language) and a name (a Y.Text). Yjs merges them: two curators changing two credits, or typing in
 * the same one, both keep their change; adding and removing are list edits, never the list replaced whole.
 *
 * The rules a credit in a draft must keep, shared by the curating view (before it sends) and the server (on
 * every change, src/server/collab/text-checks.ts): the shape the draft keeps (the types above, nothing else in
 * a credit), the format's own limits (schema.ts: Credit) and no control characters (a credit is one line of
 * words; a control character hides or garbles what a visitor reads). A name may be empty while someone is
 * retyping it (a draft may be invalid; Publish checks the whole file), but a credit added needs one.
 */
import * as Y from 'yjs';
import { creditToY, exhibitionMap, languageText } from './collab-doc';
import { Credit } from './schema';

const MAX_CREDITS = 200;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const CONTROL = /\p{Cc}/u;
const StrictCredit = Credit.strict();

/** The credits list of a draft, or undefined when it has none (or holds them in a form the draft does not keep). */
export function creditsArray(doc: Y.Doc): Y.Array<unknown> | undefined {
  const v = exhibitionMap(doc).get('credits');
  return v instanceof Y.Array ? v : undefined;
}

/** The Y.Map of credit `index`, if there is one. */
function creditMap(doc: Y.Doc, index: number): Y.Map<unknown> | undefined {
  const c = creditsArray(doc)?.get(index);
  return c instanceof Y.Map ? c : undefined;
}

/** The Y.Text of a credit's name, or of its role in one language (a missing language made only when `create`). */
export function creditText(doc: Y.Doc, index: number, part: 'name' | 'role', lang: string, create: boolean): Y.Text | undefined {
  const credit = creditMap(doc, index);
  if (part === 'name') {
    const name = credit?.get('name');
    return name instanceof Y.Text ? name : undefined;
  }
  return languageText(credit?.get('role'), lang, create);
}

/** Where a credit is, as the guard names paths (guard.ts: an element without an id by its index). */
const where = (index: number) => `credits.${index}`;

/** The words of a credit's Y.Text, or a problem when the value is not one. */
function textOf(v: unknown, path: string, out: string[]): string | undefined {
  if (!(v instanceof Y.Text)) {
    out.push(`${path}: must be a text (${v === undefined ? 'missing' : 'a value of another kind'})`);
    return undefined;
  }
  const s = v.toString();
  if (CONTROL.test(s)) out.push(`${path}: control characters are not allowed`);
  return s;
}

/**
 * Why credit `index` may not stand in a draft (empty: it may). `added`: the credit is new, so it needs a name
 * (one already there may be empty while someone retypes it).
 */
function creditProblems(doc: Y.Doc, index: number, added: boolean): string[] {
  const out: string[] = [];
  const path = where(index);
  const credit = creditsArray(doc)?.get(index);
  if (!(credit instanceof Y.Map)) return [`${path}: a credit must be a role per language and a name`];
  const role = credit.get('role');
  const roleJson: Record<string, unknown> = {};
  if (role instanceof Y.Map) {
    for (const [lang, t] of role.entries()) {
      if (!LANGUAGE.test(lang)) out.push(`${path}.role: '${lang.slice(0, 20)}' is not a language`);
      roleJson[lang] = textOf(t, `${path}.role.${lang.slice(0, 20)}`, out);
    }
  } else out.push(`${path}.role: must be a text per language`);
  const name = textOf(credit.get('name'), `${path}.name`, out);
  if (out.length) return out.slice(0, 3);
  // The format's own rules (lengths, a role in at least one language, nothing else in a credit).
  const r = StrictCredit.safeParse({ ...Object.fromEntries([...credit.keys()].map((k) => [k, null])), role: roleJson, name });
  if (r.success) return [];
  return r.error.issues
    .filter((i) => added || !(i.path.join('.') === 'name' && i.code === 'too_small'))
    .slice(0, 3)
    .map((i) => `${path}${i.path.length ? `.${i.path.join('.')}` : ''}: ${i.message}`);
}

/** A credit's identity in a draft: the same in every replica of it (its Yjs item id). */
const identity = (v: unknown): string | undefined => {
  const id = v instanceof Y.AbstractType ? v._item?.id : undefined;
  return id ? `${id.client}:${id.clock}` : undefined;
};

/**
 * Why the credits of draft `after` may not stand (empty: they may): the list's form and length, and every credit
 * (cheap: at most 200); those `before` lacks are new and need a name. `before` undefined: every credit is new.
 */
export function creditsProblems(after: Y.Doc, before?: Y.Doc): string[] {
  const v = exhibitionMap(after).get('credits');
  if (v === undefined) return [];
  if (!(v instanceof Y.Array)) return ['credits: must be a list of credits, each a role per language and a name'];
  if (v.length > MAX_CREDITS) return [`credits: at most ${MAX_CREDITS} credits`];
  const known = new Set((before ? (creditsArray(before)?.toArray() ?? []) : []).map(identity));
  const out: string[] = [];
  v.forEach((c, i) => out.push(...creditProblems(after, i, !known.has(identity(c)))));
  return out.slice(0, 3);
}

/** A new credit, for addCredit: its role empty in each language. */
export const blankCredit = (languages: readonly string[], name: string) => ({ role: Object.fromEntries(languages.map((l) => [l, ''])), name });

/** Why a credit (in the file's shape) may not be added; empty when it may. */
function newCreditProblems(credit: unknown, index: number): string[] {
  const r = StrictCredit.safeParse(credit);
  const out = r.success ? [] : r.error.issues.map((i) => `${where(index)}${i.path.length ? `.${i.path.join('.')}` : ''}: ${i.message}`);
  if (r.success && [r.data.name, ...Object.values(r.data.role)].some((s) => CONTROL.test(s))) out.push(`${where(index)}: control characters are not allowed`);
  return out.slice(0, 3);
}

/**
 * Adds `credit` at the end of the credits as one edit (a list insert: a colleague's edits to other credits are
 * kept); returns why not, changing nothing, when it is malformed or the list is full.
 */
export function addCredit(doc: Y.Doc, credit: { role: Record<string, string>; name: string }, origin: object | null = null): string[] {
  const list = creditsArray(doc);
  const length = list?.length ?? 0;
  if (length >= MAX_CREDITS) return [`credits: at most ${MAX_CREDITS} credits`];
  const problems = newCreditProblems(credit, length);
  if (problems.length) return problems;
  doc.transact(() => {
    const made = creditToY(structuredClone(credit));
    if (list) list.push([made]);
    else exhibitionMap(doc).set('credits', Y.Array.from([made]));
  }, origin);
  return [];
}

/** Removes credit `index` as one edit (nothing when there is none). */
export function removeCredit(doc: Y.Doc, index: number, origin: object | null = null): void {
  const list = creditsArray(doc);
  if (list && index >= 0 && index < list.length) doc.transact(() => list.delete(index, 1), origin);
}
