/**
 * Plan geometry: the one place for the 2D maths on plan points ([x, z], metres).
 * Pure functions, no Babylon, no DOM: the floor plan, the validator, the scene, the modes,
 * the default exhibition's generator and the benchmark all use these.
 */
import type { Vec2 } from './schema';

type P = readonly [number, number];

const EPS = 1e-6;

export const sub = (p: P, q: P): Vec2 => [p[0] - q[0], p[1] - q[1]];
export const add = (p: P, q: P): Vec2 => [p[0] + q[0], p[1] + q[1]];
export const scale = (p: P, s: number): Vec2 => [p[0] * s, p[1] * s];
export const dot = (p: P, q: P) => p[0] * q[0] + p[1] * q[1];
export const cross = (p: P, q: P) => p[0] * q[1] - p[1] * q[0];
export const length = (p: P) => Math.hypot(p[0], p[1]);
export const distance = (a: P, b: P) => Math.hypot(b[0] - a[0], b[1] - a[1]);

/** Cross product of (a − o) and (b − o): > 0 when o → a → b turns left. */
export function orient(o: P, a: P, b: P): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

/** Signed area (positive when wound counter-clockwise in x/z). */
export function signedArea(poly: readonly P[]): number {
  let s = 0;
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i]!;
    const q = poly[(i + 1) % poly.length]!;
    s += p[0] * q[1] - q[0] * p[1];
  }
  return s / 2;
}

/** Even-odd rule; a point on the boundary may fall either way. */
export function pointInPolygon(p: P, poly: readonly P[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, zi] = poly[i]!;
    const [xj, zj] = poly[j]!;
    if (zi > p[1] !== zj > p[1] && p[0] < ((xj - xi) * (p[1] - zi)) / (zj - zi) + xi) inside = !inside;
  }
  return inside;
}

/** The mean of the outline's points (where a label goes). */
export function centroid(poly: readonly P[]): Vec2 {
  let x = 0;
  let z = 0;
  for (const p of poly) {
    x += p[0];
    z += p[1];
  }
  return [x / poly.length, z / poly.length];
}

/** The centre of the outline's area (inside any convex outline, unlike the mean of lopsided points). */
export function areaCentroid(poly: readonly P[]): Vec2 {
  const a = signedArea(poly);
  let cx = 0;
  let cz = 0;
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i]!;
    const r = poly[(i + 1) % poly.length]!;
    const f = p[0] * r[1] - r[0] * p[1];
    cx += (p[0] + r[0]) * f;
    cz += (p[1] + r[1]) * f;
  }
  return [cx / (6 * a), cz / (6 * a)];
}

/** Wall i of an outline: from point i to the next. */
export function edgeOf<T extends P>(poly: readonly T[], i: number): [T, T] {
  return [poly[i]!, poly[(i + 1) % poly.length]!];
}

/** Distance from p to the segment ab, and where along ab (metres from a, not clamped) p's foot lies. */
export function toSegment(p: P, a: P, b: P): { distance: number; along: number; length: number } {
  const len = distance(a, b);
  if (len < EPS) return { distance: distance(p, a), along: 0, length: len };
  const ux = (b[0] - a[0]) / len;
  const uz = (b[1] - a[1]) / len;
  const t = (p[0] - a[0]) * ux + (p[1] - a[1]) * uz;
  const along = Math.max(0, Math.min(len, t));
  return { distance: Math.hypot(p[0] - (a[0] + ux * along), p[1] - (a[1] + uz * along)), along: t, length: len };
}

/** Distance from p to the segment ab. */
export function distanceToSegment(p: P, a: P, b: P): number {
  return toSegment(p, a, b).distance;
}

/** Distance from p to a segment given by its start, unit direction and length; t = p's position along it (0 at a). */
export function projectOnSegment(p: P, e: { a: P; dir: P; length: number }): { t: number; distance: number } {
  const t = dot(sub(p, e.a), e.dir);
  const foot = add(e.a, scale(e.dir, Math.min(Math.max(t, 0), e.length)));
  return { t, distance: length(sub(p, foot)) };
}

/** Distance from p to the nearest wall of the outline. */
export function distanceToBoundary(p: P, poly: readonly P[]): number {
  let best = Infinity;
  for (let i = 0; i < poly.length; i++) best = Math.min(best, distanceToSegment(p, poly[i]!, poly[(i + 1) % poly.length]!));
  return best;
}

function sign(v: number): number {
  return v > 1e-9 ? 1 : v < -1e-9 ? -1 : 0;
}

function onSegment(a: P, b: P, p: P): boolean {
  return (
    Math.min(a[0], b[0]) - 1e-9 <= p[0] && p[0] <= Math.max(a[0], b[0]) + 1e-9 && Math.min(a[1], b[1]) - 1e-9 <= p[1] && p[1] <= Math.max(a[1], b[1]) + 1e-9
  );
}

