import { describe, expect, it } from 'vitest';
import type { Exhibition, ExhibitionInput } from '../schema';
import { validateExhibition } from '../validate';
import { sampleExhibition } from './sample';
import { planRoute, PACE_M_PER_S } from './plan';

function load(input: ExhibitionInput = sampleExhibition()): Exhibition {
  const r = validateExhibition(input);
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
  return r.exhibition;
}

const usesLink = (route: ReturnType<typeof planRoute>, id: string): boolean => route.legs.some((l) => l.path.nodes.some((n) => n.startsWith(`v:${id}:`)));

describe('planning a personal visit', () => {
  const ex = load();

  it('visits every favourite on both levels with real walking distances, and adds it up', () => {
    const route = planRoute(ex, { favourites: ['w1', 'w13', 'w17', 'w30'], budget: 60 });
    expect(route.stops.map((s) => s.artwork).sort()).toEqual(['w1', 'w13', 'w17', 'w30']);
    expect(route.legs).toHaveLength(5);
    expect(new Set(route.stops.map((s) => s.place.level))).toEqual(new Set(['ground', 'upper']));
    for (const leg of route.legs) expect(leg.minutes).toBeCloseTo(leg.metres / PACE_M_PER_S / 60, 9);
    expect(route.walkMetres).toBeCloseTo(route.legs.reduce((s, l) => s + l.metres, 0), 9);
    expect(route.dwellMinutes).toBe(8); // four paintings, 2 min each
    expect(route.totalMinutes).toBeCloseTo(route.walkMinutes + route.dwellMinutes, 9);
    expect(route.totalMinutes).toBeLessThanOrEqual(60);
    expect(route.leftOut).toEqual([]);
    // It climbs once and comes down once (start and end are at the entrance).
    const climbs = route.legs.flatMap((l) => l.path.nodes.filter((n) => n.startsWith('v:'))).length;
    expect(climbs).toBe(4);
  });

  it('keeps must-see works first when time is short, and says what the rest would take', () => {
    const favourites = ['w0', 'w5', 'w9', 'w14', 'w18', 'w22', 'w27', 'w31'];
    const route = planRoute(ex, { favourites, mustSee: ['w31'], budget: 15 });
    expect(route.stops.map((s) => s.artwork)).toContain('w31');
    expect(route.stops.find((s) => s.artwork === 'w31')!.mustSee).toBe(true);
    expect(route.totalMinutes).toBeLessThanOrEqual(15);
    const left = route.leftOut.filter((l) => l.reason === 'time');
    expect(left.length).toBeGreaterThan(0);
    expect(route.stops.length + left.length).toBe(favourites.length);
    for (const l of left) expect(l.minutes).toBeGreaterThanOrEqual(2);
    expect(route.leftOutMinutes).toBeGreaterThanOrEqual(Math.max(...left.map((l) => l.minutes!)));
    const allDay = planRoute(ex, { favourites, mustSee: ['w31'], budget: 'all-day' });
    expect(allDay.leftOut).toEqual([]);
    expect(allDay.totalMinutes).toBeGreaterThan(15);
  });

  it('never takes the stairs when step-free, and says so plainly when there is no step-free way', () => {
    const favourites = ['w1', 'w17'];
    expect(usesLink(planRoute(ex, { favourites, budget: 60 }), 'stairs')).toBe(true);
    const stepFree = planRoute(ex, { favourites, budget: 60, stepFree: true });
    expect(usesLink(stepFree, 'stairs')).toBe(false);
    expect(usesLink(stepFree, 'lift')).toBe(true);
    expect(stepFree.stops).toHaveLength(2);

    const input = sampleExhibition();
    const plan = input.space as { verticalLinks?: unknown[] };
    plan.verticalLinks = plan.verticalLinks!.slice(0, 1); // the stairs only
    const noLift = planRoute(load(input), { favourites, budget: 60, stepFree: true });
    expect(noLift.stops.map((s) => s.artwork)).toEqual(['w1']);
    expect(noLift.leftOut).toEqual([{ artwork: 'w17', reason: 'no-step-free-way' }]);
    expect(noLift.notes).toContainEqual({ kind: 'no-step-free-way', artworks: ['w17'] });
  });

  it('uses each work’s own dwell time, and the default by kind otherwise', () => {
    const input = sampleExhibition();
    (input.artworks[1] as { dwellMinutes?: number }).dwellMinutes = 7;
    const route = planRoute(load(input), { favourites: ['w1', 'w2'], budget: 60 });
    expect(route.stops.find((s) => s.artwork === 'w1')!.dwellMinutes).toBe(7);
    expect(route.stops.find((s) => s.artwork === 'w2')!.dwellMinutes).toBe(2);
  });

  it('lists unknown works, starts and ends at the café, and reports an unknown place', () => {
    const route = planRoute(ex, { favourites: ['w4', 'gone'], budget: 30, start: 'cafe', end: 'nowhere' });
    expect(route.leftOut).toEqual([{ artwork: 'gone', reason: 'unknown' }]);
    expect(route.start.id).toBe('cafe');
    expect(route.end.id).toBe('entrance');
    expect(route.notes).toContainEqual({ kind: 'unknown-place', which: 'end', id: 'nowhere' });
  });

  it('goes round a crowded room, and says so', () => {
    const input = sampleExhibition();
    input.zones = [{ id: 'z1', name: { en: 'Room 2' }, room: 'g1' }];
    const e = load(input);
    // From g0 to g3: through g1 (east then south) or g2 (south then east).
    const favourites = ['w13'];
    const calm = planRoute(e, { favourites, budget: 60, avoidCrowded: true, crowding: { z1: 0.2 } });
    const busy = planRoute(e, { favourites, budget: 60, avoidCrowded: true, crowding: { z1: 0.9 } });
    const rooms = (r: typeof calm) => new Set(r.legs.flatMap((l) => l.path.nodes.map((n) => r.graph.node(n).room)));
    expect(calm.notes.some((n) => n.kind === 'avoided-crowded')).toBe(false);
    expect(rooms(calm).has('g1')).toBe(true);
    expect(busy.notes).toContainEqual({ kind: 'avoided-crowded', rooms: ['g1'] });
    expect(rooms(busy).has('g1')).toBe(false);
    expect(rooms(busy).has('g2')).toBe(true);
  });

  it('offers related works nearby as optional detours, outside the route’s time', () => {
    // w0's story links to w1, which hangs in the same room.
    const route = planRoute(ex, { favourites: ['w0'], budget: 60 });
    expect(route.detours[0]).toMatchObject({ artwork: 'w1', reason: 'story', relatedTo: 'w0', after: 0 });
    for (const d of route.detours) {
      expect(['creator', 'period', 'story']).toContain(d.reason);
      expect(route.stops.map((s) => s.artwork)).not.toContain(d.artwork);
      expect(d.minutes).toBeGreaterThan(0);
    }
    expect(route.detours.length).toBeGreaterThan(0);
    const none = planRoute(ex, { favourites: ['w0'], budget: 60, detours: false });
    expect(none.detours).toEqual([]);
    expect(none.totalMinutes).toBeCloseTo(route.totalMinutes, 9);
  });

  it('follows a shared route in the order given, whatever the budget', () => {
    const route = planRoute(ex, { favourites: ['w30', 'w1', 'w13'], mustSee: ['w13'], budget: 5, keepOrder: true, detours: false });
    expect(route.stops.map((s) => s.artwork)).toEqual(['w30', 'w1', 'w13']);
    expect(route.stops[2]!.mustSee).toBe(true);
    expect(route.leftOut).toEqual([]);
    expect(route.legs).toHaveLength(4);
  });
});
