import { describe, expect, it } from 'vitest';
import { Matrix, Quaternion, Vector3 } from '@babylonjs/core/Maths/math.vector';
import { apply, invert, markerPoseFromMatrix, markerRegistration, markerRegistrationFrom, placeAt, RegistrationError, solveRegistration, yawToFace, type RoomTransform } from './registration';
import type { Vec3 } from '../../twin/schema';

const known: RoomTransform = { yaw: 0.7, translation: [2.5, -0.05, -1.2] };
const twinPoints: Vec3[] = [[3.8, 0, 0.1], [6.2, 0, 0.1], [9.9, 0, 7.9], [0.2, 0, 7.5]];

/** A seeded generator, so "noise" is the same on every run. */
function noise(seed: number) {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return (s / 2147483647 - 0.5) * 2;
  };
}

describe('apply', () => {
  it('turns the same way as a Babylon rotation.y', () => {
    const m = Matrix.RotationY(known.yaw).multiply(Matrix.Translation(...known.translation));
    const p = Vector3.TransformCoordinates(new Vector3(1, 2, 3), m);
    const q = apply(known, [1, 2, 3]);
    // Babylon's matrices are 32-bit floats.
    expect(q[0]).toBeCloseTo(p.x, 5);
    expect(q[1]).toBeCloseTo(p.y, 5);
    expect(q[2]).toBeCloseTo(p.z, 5);
  });

  it('is undone by its inverse', () => {
    const q = apply(invert(known), apply(known, [4, 1, -2]));
    expect(q[0]).toBeCloseTo(4, 9);
    expect(q[1]).toBeCloseTo(1, 9);
    expect(q[2]).toBeCloseTo(-2, 9);
  });
});

describe('solveRegistration', () => {
  it('recovers a known pose exactly from two points', () => {
    const real = twinPoints.slice(0, 2).map((p) => apply(known, p));
    const r = solveRegistration(twinPoints.slice(0, 2), real);
    expect(r.yaw).toBeCloseTo(known.yaw, 9);
    r.translation.forEach((v, i) => expect(v).toBeCloseTo(known.translation[i]!, 9));
    expect(r.rms).toBeLessThan(1e-9);
    expect(r.scale).toBeCloseTo(1, 9);
  });

  it('recovers a known pose from n noisy points, with the residual error it reports', () => {
    const rnd = noise(7);
    const real = twinPoints.map((p) => apply(known, p)).map((p) => [p[0] + rnd() * 0.02, p[1] + rnd() * 0.02, p[2] + rnd() * 0.02] as Vec3);
    const r = solveRegistration(twinPoints, real);
    expect(Math.abs(r.yaw - known.yaw)).toBeLessThan(0.01);
    r.translation.forEach((v, i) => expect(Math.abs(v - known.translation[i]!)).toBeLessThan(0.03));
    expect(r.rms).toBeGreaterThan(0.001);
    expect(r.rms).toBeLessThan(0.03);
    expect(r.residuals).toHaveLength(4);
  });

  it('works for any turn, including a half turn', () => {
    for (const yaw of [-3, -1.5, 0, 1.5, Math.PI]) {
      const t: RoomTransform = { yaw, translation: [1, 0, 1] };
      const r = solveRegistration(twinPoints, twinPoints.map((p) => apply(t, p)));
      const err = Math.atan2(Math.sin(r.yaw - yaw), Math.cos(r.yaw - yaw));
      expect(Math.abs(err)).toBeLessThan(1e-9);
    }
  });

  it('reports a badly tapped point as a large residual on that point', () => {
    const real = twinPoints.map((p) => apply(known, p));
    real[2] = [real[2]![0] + 0.5, real[2]![1], real[2]![2]];
    const r = solveRegistration(twinPoints, real);
    const worst = r.residuals.indexOf(Math.max(...r.residuals));
    expect(worst).toBe(2);
    expect(r.rms).toBeGreaterThan(0.1);
  });

  it('refuses two points too close together, with a clear message', () => {
    expect(() => solveRegistration([[0, 0, 0], [0.2, 0, 0]], [[0, 0, 0], [0.2, 0, 0]])).toThrow(/too close together \(20 cm\)/);
  });

  it('refuses points on one vertical line', () => {
    expect(() => solveRegistration([[1, 0, 1], [1, 1.5, 1]], [[0, 0, 0], [0, 1.5, 0]])).toThrow(/one vertical line/);
  });

  it('refuses measured points that are all in one place', () => {
    expect(() => solveRegistration(twinPoints.slice(0, 2), [[0, 0, 0], [0.05, 0, 0]])).toThrow(RegistrationError);
  });

  it('refuses fewer than two points, or lists of different lengths', () => {
    expect(() => solveRegistration([[0, 0, 0]], [[0, 0, 0]])).toThrow(/at least two/);
    expect(() => solveRegistration(twinPoints, twinPoints.slice(0, 2))).toThrow(/4 twin points but 2 measured/);
  });
});

