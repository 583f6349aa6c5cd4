/**
 * 360° photographs of the real rooms: the format of a room's panoramas, and the pure geometry that keeps the
 * photograph aligned with the twin (an image point ↔ a direction in the room), the tile order for progressive
 * loading, and the files an offline save needs. No Babylon, no DOM: the scene (src/scene/panorama-view.ts), the
 * importer (src/pipeline/import/panorama/) and the offline plan use it.
 *
 * An equirectangular photo's centre column looks along the panorama's `heading` (plan degrees: 0 toward −z,
 * 90 toward +x); going right in the image turns clockwise seen from above; the top row is straight up.
 */
import { z } from 'zod';
import { Heading, Id, LangMap, Length, MediaPath, Vec2 } from './schema-primitives';

/** The largest tile side, in pixels, that the app asks a device to upload: some phones and headsets cap textures at 2048. */
export const MAX_TILE_PX = 2048;
/** Eye height of a panorama when the file does not say: a tripod at standing eye height. */
export const DEFAULT_PANORAMA_HEIGHT = 1.6;

const Pixels = z.number().int('a pixel size is a whole number').min(2).max(65_536);

/** One resolution of a panorama, cut into `columns × rows` equal tiles of the equirectangular image, row by row from the top left. */
export const PanoramaLevel = z
  .object({
    width: Pixels.describe('Width of the whole equirectangular image at this level, pixels.'),
    height: Pixels.describe('Its height: half the width.'),
    columns: z.number().int().min(1).max(64),
    rows: z.number().int().min(1).max(32),
    tiles: z.array(MediaPath).min(1).max(2048).describe('columns × rows image files, row by row from the top left.'),
  })
  .superRefine((l, ctx) => {
    if (l.width !== 2 * l.height) ctx.addIssue({ code: 'custom', path: ['height'], message: `a level is ${l.width} × ${l.height} px: an equirectangular level is 2:1` });
    if (l.tiles.length !== l.columns * l.rows) {
      ctx.addIssue({ code: 'custom', path: ['tiles'], message: `${l.columns} columns × ${l.rows} rows need ${l.columns * l.rows} tiles, not ${l.tiles.length}` });
    }
    const tw = Math.ceil(l.width / l.columns);
    const th = Math.ceil(l.height / l.rows);
    if (Math.max(tw, th) > MAX_TILE_PX) {
      ctx.addIssue({ code: 'custom', path: ['columns'], message: `tiles of ${tw} × ${th} px are larger than ${MAX_TILE_PX} px, which some devices cannot upload: cut it finer (npm run import:panoramas does)` });
    }
  });

/** A 360° photograph taken in a room: where, how high, which way its centre looks, and its image(s). */
export const Panorama = z
  .object({
    id: Id,
    name: LangMap.optional().describe('What the visitor sees on the viewpoint, e.g. {"en": "From the doorway"}.'),
    position: Vec2.describe('Plan point [x, z] where the camera stood.'),
    height: Length(10, 0.1).default(DEFAULT_PANORAMA_HEIGHT).describe("The lens's height above the room's floor, metres."),
    heading: Heading.default(0).describe("Plan heading the photo's centre column looks toward (from XMP GPano PoseHeadingDegrees when present)."),
    pixels: z.tuple([Pixels, Pixels]).describe('The photograph as taken, [width, height] in pixels: 2:1.'),
    image: MediaPath.optional().describe('The whole equirectangular photograph, for one small enough to upload as it is.'),
    levels: z.array(PanoramaLevel).min(1).max(8).optional().describe('Or its tiles, lowest resolution first (npm run import:panoramas writes them).'),
    date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD').optional(),
    credit: z.string().max(300).optional().describe('Who took the photograph.'),
  })
  .superRefine((p, ctx) => {
    const [w, h] = p.pixels;
    if (w !== 2 * h) {
      ctx.addIssue({
        code: 'custom',
        path: ['pixels'],
        message: `panorama '${p.id}' is ${w} × ${h} px: a 360° photograph is 2:1 (equirectangular, e.g. ${2 * h} × ${h}); a cropped or partial panorama cannot be aligned with the room`,
      });
    }
    if (p.image === undefined && p.levels === undefined) ctx.addIssue({ code: 'custom', path: ['image'], message: `panorama '${p.id}' needs an image or levels of tiles` });
  });

export type Panorama = z.infer<typeof Panorama>;
export type PanoramaInput = z.input<typeof Panorama>;
export type PanoramaLevel = z.infer<typeof PanoramaLevel>;

