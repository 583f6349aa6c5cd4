/**
 * Following a planned route in the gallery (AR) or as a rehearsal (VR): which stop is next, which are ticked off,
 * the way from where the visitor stands to the next stop (the rest of the planned leg, so it goes through the
 * doorways and up the stairs or lift the plan chose), arrows along it, and arrival. One RouteProgress is shared by
 * the preview and the immersive modes of a visit (`routeProgressFor`), so a stop ticked in AR is ticked everywhere.
 */
import type { Vec2 } from '../schema';
import { dirToHeading } from '../floorplan';
import { toSegment } from '../geometry';
import { sideOf, type DirectionStep } from './directions';
import type { Route } from './plan';

/** Arriving: within this many metres of where a visitor stands to look at the next work… */
export const ARRIVE_METRES = 2;
/** …and never more than this share of the walk from the stop before (in a small room every work is near). */
const ARRIVE_SHARE = 0.5;
/** Floor arrows: one every this many metres, at most this many ahead. */
export const ARROW_SPACING = 0.6;
export const MAX_ARROWS = 12;

/** A point of the way ahead: where on the plan, on which level. */
export interface WayPoint {
  position: Vec2;
  level: string;
  /** On the point a stair, ramp or lift arrives at: which one the way took to get there. */
  via?: { link: string; kind: 'stairs' | 'ramp' | 'lift' };
}

/**
 * The next change of level on the way ahead, seen from the visitor's level: which stair, ramp or lift, up or down,
 * to which level, where its end on this level is, and how far along the way it is (m).
 */
export interface LevelChange {
  kind: 'stairs' | 'ramp' | 'lift';
  link?: string;
  up: boolean;
  level: string;
  at: WayPoint;
  metres: number;
}

/** One arrow on the floor: where it lies and which way it points (degrees, 0 toward −z, 90 toward +x). */
export interface FloorArrow {
  position: Vec2;
  level: string;
  heading: number;
}

export type ProgressChange = { kind: 'ticked'; stop: number; by: 'arrived' | 'opened' } | { kind: 'moved'; stop: number } | { kind: 'done' };

/** The visitor's progress along one route. */
export class RouteProgress {
  private readonly ticked = new Set<number>();
  private index: number;
  private readonly listeners = new Set<(c: ProgressChange) => void>();

  constructor(
    readonly route: Route,
    current = 0,
  ) {
    this.index = Math.min(Math.max(current, 0), route.stops.length);
  }

  /** The stop walked to now (0-based); `stops.length` when every stop is ticked off. */
  get current(): number {
    return this.index;
  }

  get done(): boolean {
    return this.index >= this.route.stops.length;
  }

  isTicked(i: number): boolean {
    return this.ticked.has(i);
  }

  get tickedCount(): number {
    return this.ticked.size;
  }

  /** Walks to stop i next (Next / Previous in the preview, or a stop picked from the list). */
  goTo(i: number): void {
    const at = Math.min(Math.max(i, 0), this.route.stops.length - 1);
    if (at === this.index || at < 0) return;
    this.index = at;
    this.emit({ kind: 'moved', stop: at });
  }

  /** Ticks stop i off; when it is the current one, the next stop not yet ticked becomes current. */
  tick(i: number, by: 'arrived' | 'opened'): boolean {
    if (i < 0 || i >= this.route.stops.length || this.ticked.has(i)) return false;
    this.ticked.add(i);
    this.emit({ kind: 'ticked', stop: i, by });
    if (i === this.index) {
      let next = i + 1;
      while (next < this.route.stops.length && this.ticked.has(next)) next++;
      this.index = next;
      this.emit(this.done ? { kind: 'done' } : { kind: 'moved', stop: next });
    }
    return true;
  }

  /** The visitor opened a work: a stop of the route is ticked off (the current one or any other). */
  opened(artwork: string): boolean {
    const i = this.route.stops.findIndex((s, k) => s.artwork === artwork && !this.ticked.has(k));
    return i >= 0 && this.tick(i, 'opened');
  }

