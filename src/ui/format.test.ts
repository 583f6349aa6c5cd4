import { describe, expect, it } from 'vitest';
import { formatDimensions, formatIsoDate } from './format';

describe('label formats', () => {
  it('prints dimensions in centimetres for the language', () => {
    expect(formatDimensions({ height: 0.737, width: 0.921 }, 'en')).toBe('73.7 × 92.1 cm');
    expect(formatDimensions({ height: 0.737, width: 0.921, depth: 0.05 }, 'it')).toBe('73,7 × 92,1 × 5 cm');
  });
  it('prints partial ISO dates as far as they go', () => {
    expect(formatIsoDate('2019', 'en')).toBe('2019');
    expect(formatIsoDate('2019-03-04', 'en')).toBe('March 4, 2019');
    expect(formatIsoDate('2019-03', 'it')).toBe('marzo 2019');
  });
});