/** A panorama's levels, lowest resolution first: its tiles, or its one image as a one-tile level. */
export function panoramaLevels(p: Panorama): PanoramaLevel[] {
  if (p.levels) return p.levels;
  return [{ width: p.pixels[0], height: p.pixels[1], columns: 1, rows: 1, tiles: [p.image!] }];
}

/** Rooms as far as panoramas need them: their id and the panoramas they carry. */
interface RoomsWithPanoramas {
  space: { rooms: { id: string; panoramas?: Panorama[] }[] };
}

/** Every panorama of an exhibition with the room it is in and where it is written. */
export function allPanoramas(ex: RoomsWithPanoramas): { room: string; panorama: Panorama; path: (string | number)[] }[] {
  const out: { room: string; panorama: Panorama; path: (string | number)[] }[] = [];
  ex.space.rooms.forEach((r, i) => r.panoramas?.forEach((p, k) => out.push({ room: r.id, panorama: p, path: ['space', 'rooms', i, 'panoramas', k] })));
  return out;
}

/** Every image file of every panorama (each tile of each level), once each: what an offline save adds. */
export function panoramaFiles(ex: RoomsWithPanoramas): string[] {
  const out = new Set<string>();
  for (const { panorama } of allPanoramas(ex)) {
    if (panorama.image !== undefined) out.add(panorama.image);
    for (const l of panorama.levels ?? []) for (const t of l.tiles) out.add(t);
  }
  return [...out];
}

const RAD = Math.PI / 180;

/**
 * The direction (unit [x, y, z], y up) from the lens to the point (u, v) of the equirectangular image,
 * u ∈ [0, 1] left to right, v ∈ [0, 1] top to bottom, for a photo whose centre looks along `heading`.
 */
export function imageDirection(heading: number, u: number, v: number): [number, number, number] {
  const yaw = (heading + (u - 0.5) * 360) * RAD;
  const lat = (0.5 - v) * Math.PI;
  return [Math.cos(lat) * Math.sin(yaw), Math.sin(lat), -Math.cos(lat) * Math.cos(yaw)];
}

/** Where in the image (u, v) a direction from the lens appears: the inverse of imageDirection. */
export function imagePoint(heading: number, dir: readonly [number, number, number]): { u: number; v: number } {
  const [x, y, z] = dir;
  const len = Math.hypot(x, y, z) || 1;
  const lat = Math.asin(Math.max(-1, Math.min(1, y / len)));
  const yaw = Math.atan2(x, -z) / RAD;
  const u = ((((yaw - heading) / 360 + 0.5) % 1) + 1) % 1;
  return { u, v: 0.5 - lat / Math.PI };
}

/**
 * The order to load a level's tiles: nearest first to where the visitor looks (plan heading, and pitch in
 * degrees, up positive), so the part of the room in view sharpens first. Returns tile indices.
 */
export function tileOrder(level: Pick<PanoramaLevel, 'columns' | 'rows'>, panoramaHeading: number, lookHeading: number, lookPitch = 0): number[] {
  const look = imageDirection(0, 0.5 + (lookHeading - panoramaHeading) / 360, 0.5 - lookPitch / 180);
  const scored: { i: number; d: number }[] = [];
  for (let r = 0; r < level.rows; r++) {
    for (let c = 0; c < level.columns; c++) {
      const centre = imageDirection(0, (c + 0.5) / level.columns, (r + 0.5) / level.rows);
      scored.push({ i: r * level.columns + c, d: -(centre[0] * look[0] + centre[1] * look[1] + centre[2] * look[2]) });
    }
  }
  return scored.sort((a, b) => a.d - b.d || a.i - b.i).map((s) => s.i);
}

/** A tile's part of the image: u and v ranges (0–1). */
export function tileBounds(level: Pick<PanoramaLevel, 'columns' | 'rows'>, index: number): { u0: number; u1: number; v0: number; v1: number } {
  const c = index % level.columns;
  const r = Math.floor(index / level.columns);
  return { u0: c / level.columns, u1: (c + 1) / level.columns, v0: r / level.rows, v1: (r + 1) / level.rows };
}

/** Plan heading from the lens toward a plan point: for facing the visitor toward a work from a viewpoint. */
export function headingTowards(from: readonly [number, number], to: readonly [number, number]): number {
  const h = Math.atan2(to[0] - from[0], -(to[1] - from[1])) / RAD;
  return h < 0 ? h + 360 : h;
}
