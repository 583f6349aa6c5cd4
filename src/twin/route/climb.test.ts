import { describe, expect, it } from 'vitest';
import { climbLegs, levelAtHeight, LIFT_STEP_OUT } from './climb';
import type { LinkStep } from './levels';
import type { Vec2 } from '../schema';

const EYE = 1.6;
const stairs = (from: Vec2, to: Vec2, up = true): LinkStep => ({
  link: { id: 's', kind: 'stairs', ends: [{ level: 'g', room: 'a', position: from }, { level: 'm', room: 'b', position: to }] },
  from: { level: up ? 'g' : 'm', room: 'a', position: from, elevation: up ? 0 : 4.4 },
  to: { level: up ? 'm' : 'g', room: 'b', position: to, elevation: up ? 4.4 : 0 },
});
const lift = (at: Vec2): LinkStep => ({
  link: { id: 'l', kind: 'lift', ends: [{ level: 'g', room: 'a', position: at }, { level: 'm', room: 'b', position: at }] },
  from: { level: 'g', room: 'a', position: at, elevation: 0 },
  to: { level: 'm', room: 'b', position: at, elevation: 4.4 },
});

describe('taking the stairs or the lift in the preview', () => {
  it('climbs the stairs in one eased move to the head of the flight, looking on up the run, over a few seconds', () => {
    const legs = climbLegs(stairs([15, 9.4], [15, 0.8]), [1, 0], EYE);
    expect(legs).toHaveLength(1);
    const [leg] = legs;
    expect(leg!.eye).toEqual([15, 4.4 + EYE, 0.8]);
    // Looking north (−z), the way the flight runs, at eye height: not back down the stairs, not where they faced.
    expect(leg!.look[0]).toBeCloseTo(15);
    expect(leg!.look[1]).toBeCloseTo(4.4 + EYE);
    expect(leg!.look[2]).toBeLessThan(0.8);
    // 8.6 m of run and 4.4 m of rise: not a cut, and not a slow walk either.
    expect(leg!.seconds).toBeGreaterThanOrEqual(3);
    expect(leg!.seconds).toBeLessThanOrEqual(4);
  });

  it('walks down the same way, ending at the foot, looking on down the run', () => {
    const [leg] = climbLegs(stairs([15, 0.8], [15, 9.4], false), [0, -1], EYE);
    expect(leg!.eye).toEqual([15, EYE, 9.4]);
    expect(leg!.look[2]).toBeGreaterThan(9.4);
  });

  it('rides the lift straight up, keeping the view, then steps out toward the middle of the room there', () => {
    const room: Vec2[] = [[10, 0], [16, 0], [16, 10], [10, 10]];
    const [ride, out] = climbLegs(lift([11, 9]), [0, 1], EYE, room);
    expect(ride!.eye).toEqual([11, 4.4 + EYE, 9]);
    expect(ride!.look[2]).toBeGreaterThan(9); // still facing +z, as when they stepped in
    expect(ride!.seconds).toBeGreaterThan(1);
    // Off the marked floor (so it does not take them down again) and toward [13, 5], not into the wall behind.
    const [x, y, z] = out!.eye;
    expect(Math.hypot(x - 11, z - 9)).toBeCloseTo(LIFT_STEP_OUT);
    expect(y).toBe(4.4 + EYE);
    expect(x).toBeGreaterThan(11);
    expect(z).toBeLessThan(9);
  });

  it('steps out of a lift the way the visitor faces when the far room is not known', () => {
    const [, out] = climbLegs(lift([3, 3]), [1, 0], EYE);
    expect(out!.eye[0]).toBeCloseTo(3 + LIFT_STEP_OUT);
    expect(out!.eye[2]).toBeCloseTo(3);
  });

});

describe('the level a visitor stands on, by the height of their feet', () => {
  const levels = [
    { id: 'ground', elevation: 0 },
    { id: 'mezzanine', elevation: 4.4 },
  ];
  it('names the floor the feet are on, and none halfway up a flight', () => {
    expect(levelAtHeight(0.05, levels)?.id).toBe('ground');
    expect(levelAtHeight(4.38, levels)?.id).toBe('mezzanine');
    expect(levelAtHeight(2.2, levels)).toBeUndefined();
    expect(levelAtHeight(-1, levels)).toBeUndefined();
    expect(levelAtHeight(0.6, levels)).toBeUndefined();
  });
  it('takes the nearer floor when two are within reach', () => {
    expect(levelAtHeight(0.25, [{ id: 'a', elevation: 0 }, { id: 'b', elevation: 0.4 }])?.id).toBe('b');
  });
});
