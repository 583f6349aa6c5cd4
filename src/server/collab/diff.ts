/**
 * What changed between two versions of an exhibition, as paths: lists of things with ids (works, tours, rooms…)
 * are compared by id, so a moved work reads `artworks.<id>.placement.offset` and not an index that shifted.
 * Pure code: the permission check, the history and the comparison of versions all read these paths.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** One difference. `before` undefined: added; `after` undefined: removed. Path segment '#order': the order of a list. */
export interface Change {
  readonly path: readonly string[];
  readonly before: unknown;
  readonly after: unknown;
}

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

/** A change as people read it in the history: what moved, what text changed, what was added or removed. */
export interface ChangeSummary {
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'moved' | 'text' | 'changed';
  /** The new value, short (texts cut at 200 characters); absent for removals. */
  readonly value?: unknown;
}

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Summaries of changes, at most `max` (the rest counted in one last entry). */
export function summarize(changes: readonly Change[], max = 100): ChangeSummary[] {
  const out = changes.slice(0, max).map((c): ChangeSummary => {
    const path = c.path.join('.');
    if (c.before === undefined) return { path, kind: 'added', value: short(c.after) };
    if (c.after === undefined) return { path, kind: 'removed' };
    if (c.path[0] === 'artworks' && c.path[2] === 'placement') return { path, kind: 'moved', value: c.after };
    if (typeof c.after === 'string' && LANGUAGE.test(c.path.at(-1) ?? '')) return { path, kind: 'text', value: short(c.after) };
    return { path, kind: 'changed', value: short(c.after) };
  });
  if (changes.length > max) out.push({ path: `… ${changes.length - max} more`, kind: 'changed' });
  return out;
}

function short(v: unknown): unknown {
  if (typeof v === 'string') return v.length > 200 ? `${v.slice(0, 200)}…` : v;
  const s = JSON.stringify(v);
  return s !== undefined && s.length > 500 ? `${s.slice(0, 500)}…` : v;
}
