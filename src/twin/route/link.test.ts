import { describe, expect, it } from 'vitest';
import { decodeRouteLink, encodeRouteLink, MAX_LINK_STOPS, type RouteLink } from './link';

const works = new Set([...Array(40)].map((_, i) => `portrait-of-a-lady-${i}`));
const ctx = { exhibition: 'spring-2027', revision: 'a1b2c3', artworks: works };
const twelve: RouteLink = {
  exhibition: 'spring-2027',
  revision: 'a1b2c3',
  stops: [...works].slice(0, 12),
  mustSee: ['portrait-of-a-lady-3'],
  budget: 45,
  start: 'entrance',
  end: 'cafe',
  stepFree: true,
  avoidCrowded: false,
  title: 'Grandma’s favourites',
  notes: { 'portrait-of-a-lady-3': 'Look at the *lace*, it is like hers. <b>not bold</b>' },
};

describe('the route link', () => {
  it('carries a 12-stop route, settings and notes in under 1,200 characters, and back', () => {
    const fragment = encodeRouteLink(twelve);
    const url = `https://museum.example/visit/?ex=spring-2027#${fragment}`;
    expect(url.length).toBeLessThan(1200);
    const { link, messages } = decodeRouteLink(url, ctx);
    expect(messages).toEqual([]);
    expect(link).toEqual({ ...twelve, start: undefined });
    expect(link.notes['portrait-of-a-lady-3']).toContain('<b>not bold</b>'); // kept as text; the page never parses it as HTML
  });

  it('keeps the works that still exist and names the ones that are gone', () => {
    const gone = { ...ctx, revision: 'newer', artworks: new Set([...works].filter((id) => id !== 'portrait-of-a-lady-2' && id !== 'portrait-of-a-lady-3')) };
    const { link, messages } = decodeRouteLink(encodeRouteLink(twelve), gone);
    expect(link.stops).toHaveLength(10);
    expect(link.mustSee).toEqual([]);
    expect(link.notes).toEqual({});
    expect(messages).toEqual([{ kind: 'other-revision' }, { kind: 'unknown-works', ids: ['portrait-of-a-lady-2', 'portrait-of-a-lady-3'] }]);
  });

  it('says when the link was made for another exhibition, and keeps what matches here', () => {
    const { link, messages } = decodeRouteLink(encodeRouteLink({ ...twelve, exhibition: 'autumn' }), ctx);
    expect(messages).toContainEqual({ kind: 'other-exhibition', id: 'autumn' });
    expect(link.stops).toHaveLength(12);
  });

  it('caps an enormous list, drops repeats, and survives garbage', () => {
    const many = [...Array(5000)].map((_, i) => `portrait-of-a-lady-${i % 40}`);
    const big = decodeRouteLink(encodeRouteLink({ ...twelve, stops: [...works, ...[...Array(100)].map((_, i) => `x${i}`)] }), ctx);
    expect(big.link.stops).toHaveLength(40);
    expect(big.messages).toContainEqual({ kind: 'capped', kept: MAX_LINK_STOPS, total: 140 });
    const repeats = decodeRouteLink(encodeRouteLink({ ...twelve, stops: many.slice(0, 50) }), ctx);
    expect(repeats.link.stops).toHaveLength(40);
    for (const junk of ['#route=%%%', '#route=bm90IGpzb24', 'route=' + btoa('[1,2]'), '', '#route=' + 'A'.repeat(20000)]) {
      const r = decodeRouteLink(junk, ctx);
      expect(r.messages).toEqual([{ kind: 'unreadable' }]);
      expect(r.link.stops).toEqual([]);
    }
  });

  it('reads a hand-edited link: bad settings fall back, good ones are kept', () => {
    const json = JSON.stringify({ v: 1, x: 'spring-2027', s: ['portrait-of-a-lady-1', 7, 'portrait-of-a-lady-1'], b: -3, f: 2, n: { 0: 'hi', 9: 'nobody' } });
    const payload = btoa(json).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const { link, messages } = decodeRouteLink(`#route=${payload}`, ctx);
    expect(link.stops).toEqual(['portrait-of-a-lady-1']);
    expect(link.budget).toBe(60);
    expect(link.avoidCrowded).toBe(true);
    expect(link.notes).toEqual({ 'portrait-of-a-lady-1': 'hi' });
    expect(messages).toEqual([{ kind: 'bad-setting', field: 'budget' }]);
  });
});
