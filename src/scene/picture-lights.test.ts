import { describe, expect, it } from 'vitest';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { poolColour } from './picture-lights';

/** What the screen blend draws over a wall drawn at `d` with colour `s`. */
const screen = (s: number, d: number) => s + d * (1 - s);
const linear = (hex: string) => Color3.FromHexString(hex).toLinearSpace();
/** The wall's drawn level before the pool (the same estimate poolColour makes), for the checks below. */
const drawn = (c: number, ambient: number) => {
  const l = c * ambient * 0.8;
  return l <= 0.0031308 ? 12.92 * l : 1.055 * Math.pow(l, 1 / 2.4) - 0.055;
};

describe('picture lights’ pools', () => {
  it('shows a clear pool on a white wall, brighter at its centre, yet short of blowing the wall out to white', () => {
    const wall = linear('#eeeae2');
    const [r] = poolColour(wall, 0.9 * 0.85, 0.35);
    const d = drawn(wall.r, 0.9 * 0.85);
    // At least a tenth of full scale brighter at the centre: seen at a glance on a white wall.
    expect(screen(r, d) - d).toBeGreaterThan(0.1);
    expect(screen(r, d)).toBeLessThan(1);
  });

  it('keeps a coloured wall’s hue: the red wall’s pool lifts red most, and a dark blue wall still shows one', () => {
    const red = linear('#8a3a32');
    const [r, g, b] = poolColour(red, 0.9 * 0.85, 0.35);
    const lift = (s: number, c: number) => screen(s, drawn(c, 0.9 * 0.85)) - drawn(c, 0.9 * 0.85);
    expect(lift(r, red.r)).toBeGreaterThan(lift(g, red.g));
    expect(lift(g, red.g)).toBeGreaterThan(lift(b, red.b) * 0.9);
    const blue = linear('#3f5566');
    const [, , bb] = poolColour(blue, 0.62 * 0.85, 0.3);
    expect(screen(bb, drawn(blue.b, 0.62 * 0.85)) - drawn(blue.b, 0.62 * 0.85)).toBeGreaterThan(0.05);
  });

  it('throws no pool where a work has no light', () => {
    expect(poolColour(linear('#eeeae2'), 0.9, 0)).toEqual([0, 0, 0]);
  });
});
