/**
 * The stairwell of each stair whose ends are apart on the plan: where its flight runs, the opening cut through the
 * ceiling below and the floor above it (so a visitor climbing never meets a slab), which of the opening's edges are
 * open to a fall (a balustrade on the upper floor) and which sides of the flight need a railing. Pure plan geometry:
 * src/scene/architecture.ts builds the meshes from it, and its tests check them against it.
 */
import type { FloorPlan, Vec2 } from '../schema';
import { cross, strictlyInside, sub } from '../geometry';
import { roomElevations } from './levels';

/** The marked floor at each end of a vertical link (m): the flight runs between the two ends' patches. */
export const LINK_PAD_RADIUS = 0.6;
/** A flight's width (m): a comfortable public stair. */
export const FLIGHT_WIDTH = 1.2;
/** Ends closer than this along the run (m, between the patches) get no flight: a spiral, or a plan that does not say. */
const MIN_RUN = 1;
/** The opening's clearance beside the flight (m): room for the railing. */
const CLEARANCE = 0.1;
/** A side of the flight closer than this to the room's wall (m) is taken to the wall: no strip of floor too narrow to walk. */
const NARROW = 0.7;
/** The opening stops this short of the room's outline (m): under the wall's own thickness, never on its line. */
const INSET = 0.01;
/** A ceiling this far (m) above the head's floor is over the visitor's head even at the top of the flight: not cut. */
const HEADROOM = 2.2;

export interface Stairwell {
  link: string;
  /** The room at the foot, and its floor's height (m). */
  lowerRoom: string;
  bottom: number;
  /** The height of the floor at the head (m). */
  top: number;
  /** The flight's centreline, from the end of the foot's patch to the start of the head's (plan points). */
  flight: { from: Vec2; to: Vec2; width: number };
  /** The opening's corners: the flight's footprint with its clearance, taken to a wall that is close. */
  opening: [Vec2, Vec2, Vec2, Vec2];
  /** Edges of the opening open to a fall, seen from the floor above (not the head's, where the flight arrives; not a wall). */
  guarded: [Vec2, Vec2][];
  /** Sides of the flight (from foot to head) with a railing: those not against a wall. */
  railed: [Vec2, Vec2][];
  /** Rooms whose ceiling the flight passes through (their floor at or above the foot, their ceiling within headroom of the head). */
  ceilingsCut: string[];
  /** Rooms whose floor the flight passes through (above the foot, up to the head's). */
  floorsCut: string[];
}

type Plan = Pick<FloorPlan, 'rooms' | 'levels' | 'verticalLinks' | 'wallHeight'>;

/** Distance (m) from p along the unit direction d to the outline, or Infinity when the ray leaves nowhere. */
function rayToBoundary(p: Vec2, d: Vec2, poly: readonly Vec2[]): number {
  let best = Infinity;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i]!;
    const e = sub(poly[(i + 1) % poly.length]!, a);
    const den = cross(d, e);
    if (Math.abs(den) < 1e-12) continue;
    const ap = sub(a, p);
    const t = cross(ap, e) / den;
    const u = cross(ap, d) / den;
    if (t >= 0 && u >= -1e-9 && u <= 1 + 1e-9) best = Math.min(best, t);
  }
  return best;
}

const at = (o: Vec2, d: Vec2, n: Vec2, along: number, across: number): Vec2 => [o[0] + d[0] * along + n[0] * across, o[1] + d[1] * along + n[1] * across];

