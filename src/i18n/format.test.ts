import { describe, expect, it } from 'vitest';
import { formatDimensions, formatIsoDate, formatNumber } from './format';

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

describe('numbers for the language', () => {
  it('uses the language’s digits and unit', () => {
    expect(formatDimensions({ height: 0.5, width: 0.25 }, 'ar')).toBe(`${new Intl.NumberFormat('ar').format(50)} × ${new Intl.NumberFormat('ar', { style: 'unit', unit: 'centimeter' }).format(25)}`);
    expect(formatNumber(1234, 'it')).toBe('1234');
    expect(formatNumber(12345, 'en')).toBe('12,345');
  });
});
