import { describe, expect, it } from 'vitest';
import { RollingSpread } from './rolling-spread';

const T0 = Date.parse('2026-12-04T00:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

describe('24 h spread', () => {
  it('is the highest minus the lowest in the last 24 h, by minute', () => {
    const s = new RollingSpread();
    expect(s.spread(at(0))).toBeUndefined();
    s.add(at(0), 50);
    expect(s.spread(at(0))).toBe(0);
    s.add(at(0.5), 47); // same minute
    s.add(at(600), 55);
    expect(s.spread(at(600))).toBe(8);
    s.add(at(600.2), 58); // widens the cached window in place
    expect(s.spread(at(600.5))).toBe(11);
    expect(s.spread(at(1440))).toBe(3); // minute 0 has left the window: 55..58
    expect(s.spread(at(2100))).toBeUndefined();
  });

  it('keeps late readings within the window and drops older ones', () => {
    const s = new RollingSpread();
    s.add(at(2000), 50);
    s.add(at(1900), 40); // late, still inside
    s.add(at(100), 0); // more than 24 h before the newest: outside every window that includes the newest
    expect(s.spread(at(2000))).toBe(10);
  });

  it('forgets what left the window: a week of readings every 10 s, calmer on the last day', () => {
    const s = new RollingSpread();
    for (let m = 0; m < 7 * 1440; m += 1 / 6) s.add(at(m), 50 + Math.sin(m / 60) * (m > 6 * 1440 ? 1 : 5));
    expect(s.spread(at(7 * 1440))).toBeCloseTo(2, 1);
  });
});
