import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateExhibition } from '../validate';
import { planRoute } from './plan';
import { legDirections } from './directions';
import { levelsOf, onLevel } from './levels';
import { planOf, workRoom } from './places';

// The default exhibition (assets/default, made by npm run generate:default): a mezzanine over the stair hall.
const r = validateExhibition(JSON.parse(readFileSync(fileURLToPath(new URL('../../../assets/default/exhibition.json', import.meta.url)), 'utf8')));
if (!r.ok) throw new Error('the default exhibition does not validate');
const ex = r.exhibition;
const plan = planOf(ex);
const upstairs = ['poplars-for-her-sister', 'study-for-red-rhythm', 'lemons-and-a-blue-jug-study'];
const usesLink = (route: ReturnType<typeof planRoute>, kind: 'stairs' | 'lift'): boolean =>
  route.legs.some((_, k) => legDirections(route, k).some((s) => s.kind === kind));

describe('the default exhibition’s mezzanine', () => {
  it('is a second level holding three works, every other room and work on the ground floor as before', () => {
    expect(levelsOf(plan).map((l) => [l.id, l.elevation])).toEqual([['ground', 0], ['mezzanine', 4.4]]);
    const room = (id: string) => workRoom(ex, ex.artworks.find((a) => a.id === id)!)?.id;
    const ids = ex.artworks.map((a) => a.id);
    const up = onLevel(plan, 'mezzanine', room, ids);
    expect([...up.rooms]).toEqual(['mezzanine']);
    expect([...up.works].sort()).toEqual([...upstairs].sort());
    const ground = onLevel(plan, 'ground', room, ids);
    expect([...ground.rooms]).toEqual(['hall', 'gallery', 'sculpture', 'cabinet', 'stair-hall']);
    expect(ground.works.size + up.works.size).toBe(ex.artworks.length);
  });

  it('is reached by the stairs, or by the lift on a step-free route, and the route comes back down', () => {
    const favourites = ['red-rhythm', 'study-for-red-rhythm'];
    const route = planRoute(ex, { favourites, budget: 60 });
    expect(route.stops.map((s) => s.artwork).sort()).toEqual([...favourites].sort());
    expect(usesLink(route, 'stairs')).toBe(true);
    const stepFree = planRoute(ex, { favourites, budget: 60, stepFree: true });
    expect(stepFree.stops).toHaveLength(2);
    expect(usesLink(stepFree, 'stairs')).toBe(false);
    expect(usesLink(stepFree, 'lift')).toBe(true);
    // Up once and down once (the visit starts and ends at the entrance), told in words as up and down.
    const links = stepFree.legs.flatMap((_, k) => legDirections(stepFree, k).filter((s) => s.kind === 'lift'));
    expect(links.map((s) => s.kind === 'lift' && s.up)).toEqual([true, false]);
  });
});
