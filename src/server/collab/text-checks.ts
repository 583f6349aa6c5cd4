/**
 * The server's checks on edits of the exhibition's own texts, its credits and a work's creator, run beside the
 * placement and tour checks (twin/curate-edits.ts) on every collaborative edit before it is stored. As there,
 * typing in a text is never refused (a text may be empty while someone rewrites it), except in a credit (control
 * characters, or past the format's length: the curating view keeps its fields to both); what is refused is a value
 * replaced whole in a shape the format does not allow: an exhibition text that is not a text per language,
 * a language of a text set to anything but a text, a creator without a name or with life dates of the wrong kind.
 * The credits are checked whole on any change to them (at most 200, each cheap): their form in the draft, the
 * format's limits, no control characters, and a name for a credit added (twin/collab-doc-credits.ts, which the
 * curating view checks with too). The schema is the format's own (schema.ts), the one the curating view checks
 * with before it sends.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { artworksMap, exhibitionMap } from '../../twin/collab-doc';
import { creditsProblems } from '../../twin/collab-doc-credits';
import { Creator, LangMap } from '../../twin/schema';

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const TOP_TEXTS = new Set(['title', 'subtitle', 'institution', 'description']);
const OPTIONAL = new Set(['subtitle', 'description']);

const json = (v: unknown): unknown => (v instanceof Y.AbstractType ? v.toJSON() : v);

const issues = (what: string, r: ReturnType<z.ZodType['safeParse']>): string[] =>
  r.success ? [] : r.error.issues.slice(0, 3).map((i) => `${what}${i.path.length ? `.${i.path.join('.')}` : ''}: ${i.message}`);

/** The value at a text's language (title.en, artworks.x.creator.role.it) in `doc`: a Y.Text, unless tampered with. */
function languageValue(doc: Y.Doc, p: readonly string[]): unknown {
  if (TOP_TEXTS.has(p[0]!) && p.length === 2) return (exhibitionMap(doc).get(p[0]!) as Y.Map<unknown> | undefined)?.get?.(p[1]!);
  if (p[0] === 'artworks' && p[2] === 'creator' && p.length === 5) {
    const creator = artworksMap(doc).get(p[1]!)?.get('creator');
    return ((creator as Y.Map<unknown> | undefined)?.get?.(p[3]!) as Y.Map<unknown> | undefined)?.get?.(p[4]!);
  }
  return undefined;
}

/**
 * Why the edit that made `after` from `before` (touching `paths`, as guard.ts names them) may not be stored;
 * empty when it may. `before` tells which credits are new (without it, all are).
 */
export function textProblems(after: Y.Doc, paths: readonly (readonly string[])[], before?: Y.Doc): string[] {
  const out: string[] = [];
  const top = new Set<string>();
  const creators = new Set<string>();
  let credits = false;
  for (const p of paths) {
    if (p[0] === 'credits') credits = true;
    else if (p.length > 1 && LANGUAGE.test(p.at(-1)!)) {
      // A keystroke, or a language added to a text (an empty Y.Text): never refused; anything else there is.
      const v = languageValue(after, p);
      if (v !== undefined && !(v instanceof Y.Text)) out.push(`${p.join('.')}: must be a text`);
    } else if (p.length <= 2 && TOP_TEXTS.has(p[0]!)) top.add(p[0]!);
    else if (p[0] === 'artworks' && p[2] === 'creator' && p[1]) creators.add(p[1]);
  }
  if (credits) out.push(...creditsProblems(after, before));
  const ex = exhibitionMap(after);
  for (const field of top) {
    const value = json(ex.get(field));
    if (value === undefined && !OPTIONAL.has(field)) out.push(`${field}: the exhibition needs it`);
    else if (value !== undefined) out.push(...issues(field, LangMap.safeParse(value)));
  }
  for (const id of creators) {
    const work = artworksMap(after).get(id);
    if (work) out.push(...issues(`artworks.${id}.creator`, Creator.safeParse(json(work.get('creator')))));
  }
  return out;
}
