/**
 * Registering the twin to the real room for in-gallery AR: the rigid transform (a turn about the vertical
 * plus a translation) that carries twin coordinates onto the phone's tracking space. Pure math, no browser:
 * the AR mode feeds it hit-test points or a detected marker and shows the residual error to the visitor.
 */
import type { Vec3 } from '../../twin/schema';
import { headingToDir } from '../../twin/floorplan';

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

/**
 * A detected image's pose from its WebXR image-space matrix (16 numbers, column-major, as Babylon's
 * `Matrix.m` and `XRRigidTransform.matrix`). WebXR image tracking follows ARCore's augmented images: the
 * origin is the image's centre, +y is the normal out of the printed face, +x runs to the image's right and
 * −z toward its top edge.
 */
export function markerPoseFromMatrix(m: ArrayLike<number>): MarkerPose {
  if (m.length !== 16 || !Array.from(m).every(Number.isFinite)) throw new RegistrationError('the marker pose is not a 4×4 matrix of numbers');
  const unit = (v: Vec3): Vec3 => {
    const n = Math.hypot(...v);
    if (n < 1e-9) throw new RegistrationError('the marker pose has a zero axis');
    return [v[0] / n, v[1] / n, v[2] / n];
  };
  return {
    position: [m[12]!, m[13]!, m[14]!],
    normal: unit([m[4]!, m[5]!, m[6]!]),
    up: unit([-m[8]!, -m[9]!, -m[10]!]),
  };
}

export interface MarkerFit extends RoomTransform {
  /** How far apart the detections placed the twin: each detection's marker centre from the mean, metres. */
  spread: number;
  /** The largest turn between a detection and the mean, radians. */
  turnSpread: number;
}

/**
 * Registration from several detections of the same marker (a phone's tracker jitters from frame to frame): each
 * detection gives a transform; their turns are averaged on the circle and their positions in the room, and the
 * spread says how steady the detections were. A marker seen at very different poses (it was moved, or a
 * look-alike) is refused.
 */
export function markerRegistrationFrom(twin: MarkerPose, detections: MarkerPose[], maxSpread = 0.1): MarkerFit {
  if (!detections.length) throw new RegistrationError('the marker has not been seen yet');
  const fits = detections.map((d) => markerRegistration(twin, d));
  const yaw = Math.atan2(
    fits.reduce((s, f) => s + Math.sin(f.yaw), 0),
    fits.reduce((s, f) => s + Math.cos(f.yaw), 0),
  );
  const centre = centroid(detections.map((d) => d.position));
  const turned = apply({ yaw, translation: [0, 0, 0] }, twin.position);
  const translation: Vec3 = [centre[0] - turned[0], centre[1] - turned[1], centre[2] - turned[2]];
  const spread = Math.max(...detections.map((d) => distance(d.position, centre)));
  const turnSpread = Math.max(...fits.map((f) => Math.abs(Math.atan2(Math.sin(f.yaw - yaw), Math.cos(f.yaw - yaw)))));
  if (spread > maxSpread || turnSpread > 0.2) {
    throw new RegistrationError(
      `the marker was seen in different places (${(spread * 100).toFixed(0)} cm, ${((turnSpread * 180) / Math.PI).toFixed(0)}° apart): hold the phone steady and keep the whole marker in view`,
    );
  }
  return { yaw, translation, spread, turnSpread };
}

/**
 * Manual placement: the twin point `pivot` (e.g. the middle of the room the visitor stands in) set down at the
 * real floor point `at`, turned by `yaw`. Turning again keeps the pivot where it is; sliding moves `at`.
 */
export function placeAt(pivot: Vec3, at: Vec3, yaw: number): RoomTransform {
  const turned = apply({ yaw, translation: [0, 0, 0] }, pivot);
  return { yaw, translation: [at[0] - turned[0], at[1] - turned[1], at[2] - turned[2]] };
}

/** The turn that makes a twin heading (degrees, as in the format) look along a real horizontal direction. */
export function yawToFace(twinHeadingDeg: number, realDirection: Vec3): number {
  const [dx, dz] = headingToDir(twinHeadingDeg);
  const twinAngle = Math.atan2(dx, dz);
  if (Math.hypot(realDirection[0], realDirection[2]) < 1e-6) throw new RegistrationError('the phone points straight up or down: look across the room');
  const turn = Math.atan2(realDirection[0], realDirection[2]) - twinAngle;
  return Math.atan2(Math.sin(turn), Math.cos(turn));
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
