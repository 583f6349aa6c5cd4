/**
 * The exhibition's own texts and the works' creators in the draft's Y.Doc, as the curating view edits them:
 *
 *   title, subtitle, institution, description   a Y.Map of Y.Text per language (typing merges, collab-doc.ts)
 *   credits                                     a Y.Array of credits, each a role (Y.Map of Y.Text) and a name (Y.Text):
 *                                               typed like any text, added and removed as list edits (collab-doc-credits.ts)
 *   a work's creator                            name and role a Y.Map of Y.Text per language (the role optional: added
 *                                               empty in every language, or removed); life dates a plain string
 *
 * Each edit is one transaction with the curator's origin (their Undo takes it back, never a colleague's). What is
 * replaced whole is checked first with the format's own schema (schema.ts), as the server checks it again
 * (src/server/collab/text-checks.ts), so a malformed value is named here and never sent.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { artworksMap, exhibitionMap, languageText } from '../twin/collab-doc';
import { Creator, Credit } from '../twin/schema';
import type { Account } from './api';

/** The exhibition-level texts in a language each, in the order the curating view shows them. */
export const EXHIBITION_TEXTS = ['title', 'subtitle', 'institution', 'description'] as const;
export type ExhibitionTextField = (typeof EXHIBITION_TEXTS)[number];

/** The ones an exhibition may lack (the format's optional fields): the view offers to add them. */
export const OPTIONAL_TEXTS: ReadonlySet<ExhibitionTextField> = new Set(['subtitle', 'description']);

/**
 * Who may change an exhibition-level text or the credits. Mirrors src/server/accounts/permissions.ts, the
 * authority (a test holds the two together): curators the texts and credits, the institution's name only admins.
 */
export function mayEditExhibitionText(role: Account['role'], field: ExhibitionTextField | 'credits'): boolean {
  return role === 'admin' || (role === 'curator' && field !== 'institution');
}

/** The Y.Text of one language of an exhibition text; a missing language is made only when `create`. */
export function exhibitionText(doc: Y.Doc, field: ExhibitionTextField, lang: string, create: boolean): Y.Text | undefined {
  return languageText(exhibitionMap(doc).get(field), lang, create);
}

/** Adds an optional exhibition text the exhibition lacks, empty in each language. */
export function addExhibitionText(doc: Y.Doc, field: ExhibitionTextField, languages: readonly string[], origin: object | null = null): void {
  if (exhibitionMap(doc).has(field)) return;
  doc.transact(() => {
    const m = new Y.Map<Y.Text>();
    for (const l of languages) m.set(l, new Y.Text());
    exhibitionMap(doc).set(field, m);
  }, origin);
}

export type CreditEntry = z.infer<typeof Credit>;
export { addCredit, creditText, removeCredit, blankCredit } from '../twin/collab-doc-credits';

/** The draft's credits in the file's shape (an empty list when it has none, or none readable). */
export function creditsOf(doc: Y.Doc): CreditEntry[] {
  const v = exhibitionMap(doc).get('credits');
  const list = v instanceof Y.AbstractType ? v.toJSON() : v;
  return Array.isArray(list) ? (structuredClone(list) as CreditEntry[]) : [];
}

/** The creator of a work as a Y.Map, or undefined (a draft's work always has one; an odd one may not). */
const creatorMap = (doc: Y.Doc, workId: string): Y.Map<unknown> | undefined => {
  const c = artworksMap(doc).get(workId)?.get('creator');
  return c instanceof Y.Map ? c : undefined;
};

/** The Y.Text of one language of a creator's name or role; a missing language is made only when `create`. */
export function creatorText(doc: Y.Doc, workId: string, part: 'name' | 'role', lang: string, create: boolean): Y.Text | undefined {
  return languageText(creatorMap(doc, workId)?.get(part), lang, create);
}

/** A creator's life dates (e.g. "1861–1934"), or '' when there are none. */
export const lifeDatesOf = (doc: Y.Doc, workId: string): string => {
  const v = creatorMap(doc, workId)?.get('lifeDates');
  return typeof v === 'string' ? v : '';
};

/** Sets a creator's life dates (empty: removes them) as one edit; returns why not when they are malformed. */
export function setLifeDates(doc: Y.Doc, workId: string, value: string, origin: object | null = null): string[] {
  const creator = creatorMap(doc, workId);
  if (!creator) return [`artworks.${workId}: the work has no creator to date`];
  const v = value.trim();
  const r = Creator.shape.lifeDates.safeParse(v || undefined);
  if (!r.success) return r.error.issues.map((i) => `artworks.${workId}.creator.lifeDates: ${i.message}`);
  if (v === lifeDatesOf(doc, workId)) return [];
  doc.transact(() => (v ? creator.set('lifeDates', v) : creator.delete('lifeDates')), origin);
  return [];
}

/** Whether the work's creator has a role (an optional text). */
export const hasCreatorRole = (doc: Y.Doc, workId: string): boolean => creatorMap(doc, workId)?.get('role') instanceof Y.Map;

/**
 * Adds a role to a work's creator, empty in each language (to be typed in), as one edit; removes it with
 * `languages` null. Returns why not (changing nothing) when the work has no creator or no languages are given.
 */
export function setCreatorRole(doc: Y.Doc, workId: string, languages: readonly string[] | null, origin: object | null = null): string[] {
  const creator = creatorMap(doc, workId);
  if (!creator) return [`artworks.${workId}: the work has no creator`];
  if (languages === null) {
    if (creator.has('role')) doc.transact(() => creator.delete('role'), origin);
    return [];
  }
  if (!languages.length) return [`artworks.${workId}.creator.role: a text needs at least one language`];
  if (creator.get('role') instanceof Y.Map) return [];
  doc.transact(() => {
    const role = new Y.Map<Y.Text>();
    for (const l of languages) role.set(l, new Y.Text());
    creator.set('role', role);
  }, origin);
  return [];
}
