/**
 * Where the live twin's readings apply: each zone's floor area (for crowding) and each work's zone (whose
 * sensors stand in for the work's own when it has none).
 */
import { pointInPolygon, signedArea } from '../geometry';
import { artworkPose } from '../layout';
import type { Artwork, Exhibition, Vec2 } from '../schema';
import type { Crowding } from './contract';

/**
 * Crowding thresholds in people per m² of floor: under `busy` is quiet, under `crowded` is busy, else crowded.
 * Defaults follow Fruin's pedestrian levels of service for walkways (Pedestrian Planning and Design, 1971):
 * 0.3 /m² (3.3 m² each) is the edge of free movement (level A), 0.7 /m² (1.4 m² each) the edge of level C,
 * beyond which people must slow down and give way. Configurable per LiveTwin.
 */
export interface CrowdingThresholds {
  readonly busy: number;
  readonly crowded: number;
}
export const DEFAULT_CROWDING: CrowdingThresholds = { busy: 0.3, crowded: 0.7 };

export function crowdingOf(visitors: number, areaM2: number, t: CrowdingThresholds = DEFAULT_CROWDING): Crowding {
  const density = visitors / areaM2;
  return density < t.busy ? 'quiet' : density < t.crowded ? 'busy' : 'crowded';
}

/** A zone's floor area in m²: its own polygon, else its room's; undefined when neither is known. */
export function zoneArea(ex: Exhibition, zone: Exhibition['zones'][number]): number | undefined {
  const poly = zone.polygon ?? ex.space.rooms.find((r) => r.id === zone.room)?.polygon;
  if (!poly) return undefined;
  const area = Math.abs(signedArea(poly));
  return area > 0 ? area : undefined;
}

/** Where the work is on the plan and in which room, or undefined when its placement cannot be resolved. */
function planPlace(ex: Exhibition, art: Artwork): { at: Vec2; room: string | undefined } | undefined {
  try {
    const pose = artworkPose(ex, art);
    return { at: [pose.position[0], pose.position[2]], room: pose.room };
  } catch {
    return undefined; // a wall that does not exist: the validator reports it; the twin just finds no zone
  }
}

/**
 * The zone whose sensors speak for a work: its `zone` field; else a zone that is the work's whole room (or the
 * part of it the work stands in); else any zone whose polygon contains it.
 */
export function zoneOfArtwork(ex: Exhibition, art: Artwork): string | undefined {
  if (art.zone !== undefined && ex.zones.some((z) => z.id === art.zone)) return art.zone;
  const place = planPlace(ex, art);
  if (!place) return undefined;
  const inside = (z: Exhibition['zones'][number]) => z.polygon !== undefined && pointInPolygon(place.at, z.polygon);
  const byRoom = ex.zones.find((z) => place.room !== undefined && z.room === place.room && (z.polygon === undefined || inside(z)));
  return (byRoom ?? ex.zones.find(inside))?.id;
}
