import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffJson } from '../collab/diff';
import { mayManageUsers, mayPublish, refusedChanges, type Account } from './permissions';

type Work = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const published = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../assets/default/exhibition.json'), 'utf8'));
// Two works of two communities, as their keepers' accounts name them.
const base = structuredClone(published);
base.artworks.find((w: Work) => w.id === 'veiled-processional-object').sensitivity.communityId = 'san-ravo';
base.artworks.find((w: Work) => w.id === 'cinerary-urn').sensitivity.communityId = 'other-community';

const who = (role: Account['role'], community: string | null = null): Account => ({ id: 1, name: 'x', role, community });
const admin = who('admin');
const curator = who('curator');
const conservator = who('conservator');
const keeper = who('keeper', 'san-ravo');

/** The refusals for `account` making `edit` to a copy of the base exhibition. */
function refused(account: Account | undefined, edit: (ex: Work) => void): string[] {
  const after = structuredClone(base);
  edit(after);
  return refusedChanges(account, diffJson(base, after), base, after);
}
const work = (ex: Work, id: string): Work => ex.artworks.find((w: Work) => w.id === id);

const move = (ex: Work) => (work(ex, 'harbour-lights').placement.offset += 0.5);
const retitle = (ex: Work) => (work(ex, 'harbour-lights').label.it = 'Nuova etichetta');
const report = (ex: Work) => work(ex, 'harbour-lights').conservation.reports.push({ ...work(ex, 'harbour-lights').conservation.reports[0], id: 'cr-2026', date: '2026-12-01' });
const needs = (ex: Work) => (work(ex, 'harbour-lights').environment = { light: 'low' });
const protocol = (id: string) => (ex: Work) => (work(ex, id).sensitivity.sharing = false);
const tour = (ex: Work) => ex.tours.reverse();
const wallColour = (ex: Work) => (ex.space.rooms[0].walls = { color: '#334455' });
const reshapeRoom = (ex: Work) => (ex.space.rooms[0].polygon[0] = [0.5, 0.5]);
const placePhoto = (ex: Work) => (ex.space.rooms[0].panoramas = [{ id: 'hall-photo', image: 'panoramas/hall.jpg', position: [1, 1.6, 1], heading: 0 }]);
const addWork = (ex: Work) => ex.artworks.push({ ...structuredClone(work(ex, 'harbour-lights')), id: 'new-work' });

describe('permissions', () => {
  it('admin may change anything, manage users and publish', () => {
    for (const edit of [move, report, protocol('veiled-processional-object'), reshapeRoom]) expect(refused(admin, edit)).toEqual([]);
    expect(mayManageUsers(admin) && mayPublish(admin)).toBe(true);
  });

  it('curator: layout, texts, tours, works, rooms’ finishes and 360° photos; not conservation, needs, protocols or walls’ geometry', () => {
    for (const edit of [move, retitle, tour, wallColour, addWork, placePhoto]) expect(refused(curator, edit)).toEqual([]);
    expect(refused(curator, report)).toEqual(['a curator may not change artworks.harbour-lights.conservation.reports.cr-2026']);
    expect(refused(curator, needs)).toHaveLength(1);
    expect(refused(curator, protocol('veiled-processional-object'))).toHaveLength(1);
    expect(refused(curator, reshapeRoom)).toHaveLength(1);
    expect(mayPublish(curator)).toBe(true);
    expect(mayManageUsers(curator)).toBe(false);
  });

  it('conservator: conservation and environmental needs only', () => {
    expect(refused(conservator, report)).toEqual([]);
    expect(refused(conservator, needs)).toEqual([]);
    for (const edit of [move, retitle, tour, protocol('cinerary-urn'), placePhoto]) expect(refused(conservator, edit)).not.toEqual([]);
    expect(mayPublish(conservator)).toBe(false);
  });

  it('keeper: the protocol of their own community’s works, and nothing else', () => {
    expect(refused(keeper, protocol('veiled-processional-object'))).toEqual([]);
    expect(refused(keeper, protocol('cinerary-urn'))).toEqual(['a keeper of san-ravo may not change artworks.cinerary-urn.sensitivity.sharing']);
    expect(refused(keeper, (ex) => (work(ex, 'veiled-processional-object').sensitivity.communityId = 'someone-else'))).toHaveLength(1);
    expect(refused(keeper, (ex) => (work(ex, 'harbour-lights').sensitivity.communityId = 'san-ravo'))).toHaveLength(1);
    for (const edit of [move, retitle, report]) expect(refused(keeper, edit)).not.toEqual([]);
  });

  it('visitors and users whose role was removed change nothing', () => {
    expect(refused(undefined, move)).toEqual(['visitors and users without a role cannot change the exhibition']);
    expect(refused(who(null), retitle)).toHaveLength(1);
    expect(refused(undefined, () => undefined)).toEqual([]);
  });
});

describe('diff', () => {
  it('names works by id, so a reordered list is one change and a moved work is its placement', () => {
    const after = structuredClone(base);
    after.artworks.reverse();
    work(after, 'harbour-lights').placement.offset = 3;
    expect(diffJson(base, after).map((c) => c.path.join('.'))).toEqual(['artworks.harbour-lights.placement.offset', 'artworks.#order']);
  });
});
