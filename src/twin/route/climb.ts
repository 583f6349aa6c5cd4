/**
 * How the preview takes a visitor up or down a stair, ramp or lift: the legs of an eased move (the preview's glide),
 * never a cut. Stairs and ramps: one climb along the run, from the end they stepped onto to the other, looking up
 * (or down) the flight. A lift: the ride up or down in the car, then a step out into the room, so the visitor is
 * never left standing on the marked floor that would take them back. Pure: eye positions, look points, durations.
 */
import type { Vec2, Vec3 } from '../schema';
import type { LinkStep } from './levels';

export interface ClimbLeg {
  /** Where the eye ends the leg. */
  eye: Vec3;
  /** A point the visitor looks at when it ends. */
  look: Vec3;
  seconds: number;
}

/** Along a stair (m/s, the 3D length of the run): brisk, so that a climb of one storey takes a few seconds. */
const CLIMB_SPEED = 2.2;
/** A lift's car (m/s). */
const LIFT_SPEED = 1.5;
/** How far the visitor steps out of a lift (m): off its marked floor (radius 0.6) and clear of it. */
export const LIFT_STEP_OUT = 1.2;
/** Ends closer than this on the plan (m) are one above the other: a lift (or a spiral), ridden, not climbed. */
const STACKED = 0.5;
const LOOK_AHEAD = 3;

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

function unit(v: Vec2, fallback: Vec2): Vec2 {
  const len = Math.hypot(v[0], v[1]);
  return len > 1e-6 ? [v[0] / len, v[1] / len] : fallback;
}

function centroid(polygon: readonly Vec2[]): Vec2 {
  let x = 0;
  let z = 0;
  for (const p of polygon) {
    x += p[0];
    z += p[1];
  }
  return [x / polygon.length, z / polygon.length];
}

/**
 * The legs of a move from one end of a vertical link to the other.
 * @param facing the visitor's horizontal view direction (a lift keeps it while riding)
 * @param eyeHeight the eye above the floor (m)
 * @param room the outline of the room at the far end: a lift's step out heads toward its middle
 */
export function climbLegs(step: LinkStep, facing: Vec2, eyeHeight: number, room?: readonly Vec2[]): ClimbLeg[] {
  const [x0, z0] = step.from.position;
  const [x1, z1] = step.to.position;
  const y1 = step.to.elevation + eyeHeight;
  const rise = Math.abs(step.to.elevation - step.from.elevation);
  const run = Math.hypot(x1 - x0, z1 - z0);
  const ahead = unit(facing, [0, -1]);
  if (run >= STACKED) {
    const dir = unit([x1 - x0, z1 - z0], ahead);
    return [{ eye: [x1, y1, z1], look: [x1 + dir[0] * LOOK_AHEAD, y1, z1 + dir[1] * LOOK_AHEAD], seconds: clamp(Math.hypot(run, rise) / CLIMB_SPEED, 1.2, 4) }];
  }
  const ride: ClimbLeg = { eye: [x1, y1, z1], look: [x1 + ahead[0] * LOOK_AHEAD, y1, z1 + ahead[1] * LOOK_AHEAD], seconds: clamp(rise / LIFT_SPEED, 1.2, 4) };
  const middle = room && room.length >= 3 ? centroid(room) : undefined;
  const out = middle && Math.hypot(middle[0] - x1, middle[1] - z1) > LIFT_STEP_OUT ? unit([middle[0] - x1, middle[1] - z1], ahead) : ahead;
  const at: Vec2 = [x1 + out[0] * LIFT_STEP_OUT, z1 + out[1] * LIFT_STEP_OUT];
  return [ride, { eye: [at[0], y1, at[1]], look: [at[0] + out[0] * LOOK_AHEAD, y1, at[1] + out[1] * LOOK_AHEAD], seconds: 0.8 }];
}

/**
 * The level whose floor feet at this height stand on (within `tolerance`), or undefined halfway up a stair, in a
 * lift's car or falling: how a visitor who walked down a flight on foot, rather than through its marked ends, is
 * still known to be on the floor below.
 */
export function levelAtHeight<L extends { id: string; elevation: number }>(feetY: number, levels: readonly L[], tolerance = 0.3): L | undefined {
  let best: L | undefined;
  for (const l of levels) if (Math.abs(feetY - l.elevation) <= tolerance && (!best || Math.abs(feetY - l.elevation) < Math.abs(feetY - best.elevation))) best = l;
  return best;
}
