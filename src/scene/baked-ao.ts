/**
 * Light and shade that does not move, generated once when the scene is built (the baked tier): ambient
 * occlusion where walls meet the floor and the ceiling, in doorway reveals, and a soft contact shadow around each
 * plinth, case and free-standing object. It costs no draw call: each room's floor and ceiling gets a small
 * lightmap of its own, its walls a two-column gradient by height; Babylon's PBR material multiplies the whole
 * lit colour by it (`useLightmapAsShadowmap`), and the map's level carries the room's ambient light (light-levels.ts).
 *
 * The shading is pure (numbers in, pixels out), so tests read it without a GPU.
 */
import type { Vec2 } from '../twin/schema';

/** A footprint on the floor that shades it: a plinth, a case, an object standing on the floor. */
export interface Contact {
  centre: Vec2;
  /** Half width (along the work's own x) and half depth, metres. */
  half: Vec2;
  /** Rotation about +y, radians (Babylon's rotation.y of the work). */
  angle: number;
}

/** An opening in a room's outline (a doorway): the floor runs on through it, so its edge casts no occlusion. */
export interface Opening {
  position: Vec2;
  width: number;
}

export interface Shade {
  width: number;
  height: number;
  /** Linear values 0–1, one per texel, row by row from `min` (x across, z down the rows). */
  values: Float32Array;
  min: Vec2;
  span: Vec2;
}

/** How dark the junction of wall and floor is, and how far (metres) the darkening reaches. */
export const JUNCTION = { depth: 0.5, reach: 0.35 };
/** How dark the floor right at a footprint's edge is, and how far the contact shadow reaches. */
export const CONTACT = { depth: 0.65, reach: 0.22 };
/** Texels per metre of floor, and the most on a side. */
const TEXELS_PER_METRE = 12;
const MAX_TEXELS = 256;

function segmentDistance(p: Vec2, a: Vec2, b: Vec2): { d: number; t: number } {
  const dx = b[0] - a[0];
  const dz = b[1] - a[1];
  const len2 = dx * dx + dz * dz || 1;
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dz) / len2));
  return { d: Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dz), t };
}

/** Distance from a point outside a rotated rectangle to it (0 inside). */
function footprintDistance(p: Vec2, c: Contact): number {
  const x = p[0] - c.centre[0];
  const z = p[1] - c.centre[1];
  // Into the footprint's own axes: RotationY turns local x to (cos θ, −sin θ) in plan.
  const cos = Math.cos(c.angle);
  const sin = Math.sin(c.angle);
  const lx = x * cos - z * sin;
  const lz = x * sin + z * cos;
  const ox = Math.max(Math.abs(lx) - c.half[0], 0);
  const oz = Math.max(Math.abs(lz) - c.half[1], 0);
  return Math.hypot(ox, oz);
}

/**
 * Occlusion at a floor (or ceiling) point: 1 is open floor, less near walls and footprints. `inset` is half the
 * wall's thickness (the outline runs down the walls' middles). In a doorway the floor runs on: only its jambs occlude.
 */
export function occlusionAt(p: Vec2, polygon: Vec2[], openings: Opening[], contacts: Contact[], inset = 0): number {
  let near = Infinity;
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i]!;
    const b = polygon[(i + 1) % polygon.length]!;
    const { d, t } = segmentDistance(p, a, b);
    const q: Vec2 = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
    const dir: Vec2 = [(b[0] - a[0]) / len, (b[1] - a[1]) / len];
    let candidate = d;
    for (const o of openings) {
      if (segmentDistance(o.position, a, b).d > 0.05) continue;
      const along = (q[0] - o.position[0]) * dir[0] + (q[1] - o.position[1]) * dir[1];
      if (Math.abs(along) >= o.width / 2) continue;
      // In the opening: the nearest wall is a jamb, at either side of it.
      const jamb = (s: number): number => Math.hypot(p[0] - o.position[0] - s * dir[0] * (o.width / 2), p[1] - o.position[1] - s * dir[1] * (o.width / 2));
      candidate = Math.min(jamb(1), jamb(-1));
    }
    near = Math.min(near, candidate);
  }
  let shade = 1 - JUNCTION.depth * Math.exp(-Math.max(near - inset, 0) / JUNCTION.reach);
  for (const c of contacts) {
    const d = footprintDistance(p, c);
    shade *= 1 - CONTACT.depth * Math.exp(-d / CONTACT.reach);
  }
  return shade;
}

/** A room's floor (with contacts) or ceiling (without) as a small lightmap over its outline's bounds. */
export function shadeFloor(polygon: Vec2[], openings: Opening[], contacts: Contact[], inset = 0): Shade {
  const xs = polygon.map((p) => p[0]);
  const zs = polygon.map((p) => p[1]);
  const min: Vec2 = [Math.min(...xs), Math.min(...zs)];
  const span: Vec2 = [Math.max(Math.max(...xs) - min[0], 0.01), Math.max(Math.max(...zs) - min[1], 0.01)];
  const width = Math.max(4, Math.min(MAX_TEXELS, Math.ceil(span[0] * TEXELS_PER_METRE)));
  const height = Math.max(4, Math.min(MAX_TEXELS, Math.ceil(span[1] * TEXELS_PER_METRE)));
  const values = new Float32Array(width * height);
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const p: Vec2 = [min[0] + ((i + 0.5) / width) * span[0], min[1] + ((j + 0.5) / height) * span[1]];
      values[j * width + i] = occlusionAt(p, polygon, openings, contacts, inset);
    }
  }
  return { width, height, values, min, span };
}

/** Texels of the wall gradient, bottom to top. */
export const WALL_TEXELS = 64;
/** How much darker a doorway's reveal (the wall's end face in the opening) is than the wall's face. */
export const REVEAL = 0.75;

/**
 * A room's walls by height: dark at the floor and at the ceiling, full in between. Two columns: the left for
 * reveals (faces across the wall's length, in doorways), the right for the wall's faces.
 */
export function shadeWalls(height: number): Shade {
  const values = new Float32Array(2 * WALL_TEXELS);
  for (let j = 0; j < WALL_TEXELS; j++) {
    const y = ((j + 0.5) / WALL_TEXELS) * height;
    const fromFloor = 1 - JUNCTION.depth * Math.exp(-y / JUNCTION.reach);
    // The ceiling junction is lit by the room's light from below: softer and shallower than the floor's.
    const fromCeiling = 1 - 0.6 * JUNCTION.depth * Math.exp(-(height - y) / JUNCTION.reach);
    const face = fromFloor * fromCeiling;
    values[j * 2] = face * REVEAL;
    values[j * 2 + 1] = face;
  }
  return { width: 2, height: WALL_TEXELS, values, min: [0, 0], span: [1, height] };
}

/** A shade as RGBA bytes (linear values, grey), for a raw texture. */
export function shadeBytes(s: Shade): Uint8Array {
  const out = new Uint8Array(s.values.length * 4);
  for (let i = 0; i < s.values.length; i++) {
    const v = Math.round(Math.max(0, Math.min(1, s.values[i]!)) * 255);
    out[i * 4] = v;
    out[i * 4 + 1] = v;
    out[i * 4 + 2] = v;
    out[i * 4 + 3] = 255;
  }
  return out;
}
