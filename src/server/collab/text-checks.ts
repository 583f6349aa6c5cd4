/**
 * The server's checks on edits of the exhibition's own texts, its credits and a work's creator, run beside the
 * placement and tour checks (twin/curate-edits.ts) on every collaborative edit before it is stored. As there,
 * typing in a text is never refused (a text may be empty while someone rewrites it); what is refused is a value
 * replaced whole in a shape the format does not allow: an exhibition text that is not a text per language,
 * credits that are not a list of { role, name }, a creator without a name or with life dates of the wrong kind.
 * The schema is the format's own (schema.ts), the one the curating view checks with before it sends.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { artworksMap, exhibitionMap } from '../../twin/collab-doc';
import { Creator, Credit, LangMap } from '../../twin/schema';

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const TOP_TEXTS = new Set(['title', 'subtitle', 'institution', 'description']);
const OPTIONAL = new Set(['subtitle', 'description']);
const Credits = z.array(Credit).max(200);

const json = (v: unknown): unknown => (v instanceof Y.AbstractType ? v.toJSON() : v);

const issues = (what: string, r: ReturnType<z.ZodType['safeParse']>): string[] =>
  r.success ? [] : r.error.issues.slice(0, 3).map((i) => `${what}${i.path.length ? `.${i.path.join('.')}` : ''}: ${i.message}`);

/** Why the edit that made `after` (touching `paths`, as guard.ts names them) may not be stored; empty when it may. */
export function textProblems(after: Y.Doc, paths: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  const top = new Set<string>();
  const creators = new Set<string>();
  for (const p of paths) {
    // A keystroke, or a language added to a text (an empty Y.Text): never refused.
    if (p.length > 1 && LANGUAGE.test(p.at(-1)!)) continue;
    if (p.length <= 2 && (TOP_TEXTS.has(p[0]!) || p[0] === 'credits')) top.add(p[0]!);
    if (p[0] === 'artworks' && p[2] === 'creator' && p[1]) creators.add(p[1]);
  }
  const ex = exhibitionMap(after);
  for (const field of top) {
    const value = json(ex.get(field));
    if (field === 'credits') out.push(...issues('credits', Credits.safeParse(value ?? [])));
    else if (value === undefined && !OPTIONAL.has(field)) out.push(`${field}: the exhibition needs it`);
    else if (value !== undefined) out.push(...issues(field, LangMap.safeParse(value)));
  }
  for (const id of creators) {
    const work = artworksMap(after).get(id);
    if (work) out.push(...issues(`artworks.${id}.creator`, Creator.safeParse(json(work.get('creator')))));
  }
  return out;
}
