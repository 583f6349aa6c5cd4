import { describe, expect, it } from 'vitest';
import { readPresence, roundPose } from './presence';

describe('a colleague’s presence', () => {
  it('is read with their camera when it is a pair of points in the space', () => {
    expect(readPresence({ name: 'ana', selected: 'harbour-lights', camera: { at: [1, 12.5, -20], look: [5, 0, 3] } })).toEqual({ name: 'ana', selected: 'harbour-lights', camera: { at: [1, 12.5, -20], look: [5, 0, 3] } });
  });

  it('drops what cannot be drawn, and a state without a name altogether', () => {
    expect(readPresence({ name: 'ana', selected: null, camera: { at: [1, Number.NaN, 2], look: [0, 0, 0] } })).toEqual({ name: 'ana', selected: null });
    expect(readPresence({ name: 'ana', selected: 7, camera: { at: [1, 2], look: [0, 0, 0] } })).toEqual({ name: 'ana', selected: null });
    expect(readPresence({ name: 'ana', selected: null, camera: { at: [1e9, 0, 0], look: [0, 0, 0] } })).toEqual({ name: 'ana', selected: null });
    expect(readPresence({ name: '', selected: null })).toBeUndefined();
    expect(readPresence({ selected: 'x' })).toBeUndefined();
    expect(readPresence('ana')).toBeUndefined();
  });

  it('sends a camera rounded to the centimetre', () => {
    expect(roundPose({ at: [1.23456, -0.004, 7], look: [2.005, 0, -3.333] })).toEqual({ at: [1.23, -0, 7], look: [2.01, 0, -3.33] });
  });
});
