import { describe, expect, it } from 'vitest';
import { validateExhibition } from '../validate';
import { sampleExhibition } from './sample';

describe('the generated two-level exhibition', () => {
  it('validates with no errors, small and at benchmark size', () => {
    for (const opts of [{}, { roomsPerLevel: 25, cols: 5, worksPerRoom: 20 }]) {
      const r = validateExhibition(sampleExhibition(opts));
      expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(r.ok).toBe(true);
    }
  });
});
