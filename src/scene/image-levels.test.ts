import { describe, expect, it } from 'vitest';
import { FIRST_LEVEL_MAX, firstLevel, levelPixels, levelSizes, nextLevel, screenPixels, wantedLevel } from './image-levels';

describe('image levels', () => {
  it('ladders a 1400 px painting as 256, 512, 1024 and its own size; a small image has only its own', () => {
    expect(levelSizes(1400, 840)).toEqual([256, 512, 1024, 1400]);
    expect(levelSizes(1023, 1419)).toEqual([256, 512, 1024, 1419]);
    expect(levelSizes(200, 150)).toEqual([200]);
    expect(levelSizes(512, 512)).toEqual([256, 512]);
  });

  it('scales a level to the work’s shape, longest side first', () => {
    expect(levelPixels(1400 / 840, 256)).toEqual({ width: 256, height: 154 });
    expect(levelPixels(0.8, 512)).toEqual({ width: 410, height: 512 });
    expect(() => levelPixels(0, 256)).toThrow(/aspect must be a positive number/);
  });

  it('measures screen pixels across a work: a 1 m painting 3 m away in a 540 px view at 0.8 rad', () => {
    const px = screenPixels(1, 3, 0.8, 540);
    expect(px).toBeCloseTo(540 / (2 * Math.tan(0.4) * 3), 6);
    expect(screenPixels(1, 6, 0.8, 540)).toBeCloseTo(px / 2, 6);
    // Standing in the painting does not divide by zero.
    expect(Number.isFinite(screenPixels(1, 0, 0.8, 540))).toBe(true);
  });

  it('picks the smallest level with the pixels the work covers', () => {
    const sizes = levelSizes(1400, 840);
    expect(wantedLevel(sizes, 80)).toBe(0);
    expect(wantedLevel(sizes, 300)).toBe(1);
    expect(wantedLevel(sizes, 1100)).toBe(3);
    expect(wantedLevel(sizes, 5000)).toBe(3);
  });

  it('starts small: never above FIRST_LEVEL_MAX, whatever the work covers', () => {
    const sizes = levelSizes(1400, 840);
    expect(sizes[firstLevel(sizes, 2000)]).toBe(FIRST_LEVEL_MAX);
    expect(firstLevel(sizes, 60)).toBe(0);
    expect(firstLevel([200], 2000)).toBe(0);
  });

  it('rises one level at a time as the visitor comes close, never jumping', () => {
    const sizes = levelSizes(1400, 840);
    let level = 0;
    const seen = [level];
    while (level !== nextLevel(sizes, level, 1300)) seen.push((level = nextLevel(sizes, level, 1300)));
    expect(seen).toEqual([0, 1, 2, 3]);
  });

  it('falls one level at a time when the visitor walks away or the work leaves reach, with a band against flicker', () => {
    const sizes = levelSizes(1400, 840);
    // Just under 1024 px covered: 1024 stays (512 would blur), and it does not fall at 700 either (512 < 700 × 1.5).
    expect(nextLevel(sizes, 2, 1000)).toBe(2);
    expect(nextLevel(sizes, 2, 700)).toBe(2);
    // At 300 px, 512 still has 1.7 image pixels per screen pixel: one level down.
    expect(nextLevel(sizes, 2, 300)).toBe(1);
    // Out of reach: down to the smallest, a level per step.
    expect(nextLevel(sizes, 3, 0)).toBe(2);
    expect(nextLevel(sizes, 0, 0)).toBe(0);
  });
});
