/**
 * Browser-free decisions of the AR mode: which works get a floating label (the nearest few in front of the
 * visitor) and where the labels go so that none overlaps another (a greedy lift in the visitor's view).
 */
import type { Vec3 } from '../../twin/schema';

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
