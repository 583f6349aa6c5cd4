/** Moving a wall work along its wall: a pure step, snapped to the hanging grid. */

/** The hanging grid: offsets snap to 5 cm. */
export const SNAP_M = 0.05;

/** `value` snapped to the grid, never below 0, without float noise (2.35, not 2.3500000000000005). */
export function snapOffset(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.max(0, Number((Math.round(value / SNAP_M) * SNAP_M).toFixed(2)));
}
