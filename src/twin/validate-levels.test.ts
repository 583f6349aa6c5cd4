import { describe, expect, it } from 'vitest';
import { validateExhibition } from './validate';
import { sampleExhibition } from './route/sample';
import { minimalExhibition } from './fixtures';

type Plan = { levels?: { id: string }[]; verticalLinks?: { ends: { level: string; room: string; position: [number, number] }[] }[]; rooms: { level?: string }[]; amenities?: { room: string; position: [number, number] }[] };
const planOf = (ex: ReturnType<typeof sampleExhibition>): Plan => ex.space as unknown as Plan;
const errors = (json: unknown) => validateExhibition(json).problems.filter((p) => p.severity === 'error');

describe('levels and vertical links', () => {
  it('reports a vertical link whose two ends are on one level at its ends', () => {
    const ex = sampleExhibition();
    const link = planOf(ex).verticalLinks![0]!;
    link.ends[1] = { level: 'ground', room: 'g1', position: [16, 2] };
    const found = errors(ex);
    expect(found).toEqual([expect.objectContaining({ path: 'space.verticalLinks[0].ends', message: expect.stringContaining('two different levels') })]);
  });

  it('names an unknown level, an unknown room, a room on another level and an end outside its room', () => {
    const ex = sampleExhibition();
    const [stairs, lift] = planOf(ex).verticalLinks!;
    stairs!.ends[0]!.level = 'basement';
    stairs!.ends[1]!.room = 'nowhere';
    lift!.ends[0]!.position = [500, 500];
    lift!.ends[1]!.room = 'g0';
    const byPath = new Map(errors(ex).map((p) => [p.path, p.message]));
    expect(byPath.get('space.verticalLinks[0].ends[0].level')).toMatch(/level 'basement' does not exist/);
    expect(byPath.get('space.verticalLinks[0].ends[1].room')).toMatch(/room 'nowhere' does not exist/);
    expect(byPath.get('space.verticalLinks[1].ends[0].position')).toMatch(/not inside room/);
    expect(byPath.get('space.verticalLinks[1].ends[1].level')).toMatch(/room 'g0' is on level 'ground', not 'upper'/);
  });

  it('reports a room on a level that does not exist, and an amenity outside its room', () => {
    const ex = sampleExhibition();
    planOf(ex).rooms[0]!.level = 'attic';
    planOf(ex).amenities![0]!.position = [-5, -5];
    const paths = errors(ex).map((p) => p.path);
    expect(paths).toContain('space.rooms[0].level');
    expect(paths).toContain('space.amenities[0].position');
  });

  it('does not call rooms on different levels overlapping, and reaches upper rooms by the stairs', () => {
    const r = validateExhibition(sampleExhibition());
    expect(r.problems.filter((p) => /overlaps room|cannot be reached/.test(p.message))).toEqual([]);
  });

  it('leaves an exhibition without levels as it was (one level, no new problems)', () => {
    expect(validateExhibition(minimalExhibition()).problems).toEqual([]);
  });
});
