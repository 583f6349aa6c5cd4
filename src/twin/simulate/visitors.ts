/**
 * Who comes and what they look at: arrival times spread over the day by the arrival profile, and each visitor's
 * plan (a tour, some of the time, else the works that draw them, in walking order) with a dwell at each.
 */
import type { Exhibition } from '../schema';
import { dwellMinutes } from '../route/places';
import type { Floor } from './floor';
import type { Setting } from './scenario';

/** Share of visitors who follow one of the exhibition's tours (when it has any). */
const TOUR_SHARE = 0.2;
/**
 * Chance that a visitor stops at a work of attraction 1: about a third, from Serrell's timing-and-tracking
 * studies (Paying Attention, AAM 1998), where the average visitor stops at fewer than half the elements.
 */
const STOP_CHANCE = 0.35;
/** Default pull of a work: by kind, and more for a work a tour stops at (the exhibition's highlights). */
const ATTRACTION = { painting: 1, object: 1.1, tourBonus: 0.5 } as const;

export interface Stop {
  /** Index into floor.places. */
  place: number;
  dwellSeconds: number;
}

export interface VisitorPlan {
  arrival: number; // seconds after midnight
  stops: Stop[];
  tour?: string;
  /** Walking pace, m/s. */
  pace: number;
}

/** Each work's attraction weight: the scenario's, else the default by kind and tour membership. */
function attractionOf(ex: Exhibition, s: Pick<Setting, 'attraction'>): Map<string, number> {
  const inTour = new Set(ex.tours.flatMap((t) => t.stops.map((x) => x.artwork)));
  return new Map(ex.artworks.map((a) => [a.id, s.attraction.get(a.id) ?? ATTRACTION[a.kind] + (inTour.has(a.id) ? ATTRACTION.tourBonus : 0)]));
}

/**
 * The share of the day's visitors expected to stop at each work: the chance planVisitors gives it, for those on a
 * tour (by the tours it is in) and those not. Reachability is left out: the quick forecast of placement.ts uses it.
 */
export function stopShares(ex: Exhibition, s: Pick<Setting, 'attraction'>): Map<string, number> {
  const attraction = attractionOf(ex, s);
  const touring = ex.tours.length ? TOUR_SHARE : 0;
  return new Map(
    ex.artworks.map((a) => {
      const inTours = ex.tours.filter((t) => t.stops.some((x) => x.artwork === a.id)).length;
      return [a.id, (1 - touring) * Math.min(1, STOP_CHANCE * attraction.get(a.id)!) + (ex.tours.length ? (touring * inTours) / ex.tours.length : 0)];
    }),
  );
}

/** Arrival times (seconds after midnight), stratified over the profile so the day's shape holds for any seed. */
function arrivalTimes(s: Setting, random: () => number): number[] {
  const total = s.perHour.reduce((a, b) => a + b, 0);
  const bin = ((s.close - s.open) * 60) / s.perHour.length;
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of s.perHour) cumulative.push((acc += w / total));
  const out: number[] = [];
  for (let i = 0; i < s.visitors; i++) {
    const u = (i + random()) / s.visitors;
    let b = cumulative.findIndex((c) => c >= u);
    if (b < 0) b = s.perHour.length - 1;
    const before = b === 0 ? 0 : cumulative[b - 1]!;
    const within = (u - before) / (cumulative[b]! - before || 1);
    out.push(s.open * 60 + (b + within) * bin);
  }
  return out;
}

/** Plans every visitor: arrival, pace, the works they stop at in walking order, and how long at each. */
export function planVisitors(ex: Exhibition, floor: Floor, s: Setting, random: () => number): VisitorPlan[] {
  const attraction = attractionOf(ex, s);
  const works = new Map(ex.artworks.map((a) => [a.id, a]));
  const placeOf = new Map(floor.places.flatMap((p, i) => (p.work ? [[p.work, i] as const] : [])));
  const reachable = (i: number) => Number.isFinite(floor.metres(0, i));
  const tours = ex.tours
    .map((t) => ({ id: t.id, places: t.stops.flatMap((x) => (placeOf.has(x.artwork) && reachable(placeOf.get(x.artwork)!) ? [placeOf.get(x.artwork)!] : [])) }))
    .filter((t) => t.places.length > 0);
  const dwell = (place: number) => {
    const art = works.get(floor.places[place]!.work!)!;
    return dwellMinutes(art) * 60 * (0.4 + 1.2 * random());
  };
  return arrivalTimes(s, random).map((arrival) => {
    const pace = 0.6 + 0.4 * random(); // about the museum pace of route/pace.ts (0.8 m/s), ±0.2
    if (tours.length && random() < TOUR_SHARE) {
      const tour = tours[Math.floor(random() * tours.length)]!;
      return { arrival, pace, tour: tour.id, stops: tour.places.map((place) => ({ place, dwellSeconds: dwell(place) })) };
    }
    const chosen: number[] = [];
    for (let i = 1; i < floor.places.length; i++) {
      const a = attraction.get(floor.places[i]!.work!) ?? 1;
      if (reachable(i) && random() < STOP_CHANCE * a) chosen.push(i); // a weight of 1/STOP_CHANCE or more: everyone stops
    }
    return { arrival, pace, stops: walkingOrder(floor, chosen).map((place) => ({ place, dwellSeconds: dwell(place) })) };
  });
}

/** Nearest first from the entrance: how a visitor drifts through rooms without a plan. */
function walkingOrder(floor: Floor, chosen: number[]): number[] {
  const left = [...chosen];
  const out: number[] = [];
  let at = 0;
  while (left.length) {
    let best = 0;
    for (let k = 1; k < left.length; k++) if (floor.metres(at, left[k]!) < floor.metres(at, left[best]!)) best = k;
    at = left.splice(best, 1)[0]!;
    out.push(at);
  }
  return out;
}
