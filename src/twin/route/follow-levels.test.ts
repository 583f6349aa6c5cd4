import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateExhibition } from '../validate';
import { planRoute } from './plan';
import { RouteProgress, wayLength, type WayPoint } from './follow';

// The default exhibition: the mezzanine over the stair hall, stairs up its east side (foot 15, 9.4; head 15, 0.8)
// and a lift in its south-west corner (11, 9).
const r = validateExhibition(JSON.parse(readFileSync(fileURLToPath(new URL('../../../assets/default/exhibition.json', import.meta.url)), 'utf8')));
if (!r.ok) throw new Error('the default exhibition does not validate');
const ex = r.exhibition;
const near = (p: WayPoint | undefined, x: number, z: number) => !!p && Math.hypot(p.position[0] - x, p.position[1] - z) < 1e-6;

describe('following a route to a stop on another level (a phone in the gallery, AR)', () => {
  // Red Rhythm in the long gallery, then the study for it upstairs.
  const route = planRoute(ex, { favourites: ['red-rhythm', 'study-for-red-rhythm'], budget: 60, keepOrder: true });
  const stepFree = planRoute(ex, { favourites: ['red-rhythm', 'study-for-red-rhythm'], budget: 60, keepOrder: true, stepFree: true });
  const atFirst = (rt: typeof route): WayPoint => ({ position: rt.stops[0]!.place.position, level: 'ground' });

  it('leads the arrows to the foot of the stairs and no further on this floor, and marks the stairs, not the work overhead', () => {
    const p = new RouteProgress(route, 1);
    const at = atFirst(route);
    const change = p.levelChange(at)!;
    expect(change).toMatchObject({ kind: 'stairs', link: 'mezzanine-stairs', up: true, level: 'mezzanine' });
    expect(near(change.at, 15, 9.4)).toBe(true);
    // As far as the way ahead to the stairs' foot: through the gallery, the hall and the stair hall.
    const way = p.ahead(at);
    const foot = way.findIndex((w) => near(w, 15, 9.4));
    expect(way[foot + 1]).toMatchObject({ level: 'mezzanine', via: { kind: 'stairs' } });
    expect(change.metres).toBeCloseTo(wayLength(way.slice(0, foot + 1)), 6);
    expect(change.metres).toBeGreaterThan(10);
    // The ring: the stairs' foot on this floor, not the study 4.4 m above.
    expect(near(p.target(at), 15, 9.4)).toBe(true);
    expect(p.target(at)!.level).toBe('ground');
    // The arrows: on the ground floor only; from inside the stair hall, they end within a spacing of the stairs' foot.
    expect(p.arrows(at).every((a) => a.level === 'ground')).toBe(true);
    const arrows = p.arrows({ position: [12.5, 8.5], level: 'ground' });
    expect(arrows.length).toBeLessThan(12);
    expect(arrows.every((a) => a.level === 'ground')).toBe(true);
    const last = arrows.at(-1)!;
    expect(Math.hypot(last.position[0] - 15, last.position[1] - 9.4)).toBeLessThanOrEqual(0.6 + 1e-6);
  });

  it('on a step-free route, to the lift instead', () => {
    const p = new RouteProgress(stepFree, 1);
    const at = atFirst(stepFree);
    expect(p.levelChange(at)).toMatchObject({ kind: 'lift', link: 'mezzanine-lift', up: true, level: 'mezzanine' });
    expect(near(p.target(at), 11, 9)).toBe(true);
  });

  it('says on which side the stairs are from the way the visitor faces, as the route’s own directions do', () => {
    const p = new RouteProgress(route, 1);
    // Standing at the stair hall's doorway (10, 1.5), the foot (15, 9.4) is south-east: facing south it is ahead.
    const at: WayPoint = { position: [10.5, 1.5], level: 'ground' };
    expect(p.levelStep(at, 180)).toMatchObject({ kind: 'stairs', up: true, level: 'mezzanine', side: 'ahead' });
    expect(p.levelStep(at, 0)).toMatchObject({ side: 'behind' });
    expect(p.levelStep(at, 90)?.side).toBe('right');
  });

  it('once upstairs, no level change is left: the arrows and the ring lead to the work itself', () => {
    const p = new RouteProgress(route, 1);
    const at: WayPoint = { position: [15, 0.8], level: 'mezzanine' };
    expect(p.levelChange(at)).toBeUndefined();
    expect(p.levelStep(at, 0)).toBeUndefined();
    expect(p.target(at)).toEqual({ position: route.stops[1]!.place.position, level: 'mezzanine' });
    expect(p.arrows(at).length).toBeGreaterThan(0);
  });

  it('coming down: from upstairs to the next stop on the ground floor, down the stairs from their head', () => {
    const down = planRoute(ex, { favourites: ['study-for-red-rhythm', 'red-rhythm'], budget: 60, keepOrder: true });
    const p = new RouteProgress(down, 1);
    const at: WayPoint = { position: down.stops[0]!.place.position, level: 'mezzanine' };
    expect(p.levelChange(at)).toMatchObject({ up: false, level: 'ground' });
    const target = p.target(at)!;
    expect(target.level).toBe('mezzanine');
    // The head of the stairs or the lift's door upstairs, whichever the plan chose.
    expect(near(target, 15, 0.8) || near(target, 11, 9)).toBe(true);
  });

  it('off every level of the way (a visitor upstairs when the way stays downstairs): nothing to point at', () => {
    const groundOnly = planRoute(ex, { favourites: ['red-rhythm', 'harbour-lights'], budget: 60, keepOrder: true });
    const p = new RouteProgress(groundOnly, 1);
    const at: WayPoint = { position: [13, 5], level: 'mezzanine' };
    expect(p.levelChange(at)).toBeUndefined();
    expect(p.target(at)).toBeUndefined();
  });
});