/** Every stair's stairwell (lifts, ramps and stairs with stacked ends have none). */
export function stairwells(plan: Plan): Stairwell[] {
  const elevation = roomElevations(plan);
  const out: Stairwell[] = [];
  for (const link of plan.verticalLinks ?? []) {
    if (link.kind !== 'stairs') continue;
    const [lower, upper] = [...link.ends].sort((a, b) => (elevation.get(a.room) ?? 0) - (elevation.get(b.room) ?? 0)) as [(typeof link.ends)[0], (typeof link.ends)[0]];
    const bottom = elevation.get(lower.room) ?? 0;
    const top = elevation.get(upper.room) ?? 0;
    const dx = upper.position[0] - lower.position[0];
    const dz = upper.position[1] - lower.position[1];
    const len = Math.hypot(dx, dz);
    if (top <= bottom || len - 2 * LINK_PAD_RADIUS < MIN_RUN) continue;
    const room = plan.rooms.find((r) => r.id === lower.room);
    if (!room) continue;
    const d: Vec2 = [dx / len, dz / len];
    // The normal to the run's left and right (left: d turned a quarter anticlockwise on the plan).
    const sides: Vec2[] = [[d[1], -d[0]], [-d[1], d[0]]];
    const o = lower.position;
    const s0 = LINK_PAD_RADIUS;
    const s1 = len - LINK_PAD_RADIUS;
    // Each side: the flight's edge plus clearance, or to the wall when the strip left beside it is too narrow to walk.
    const reach = sides.map((n) => {
      const edge = FLIGHT_WIDTH / 2;
      const gap = Math.min(...[s0, (s0 + s1) / 2, s1].map((s) => rayToBoundary(at(o, d, n, s, edge), n, room.polygon)));
      return gap < NARROW ? { across: edge + gap - INSET, wall: true } : { across: edge + CLEARANCE, wall: false };
    });
    const [l, r] = reach as [(typeof reach)[0], (typeof reach)[0]];
    const opening: Stairwell['opening'] = [at(o, d, sides[0]!, s0, l.across), at(o, d, sides[0]!, s1, l.across), at(o, d, sides[1]!, s1, r.across), at(o, d, sides[1]!, s0, r.across)];
    const guarded: [Vec2, Vec2][] = [[opening[3], opening[0]]];
    const railed: [Vec2, Vec2][] = [];
    reach.forEach((side, i) => {
      if (side.wall) return;
      guarded.push(i === 0 ? [opening[0], opening[1]] : [opening[2], opening[3]]);
      railed.push([at(o, d, sides[i]!, s0, FLIGHT_WIDTH / 2), at(o, d, sides[i]!, s1, FLIGHT_WIDTH / 2)]);
    });
    // Slabs the flight passes through: every room over the whole opening with its floor between the foot and the head
    // (a room the opening only partly overlaps keeps its slab: the plan's own business, not cut here).
    const over = plan.rooms.filter((x) => opening.every((c) => strictlyInside(c, x.polygon)));
    const e = (id: string) => elevation.get(id) ?? 0;
    out.push({
      link: link.id,
      lowerRoom: lower.room,
      bottom,
      top,
      flight: { from: at(o, d, [0, 0], s0, 0), to: at(o, d, [0, 0], s1, 0), width: FLIGHT_WIDTH },
      opening,
      guarded,
      railed,
      ceilingsCut: over.filter((x) => e(x.id) >= bottom && e(x.id) + (x.height ?? plan.wallHeight) < top + HEADROOM).map((x) => x.id),
      floorsCut: over.filter((x) => e(x.id) > bottom && e(x.id) <= top).map((x) => x.id),
    });
  }
  return out;
}

/**
 * The rooms seen from one another: the doorways' graph (src/twin/rooms.ts) with each stairwell's rooms joined too, the
 * room at its foot and those whose floor or ceiling it opens, since a visitor sees up or down through the opening
 * (room culling draws a room's neighbours). A new graph; the one given is left as it is (media still load by doorways).
 */
export function seenThroughStairwells(graph: ReadonlyMap<string, readonly string[]>, plan: Plan): Map<string, string[]> {
  const out = new Map([...graph].map(([room, next]) => [room, [...next]]));
  const join = (a: string, b: string) => {
    if (a === b || !out.has(a) || !out.has(b)) return;
    if (!out.get(a)!.includes(b)) out.get(a)!.push(b);
    if (!out.get(b)!.includes(a)) out.get(b)!.push(a);
  };
  for (const well of stairwells(plan)) {
    const rooms = [...new Set([well.lowerRoom, ...well.ceilingsCut, ...well.floorsCut])];
    for (const a of rooms) for (const b of rooms) join(a, b);
  }
  return out;
}
