/**
 * Comparing two versions of an exhibition, and what restoring an earlier one means. Pure code (no DOM, no Node):
 * the server's history API and the curating view's history panel share it.
 *
 * Lists of things with ids (works, tours, rooms…) are compared by id, so a moved work reads
 * `artworks.<id>.placement.offset` and not an index that shifted.
 */

/** One difference. `before` undefined: added; `after` undefined: removed. Path segment '#order': the order of a list. */
export interface Change {
  readonly path: readonly string[];
  readonly before: unknown;
  readonly after: unknown;
}

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasIds = (v: unknown): v is { id: string }[] => Array.isArray(v) && v.length > 0 && v.every((e) => isObject(e) && typeof e.id === 'string');
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Every difference between `before` and `after`, at the deepest path where they differ. */
export function diffJson(before: unknown, after: unknown, path: string[] = [], out: Change[] = []): Change[] {
  if (before === after) return out;
  if (isObject(before) && isObject(after)) {
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) diffJson(before[k], after[k], [...path, k], out);
    return out;
  }
  const keyedBefore = hasIds(before) || (Array.isArray(before) && before.length === 0 && hasIds(after));
  const keyedAfter = hasIds(after) || (Array.isArray(after) && after.length === 0 && hasIds(before));
  if (keyedBefore && keyedAfter) {
    const b = new Map((before as { id: string }[]).map((e) => [e.id, e]));
    const a = new Map((after as { id: string }[]).map((e) => [e.id, e]));
    for (const id of new Set([...b.keys(), ...a.keys()])) diffJson(b.get(id), a.get(id), [...path, id], out);
    const orderB = [...b.keys()].filter((id) => a.has(id));
    const orderA = [...a.keys()].filter((id) => b.has(id));
    if (!same(orderB, orderA)) out.push({ path: [...path, '#order'], before: orderB, after: orderA });
    return out;
  }
  if (!same(before, after)) out.push({ path, before, after });
  return out;
}

/** A difference as people read it: what moved, what text changed, what was added or removed. */
export interface VersionDifference {
  readonly kind: 'added' | 'removed' | 'moved' | 'text' | 'reordered' | 'changed';
  /** Dotted path, e.g. artworks.harbour-lights.placement.offset or artworks.harbour-lights.label.it */
  readonly path: string;
  /** The work it concerns, when it concerns one. */
  readonly artwork?: string;
  /** For texts, the language. */
  readonly language?: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

function kindOf(c: Change): VersionDifference['kind'] {
  if (c.before === undefined) return 'added';
  if (c.after === undefined) return 'removed';
  if (c.path.at(-1) === '#order') return 'reordered';
  if (c.path[0] === 'artworks' && c.path[2] === 'placement') return 'moved';
  if (LANGUAGE.test(c.path.at(-1) ?? '') && (typeof c.before === 'string' || typeof c.after === 'string')) return 'text';
  return 'changed';
}

/** What differs from `before` to `after`, in the order of the paths (a work's differences together). */
export function compareExhibitions(before: unknown, after: unknown): VersionDifference[] {
  return diffJson(before, after).map((c) => {
    const kind = kindOf(c);
    const artwork = c.path[0] === 'artworks' && c.path[1] !== '#order' ? c.path[1] : undefined;
    const last = c.path.at(-1) ?? '';
    return {
      kind,
      path: c.path.join('.'),
      ...(artwork ? { artwork } : {}),
      ...(kind === 'text' ? { language: last } : {}),
      ...(c.before !== undefined ? { before: c.before } : {}),
      ...(c.after !== undefined ? { after: c.after } : {}),
    };
  });
}

/**
 * A work's fields that a restore never takes back: the conservators' records (condition reports and
 * treatments, the work's environmental needs) and the community's protocol. They are kept as they are now.
 */
export const KEPT_ON_RESTORE = ['conservation', 'environment', 'sensitivity'] as const;

type Work = Record<string, unknown> & { id: string };
const worksOf = (ex: Record<string, unknown>): Work[] => (Array.isArray(ex.artworks) ? (ex.artworks as Work[]) : []);

/**
 * The exhibition to restore: `earlier` as it was, except that each work's KEPT_ON_RESTORE fields stay as in
 * `current`. A work the earlier version lacks but which has a conservation record now is kept too (removing it
 * would silently drop the record); its other fields are as they are now.
 */
export function restoreTarget(current: Record<string, unknown>, earlier: Record<string, unknown>): Record<string, unknown> {
  const now = new Map(worksOf(current).map((w) => [w.id, w]));
  const then = new Set(worksOf(earlier).map((w) => w.id));
  const keep = (w: Work): Work => {
    const n = now.get(w.id);
    const out: Work = { ...w };
    for (const k of KEPT_ON_RESTORE) {
      if (n && n[k] !== undefined) out[k] = n[k];
      else if (n) delete out[k];
    }
    return out;
  };
  const kept = worksOf(current).filter((w) => !then.has(w.id) && w.conservation !== undefined);
  return { ...earlier, artworks: [...worksOf(earlier).map(keep), ...kept] };
}
