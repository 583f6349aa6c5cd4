import { describe, expect, it } from 'vitest';
import { validateExhibition } from '../validate';
import { sampleExhibition } from './sample';
import { levelsOf, onLevel } from './levels';
import { planOf, workRoom } from './places';

describe('levels on the floor plan', () => {
  const r = validateExhibition(sampleExhibition({ roomsPerLevel: 2, cols: 2, worksPerRoom: 2 }));
  if (!r.ok) throw new Error('sample invalid');
  const ex = r.exhibition;
  const plan = planOf(ex);
  const room = (id: string) => workRoom(ex, ex.artworks.find((a) => a.id === id)!)?.id;
  const ids = ex.artworks.map((a) => a.id);

  it('shows each level’s own rooms and works, and every room and work on exactly one level', () => {
    expect(levelsOf(plan).map((l) => l.id)).toEqual(['ground', 'upper']);
    const ground = onLevel(plan, 'ground', room, ids);
    const upper = onLevel(plan, 'upper', room, ids);
    expect([...ground.rooms]).toEqual(['g0', 'g1']);
    expect([...upper.rooms]).toEqual(['u0', 'u1']);
    expect([...ground.works]).toEqual(['w0', 'w1', 'w2', 'w3']);
    expect([...upper.works]).toEqual(['w4', 'w5', 'w6', 'w7']);
  });

  it('shows nothing for a level the plan does not have', () => {
    expect(onLevel(plan, 'attic', room, ids)).toEqual({ rooms: new Set(), works: new Set() });
  });
});