  /** The visitor stands here: ticks the current stop off when they have arrived at it. */
  moved(at: WayPoint): boolean {
    if (this.done) return false;
    return arrived(this.route, this.index, at) && this.tick(this.index, 'arrived');
  }

  /** The way from `at` to the current stop: the rest of its planned leg, from the point on it nearest the visitor. */
  ahead(at: WayPoint): WayPoint[] {
    if (this.done) return [];
    return wayAhead(legWay(this.route, this.index), at);
  }

  /** Floor arrows along the way ahead, on the visitor's level (another level's arrows show once they are there). */
  arrows(at: WayPoint): FloorArrow[] {
    return arrowsAlong(this.ahead(at).filter((p) => p.level === at.level));
  }

  /**
   * The next change of level on the way ahead, when the way leaves the visitor's level before the stop: the arrows
   * lead to its end here (never to a point overhead), and the visitor is told to go up or down by it.
   */
  levelChange(at: WayPoint): LevelChange | undefined {
    const way = this.ahead(at);
    for (let i = 1; i < way.length; i++) {
      const [a, b] = [way[i - 1]!, way[i]!];
      if (a.level === b.level) continue;
      // The way leaves another level first: the visitor is off it (wayAhead gave the way from its start).
      if (a.level !== at.level) return undefined;
      const e = (l: string) => this.route.levelElevation.get(l) ?? 0;
      return { kind: b.via?.kind ?? 'stairs', link: b.via?.link, up: e(b.level) > e(a.level), level: b.level, at: a, metres: wayLength(way.slice(0, i)) };
    }
    return undefined;
  }

  /** That change as a step of directions (src/ui/route-directions.ts words it), its side from the way the visitor faces (degrees). */
  levelStep(at: WayPoint, facing: number): DirectionStep | undefined {
    const c = this.levelChange(at);
    return c && { kind: c.kind, side: sideOf(facing, at.position, c.at.position), up: c.up, level: c.level, metres: c.metres };
  }

  /**
   * Where the way on the visitor's level ends, to be marked (AR's and VR's ring): the next stop when it is on this
   * level, else the stair, ramp or lift that leads toward it; undefined when done or off the way's levels.
   */
  target(at: WayPoint): WayPoint | undefined {
    const stop = this.route.stops[this.index];
    if (!stop) return undefined;
    if (stop.place.level === at.level) return { position: stop.place.position, level: stop.place.level };
    const c = this.levelChange(at);
    return c && { position: c.at.position, level: c.at.level };
  }

