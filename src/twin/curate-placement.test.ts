import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addedProblems, clearFloorPoint, clearOffset, placementProblems, wallClearances, type PlacedWork } from './curate-placement';
import type { Exhibition } from './schema';
import { validateExhibition } from './validate';

const base = JSON.parse(readFileSync('assets/default/exhibition.json', 'utf8')) as Exhibition;
const works = base.artworks as unknown as PlacedWork[];
const work = (id: string) => works.find((w) => w.id === id)!;
const at = (id: string, placement: Record<string, unknown>): PlacedWork => ({ ...work(id), placement: { ...(work(id).placement as object), ...placement } });
const codes = (w: PlacedWork) => placementProblems(base.space, w, works).map((p) => p.code);

describe('placementProblems', () => {
  it('finds nothing wrong with the default exhibition', () => {
    for (const w of works) expect(codes(w), w.id).toEqual([]);
  });

  it('names a work past its wall, across a doorway, on another work, or outside every room', () => {
    expect(codes(at('harbour-lights', { offset: 99 }))).toEqual(['off-wall']);
    // Hall wall 0 runs 10 m with the doorway to the gallery at 5 m (2.4 m wide) and the marsh at 8.1 m.
    expect(codes(at('portrait-of-count-rovere', { offset: 5 }))).toEqual(['doorway:hall-gallery']);
    expect(codes(at('portrait-of-count-rovere', { offset: 8 }))).toEqual(['overlap:dawn-over-the-marsh']);
    expect(codes(at('portrait-of-count-rovere', { wall: 9 }))).toEqual(['no-wall']);
    expect(codes(at('ivy-amphora', { position: [50, 0, 50] }))).toEqual(['outside']);
    expect(codes(at('ivy-amphora', { position: [5, 0, 0.3] }))).toEqual(['doorway:hall-gallery']);
    expect(codes(at('celadon-vase', { position: [24.3, 0, 0.3] }))).toEqual(['overlap:shepherd-with-staff']);
  });

  it('agrees with the validator on where a wall work may hang', () => {
    for (const offset of [0.2, 1.9, 3.3, 3.4, 5, 6.6, 6.7, 7.8, 9.5]) {
      const ex = structuredClone(base);
      ex.artworks.find((w) => w.id === 'portrait-of-count-rovere')!.placement = { ...(work('portrait-of-count-rovere').placement as object), offset } as never;
      // The validator names an overlap at the later of the two works (the marsh, artworks[3]).
      const validatorSays = validateExhibition(ex).problems.some(
        (p) => p.severity === 'error' && (/^artworks\[1\]\.placement/.test(p.path) || (/^artworks\[\d+\]\.placement/.test(p.path) && p.message.includes('portrait-of-count-rovere'))),
      );
      expect(codes(at('portrait-of-count-rovere', { offset })).length > 0, `offset ${offset}`).toBe(validatorSays);
    }
  });

  it('judges a move by the problems it adds, so a work can be moved out of trouble', () => {
    const overlapping = placementProblems(base.space, at('portrait-of-count-rovere', { offset: 8 }), works);
    const stillOverlapping = placementProblems(base.space, at('portrait-of-count-rovere', { offset: 8.2 }), works);
    expect(addedProblems(overlapping, stillOverlapping)).toEqual([]);
    expect(addedProblems(overlapping, placementProblems(base.space, at('portrait-of-count-rovere', { offset: 5 }), works)).map((p) => p.code)).toEqual(['doorway:hall-gallery']);
  });
});

describe('snapping a drag to a clear place', () => {
  it('keeps a wall work on its wall, on the 5 cm grid, beside the doorway rather than in it', () => {
    expect(clearOffset(base.space, work('harbour-lights'), works, 99)).toBe(9.25);
    expect(clearOffset(base.space, work('harbour-lights'), works, 4.33)).toBe(4.35);
    expect(clearOffset(base.space, work('portrait-of-count-rovere'), works, 4.8)).toBe(3.3);
    expect(clearOffset(base.space, work('portrait-of-count-rovere'), works, 5.6)).toBe(6.7);
    // Between the doorway (ends at 6.2) and the marsh (starts at 7.5): 1.3 m, room for the 0.92 m portrait.
    expect(codes(at('portrait-of-count-rovere', { offset: 6.7 }))).toEqual([]);
  });

  it('says how much room the work has each way', () => {
    expect(wallClearances(base.space, work('portrait-of-count-rovere'), works)).toEqual({ before: 1.44, after: 1.44 });
  });

  it('finds a floor place near the wanted one, inside a room and clear of doorways and other works', () => {
    for (const wanted of [[5, 0.2], [24.3, 0.3], [9.99, 7.99]] as [number, number][]) {
      const p = clearFloorPoint(base.space, work('ivy-amphora'), works, wanted)!;
      expect(p, String(wanted)).toBeDefined();
      expect(codes(at('ivy-amphora', { position: [p[0], 0, p[1]] })), String(wanted)).toEqual([]);
      expect(Math.hypot(p[0] - wanted[0], p[1] - wanted[1])).toBeLessThan(1.6);
    }
    expect(clearFloorPoint(base.space, work('ivy-amphora'), works, [7.5, 6.3])).toEqual([7.5, 6.3]);
  });
});
