/**
 * Browser-free decisions of the AR mode: which ways of registering an exhibition offers, what the manual
 * placement shows and turns about, which works get a floating label (the nearest few in front of the visitor)
 * and where the labels go so that none overlaps another (a greedy lift in the visitor's view).
 */
import type { Exhibition, Vec3 } from '../../twin/schema';
import { centroid, roomAt } from '../../twin/floorplan';

/** The three ways to register the twin to the room, in the order they are preferred. */
export type RegistrationMethod = 'points' | 'marker' | 'manual';

/**
 * What this exhibition can register with: reference points (two or more), a printed marker (one or more),
 * and by hand (a floor outline to place: any exhibition with room outlines).
 */
export function registrationMethods(ex: Pick<Exhibition, 'arReferences' | 'space'>): RegistrationMethod[] {
  const methods: RegistrationMethod[] = [];
  if (ex.arReferences.points.length >= 2) methods.push('points');
  if (ex.arReferences.markers.length >= 1) methods.push('marker');
  if (ex.space.rooms.length >= 1) methods.push('manual');
  return methods;
}

/**
 * The twin point the manual placement puts under the reticle and turns about: the middle of the room the
 * visitor enters (the room a visitor is most likely standing in), on its floor.
 */
export function manualPivot(ex: Pick<Exhibition, 'entrance' | 'space'>): Vec3 {
  const [x, y, z] = ex.entrance.position;
  const room = roomAt(ex.space.rooms, [x, z]) ?? ex.space.rooms[0];
  if (!room) return [x, y, z];
  const c = centroid(room.polygon);
  return [c[0], y, c[1]];
}

/** The floor outline of every room, as line segments on the entrance's floor level (twin coordinates). */
export function floorOutline(ex: Pick<Exhibition, 'entrance' | 'space'>): [Vec3, Vec3][] {
  const y = ex.entrance.position[1];
  const lines: [Vec3, Vec3][] = [];
  for (const room of ex.space.rooms) {
    room.polygon.forEach((p, i) => {
      const q = room.polygon[(i + 1) % room.polygon.length]!;
      lines.push([[p[0], y, p[1]], [q[0], y, q[1]]]);
    });
  }
  return lines;
}

export const MAX_LABELS = 5;
export const LABEL_RADIUS = 6;

export interface LabelCandidate {
  id: string;
  /** The point on the work the label's leader line ends at (scene coordinates). */
  position: Vec3;
}

/**
 * The works to label: within `radius` metres (on the floor plan) of the viewer, not behind them, nearest first,
 * at most `max`.
 */
export function nearbyWorks(
  works: LabelCandidate[],
  viewer: { position: Vec3; forward: Vec3 },
  opts: { max?: number; radius?: number } = {},
): string[] {
  const max = opts.max ?? MAX_LABELS;
  const radius = opts.radius ?? LABEL_RADIUS;
  const fl = Math.hypot(viewer.forward[0], viewer.forward[2]);
  const f = fl > 1e-6 ? [viewer.forward[0] / fl, viewer.forward[2] / fl] : undefined;
  const scored: { id: string; d: number }[] = [];
  for (const w of works) {
    const dx = w.position[0] - viewer.position[0];
    const dz = w.position[2] - viewer.position[2];
    const d = Math.hypot(dx, dz);
    if (d > radius) continue;
    // Behind the visitor (more than ~100° off their view): not now. Very close works always count.
    if (f && d > 0.6 && (dx * f[0]! + dz * f[1]!) / d < -0.17) continue;
    scored.push({ id: w.id, d });
  }
  scored.sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1));
  return scored.slice(0, max).map((s) => s.id);
}

export interface LabelBox {
  id: string;
  /** Centre in view space: metres right of and above the view axis, and metres ahead. */
  right: number;
  up: number;
  depth: number;
  width: number;
  height: number;
}

/**
 * Greedy de-overlap in the visitor's view: labels are taken in the given order (most important first) and each
 * is lifted just above any already placed label its angular box overlaps. Returns each label's lift in metres.
 */
export function deOverlap(boxes: LabelBox[], gap = 0.02): Map<string, number> {
  const placed: { x: number; y: number; w: number; h: number }[] = [];
  const lift = new Map<string, number>();
  for (const b of boxes) {
    const d = Math.max(b.depth, 0.1);
    const x = b.right / d;
    const w = b.width / d;
    const h = b.height / d;
    const y0 = b.up / d;
    let y = y0;
    for (let guard = 0; guard <= placed.length; guard++) {
      const hit = placed.find((p) => Math.abs(p.x - x) < (p.w + w) / 2 && Math.abs(p.y - y) < (p.h + h) / 2);
      if (!hit) break;
      y = hit.y + (hit.h + h) / 2 + gap / d;
    }
    placed.push({ x, y, w, h });
    lift.set(b.id, (y - y0) * d);
  }
  return lift;
}

/** Whether two placed boxes (after lifting) overlap in the view: for tests and checks. */
export function overlaps(a: LabelBox, b: LabelBox): boolean {
  const da = Math.max(a.depth, 0.1);
  const db = Math.max(b.depth, 0.1);
  return Math.abs(a.right / da - b.right / db) < (a.width / da + b.width / db) / 2 && Math.abs(a.up / da - b.up / db) < (a.height / da + b.height / db) / 2;
}
