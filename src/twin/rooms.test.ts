import { describe, expect, it } from 'vitest';
import { minimalExhibition } from './fixtures';
import { roomGraph, roomHops } from './rooms';

const plan = {
  rooms: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id })),
  doorways: [
    { rooms: ['a', 'b'] },
    { rooms: ['b', 'c'] },
    { rooms: ['c', 'd'] },
    { rooms: ['b', 'a'] },
    // To the outside, and to a room that does not exist: no edge.
    { rooms: ['e'] },
    { rooms: ['d', 'nowhere'] },
  ],
} as unknown as Parameters<typeof roomGraph>[0];

describe('room graph', () => {
  it('joins rooms that share a doorway, once each way', () => {
    const g = roomGraph(plan);
    expect(g.get('a')).toEqual(['b']);
    expect(g.get('b')).toEqual(['a', 'c']);
    expect(g.get('d')).toEqual(['c']);
    expect(g.get('e')).toEqual([]);
  });

  it('counts doorways to every reachable room', () => {
    const hops = roomHops(roomGraph(plan), 'a');
    expect(Object.fromEntries(hops)).toEqual({ a: 0, b: 1, c: 2, d: 3 });
    expect(hops.has('e')).toBe(false);
  });

  it('reads the format', () => {
    const ex = minimalExhibition();
    if (ex.space.kind !== 'floorplan') throw new Error('floor plan expected');
    expect(roomGraph(ex.space as Parameters<typeof roomGraph>[0]).get('hall')).toEqual(['gallery']);
  });
});
