import { describe, expect, it } from 'vitest';
import { validateExhibition } from '../validate';
import { sampleExhibition } from './sample';
import { levelsOf, linkReached, linkSteps, onLevel, roomAtHeight, roomElevations } from './levels';
import { artworkPose, viewpoint } from '../layout';
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

describe('levels in 3D: rooms one above another', () => {
  const r = validateExhibition(sampleExhibition({ roomsPerLevel: 2, cols: 2, worksPerRoom: 2 }));
  if (!r.ok) throw new Error('sample invalid');
  const ex = r.exhibition;
  const plan = planOf(ex);

  it('tells rooms sharing plan area apart by height: the floor highest under the point', () => {
    expect(roomElevations(plan).get('u0')).toBe(5);
    expect(roomAtHeight(plan, [3, 1.6, 3])?.id).toBe('g0');
    expect(roomAtHeight(plan, [3, 6.6, 3])?.id).toBe('u0');
    expect(roomAtHeight(plan, [20, 5, 3])?.id).toBe('u1');
    expect(roomAtHeight(plan, [50, 1.6, 3])).toBeUndefined();
  });

  it('hangs an upper room’s paintings at their height above that room’s floor, and stands the visitor on it', () => {
    const upper = ex.artworks.find((a) => a.placement.kind === 'wall' && a.placement.room === 'u0')!;
    const ground = ex.artworks.find((a) => a.placement.kind === 'wall' && a.placement.room === 'g0')!;
    expect(artworkPose(ex, upper).position[1]).toBeCloseTo(artworkPose(ex, ground).position[1] + 5);
    expect(viewpoint(ex, upper).eye[1]).toBeCloseTo(5 + 1.6);
    expect(viewpoint(ex, ground).eye[1]).toBeCloseTo(1.6);
  });

  it('takes a visitor who steps onto a stair’s end to its other end, only from the level they stand on', () => {
    const steps = linkSteps(plan);
    const [g, u] = plan.verticalLinks!.find((l) => l.id === 'stairs')!.ends;
    const up = linkReached(steps, [g.position[0] + 0.3, 0, g.position[1]], 0.6);
    expect(up?.link.id).toBe('stairs');
    expect(up?.to).toMatchObject({ level: 'upper', room: 'u0', elevation: 5 });
    expect(up?.to.position).toEqual(u.position);
    // Upstairs, right above the ground end: the stairs do not take the visitor (the upper end is elsewhere).
    expect(linkReached(steps, [g.position[0], 5, g.position[1]], 0.6)).toBeUndefined();
    expect(linkReached(steps, [u.position[0], 5, u.position[1]], 0.6)?.to.level).toBe('ground');
    // A step away is not on it.
    expect(linkReached(steps, [g.position[0] + 1, 0, g.position[1]], 0.6)).toBeUndefined();
  });
});
