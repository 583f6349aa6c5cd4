import { describe, expect, it } from 'vitest';
import { PRESENCE_INTERVAL_MS } from '../../twin/together/protocol';
import { LARGE_GROUP, PresencePacer } from './presence-pacer';

const at = (id: string, x: number) => ({ id, p: [x, 0, 0] as [number, number, number], h: 0 });
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('presence pacing', () => {
  it('relays every change at once in a group of a class’s size', () => {
    const pacer = new PresencePacer();
    for (let tick = 0; tick < 4; tick++) expect(ids(pacer.pace([at('p1', tick), at('p2', tick)], tick * PRESENCE_INTERVAL_MS, 30, 'p1'))).toEqual(['p1', 'p2']);
  });

  it('in a large group relays the leader every interval and others every second one, with their latest position', () => {
    const pacer = new PresencePacer();
    const sent: string[][] = [];
    const last = new Map<string, number>();
    for (let tick = 0; tick < 8; tick++) {
      const out = pacer.pace([at('p1', tick), at('p2', tick), at('p3', tick)], tick * PRESENCE_INTERVAL_MS, LARGE_GROUP + 60, 'p1');
      sent.push(ids(out));
      for (const e of out) last.set(e.id, e.p[0]);
    }
    expect(sent.filter((s) => s.includes('p1'))).toHaveLength(8);
    expect(sent.filter((s) => s.includes('p2'))).toHaveLength(4);
    expect(sent.filter((s) => s.includes('p3'))).toHaveLength(4);
    // Nothing is lost: the last relayed position of each is their latest, or one interval behind it.
    expect(last.get('p1')).toBe(7);
    expect(last.get('p2')).toBeGreaterThanOrEqual(6);
  });

  it('sends a change held back with a later call even when nothing new comes, and forgets who left', () => {
    const pacer = new PresencePacer();
    const big = LARGE_GROUP + 1;
    expect(ids(pacer.pace([at('p2', 0)], 0, big, 'p1'))).toEqual(['p2']);
    expect(ids(pacer.pace([at('p2', 1)], PRESENCE_INTERVAL_MS, big, 'p1'))).toEqual([]);
    expect(pacer.pace([], 2 * PRESENCE_INTERVAL_MS, big, 'p1')).toEqual([at('p2', 1)]);
    pacer.pace([at('p3', 0)], 2 * PRESENCE_INTERVAL_MS, big, 'p1');
    pacer.pace([at('p3', 1)], 3 * PRESENCE_INTERVAL_MS, big, 'p1');
    pacer.forget('p3');
    expect(pacer.pace([], 5 * PRESENCE_INTERVAL_MS, big, 'p1')).toEqual([]);
  });
});
