/**
 * Light: each work's yearly dose from the gallery lighting while open, against its annual lux-hour budget, and
 * the years until a just-noticeable change for light-responsive works.
 *
 * Dose model: lux-hours = illuminance at the work × hours lit a day × days open a year (reciprocity: damage
 * follows the product of illuminance and time, the basis of CIE 157:2004's annual exposure limits). The
 * illuminance is a scenario's level for the work or its room, else the measured mean while open (live twin
 * history) where given, else the format's light on the work (its picture light), else its own limit or its CIE
 * 157 category's limit: the museum lighting each work to its limit, the cautious assumption. A work never gets less
 * than its room's general light where the format gives one (a watercolour hung in a 300 lx hall takes 300 lx).
 * The format has no windows, so no daylight is added.
 *
 * Years to a just-noticeable change: the dose that fades the most sensitive material of each category by one
 * just-noticeable step, from the ISO Blue Wool scale: Michalski, "Agent of deterioration: light, ultraviolet and
 * infrared", Canadian Conservation Institute (2018), ISO 1 ≈ 0.3 Mlx·h with UV removed, each step about 3× more
 * durable; CIE 157's categories span ISO 1–3 (high), 4–6 (medium), 7 and above (low), so their most sensitive
 * members are ISO 1, 4 and 7.
 */
import type { Artwork } from '../schema';
import { lightCategoryByMaterial, needsOf, type LightCategory } from '../live/needs';

/** Mlx·h to a just-noticeable fade of the most sensitive material in each CIE 157 category (ISO Blue Wool 1, 4, 7). */
const JUST_NOTICEABLE_MLXH: Record<LightCategory, number | undefined> = {
  insensitive: undefined,
  low: 300, // ISO 7
  medium: 10, // ISO 4
  high: 0.3, // ISO 1
};

/** Light on an irresponsive work with no limit of its own: ordinary gallery light, the twin's own assumption. */
export const GALLERY_LUX = 200;

export interface WorkLight {
  /** Illuminance at the work while the gallery is open, lux. */
  lux: number;
  luxHoursPerYear: number;
  /** The work's annual budget, lux-hours; null for a work light does not harm. */
  luxHoursBudget: number | null;
  /** Dose over budget: 1 is the whole budget. Null without a budget. */
  fractionOfBudget: number | null;
  category: LightCategory | 'own figures';
  /** Years to a just-noticeable change at this dose; null for an irresponsive work or no light. */
  yearsToNoticeableChange: number | null;
  /** Where the illuminance came from. */
  luxFrom: 'scenario' | 'measured' | 'format' | 'room' | 'limit' | 'gallery';
}

export interface LightInput {
  hoursPerDay: number;
  daysPerYear: number;
  /** Lux set by a scenario, per work. */
  lux?: ReadonlyMap<string, number>;
  /** Mean lux while open, measured by the live twin, per work (calibration). */
  measured?: ReadonlyMap<string, number>;
  /** The general light of the work's room, lux, where the format gives it (room.lighting.illuminance). */
  roomLux?: number;
}

/** The light model for one work. */
export function workLight(art: Artwork, input: LightInput): WorkLight {
  const needs = needsOf(art);
  const own = art.environment?.light;
  const category: LightCategory = typeof own === 'string' ? own : lightCategoryByMaterial(art.medium).category;
  const scenario = input.lux?.get(art.id);
  const measured = input.measured?.get(art.id);
  const limit = needs.illuminance?.max;
  const lit: [number, WorkLight['luxFrom']] = art.lighting ? [art.lighting.illuminance, 'format'] : limit !== undefined ? [limit, 'limit'] : [GALLERY_LUX, 'gallery'];
  const [lux, luxFrom]: [number, WorkLight['luxFrom']] =
    scenario !== undefined
      ? [scenario, 'scenario']
      : measured !== undefined
        ? [measured, 'measured']
        : input.roomLux !== undefined && input.roomLux > lit[0]
          ? [input.roomLux, 'room']
          : lit;
  const luxHoursPerYear = lux * input.hoursPerDay * input.daysPerYear;
  const budget = needs.annualLuxHours ?? null;
  const jnd = JUST_NOTICEABLE_MLXH[category];
  return {
    lux,
    luxHoursPerYear,
    luxHoursBudget: budget,
    fractionOfBudget: budget ? luxHoursPerYear / budget : null,
    category: typeof own === 'object' ? 'own figures' : category,
    yearsToNoticeableChange: jnd !== undefined && luxHoursPerYear > 0 ? (jnd * 1e6) / luxHoursPerYear : null,
    luxFrom,
  };
}

