/**
 * Light and shade that does not move, generated once when the scene is built (the baked tier): ambient
 * occlusion where walls meet the floor, the ceiling and each other, in doorway reveals, and a soft contact shadow
 * around each plinth, case and free-standing object. It costs no draw call: each room's floor and ceiling gets a
 * small lightmap of its own, its walls an atlas by height and along each face toward its inside corners; Babylon's
 * PBR material multiplies the whole lit colour by it (`useLightmapAsShadowmap`), and the map's level carries the
 * room's ambient light (light-levels.ts).
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
/** How dark an inside corner (two walls meeting) is, and how far along each wall the darkening reaches. */
export const CORNER = { depth: 0.4, reach: 0.3 };
/** Texels per metre along a wall, and the most across a room's whole atlas. */
const WALL_TEXELS_PER_METRE = 10;
const MAX_ATLAS = 4096;

/** A wall's shade by height: dark at the floor and (less) at the ceiling, full in between. */
function byHeight(y: number, height: number): number {
  const fromFloor = 1 - JUNCTION.depth * Math.exp(-y / JUNCTION.reach);
  // The ceiling junction is lit by the room's light from below: softer and shallower than the floor's.
  const fromCeiling = 1 - 0.6 * JUNCTION.depth * Math.exp(-(height - y) / JUNCTION.reach);
  return fromFloor * fromCeiling;
}

/**
 * The inside corners of every room (where two of its walls meet at less than a straight angle), on the walls'
 * faces: each outline vertex moved in by half the wall's thickness along both walls. A wall shared by two rooms
 * belongs to one room's mesh, so corners are gathered from all rooms and found on whichever face they lie.
 */
export function insideCorners(polygons: Vec2[][], inset: number): Vec2[] {
  const out: Vec2[] = [];
  for (const poly of polygons) {
    let area = 0;
    for (let i = 0; i < poly.length; i++) {
      const a = poly[i]!;
      const b = poly[(i + 1) % poly.length]!;
      area += a[0] * b[1] - b[0] * a[1];
    }
    const sign = Math.sign(area) || 1;
    const inward = (a: Vec2, b: Vec2): Vec2 => {
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
      return [(sign * -(b[1] - a[1])) / len, (sign * (b[0] - a[0])) / len];
    };
    for (let i = 0; i < poly.length; i++) {
      const p = poly[(i + poly.length - 1) % poly.length]!;
      const v = poly[i]!;
      const n = poly[(i + 1) % poly.length]!;
      const cross = (v[0] - p[0]) * (n[1] - v[1]) - (v[1] - p[1]) * (n[0] - v[0]);
      if (sign * cross <= 1e-6) continue; // straight on or turning outward: no inside corner
      const n1 = inward(p, v);
      const n2 = inward(v, n);
      const k = inset / (1 + n1[0] * n2[0] + n1[1] * n2[1]);
      out.push([v[0] + k * (n1[0] + n2[0]), v[1] + k * (n1[1] + n2[1])]);
    }
  }
  return out;
}

/** A wall's shade along its face (metres from one end), from the inside corners that lie on it. */
function alongFace(s: number, at: number[]): number {
  let v = 1;
  for (const c of at) v *= 1 - CORNER.depth * Math.exp(-Math.abs(s - c) / CORNER.reach);
  return v;
}

/**
 * A room's walls' lightmap and second UVs, from the merged boxes' positions (four vertices a face): by height on
 * every face (floor and ceiling junctions), darker on a doorway's reveals, and darker along a face toward each
 * inside corner on it. Faces with a corner get their own block of the atlas (a texel of padding each side, so
 * filtering never reads a neighbour's); the rest share one plain column. `base`: the room's floor elevation (an
 * upper level's walls are built in world coordinates). Pure: tested without a GPU.
 */