  onChange(listener: (c: ProgressChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(c: ProgressChange): void {
    for (const l of [...this.listeners]) l(c);
  }
}

/** The points of leg k (the walk to stop k): the node path's positions and levels, ending where the visitor stands at the work. */
export function legWay(route: Route, k: number): WayPoint[] {
  const leg = route.legs[k];
  const stop = route.stops[k];
  const from = k === 0 ? route.start : route.stops[k - 1]?.place;
  const out: WayPoint[] = from ? [{ position: from.position, level: from.level }] : [];
  const nodes = leg?.path.nodes ?? [];
  nodes.forEach((key, i) => {
    const n = route.graph.node(key);
    const edge = i > 0 ? route.graph.edgeBetween(nodes[i - 1]!, key) : undefined;
    const via = edge && edge.kind !== 'walk' && edge.kind !== 'door' ? { link: edge.ref ?? '', kind: edge.kind } : undefined;
    out.push({ position: n.position, level: n.level, ...(via ? { via } : {}) });
  });
  if (stop) out.push({ position: stop.place.position, level: stop.place.level });
  // The path's own first and last nodes are the start and the stop again: drop repeats.
  return out.filter((p, i) => i === 0 || p.level !== out[i - 1]!.level || Math.hypot(p.position[0] - out[i - 1]!.position[0], p.position[1] - out[i - 1]!.position[1]) > 1e-6);
}

/** Whether someone at `at` has arrived at stop k: on its level, within ARRIVE_METRES and at most half the walk from the stop before. */
export function arrived(route: Route, k: number, at: WayPoint): boolean {
  const stop = route.stops[k];
  if (!stop || stop.place.level !== at.level) return false;
  const d = Math.hypot(at.position[0] - stop.place.position[0], at.position[1] - stop.place.position[1]);
  const walk = route.legs[k]?.metres ?? Infinity;
  return d <= Math.min(ARRIVE_METRES, Math.max(0.3, walk * ARRIVE_SHARE));
}

/**
 * The rest of a way from the visitor: from the nearest point on one of its stretches on the visitor's level (a
 * stretch ahead wins a tie, so standing at a doorway leads on), then the way's remaining points.
 */
export function wayAhead(way: readonly WayPoint[], at: WayPoint): WayPoint[] {
  let best: { i: number; d: number; p: Vec2 } | undefined;
  for (let i = 1; i < way.length; i++) {
    const a = way[i - 1]!;
    const b = way[i]!;
    if (a.level !== at.level || b.level !== at.level) continue;
    const s = toSegment(at.position, a.position, b.position);
    const t = s.length > 0 ? Math.min(Math.max(s.along / s.length, 0), 1) : 0;
    const p: Vec2 = [a.position[0] + (b.position[0] - a.position[0]) * t, a.position[1] + (b.position[1] - a.position[1]) * t];
    if (!best || s.distance <= best.d + 1e-9) best = { i, d: s.distance, p };
  }
  if (!best) {
    // Not on any level of the way (or a way of one point): the way as planned, from its start.
    return [...way];
  }
  return [at, { position: best.p, level: at.level }, ...way.slice(best.i)].filter(
    (p, i, all) => i === 0 || p.level !== all[i - 1]!.level || Math.hypot(p.position[0] - all[i - 1]!.position[0], p.position[1] - all[i - 1]!.position[1]) > 0.05,
  );
}

/** Arrows every `spacing` metres along a polyline (one level), each pointing along its stretch; at most `max`. */
export function arrowsAlong(way: readonly WayPoint[], spacing = ARROW_SPACING, max = MAX_ARROWS): FloorArrow[] {
  const out: FloorArrow[] = [];
  // The first arrow half a spacing ahead of the visitor, not under their feet.
  let next = spacing / 2;
  let walked = 0;
  for (let i = 1; i < way.length && out.length < max; i++) {
    const a = way[i - 1]!.position;
    const b = way[i]!.position;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len < 1e-6) continue;
    const heading = dirToHeading([b[0] - a[0], b[1] - a[1]]);
    while (next <= walked + len && out.length < max) {
      const t = (next - walked) / len;
      out.push({ position: [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t], level: way[i]!.level, heading });
      next += spacing;
    }
    walked += len;
  }
  return out;
}

/** Metres along a way (levels' rises not counted). */
export function wayLength(way: readonly WayPoint[]): number {
  let m = 0;
  for (let i = 1; i < way.length; i++) m += Math.hypot(way[i]!.position[0] - way[i - 1]!.position[0], way[i]!.position[1] - way[i - 1]!.position[1]);
  return m;
}

const progresses = new WeakMap<object, { progress?: RouteProgress; listeners: Set<(p: RouteProgress | undefined) => void> }>();

/**
 * The route a visit follows, published by the preview's route manager and read by the immersive modes (keyed by
 * the visit's exhibition object, as the live feed is keyed by its visit): `set` a new one, `get` it, `onChange`.
 */
export function routeProgressFor(visit: object): {
  get(): RouteProgress | undefined;
  set(p: RouteProgress | undefined): void;
  onChange(listener: (p: RouteProgress | undefined) => void): () => void;
} {
  let entry = progresses.get(visit);
  if (!entry) progresses.set(visit, (entry = { listeners: new Set() }));
  const e = entry;
  return {
    get: () => e.progress,
    set: (p) => {
      e.progress = p;
      for (const l of [...e.listeners]) l(p);
    },
    onChange: (l) => {
      e.listeners.add(l);
      return () => e.listeners.delete(l);
    },
  };
}