/** Whether segments ab and cd meet; `proper` = they cross at a single interior point of both. */
export function segmentsMeet(a: P, b: P, c: P, d: P, proper: boolean): boolean {
  const o1 = sign(orient(a, b, c));
  const o2 = sign(orient(a, b, d));
  const o3 = sign(orient(c, d, a));
  const o4 = sign(orient(c, d, b));
  if (o1 * o2 < 0 && o3 * o4 < 0) return true;
  if (proper) return false;
  return (o1 === 0 && onSegment(a, b, c)) || (o2 === 0 && onSegment(a, b, d)) || (o3 === 0 && onSegment(c, d, a)) || (o4 === 0 && onSegment(c, d, b));
}

/** Inside and more than a millimetre from every wall. */
export function strictlyInside(p: P, poly: readonly P[]): boolean {
  return pointInPolygon(p, poly) && distanceToBoundary(p, poly) > 1e-3;
}

/** Whether two outlines share any area (touching along a wall does not count). */
export function polygonsOverlap(a: readonly P[], b: readonly P[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const [p, r] = edgeOf(a, i);
    for (let j = 0; j < b.length; j++) {
      const [s, t] = edgeOf(b, j);
      if (segmentsMeet(p, r, s, t, true)) return true;
    }
  }
  if (a.some((p) => strictlyInside(p, b)) || b.some((p) => strictlyInside(p, a))) return true;
  const midpoints = (poly: readonly P[]): Vec2[] =>
    poly.map((p, i) => {
      const r = poly[(i + 1) % poly.length]!;
      return [(p[0] + r[0]) / 2, (p[1] + r[1]) / 2];
    });
  if (midpoints(a).some((p) => strictlyInside(p, b)) || midpoints(b).some((p) => strictlyInside(p, a))) return true;
  const ca = areaCentroid(a);
  const cb = areaCentroid(b);
  return (pointInPolygon(ca, a) && strictlyInside(ca, b)) || (pointInPolygon(cb, b) && strictlyInside(cb, a));
}

/** [minX, minZ, maxX, maxZ]. */
export function bbox(poly: readonly P[]): [number, number, number, number] {
  let x0 = Infinity;
  let z0 = Infinity;
  let x1 = -Infinity;
  let z1 = -Infinity;
  for (const [x, z] of poly) {
    x0 = Math.min(x0, x);
    z0 = Math.min(z0, z);
    x1 = Math.max(x1, x);
    z1 = Math.max(z1, z);
  }
  return [x0, z0, x1, z1];
}

/** A first problem with an outline (zero-length wall, fold, self-crossing, no area), or undefined. */
export function polygonProblem(poly: readonly P[]): { index?: number; message: string } | undefined {
  const n = poly.length;
  for (let i = 0; i < n; i++) {
    const [a, b] = edgeOf(poly, i);
    if (distance(a, b) < 1e-4) {
      const j = (i + 1) % n;
      return { index: j, message: `point ${j} repeats point ${i} (wall ${i} has no length); remove one of them` };
    }
  }
  // All points on one line.
  const p0 = poly[0]!;
  const far = poly.reduce((best, p) => (distance(p0, p) > distance(p0, best) ? p : best), p0);
  if (poly.every((p) => Math.abs(orient(p0, far, p)) <= 1e-6 * Math.max(1, distance(p0, far)))) {
    return { message: 'the outline has no area (its points lie on a line)' };
  }
  for (let i = 0; i < n; i++) {
    const prev = poly[(i + n - 1) % n]!;
    const cur = poly[i]!;
    const next = poly[(i + 1) % n]!;
    const ux = cur[0] - prev[0];
    const uz = cur[1] - prev[1];
    const vx = next[0] - cur[0];
    const vz = next[1] - cur[1];
    if (Math.abs(ux * vz - uz * vx) <= 1e-9 * Math.hypot(ux, uz) * Math.hypot(vx, vz) && ux * vx + uz * vz < 0) {
      return { index: i, message: `the outline doubles back on itself at point ${i}` };
    }
  }
  for (let i = 0; i < n; i++) {
    const [a, b] = edgeOf(poly, i);
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // adjacent through the closing wall
      const [c, d] = edgeOf(poly, j);
      if (segmentsMeet(a, b, c, d, false)) {
        return { message: `wall ${i} (point ${i} → ${(i + 1) % n}) crosses wall ${j} (point ${j} → ${(j + 1) % n}); the outline must not cross itself` };
      }
    }
  }
  if (Math.abs(signedArea(poly)) < 1e-3) return { message: 'the outline has no area (its points lie on a line)' };
  return undefined;
}