export function wallLightmap(positions: ArrayLike<number>, height: number, thickness: number, corners: Vec2[], base = 0): { shade: Shade; uv2: Float32Array; atlas: true } {
  const n = Math.floor(positions.length / 3);
  const px = (i: number): Vec2 => [positions[i * 3]!, positions[i * 3 + 2]!];
  interface Face { first: number; a: Vec2; dir: Vec2; length: number; reveal: boolean; at: number[]; texels: number; start: number }
  const faces: Face[] = [];
  for (let f = 0; f + 4 <= n; f += 4) {
    // The face's run in plan: from its first vertex to the one farthest from it.
    const a = px(f);
    let b = a;
    for (let i = f + 1; i < f + 4; i++) if (Math.hypot(px(i)[0] - a[0], px(i)[1] - a[1]) > Math.hypot(b[0] - a[0], b[1] - a[1])) b = px(i);
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const dir: Vec2 = length > 0 ? [(b[0] - a[0]) / length, (b[1] - a[1]) / length] : [1, 0];
    let low = Infinity;
    let high = -Infinity;
    for (let i = f; i < f + 4; i++) {
      low = Math.min(low, positions[i * 3 + 1]!);
      high = Math.max(high, positions[i * 3 + 1]!);
    }
    const vertical = high - low > 1e-3;
    // A face no wider than the wall is thick is an end: a reveal in a doorway.
    const reveal = vertical && length <= (thickness + 1e-3) * Math.SQRT2 && length > 0;
    const at: number[] = [];
    if (vertical && !reveal) {
      for (const c of corners) {
        const along = (c[0] - a[0]) * dir[0] + (c[1] - a[1]) * dir[1];
        const off = Math.abs((c[0] - a[0]) * dir[1] - (c[1] - a[1]) * dir[0]);
        if (off < 0.02 && along > -0.05 && along < length + 0.05 && Math.min(along, length - along) < 4 * CORNER.reach + thickness) at.push(along);
      }
    }
    faces.push({ first: f, a, dir, length, reveal, at, texels: 0, start: 0 });
  }
  const cornered = faces.filter((f) => f.at.length);
  const wanted = cornered.reduce((s, f) => s + Math.max(2, Math.ceil(f.length * WALL_TEXELS_PER_METRE)) + 2, 0);
  const density = WALL_TEXELS_PER_METRE * Math.min(1, (MAX_ATLAS - 6) / Math.max(wanted, 1));
  // Columns 0–2: reveals; 3–5: plain faces (three each, read at the middle one); then each cornered face's block.
  let width = 6;
  for (const f of cornered) {
    f.texels = Math.max(2, Math.ceil(f.length * density));
    f.start = width + 1;
    width += f.texels + 2;
  }
  const values = new Float32Array(width * WALL_TEXELS);
  for (let j = 0; j < WALL_TEXELS; j++) {
    const h = byHeight(((j + 0.5) / WALL_TEXELS) * height, height);
    const row = j * width;
    for (let i = 0; i < 3; i++) {
      values[row + i] = h * REVEAL;
      values[row + 3 + i] = h;
    }
    for (const f of cornered) {
      for (let i = -1; i <= f.texels; i++) {
        const s = ((Math.min(Math.max(i, 0), f.texels - 1) + 0.5) / f.texels) * f.length;
        values[row + f.start + i] = h * alongFace(s, f.at);
      }
    }
  }
  const uv2 = new Float32Array(n * 2);
  for (const f of faces) {
    for (let i = f.first; i < f.first + 4; i++) {
      let u: number;
      if (f.at.length) {
        const s = f.length > 0 ? ((positions[i * 3]! - f.a[0]) * f.dir[0] + (positions[i * 3 + 2]! - f.a[1]) * f.dir[1]) / f.length : 0;
        u = (f.start + Math.min(Math.max(s, 0), 1) * f.texels) / width;
      } else u = (f.reveal ? 1.5 : 4.5) / width;
      uv2[i * 2] = u;
      // By height over the room's own floor: an upper level's walls stand on its elevation.
      uv2[i * 2 + 1] = (positions[i * 3 + 1]! - base) / height;
    }
  }
  return { shade: { width, height: WALL_TEXELS, values, min: [0, 0], span: [1, height] }, uv2, atlas: true };
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