describe('markerRegistration', () => {
  it('places the twin from a wall marker’s detected pose', () => {
    const twin = { position: [0.102, 1.5, 1.5] as Vec3, normal: [1, 0, 0] as Vec3, up: [0, 1, 0] as Vec3 };
    const turn = apply({ yaw: known.yaw, translation: [0, 0, 0] }, twin.normal);
    const detected = { position: apply(known, twin.position), normal: turn, up: [0, 1, 0] as Vec3 };
    const t = markerRegistration(twin, detected);
    expect(t.yaw).toBeCloseTo(known.yaw, 9);
    const p = apply(t, [5, 0, 5]);
    const q = apply(known, [5, 0, 5]);
    p.forEach((v, i) => expect(v).toBeCloseTo(q[i]!, 9));
  });

  it('uses the image’s top edge for a marker lying on the floor', () => {
    const twin = { position: [2, 0, 2] as Vec3, normal: [0, 1, 0] as Vec3, up: [0, 0, -1] as Vec3 };
    const up = apply({ yaw: known.yaw, translation: [0, 0, 0] }, twin.up);
    const t = markerRegistration(twin, { position: apply(known, twin.position), normal: [0, 1, 0], up });
    expect(t.yaw).toBeCloseTo(known.yaw, 9);
  });
});

/** A Babylon/WebXR column-major matrix for an image whose normal is +y-axis, top edge −z-axis, at `position`. */
function imageMatrix(normal: Vec3, up: Vec3, position: Vec3): number[] {
  const y = new Vector3(...normal).normalize();
  const minusZ = new Vector3(...up).normalize();
  const z = minusZ.scale(-1);
  const x = Vector3.Cross(y, z).normalize();
  return Matrix.FromValues(x.x, x.y, x.z, 0, y.x, y.y, y.z, 0, z.x, z.y, z.z, 0, ...position, 1).asArray().slice();
}

describe('markerPoseFromMatrix', () => {
  it('reads the centre, the normal (+y) and the top edge (−z) of a detected image', () => {
    const m = imageMatrix([1, 0, 0], [0, 1, 0], [0.1, 1.5, 1.5]);
    const p = markerPoseFromMatrix(m);
    p.position.forEach((v, i) => expect(v).toBeCloseTo([0.1, 1.5, 1.5][i]!, 6));
    p.normal.forEach((v, i) => expect(v).toBeCloseTo([1, 0, 0][i]!, 6));
    p.up.forEach((v, i) => expect(v).toBeCloseTo([0, 1, 0][i]!, 6));
  });

  it('agrees with Babylon’s own decomposition of a turned, moved image', () => {
    const rot = Quaternion.RotationYawPitchRoll(0.4, -Math.PI / 2, 0);
    const m = Matrix.Compose(new Vector3(1, 1, 1), rot, new Vector3(2, 1.4, -3));
    const p = markerPoseFromMatrix(m.asArray());
    const n = Vector3.TransformNormal(new Vector3(0, 1, 0), m);
    const top = Vector3.TransformNormal(new Vector3(0, 0, -1), m);
    p.position.forEach((v, i) => expect(v).toBeCloseTo([2, 1.4, -3][i]!, 6));
    p.normal.forEach((v, i) => expect(v).toBeCloseTo(n.asArray()[i]!, 6));
    p.up.forEach((v, i) => expect(v).toBeCloseTo(top.asArray()[i]!, 6));
  });

  it('refuses something that is not a 4×4 matrix', () => {
    expect(() => markerPoseFromMatrix([1, 2, 3])).toThrow(/4×4/);
    expect(() => markerPoseFromMatrix(new Array(16).fill(Number.NaN))).toThrow(RegistrationError);
  });
});

