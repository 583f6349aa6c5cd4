import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { refusedChanges, type Account } from '../accounts/permissions';
import { artworksMap, artworkOrder, artworkText, exhibitionToDoc } from './doc-model';
import { DraftShadow } from './guard';

const ex = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../assets/default/exhibition.json'), 'utf8'));
ex.artworks.find((w: { id: string }) => w.id === 'veiled-processional-object').sensitivity.communityId = 'san-ravo';

/** The draft, its shadow, and a client replica whose next edit is checked. */
function setup() {
  const draft = exhibitionToDoc(ex);
  const shadow = new DraftShadow(draft);
  const replica = () => {
    const d = new Y.Doc();
    Y.applyUpdate(d, Y.encodeStateAsUpdate(draft));
    return d;
  };
  let client = replica();
  return {
    /** The paths the edit touches and what `account` may not do of it. */
    edit(account: Account, change: (doc: Y.Doc) => void) {
      let update: Uint8Array = new Uint8Array();
      const on = (u: Uint8Array) => (update = u);
      client.on('update', on);
      change(client);
      client.off('update', on);
      const c = shadow.check(update)!;
      const refused = refusedChanges(account, c.changes, c.before, c.after);
      if (refused.length) {
        shadow.reset();
        client = replica(); // as the server closes the connection: the client starts again from the draft
      } else Y.applyUpdate(draft, update);
      return { paths: c.changes.map((x) => x.path.join('.')), summary: c.summary, refused };
    },
  };
}
const as = (role: Account['role'], community: string | null = null): Account => ({ id: 1, name: 'x', role, community });
const sensitivity = (doc: Y.Doc, id: string) => artworksMap(doc).get(id)!.get('sensitivity') as Y.Map<unknown>;

describe('draft shadow', () => {
  it('names what an update touches by id: a text, a move, a new work and the order', () => {
    const s = setup();
    const text = s.edit(as('curator'), (d) => artworkText(d, 'harbour-lights', 'label', 'it')!.insert(0, 'Nuovo: '));
    expect(text).toMatchObject({ paths: ['artworks.harbour-lights.label.it'], refused: [] });
    expect(text.summary[0]).toMatchObject({ kind: 'text' });
    const move = s.edit(as('curator'), (d) => (artworksMap(d).get('harbour-lights')!.get('placement') as Y.Map<unknown>).set('offset', 1));
    expect(move.summary).toEqual([{ path: 'artworks.harbour-lights.placement.offset', kind: 'moved', value: 1 }]);
    const added = s.edit(as('curator'), (d) =>
      d.transact(() => {
        const m = new Y.Map<unknown>();
        m.set('id', 'new-work');
        artworksMap(d).set('new-work', m);
        artworkOrder(d).push(['new-work']);
      }),
    );
    expect(added.paths.sort()).toEqual(['artworks.#order', 'artworks.new-work']);
    expect(added.refused).toEqual([]);
  });

  it('lets a keeper change their community’s protocol but not take another work or give theirs away', () => {
    const s = setup();
    const keeper = as('keeper', 'san-ravo');
    expect(s.edit(keeper, (d) => sensitivity(d, 'veiled-processional-object').set('sharing', false)).refused).toEqual([]);
    expect(s.edit(keeper, (d) => sensitivity(d, 'cinerary-urn').set('sharing', false)).refused).toHaveLength(1);
    expect(s.edit(keeper, (d) => sensitivity(d, 'veiled-processional-object').set('communityId', 'elsewhere')).refused).toHaveLength(1);
  });

  it('refuses a conservator’s move and a curator’s condition report', () => {
    const s = setup();
    expect(s.edit(as('conservator'), (d) => (artworksMap(d).get('harbour-lights')!.get('placement') as Y.Map<unknown>).set('offset', 2)).refused).toHaveLength(1);
    expect(s.edit(as('curator'), (d) => (artworksMap(d).get('harbour-lights')!.get('conservation') as Y.Map<unknown>).set('reports', [])).refused).toHaveLength(1);
    expect(s.edit(as('conservator'), (d) => (artworksMap(d).get('harbour-lights')!.get('conservation') as Y.Map<unknown>).set('reports', [])).refused).toEqual([]);
  });
});
