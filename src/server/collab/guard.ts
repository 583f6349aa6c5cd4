/**
 * What an incoming Yjs update would change, found without copying the draft: each draft has a shadow Y.Doc
 * kept in step with it; the update is applied to the shadow first and the transaction says which shared types
 * (and which keys of them) it touched. Their places in the document give the paths that the permission rules
 * read (accounts/permissions.ts), e.g. artworks.harbour-lights.placement or artworks.#order. The cost grows with
 * the size of the update, not of the exhibition. A refused update leaves the shadow ahead of the draft, so it
 * is rebuilt from the draft (rare: the connection is closed too).
 */
import * as Y from 'yjs';
import type { Change } from './diff';
import type { ChangeSummary } from './diff';

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** The path of a shared type in the document, as the exhibition JSON names it. */
function pathOf(doc: Y.Doc, type: Y.AbstractType<unknown>): string[] {
  const path: string[] = [];
  let t: Y.AbstractType<unknown> = type;
  while (t._item) {
    const item = t._item;
    const parent = item.parent as Y.AbstractType<unknown>;
    if (item.parentSub !== null) path.unshift(item.parentSub);
    else {
      // An element of a list: lists of things with ids are named by id, as the diff and the rules do.
      const id = t instanceof Y.Map ? t.get('id') : undefined;
      path.unshift(typeof id === 'string' ? id : String(parent instanceof Y.Array ? parent.toArray().indexOf(t) : '?'));
    }
    t = parent;
  }
  const root = [...doc.share].find(([, v]) => v === t)?.[0];
  if (root === 'exhibition') return path;
  if (root === 'artworkOrder') return ['artworks', '#order'];
  return [root ?? '?', ...path];
}

/** A sketch of the exhibition with only what the keeper rule reads: each work's id and sensitivity.communityId. */
function communities(doc: Y.Doc, ids: Iterable<string>): { artworks: { id: string; sensitivity: { communityId: unknown } }[] } {
  const works = doc.getMap<Y.Map<unknown>>('artworks');
  const out = [];
  for (const id of ids) {
    const w = works.get(id);
    if (w instanceof Y.Map) out.push({ id, sensitivity: { communityId: (w.get('sensitivity') as Y.Map<unknown> | undefined)?.get?.('communityId') } });
  }
  return { artworks: out };
}

export interface Checked {
  readonly changes: Change[];
  /** Before and after, sketched for the rules (see communities). */
  readonly before: unknown;
  readonly after: unknown;
  readonly summary: ChangeSummary[];
  /** The draft as it is, and as it would be with the update (the shadow): for the edit checks (twin/curate-edits.ts). */
  readonly docs: { readonly before: Y.Doc; readonly after: Y.Doc };
}

/** A shadow of one draft, for checking updates before they are applied to it. */
export class DraftShadow {
  private shadow: Y.Doc;

  /** `follow` false: a one-off copy of the draft as it is now (to summarise an edit about to be made). */
  constructor(private readonly draft: Y.Doc, follow = true) {
    this.shadow = this.copy();
    // Every update the draft takes reaches the shadow too (Yjs skips what the shadow already has).
    if (follow) draft.on('update', (update: Uint8Array) => Y.applyUpdate(this.shadow, update));
  }

  private copy(): Y.Doc {
    const d = new Y.Doc();
    Y.applyUpdate(d, Y.encodeStateAsUpdate(this.draft));
    return d;
  }

  /** The update's changes, or undefined when it builds on changes the draft does not have yet. */
  check(update: Uint8Array): Checked | undefined {
    let changed: Map<Y.AbstractType<any>, Set<string | null>> = new Map(); // eslint-disable-line @typescript-eslint/no-explicit-any
    const onTxn = (t: Y.Transaction) => (changed = t.changed);
    this.shadow.on('afterTransaction', onTxn);
    try {
      Y.applyUpdate(this.shadow, update);
    } finally {
      this.shadow.off('afterTransaction', onTxn);
    }
    if (this.shadow.store.pendingStructs || this.shadow.store.pendingDs) {
      this.reset();
      return undefined;
    }
    const changes: Change[] = [];
    const summary: ChangeSummary[] = [];
    for (const [type, keys] of changed) {
      const base = pathOf(this.shadow, type);
      for (const key of keys) {
        const path = key === null || base[1] === '#order' ? base : [...base, key];
        const value = key === null ? type.toJSON() : (type as Y.Map<unknown>).get?.(key);
        changes.push({ path, before: null, after: value === undefined ? undefined : null });
        const json = value instanceof Y.AbstractType ? value.toJSON() : value;
        const kind: ChangeSummary['kind'] =
          value === undefined ? 'removed' : type instanceof Y.Text || LANGUAGE.test(path.at(-1) ?? '') ? 'text' : path[0] === 'artworks' && path[2] === 'placement' ? 'moved' : 'changed';
        summary.push({ path: path.join('.'), kind, ...(kind === 'removed' ? {} : { value: short(json) }) });
      }
    }
    const works = new Set(changes.filter((c) => c.path[0] === 'artworks' && c.path[1] !== '#order').map((c) => c.path[1]!));
    return { changes, before: communities(this.draft, works), after: communities(this.shadow, works), summary: summary.slice(0, 100), docs: { before: this.draft, after: this.shadow } };
  }

  /** After a refused update: the shadow is the draft again. */
  reset(): void {
    this.shadow = this.copy();
  }
}

function short(v: unknown): unknown {
  if (typeof v === 'string') return v.length > 200 ? `${v.slice(0, 200)}…` : v;
  const s = JSON.stringify(v);
  return s !== undefined && s.length > 500 ? `${s.slice(0, 500)}…` : v;
}
