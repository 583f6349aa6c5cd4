import { describe, expect, it } from 'vitest';
import type { Exhibition } from '../schema';
import { validateExhibition } from '../validate';
import { dirToHeading } from '../floorplan';
import { sampleExhibition } from './sample';
import { planRoute } from './plan';
import { ARRIVE_METRES, arrived, arrowsAlong, legWay, RouteProgress, routeProgressFor, wayAhead, wayLength, type ProgressChange } from './follow';

function load(): Exhibition {
  const r = validateExhibition(sampleExhibition());
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
  return r.exhibition;
}

const ex = load();
// w1 and w2 on the ground floor, w17 upstairs: a shared route keeps this order.
const route = planRoute(ex, { favourites: ['w1', 'w2', 'w17'], budget: 90, keepOrder: true });

describe('following a route', () => {
  it('walks each leg from the stop before to where the visitor stands at the work, through the planned nodes', () => {
    expect(route.stops.map((s) => s.artwork)).toEqual(['w1', 'w2', 'w17']);
    const way = legWay(route, 0);
    expect(way[0]!.position).toEqual(route.start.position);
    expect(way.at(-1)!.position).toEqual(route.stops[0]!.place.position);
    // The way is the leg: as long as its planned metres (the planner measures the same points).
    expect(wayLength(way)).toBeCloseTo(route.legs[0]!.metres, 6);
    // The leg upstairs changes level on the way (the stairs or the lift), ending on the upper level.
    const up = legWay(route, 2);
    expect(up[0]!.level).toBe('ground');
    expect(up.at(-1)!.level).toBe('upper');
  });

  it('points arrows from where the visitor stands along the rest of the leg, every 0.6 m, each along its stretch', () => {
    const progress = new RouteProgress(route);
    const at = { position: route.start.position, level: 'ground' };
    const arrows = progress.arrows(at);
    expect(arrows.length).toBeGreaterThan(1);
    // The first arrow is just ahead of the visitor and points toward the next point of the way.
    const way = progress.ahead(at);
    const first = arrows[0]!;
    expect(Math.hypot(first.position[0] - at.position[0], first.position[1] - at.position[1])).toBeCloseTo(0.3, 6);
    const toNext = dirToHeading([way[1]!.position[0] - at.position[0], way[1]!.position[1] - at.position[1]]);
    expect(first.heading).toBeCloseTo(toNext, 6);
    for (let i = 1; i < arrows.length; i++) {
      const d = Math.hypot(arrows[i]!.position[0] - arrows[i - 1]!.position[0], arrows[i]!.position[1] - arrows[i - 1]!.position[1]);
      expect(d).toBeLessThanOrEqual(0.6 + 1e-6);
    }
  });

  it('leads back onto the leg from off it, and from halfway along it only what is left', () => {
    const way = legWay(route, 0);
    const mid = way[1]!; // the first node after the start
    const off = { position: [mid.position[0] + 1, mid.position[1]] as [number, number], level: mid.level };
    const ahead = wayAhead(way, off);
    expect(ahead[0]).toEqual(off);
    expect(wayLength(ahead)).toBeLessThan(wayLength(way) + 1.01);
    expect(ahead.at(-1)!.position).toEqual(route.stops[0]!.place.position);
    // On another level than the whole way: the way as planned.
    expect(wayAhead(way, { position: [0, 0], level: 'upper' })).toEqual(way);
  });

  it('draws no arrows on another level than the visitor is on', () => {
    const progress = new RouteProgress(route, 2);
    const stop = route.stops[2]!.place;
    expect(progress.arrows({ position: route.stops[1]!.place.position, level: 'ground' }).every((a) => a.level === 'ground')).toBe(true);
    expect(progress.arrows({ position: [stop.position[0] + 3, stop.position[1]], level: 'upper' }).every((a) => a.level === 'upper')).toBe(true);
  });

  it('ticks a stop off on arrival (within a few metres, on its level) and then points to the next', () => {
    const progress = new RouteProgress(route);
    const changes: ProgressChange[] = [];
    progress.onChange((c) => changes.push(c));
    const at = route.stops[0]!.place;
    // Far away, or right under it on another level: not arrived.
    expect(progress.moved({ position: route.start.position, level: 'ground' })).toBe(false);
    expect(arrived(route, 0, { position: at.position, level: 'upper' })).toBe(false);
    expect(progress.moved({ position: [at.position[0] + ARRIVE_METRES + 0.5, at.position[1]], level: at.level })).toBe(false);
    expect(progress.moved({ position: [at.position[0] + 0.5, at.position[1]], level: at.level })).toBe(true);
    expect(progress.isTicked(0)).toBe(true);
    expect(progress.current).toBe(1);
    expect(changes).toEqual([{ kind: 'ticked', stop: 0, by: 'arrived' }, { kind: 'moved', stop: 1 }]);
  });

  it('ticks a stop off when the visitor opens its work, skips ticked stops, and ends when all are', () => {
    const progress = new RouteProgress(route);
    const changes: ProgressChange[] = [];
    progress.onChange((c) => changes.push(c));
    expect(progress.opened('w2')).toBe(true); // out of order: ticked, still walking to the first
    expect(progress.current).toBe(0);
    expect(progress.opened('w2')).toBe(false); // already ticked
    expect(progress.opened('not-on-route')).toBe(false);
    expect(progress.opened('w1')).toBe(true);
    expect(progress.current).toBe(2); // w2 was ticked already
    expect(progress.opened('w17')).toBe(true);
    expect(progress.done).toBe(true);
    expect(progress.arrows({ position: [0, 0], level: 'ground' })).toEqual([]);
    expect(changes.at(-1)).toEqual({ kind: 'done' });
    expect(progress.tickedCount).toBe(3);
  });

  it('in a small room, arriving needs the visitor to be at most half the walk from the stop before', () => {
    const near = planRoute(ex, { favourites: ['w0'], budget: 30 });
    const leg = near.legs[0]!.metres;
    const stop = near.stops[0]!.place;
    const short = { ...near, legs: [{ ...near.legs[0]!, metres: 1 }, near.legs[1]!] };
    expect(arrived(short, 0, { position: [stop.position[0] + 0.6, stop.position[1]], level: stop.level })).toBe(false);
    expect(arrived(short, 0, { position: [stop.position[0] + 0.4, stop.position[1]], level: stop.level })).toBe(true);
    expect(leg).toBeGreaterThan(0);
  });

  it('spaces arrows evenly and stops at the cap', () => {
    const way = [
      { position: [0, 0] as [number, number], level: 'g' },
      { position: [0, -20] as [number, number], level: 'g' },
    ];
    const arrows = arrowsAlong(way, 1, 5);
    expect(arrows.map((a) => a.position[1])).toEqual([-0.5, -1.5, -2.5, -3.5, -4.5]);
    expect(arrows.every((a) => a.heading === 0)).toBe(true);
  });

  it('is shared by a visit: the preview sets it, a mode reads it and hears of a new one', () => {
    const visit = {};
    const shared = routeProgressFor(visit);
    const heard: (RouteProgress | undefined)[] = [];
    const stop = routeProgressFor(visit).onChange((p) => heard.push(p));
    const p = new RouteProgress(route);
    shared.set(p);
    expect(routeProgressFor(visit).get()).toBe(p);
    expect(routeProgressFor({}).get()).toBeUndefined();
    stop();
    shared.set(undefined);
    expect(heard).toEqual([p]);
  });
});
