import { describe, expect, it } from 'vitest';
import { snapOffset } from './wall';

describe('snapOffset', () => {
  it('snaps to 5 cm without float noise', () => {
    expect(snapOffset(2.3)).toBe(2.3);
    expect(snapOffset(2.33)).toBe(2.35);
    expect(snapOffset(2.3 + 0.05)).toBe(2.35);
    expect(snapOffset(1.9 - 0.05)).toBe(1.85);
  });
  it('never goes before the wall start, and a non-number goes to 0', () => {
    expect(snapOffset(-0.2)).toBe(0);
    expect(snapOffset(Number.NaN)).toBe(0);
  });
});
