/**
 * How bright each room and each work is drawn, from the format's lighting (lux) or, where it says nothing, from
 * the room's use and the works' own light limits (the same limits the live twin and the simulation use: a work
 * is lit to its limit, else to ordinary gallery light). Pure: no Babylon.
 *
 * The eye adapts: a 50 lx cabinet looks dim, not a quarter as bright as a 200 lx gallery, so levels map to
 * drawn brightness through a compressive power (Stevens' brightness exponent, about 1/3).
 */
import type { Artwork, Exhibition, ROOM_USES } from '../twin/schema';
import { artworkPose } from '../twin/layout';
import { needsOf } from '../twin/live/needs';
import { GALLERY_LUX } from '../twin/simulate/light';

export type RoomUse = (typeof ROOM_USES)[number];

/** Ordinary ambient light by a room's use, lux (CIBSE LG8 "Museums and art galleries" ranges). */
export const ROOM_USE_LUX: Record<RoomUse, number> = { cabinet: 50, gallery: 150, hall: 300 };

export interface RoomLight {
  use: RoomUse;
  lux: number;
  /** Drawn ambient level, 0–1: what the room's baked light multiplies its surfaces by. */
  ambient: number;
  /** Where the level came from. */
  from: 'format' | 'use' | 'works';
}

export interface WorkLight {
  lux: number;
  /** Strength of the picture light's pool on the wall around it, 0–1. */
  pool: number;
  from: 'format' | 'limit' | 'gallery';
}

const BRIGHTNESS_EXPONENT = 1 / 3;
const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
/**
 * Drawn brightness relative to a 150 lx gallery, which is drawn at 0.9: a little under the works, which the baked
 * tiers expose for (gallery-look.ts), so white walls stay off pure white and picture lights show.
 */
const drawn = (lux: number): number => 0.9 * Math.pow(Math.max(lux, 1) / ROOM_USE_LUX.gallery, BRIGHTNESS_EXPONENT);

/** The light on a work: the format's, else its conservation limit, else ordinary gallery light. */
export function workLux(art: Artwork): { lux: number; from: WorkLight['from'] } {
  if (art.lighting) return { lux: art.lighting.illuminance, from: 'format' };
  const max = needsOf(art).illuminance?.max;
  return max !== undefined ? { lux: max, from: 'limit' } : { lux: GALLERY_LUX, from: 'gallery' };
}

/** A room's use when the format does not say: dim where a light-sensitive work hangs, bright for objects only. */
function useFromWorks(works: Artwork[]): RoomUse {
  if (works.some((a) => workLux(a).lux <= ROOM_USE_LUX.cabinet)) return 'cabinet';
  if (works.length && works.every((a) => a.kind === 'object')) return 'hall';
  return 'gallery';
}

/** Every room's light, by id. */
export function roomLights(ex: Exhibition): Map<string, RoomLight> {
  const byRoom = new Map<string, Artwork[]>();
  for (const art of ex.artworks) {
    let room: string | undefined;
    try {
      room = artworkPose(ex, art).room;
    } catch {
      // A work on a wall that does not exist: validation reports it; it lights nothing here.
    }
    if (room !== undefined) byRoom.set(room, [...(byRoom.get(room) ?? []), art]);
  }
  const out = new Map<string, RoomLight>();
  for (const room of ex.space.rooms) {
    const given = room.lighting;
    const use = given?.use ?? useFromWorks(byRoom.get(room.id) ?? []);
    const lux = given?.illuminance ?? ROOM_USE_LUX[use];
    const from: RoomLight['from'] = given?.illuminance !== undefined ? 'format' : given?.use ? 'use' : 'works';
    out.set(room.id, { use, lux, ambient: clamp(drawn(lux), 0.55, 1), from });
  }
  return out;
}

/** A work's light, and how strongly its pool shows against its room's ambient light. */
export function workLight(art: Artwork, room: RoomLight | undefined): WorkLight {
  const { lux, from } = workLux(art);
  // The pool is the work's light over the room's: a 200 lx spot in a 150 lx room shows a soft pool, in a 50 lx
  // cabinet a strong one; no light on the work, no pool.
  const contrast = lux / (room?.lux ?? ROOM_USE_LUX.gallery);
  const pool = lux <= 0 ? 0 : clamp(0.3 * Math.pow(contrast, 0.5), 0.1, 0.6);
  return { lux, pool, from };
}
