/**
 * Which resolution a work's image is held at: a ladder of sizes (longest side 256, 512, 1024 px, then the file's
 * own), chosen by how many screen pixels the work covers. A work far away or out of reach is held small; one the
 * visitor walks up to or opens rises to its full image. Levels change one step at a time, so a painting never
 * jumps by more than one level between two draws, and a band between rising and falling keeps it from flickering
 * at a boundary. Knows nothing of Babylon.
 */

/** Longest sides of the levels below the file's own size, px. */
export const IMAGE_LEVELS = [256, 512, 1024] as const;
/** The first level shown is at most this big, so the first view costs little; nearer works rise after. */
export const FIRST_LEVEL_MAX = 512;
/** A level falls only once the level below would still have this many image pixels per screen pixel. */
export const FALL_MARGIN = 1.5;

/** The ladder for an image of this size: the standard levels below it, then the image's own longest side. */
export function levelSizes(width: number, height: number): number[] {
  const longest = Math.max(1, Math.round(Math.max(width, height)));
  return [...IMAGE_LEVELS.filter((l) => l < longest), longest];
}

/** The pixel size of a level: the longest side `longest`, in the given aspect (width / height). */
export function levelPixels(aspect: number, longest: number): { width: number; height: number } {
  if (!(aspect > 0) || !Number.isFinite(aspect)) throw new Error(`an image's aspect must be a positive number, not ${aspect}`);
  return aspect >= 1
    ? { width: longest, height: Math.max(1, Math.round(longest / aspect)) }
    : { width: Math.max(1, Math.round(longest * aspect)), height: longest };
}

/**
 * Screen pixels across a work's longest side: its size (m) seen at `distance` (m) by a camera of vertical field
 * of view `fov` (radians) drawing `viewportHeight` pixels. Nearer than 1 cm counts as 1 cm.
 */
export function screenPixels(size: number, distance: number, fov: number, viewportHeight: number): number {
  return (size * viewportHeight) / (2 * Math.tan(fov / 2) * Math.max(distance, 0.01));
}

/** The smallest level with at least `pixels` across (the top level when none has). */
export function wantedLevel(sizes: readonly number[], pixels: number): number {
  const i = sizes.findIndex((s) => s >= pixels);
  return i < 0 ? sizes.length - 1 : i;
}

/** The first level to show: what the work covers now, no bigger than FIRST_LEVEL_MAX (or the smallest level). */
export function firstLevel(sizes: readonly number[], pixels: number): number {
  let i = wantedLevel(sizes, pixels);
  while (i > 0 && sizes[i]! > FIRST_LEVEL_MAX) i--;
  return i;
}

/**
 * The next level from `current` (one step at most): up when the work covers more pixels than the level has,
 * down when the level below would still have FALL_MARGIN image pixels per screen pixel, or when the work is out
 * of reach (`pixels` 0). Returns `current` when it should stay.
 */
export function nextLevel(sizes: readonly number[], current: number, pixels: number): number {
  const wanted = wantedLevel(sizes, pixels);
  if (wanted > current) return current + 1;
  if (current > 0 && (pixels <= 0 || sizes[current - 1]! >= pixels * FALL_MARGIN)) return current - 1;
  return current;
}
