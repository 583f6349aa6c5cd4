/**
 * Who may change which part of an exhibition: pure functions over the paths of what changed (collab/diff.ts),
 * the one place these rules live. The server checks every write with them; a hidden button is not a permission.
 *
 *   admin        everything, users and publishing
 *   curator      works (add, remove, placement, texts, media, annotations), their order, tours, the
 *                exhibition's texts and credits, rooms' names, finishes, height and lighting, the image-based light (environment);
 *                not a work's conservation, environmental needs or community protocol
 *   conservator  a work's conservation (condition reports, treatments) and environment (its needs)
 *   keeper of C  the sensitivity (protocol) of works whose sensitivity.communityId is C, and nothing else:
 *                not another community's works, and not handing a work to another community
 */
import type { Change } from '../collab/diff';

export const ROLES = ['admin', 'curator', 'conservator', 'keeper'] as const;
export type Role = (typeof ROLES)[number];

/** A signed-in person as the rules see them. role null: the role was removed (reads only). */
export interface Account {
  readonly id: number;
  readonly name: string;
  readonly role: Role | null;
  /** The community id a keeper keeps (matches a work's sensitivity.communityId). */
  readonly community: string | null;
}

type Json = Record<string, unknown>;
const CURATOR_TOP = new Set(['title', 'subtitle', 'description', 'credits', 'tours', 'environment']);
const CURATOR_ROOM = new Set(['name', 'floor', 'walls', 'height', 'lighting', 'panoramas']);
const GUARDED_WORK = new Set(['conservation', 'environment', 'sensitivity']);

export const mayWrite = (a: Account | undefined): boolean => a?.role != null;
export const mayPublish = (a: Account | undefined): boolean => a?.role === 'admin' || a?.role === 'curator';
export const mayManageUsers = (a: Account | undefined): boolean => a?.role === 'admin';

function artwork(ex: unknown, id: string | undefined): Json | undefined {
  const list = (ex as Json | undefined)?.artworks;
  return Array.isArray(list) ? (list as Json[]).find((w) => w?.id === id) : undefined;
}

const communityOf = (work: Json | undefined): unknown => (work?.sensitivity as Json | undefined)?.communityId;

/** Whether `account` may make this one change to `before` (giving `after`). */
export function mayChange(account: Account, change: Change, before: unknown, after: unknown): boolean {
  const [top, id, field] = change.path;
  switch (account.role) {
    case 'admin':
      return true;
    case 'curator':
      if (top === 'artworks') {
        // A whole work added or removed, the works' order, or any field but the guarded ones of a work that was there.
        if (change.path.length <= 2) return true;
        return !GUARDED_WORK.has(field ?? '');
      }
      if (CURATOR_TOP.has(top ?? '')) return true;
      return top === 'space' && id === 'rooms' && change.path.length >= 4 && CURATOR_ROOM.has(change.path[3] ?? '');
    case 'conservator':
      return top === 'artworks' && change.path.length >= 3 && (field === 'conservation' || field === 'environment') && !!artwork(before, id);
    case 'keeper': {
      if (top !== 'artworks' || field !== 'sensitivity' || !account.community) return false;
      const was = artwork(before, id);
      const is = artwork(after, id);
      return !!was && !!is && communityOf(was) === account.community && communityOf(is) === account.community;
    }
    default:
      return false;
  }
}

/** The changes `account` may not make, each as a sentence; empty when all are allowed. */
export function refusedChanges(account: Account | undefined, changes: readonly Change[], before: unknown, after: unknown): string[] {
  if (!account || account.role === null) return changes.length ? ['visitors and users without a role cannot change the exhibition'] : [];
  const refused = changes.filter((c) => !mayChange(account, c, before, after));
  const who = account.role === 'keeper' ? `a keeper of ${account.community}` : `a ${account.role}`;
  return refused.slice(0, 5).map((c) => `${who} may not change ${c.path.join('.')}`);
}
