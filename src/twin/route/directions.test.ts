import { describe, expect, it } from 'vitest';
import { validateExhibition } from '../validate';
import { sampleExhibition } from './sample';
import { planRoute } from './plan';
import { legDirections, sideOf } from './directions';

describe('directions', () => {
  it('tells left from right by heading (0 looks toward −z, 90 toward +x)', () => {
    expect(sideOf(0, [0, 0], [0, -5])).toBe('ahead');
    expect(sideOf(0, [0, 0], [5, 0])).toBe('right');
    expect(sideOf(0, [0, 0], [-5, 0])).toBe('left');
    expect(sideOf(0, [0, 0], [0, 5])).toBe('behind');
    expect(sideOf(180, [0, 0], [5, 0])).toBe('left');
    expect(sideOf(350, [0, 0], [0.5, -5])).toBe('ahead');
  });

  it('walks through doorways into named rooms and up the stairs, in metres that add up to the leg', () => {
    const r = validateExhibition(sampleExhibition());
    if (!r.ok) throw new Error('sample');
    // From the entrance of g0 (facing +z) to a work upstairs in u1.
    const route = planRoute(r.exhibition, { favourites: ['w20'], budget: 60, detours: false });
    const steps = legDirections(route, 0);
    expect(steps.map((s) => s.kind)).toEqual(['stairs', 'door', 'arrive']);
    expect(steps[0]).toMatchObject({ kind: 'stairs', up: true, level: 'upper' });
    expect(steps[1]).toMatchObject({ kind: 'door', room: 'u1' });
    const walked = steps.reduce((s, x) => s + x.metres, 0);
    // The flight itself (plan run plus twice its 5 m rise) is in the leg but in no step's walking.
    expect(walked).toBeLessThan(route.legs[0]!.metres);
    expect(walked).toBeGreaterThan(route.legs[0]!.metres - 13);
    const back = legDirections(route, 1);
    expect(back.find((s) => s.kind === 'stairs')).toMatchObject({ up: false, level: 'ground' });
  });

  it('says the doorway is on the right when the visitor faces along the wall it is in', () => {
    const r = validateExhibition(sampleExhibition());
    if (!r.ok) throw new Error('sample');
    // The entrance (7, 1.5) faces +z (heading 180); g0's east doorway (14, 5) is on their left.
    const route = planRoute(r.exhibition, { favourites: ['w4'], budget: 60, detours: false });
    const steps = legDirections(route, 0);
    expect(steps[0]).toMatchObject({ kind: 'door', room: 'g1', side: 'left' });
  });
});