describe('marker pose → twin transform', () => {
  const wall = { position: [0.102, 1.5, 1.5] as Vec3, normal: [1, 0, 0] as Vec3, up: [0, 1, 0] as Vec3 };
  const detect = (t: RoomTransform, m: typeof wall) => {
    const turn = { yaw: t.yaw, translation: [0, 0, 0] as Vec3 };
    return markerPoseFromMatrix(imageMatrix(apply(turn, m.normal), apply(turn, m.up), apply(t, m.position)));
  };
  const expectSame = (t: RoomTransform, u: RoomTransform, digits = 5) => {
    for (const q of [[0, 0, 0], [5, 0, 5], [-3, 2, 8]] as Vec3[]) {
      const a = apply(t, q);
      const b = apply(u, q);
      a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, digits));
    }
  };

  it('recovers known poses exactly from a detected image matrix, for any turn', () => {
    for (const yaw of [0, 0.7, Math.PI / 2, -2.5, Math.PI]) {
      const t: RoomTransform = { yaw, translation: [1.2, 0.05, -4] };
      expectSame(markerRegistration(wall, detect(t, wall)), t);
    }
  });

  it('averages noisy detections to within a centimetre and a degree, and reports their spread', () => {
    const r = noise(7);
    // The tracker's jitter: about a centimetre in position and a degree and a half in turn, frame to frame.
    const detections = Array.from({ length: 30 }, () => {
      const seen = detect({ yaw: known.yaw + r() * 0.026, translation: [0, 0, 0] }, { ...wall, position: [0, 0, 0] });
      const at = apply(known, wall.position);
      return { ...seen, position: [at[0] + r() * 0.01, at[1] + r() * 0.01, at[2] + r() * 0.01] as Vec3 };
    });
    const fit = markerRegistrationFrom(wall, detections);
    expect(Math.abs(fit.yaw - known.yaw)).toBeLessThan(Math.PI / 180);
    const a = apply(fit, wall.position);
    const b = apply(known, wall.position);
    expect(Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])).toBeLessThan(0.01);
    expect(fit.spread).toBeGreaterThan(0);
    expect(fit.spread).toBeLessThan(0.05);
  });

  it('takes the turn from the horizontal part of a tilted wall marker’s normal', () => {
    // Hung 10° off vertical (leaning back): the normal points a little up, the top edge a little back.
    const tilt = (10 * Math.PI) / 180;
    const leaning = { position: wall.position, normal: [Math.cos(tilt), Math.sin(tilt), 0] as Vec3, up: [-Math.sin(tilt), Math.cos(tilt), 0] as Vec3 };
    const t = markerRegistration(leaning, detect(known, leaning));
    expectSame(t, known);
    // Detected tilted while the twin says upright: the turn is still right, so the room lines up.
    const seenTilted = detect(known, leaning);
    expect(markerRegistration(wall, seenTilted).yaw).toBeCloseTo(known.yaw, 6);
  });

  it('uses the top edge of a tilted floor marker', () => {
    const floor = { position: [2, 0, 2] as Vec3, normal: [0, 1, 0] as Vec3, up: [0, 0, -1] as Vec3 };
    const tilt = (8 * Math.PI) / 180;
    const tilted = { position: floor.position, normal: [0, Math.cos(tilt), Math.sin(tilt)] as Vec3, up: [0, Math.sin(tilt), -Math.cos(tilt)] as Vec3 };
    expectSame(markerRegistration(floor, detect(known, tilted)), known);
  });

  it('refuses detections that disagree (the marker moved, or a look-alike)', () => {
    const moved: RoomTransform = { yaw: known.yaw, translation: [known.translation[0] + 0.5, known.translation[1], known.translation[2]] };
    expect(() => markerRegistrationFrom(wall, [detect(known, wall), detect(moved, wall)])).toThrow(/seen in different places/);
    expect(() => markerRegistrationFrom(wall, [])).toThrow(/not been seen/);
  });
});

describe('manual placement', () => {
  it('puts the pivot on the tapped floor point, and turning keeps it there', () => {
    const pivot: Vec3 = [1.21, 0, 1.226];
    const at: Vec3 = [-0.3, 0.05, 0.4];
    for (const yaw of [0, 1, -2]) {
      const p = apply(placeAt(pivot, at, yaw), pivot);
      p.forEach((v, i) => expect(v).toBeCloseTo(at[i]!, 9));
    }
    expect(placeAt(pivot, at, 0.5).yaw).toBe(0.5);
  });

  it('turns the twin so a heading looks along the phone’s direction', () => {
    // Heading 90 looks toward +x; turned by the yaw it must look along the real direction.
    for (const dir of [[0, -0.5, -1], [1, 0, 0], [-0.3, 0.2, 0.8]] as Vec3[]) {
      const yaw = yawToFace(90, dir);
      const d = apply({ yaw, translation: [0, 0, 0] }, [1, 0, 0]);
      const n = Math.hypot(dir[0], dir[2]);
      expect(d[0]).toBeCloseTo(dir[0] / n, 9);
      expect(d[2]).toBeCloseTo(dir[2] / n, 9);
    }
    expect(() => yawToFace(0, [0, -1, 0])).toThrow(/straight up or down/);
  });
});
