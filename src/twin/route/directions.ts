/**
 * Directions in steps, per leg of a route: through which doorway (on the left, on the right, ahead, behind),
 * into which room, how many metres; stairs, ramp or lift up or down to which level; and the arrival. Sides come
 * from headings: the way the visitor faces (toward the work they have just looked at, or the entrance's heading)
 * against the way to the next doorway. Words come later, from the interface's string tables (src/ui/route-directions.ts).
 */
import type { Vec2 } from '../schema';
import { dirToHeading } from '../floorplan';
import type { Route } from './plan';

export type Side = 'left' | 'right' | 'ahead' | 'behind';

export type DirectionStep =
  | { kind: 'door'; side: Side; room: string; metres: number }
  | { kind: 'stairs' | 'ramp' | 'lift'; side: Side; up: boolean; level: string; metres: number }
  | { kind: 'arrive'; side: Side; metres: number };

/** Degrees within which a turn counts as straight on, or as turning back. */
const AHEAD = 35;
const BEHIND = 145;

/** Where `to` is for someone at `from` facing `facing` degrees (0 toward −z, 90 toward +x, so positive turns are right). */
export function sideOf(facing: number, from: Vec2, to: Vec2): Side {
  const dx = to[0] - from[0];
  const dz = to[1] - from[1];
  if (Math.hypot(dx, dz) < 1e-6) return 'ahead';
  let delta = dirToHeading([dx, dz]) - facing;
  delta = ((((delta + 180) % 360) + 360) % 360) - 180;
  if (Math.abs(delta) <= AHEAD) return 'ahead';
  if (Math.abs(delta) >= BEHIND) return 'behind';
  return delta > 0 ? 'right' : 'left';
}

/** The steps of leg `k` (0: start → first stop; last: last stop → end). */
export function legDirections(route: Route, k: number): DirectionStep[] {
  const leg = route.legs[k];
  if (!leg || leg.path.nodes.length === 0) return [];
  const g = route.graph;
  const origin = k === 0 ? route.start : route.stops[k - 1]!.place;
  const nodes = leg.path.nodes;
  const steps: DirectionStep[] = [];
  let from = origin.position;
  let facing = origin.facing;
  let walked = 0;
  let turnSide: Side | undefined; // the side of the first bend after a decision point
  for (let i = 1; i < nodes.length; i++) {
    const a = g.node(nodes[i - 1]!);
    const b = g.node(nodes[i]!);
    const edge = g.edgeBetween(nodes[i - 1]!, nodes[i]!)!;
    if (edge.kind === 'walk') {
      turnSide ??= sideOf(facing, from, b.position);
      walked += edge.length;
      continue;
    }
    const side = turnSide ?? sideOf(facing, from, a.position);
    if (edge.kind === 'door') {
      steps.push({ kind: 'door', side, room: b.room, metres: walked + edge.length });
      facing = dirToHeading([b.position[0] - a.position[0], b.position[1] - a.position[1]]);
    } else {
      const rise = elevation(route, b.level) - elevation(route, a.level);
      steps.push({ kind: edge.kind, side, up: rise > 0, level: b.level, metres: walked });
    }
    from = b.position;
    walked = 0;
    turnSide = undefined;
  }
  const target = k < route.stops.length ? targetOf(route, k) : route.end.position;
  steps.push({ kind: 'arrive', side: sideOf(facing, from, target), metres: walked });
  return steps;
}

function targetOf(route: Route, k: number): Vec2 {
  const stop = route.stops[k]!;
  return stop.place.position;
}

function elevation(route: Route, level: string): number {
  return route.levelElevation.get(level) ?? 0;
}
