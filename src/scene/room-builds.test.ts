import { describe, expect, it } from 'vitest';
import { RoomBuilds } from './room-builds';

/** Rooms a – b – c – d – e in a row, two works each; the visitor in `at`. */
function setUp() {
  const builds = new RoomBuilds<{ id: string }>();
  for (const room of ['b', 'c', 'd', 'e']) for (const n of [1, 2]) builds.add(room, { id: `${room}${n}` });
  const order = ['a', 'b', 'c', 'd', 'e'];
  const hopsFrom = (at: string) => (room: string) => Math.abs(order.indexOf(room) - order.indexOf(at));
  return { builds, hopsFrom };
}
const withinTwo = (_room: string, d: number | undefined) => d !== undefined && d <= 2;

describe('rooms waiting to be built', () => {
  it('builds the nearest wanted room first, and none that is not wanted', () => {
    const { builds, hopsFrom } = setUp();
    expect(builds.next(hopsFrom('a'), withinTwo)).toBe('b');
    builds.take('b');
    expect(builds.next(hopsFrom('a'), withinTwo)).toBe('c');
    builds.take('c');
    // d and e are three and four doorways away: they wait.
    expect(builds.next(hopsFrom('a'), withinTwo)).toBeUndefined();
    expect(builds.size).toBe(2);
    // The visitor walks on to c: d and e come within reach, d first.
    expect(builds.next(hopsFrom('c'), withinTwo)).toBe('d');
  });

  it('takes a room once, and knows a waiting work’s room until then', () => {
    const { builds } = setUp();
    expect(builds.roomOf('e2')).toBe('e');
    expect(builds.take('e')?.map((w) => w.id)).toEqual(['e1', 'e2']);
    expect(builds.roomOf('e2')).toBeUndefined();
    expect(builds.take('e')).toBeUndefined();
    expect(builds.roomOf('zz')).toBeUndefined();
  });

  it('builds a room not connected by doorways when it is wanted (in sight)', () => {
    const { builds } = setUp();
    builds.add('island', { id: 'i1' });
    const hops = (room: string) => (room === 'island' ? undefined : 9);
    expect(builds.next(hops, (room) => room === 'island')).toBe('island');
    expect(builds.next(hops, withinTwo)).toBeUndefined();
  });
});
