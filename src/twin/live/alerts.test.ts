import { describe, expect, it } from 'vitest';
import { AlertEngine, type WatchedCondition } from './alerts';
import type { AlertEvent } from './contract';

const t0 = Date.parse('2026-12-04T10:00:00Z');
const at = (seconds: number) => new Date(t0 + seconds * 1000);

const rhHigh: WatchedCondition = {
  key: 'zone:paintings/humidity/above/60',
  exhibition: 'ex',
  zone: 'paintings',
  artworks: ['sunrise', 'harbour'],
  quantity: 'humidity',
  kind: 'above',
  limit: 60,
  deadband: 2,
};
const tooCold: WatchedCondition = { ...rhHigh, key: 'zone:paintings/temperature/below/16', quantity: 'temperature', kind: 'below', limit: 16, deadband: 0.5 };

/** Feeds values every `step` seconds from `start`; returns every event. */
function feed(engine: AlertEngine, c: WatchedCondition, values: number[], start = 0, step = 20): AlertEvent[] {
  return values.flatMap((v, i) => engine.observe(c, v, at(start + i * step)));
}

describe('alerts do not flap', () => {
  it('a value hovering around the limit gives exactly one raise, and one clear when it comes back', () => {
    const engine = new AlertEngine(60);
    const hovering = [61, 59.5, 60.5, 59, 61.2, 59.8, 60.3, 58.5, 60.9, 59.1, 60.1, 59.4, 61, 59.9, 60.4];
    const raised = feed(engine, rhHigh, hovering);
    expect(raised.map((e) => e.event)).toEqual(['raised']);
    expect(raised[0]!.alert).toEqual({
      id: 'zone:paintings/humidity/above/60@2026-12-04T10:00:00.000Z',
      exhibition: 'ex',
      zone: 'paintings',
      artworks: ['sunrise', 'harbour'],
      quantity: 'humidity',
      kind: 'above',
      value: 59, // the latest value at the raise, inside the deadband
      limit: 60,
      since: '2026-12-04T10:00:00.000Z',
    });
    // Back below 58 (limit − deadband) and staying there: one clear after the minimum duration.
    const recovery = feed(engine, rhHigh, [57, 56, 55.5, 55, 55, 55, 55, 55], 300);
    expect(recovery.map((e) => e.event)).toEqual(['cleared']);
    expect(recovery[0]!.alert.id).toBe(raised[0]!.alert.id);
    expect(recovery[0]!.alert.clearedAt).toBe(at(300).toISOString());
    expect(engine.active()).toEqual([]);
  });

  it('a spike shorter than the minimum duration raises nothing', () => {
    const engine = new AlertEngine(300);
    expect(feed(engine, rhHigh, [63, 64, 63, 55, 55], 0, 60)).toEqual([]);
    expect(engine.tick(at(3600))).toEqual([]);
  });

  it('a short recovery that bounces back neither clears nor raises again', () => {
    const engine = new AlertEngine(60);
    expect(feed(engine, rhHigh, [65, 65, 65, 65]).map((e) => e.event)).toEqual(['raised']);
    expect(feed(engine, rhHigh, [50, 50, 66, 66, 66, 66], 80)).toEqual([]);
    expect(engine.active()).toHaveLength(1);
    expect(engine.active()[0]!.value).toBe(66);
  });

  it('raises when the minimum duration elapses with no new reading (tick), dated from when it began', () => {
    const engine = new AlertEngine(300);
    expect(engine.observe(rhHigh, 62, at(0))).toEqual([]);
    expect(engine.phaseOf(rhHigh.key)).toBe('pending');
    expect(engine.tick(at(299))).toEqual([]);
    const [e] = engine.tick(at(300));
    expect(e?.event).toBe('raised');
    expect(e?.alert.since).toBe(at(0).toISOString());
    expect(engine.tick(at(400))).toEqual([]); // once
    engine.observe(rhHigh, 50, at(500));
    expect(engine.tick(at(799))).toEqual([]);
    expect(engine.tick(at(800)).map((x) => x.event)).toEqual(['cleared']);
    expect(engine.tick(at(900))).toEqual([]);
  });

  it('with no minimum duration, raises and clears at once (still with the deadband)', () => {
    const engine = new AlertEngine(0);
    expect(engine.observe(rhHigh, 60.5, at(0)).map((e) => e.event)).toEqual(['raised']);
    expect(engine.observe(rhHigh, 59, at(1))).toEqual([]);
    expect(engine.observe(rhHigh, 60.2, at(2))).toEqual([]);
    expect(engine.observe(rhHigh, 57.9, at(3)).map((e) => e.event)).toEqual(['cleared']);
  });

  it('"below" alerts recover above the limit plus the deadband', () => {
    const engine = new AlertEngine(0);
    expect(engine.observe(tooCold, 15.8, at(0)).map((e) => e.event)).toEqual(['raised']);
    expect(engine.observe(tooCold, 16.3, at(1))).toEqual([]);
    expect(engine.observe(tooCold, 16.5, at(2)).map((e) => e.event)).toEqual(['cleared']);
  });

  it('keeps conditions apart: a new episode has a new id', () => {
    const engine = new AlertEngine(0);
    const first = engine.observe(rhHigh, 61, at(0))[0]!;
    engine.observe(tooCold, 15, at(0));
    expect(engine.active().map((a) => a.quantity).sort()).toEqual(['humidity', 'temperature']);
    engine.observe(rhHigh, 50, at(10));
    const second = engine.observe(rhHigh, 61, at(20))[0]!;
    expect(second.event).toBe('raised');
    expect(second.alert.id).not.toBe(first.alert.id);
  });
});

describe('retiring conditions', () => {
  it('clears a raised alert whose condition no longer applies, and drops a pending one silently', () => {
    const engine = new AlertEngine(60);
    feed(engine, rhHigh, [65, 65, 65, 65]);
    engine.observe(tooCold, 10, at(0));
    const events = engine.retire('zone:paintings/', new Set([tooCold.key]), at(100));
    expect(events.map((e) => `${e.event} ${e.alert.quantity}`)).toEqual(['cleared humidity']);
    expect(events[0]!.alert.clearedAt).toBe(at(100).toISOString());
    expect(engine.retire('zone:paintings/', new Set(), at(100))).toEqual([]); // tooCold was only pending
    expect(engine.active()).toEqual([]);
  });
});
