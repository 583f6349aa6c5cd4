/**
 * Registering the twin to the real room for in-gallery AR: the rigid transform (a turn about the vertical
 * plus a translation) that carries twin coordinates onto the phone's tracking space. Pure math, no browser:
 * the AR mode feeds it hit-test points or a detected marker and shows the residual error to the visitor.
 */
import type { Vec3 } from '../../twin/schema';

export interface RoomTransform {
  /** Turn about +y, radians (as a Babylon/glTF rotation.y). */
  yaw: number;
  translation: Vec3;
}

export interface Registration extends RoomTransform {
  /** Distance between each real point and where the transform puts its twin point, metres. */
  residuals: number[];
  /** Root mean square of the residuals, metres. */
  rms: number;
  /** Real spread over twin spread: far from 1 means a point was tapped in the wrong place. */
  scale: number;
}

export class RegistrationError extends Error {
  override name = 'RegistrationError';
}

/** Points closer than this (horizontally) cannot fix a direction reliably. */
export const MIN_SPREAD = 0.5;

/** Applies the transform to a twin point. */
export function apply(t: RoomTransform, p: Vec3): Vec3 {
  const c = Math.cos(t.yaw);
  const s = Math.sin(t.yaw);
  // RotationY: x' = x cos + z sin, z' = −x sin + z cos.
  return [p[0] * c + p[2] * s + t.translation[0], p[1] + t.translation[1], -p[0] * s + p[2] * c + t.translation[2]];
}

/** The transform that undoes `t` (real → twin). */
export function invert(t: RoomTransform): RoomTransform {
  const back: RoomTransform = { yaw: -t.yaw, translation: [0, 0, 0] };
  const moved = apply(back, t.translation);
  return { yaw: -t.yaw, translation: [-moved[0], -moved[1], -moved[2]] };
}

/**
 * Least-squares rigid fit of twin points onto real points (two or more pairs, in the same order).
 * Rotation is about the vertical only: phones know which way is up.
 */
export function solveRegistration(twin: Vec3[], real: Vec3[]): Registration {
  if (twin.length !== real.length) throw new RegistrationError(`${twin.length} twin points but ${real.length} measured points`);
  if (twin.length < 2) throw new RegistrationError('at least two reference points are needed to place the twin');
  const spreadTwin = horizontalSpread(twin);
  if (spreadTwin < MIN_SPREAD) {
    const vertical = Math.max(...twin.map((p) => p[1])) - Math.min(...twin.map((p) => p[1]));
    throw new RegistrationError(
      vertical > 0.2
        ? 'the reference points lie on one vertical line: choose points apart from each other across the floor'
        : `the reference points are too close together (${(spreadTwin * 100).toFixed(0)} cm): choose points at least ${MIN_SPREAD * 100} cm apart`,
    );
  }
  const spreadReal = horizontalSpread(real);
  if (spreadReal < MIN_SPREAD / 2) {
    throw new RegistrationError('the measured points are almost in the same place: aim at each reference point in turn');
  }
  const n = twin.length;
  const ct = centroid(twin);
  const cr = centroid(real);
  let sumDot = 0;
  let sumCross = 0;
  for (let i = 0; i < n; i++) {
    const ax = twin[i]![0] - ct[0];
    const az = twin[i]![2] - ct[2];
    const bx = real[i]![0] - cr[0];
    const bz = real[i]![2] - cr[2];
    sumDot += ax * bx + az * bz;
    sumCross += az * bx - ax * bz;
  }
  const yaw = Math.atan2(sumCross, sumDot);
  const turned = apply({ yaw, translation: [0, 0, 0] }, ct);
  const translation: Vec3 = [cr[0] - turned[0], cr[1] - turned[1], cr[2] - turned[2]];
  const fit = { yaw, translation };
  const residuals = twin.map((p, i) => distance(apply(fit, p), real[i]!));
  const rms = Math.sqrt(residuals.reduce((s, r) => s + r * r, 0) / n);
  return { ...fit, residuals, rms, scale: spreadReal / spreadTwin };
}

export interface MarkerPose {
  position: Vec3;
  /** Unit vector the printed face looks along. */
  normal: Vec3;
  /** Direction of the image's top edge. */
  up: Vec3;
}

/**
 * From a printed marker's pose in the twin and its detected pose in the real room: the twin's transform.
 * A marker on a wall gives its direction by its normal; a marker on the floor by its top edge.
 */
export function markerRegistration(twin: MarkerPose, detected: MarkerPose): RoomTransform {
  const heading = (m: MarkerPose): number => {
    const useNormal = Math.hypot(m.normal[0], m.normal[2]) > 0.5;
    const v = useNormal ? m.normal : m.up;
    if (Math.hypot(v[0], v[2]) < 1e-3) throw new RegistrationError('the marker pose has no horizontal direction');
    return Math.atan2(v[0], v[2]);
  };
  // RotationY by yaw turns a direction's atan2(x, z) angle by +yaw.
  const turn = heading(detected) - heading(twin);
  const yaw = Math.atan2(Math.sin(turn), Math.cos(turn));
  const turned = apply({ yaw, translation: [0, 0, 0] }, twin.position);
  return { yaw, translation: [detected.position[0] - turned[0], detected.position[1] - turned[1], detected.position[2] - turned[2]] };
}

function centroid(ps: Vec3[]): Vec3 {
  const s = ps.reduce<Vec3>((a, p) => [a[0] + p[0], a[1] + p[1], a[2] + p[2]], [0, 0, 0]);
  return [s[0] / ps.length, s[1] / ps.length, s[2] / ps.length];
}

function horizontalSpread(ps: Vec3[]): number {
  let max = 0;
  for (let i = 0; i < ps.length; i++)
    for (let j = i + 1; j < ps.length; j++) max = Math.max(max, Math.hypot(ps[i]![0] - ps[j]![0], ps[i]![2] - ps[j]![2]));
  return max;
}

function distance(a: Vec3, b: Vec3): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}
