import { describe, expect, it } from 'vitest';
import { Matrix, Vector3 } from '@babylonjs/core/Maths/math.vector';
import { apply, invert, markerRegistration, RegistrationError, solveRegistration, type RoomTransform } from './registration';
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
