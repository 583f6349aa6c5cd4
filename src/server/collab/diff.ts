/**
 * What changed between two versions of an exhibition, as paths: lists of things with ids (works, tours, rooms…)
 * are compared by id, so a moved work reads `artworks.<id>.placement.offset` and not an index that shifted.
 * Pure code: the permission rules read these paths (their tests use this diff; the live guard finds the same
 * paths from a Yjs transaction, guard.ts), and comparing two published versions can use it.
 */

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
