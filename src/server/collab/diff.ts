/**
 * What changed between two versions of an exhibition, as paths: lists of things with ids (works, tours, rooms…)
 * are compared by id, so a moved work reads `artworks.<id>.placement.offset` and not an index that shifted.
 * Pure code, in src/twin/exhibition-diff.ts (the history's comparisons use it too): the permission rules read
 * these paths (their tests use this diff; the live guard finds the same paths from a Yjs transaction, guard.ts).
 */

export { diffJson, type Change } from '../../twin/exhibition-diff';

/** A change as people read it in the history: what moved, what text changed, what was added or removed. */
export interface ChangeSummary {
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'moved' | 'text' | 'changed';
  /** The new value, short (texts cut at 200 characters); absent for removals. */
  readonly value?: unknown;
}
