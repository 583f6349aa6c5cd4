import { describe, expect, it } from 'vitest';
import { matchArtworks } from './search';
import type { Artwork } from '../twin/schema';

const work = (id: string, title: Record<string, string>, creator: string) =>
  ({ id, title, creator: { name: { en: creator } } }) as unknown as Artwork;

describe('matchArtworks', () => {
  const works = [work('a', { en: 'The Harbour at Dusk', it: 'Il porto al tramonto' }, 'Elena Moretti'), work('b', { en: 'Still Life' }, 'Jonas Brandt')];
  it('finds by title in any language, ignoring case and accents', () => {
    expect(matchArtworks(works, 'PORTO').map((a) => a.id)).toEqual(['a']);
    expect(matchArtworks(works, 'harbour').map((a) => a.id)).toEqual(['a']);
  });
  it('finds by creator', () => expect(matchArtworks(works, 'brandt').map((a) => a.id)).toEqual(['b']));
  it('finds nothing for an empty query', () => expect(matchArtworks(works, '  ')).toEqual([]));
});
