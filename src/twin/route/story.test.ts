import { describe, expect, it } from 'vitest';
import { parseRichText } from '../richtext';
import { decodeRouteLink, encodeRouteLink } from './link';
import { moveStop, storyFrom, storyLink, storyOf } from './story';

describe('make your own story', () => {
  it('follows the works kept: their order and notes stay, new ones come last, unkept ones leave with their notes', () => {
    const first = storyFrom(['a', 'b', 'c']);
    expect(first).toEqual({ title: '', stops: ['a', 'b', 'c'], notes: {} });
    const arranged = { ...moveStop(first, 2, -2), title: 'Blue', notes: { c: 'The sea', b: 'Gone soon' } };
    expect(arranged.stops).toEqual(['c', 'a', 'b']);
    expect(storyFrom(['a', 'c', 'd'], arranged)).toEqual({ title: 'Blue', stops: ['c', 'a', 'd'], notes: { c: 'The sea' } });
  });

  it('moves a stop within the list only', () => {
    const s = storyFrom(['a', 'b', 'c']);
    expect(moveStop(s, 0, -1)).toBe(s);
    expect(moveStop(s, 2, 1)).toBe(s);
    expect(moveStop(s, 0, 1).stops).toEqual(['b', 'a', 'c']);
    expect(moveStop(s, 1, 5).stops).toEqual(['a', 'c', 'b']);
  });

  it('travels as a route link and opens in the visitor’s order, with their title and notes as plain text', () => {
    const hostile = '<img src=x onerror="alert(1)"> *so* blue';
    const story = { title: '  My blues ', stops: ['w3', 'w0', 'w7'], notes: { w0: hostile, w7: '   ', gone: 'x' } };
    const fragment = encodeRouteLink(storyLink(story, 'route-levels', 'rev1'));
    expect(fragment.length).toBeLessThan(1200);
    const { link, messages } = decodeRouteLink(`https://museum.example/#${fragment}`, { exhibition: 'route-levels', revision: 'rev1', artworks: new Set(['w0', 'w3', 'w7']) });
    expect(messages).toEqual([]);
    expect(link.budget).toBe('all-day');
    expect(storyOf(link)).toEqual({ title: 'My blues', stops: ['w3', 'w0', 'w7'], notes: { w0: hostile } });
    // Read with the format's rich-text rules: emphasis is emphasis, the tag stays literal text.
    const [para] = parseRichText(link.notes.w0!);
    expect(para!.children[0]).toEqual({ type: 'text', text: '<img src=x onerror="alert(1)"> ' });
    expect(para!.children[1]).toMatchObject({ type: 'em' });
  });

  it('is no story without a title (a planned route is not one)', () => {
    expect(storyOf({ exhibition: 'x', stops: ['a'], mustSee: [], budget: 60, stepFree: false, avoidCrowded: false, notes: {} })).toBeUndefined();
  });
});
