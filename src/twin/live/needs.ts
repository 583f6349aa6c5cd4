/**
 * Each work's environmental needs as numbers: light and UV limits, an annual light budget, an RH and
 * temperature band with its allowed 24 h swing. From the work's `environment` (a published category or class,
 * or numbers), else defaults from its medium. The figures and their sources: .notes/readme-conservation-rules.md.
 */
import { CLIMATE_CLASSES, LIGHT_CATEGORIES, type Artwork, type EnvironmentNeeds } from '../schema';
import type { ArtworkState } from './contract';

export type LightCategory = (typeof LIGHT_CATEGORIES)[number];
export type ClimateClass = (typeof CLIMATE_CLASSES)[number];
export type Limits = ArtworkState['limits'];

interface LightFigures {
  readonly cie: number; // CIE 157:2004 category number
  readonly name: string;
  readonly maxLux?: number;
  readonly annualLuxHours?: number;
}

/** CIE 157:2004, Table 4.1: illuminance and annual exposure limits by responsivity category. */
export const CIE_157: Record<LightCategory, LightFigures> = {
  insensitive: { cie: 1, name: 'irresponsive' }, // no limit from light damage
  low: { cie: 2, name: 'low responsivity', maxLux: 200, annualLuxHours: 600_000 },
  medium: { cie: 3, name: 'medium responsivity', maxLux: 50, annualLuxHours: 150_000 },
  high: { cie: 4, name: 'high responsivity', maxLux: 50, annualLuxHours: 15_000 },
};

/**
 * UV per lumen for any light-responsive work: the long-standing museum limit (Thomson, The Museum Environment,
 * 1986); CIE 157 asks that UV be removed altogether, so this is the most a sensor may show before an alert.
 */
export const UV_LIMIT_UW_PER_LM = 75;

/** Set points for the ASHRAE classes, whose bands are widths about the collection's own annual average. */
export const ASHRAE_SET_POINT = { rh: 50, t: 20 } as const;

export interface ClimateBand {
  readonly rhMin: number;
  readonly rhMax: number;
  readonly tMin?: number;
  readonly tMax?: number;
  readonly maxRhFluctuation24h?: number;
  readonly maxTFluctuation24h?: number;
}

/**
 * ASHRAE Handbook—HVAC Applications, "Museums, Galleries, Archives and Libraries", Table 2 (classes of control),
 * as numbers about the set point: band = set point ± (seasonal adjustment + short fluctuation); the 24 h swing
 * is twice the short fluctuation. B and C give no lower temperature (a winter set-back "as low as RH control
 * needs"); 5 °C is the twin's own floor so a heating failure is still seen. D limits only dampness.
 */
export const ASHRAE: Record<Exclude<ClimateClass, 'bizot'>, ClimateBand> = {
  // short ±5 % RH, ±2 K; seasonal: RH none, T ±5 K
  AA: { rhMin: 45, rhMax: 55, tMin: 13, tMax: 27, maxRhFluctuation24h: 10, maxTFluctuation24h: 4 },
  // short ±5 % RH, ±2 K; seasonal: RH ±10 %, T +5/−10 K
  As: { rhMin: 35, rhMax: 65, tMin: 8, tMax: 27, maxRhFluctuation24h: 10, maxTFluctuation24h: 4 },
  // short ±10 % RH, ±2 K; seasonal: RH none, T +5/−10 K
  A: { rhMin: 40, rhMax: 60, tMin: 8, tMax: 27, maxRhFluctuation24h: 20, maxTFluctuation24h: 4 },
  // short ±10 % RH, ±5 K; seasonal: RH ±10 %, T +10 K but not above 30 °C
  B: { rhMin: 30, rhMax: 70, tMin: 5, tMax: 30, maxRhFluctuation24h: 20, maxTFluctuation24h: 10 },
  // within 25–75 % RH all year; rarely over 30 °C
  C: { rhMin: 25, rhMax: 75, tMin: 5, tMax: 30 },
  // reliably below 75 % RH
  D: { rhMin: 0, rhMax: 75 },
};

/**
 * Bizot Group interim guidance for loans (2014, with the NMDC guiding principles): stable RH in 40–60 %, stable
 * temperature in 16–25 °C, RH fluctuations ±10 % in 24 h, read here as at most 10 % RH between a day's highest
 * and lowest (the looser reading, 20 %, would add nothing inside a 20-point band).
 */
export const BIZOT: ClimateBand = { rhMin: 40, rhMax: 60, tMin: 16, tMax: 25, maxRhFluctuation24h: 10 };

/**
 * Words in a work's medium that say how it responds to light, most responsive first: the first rule with a
 * match wins, so "oil on paper" counts as paper. Groups follow CIE 157:2004's examples for each category;
 * English and Italian words, since the exhibitions here are written in both.
 */
const MATERIAL_RULES: readonly { readonly category: LightCategory; readonly words: RegExp; readonly what: string }[] = [
  {
    category: 'high',
    what: 'silk, fugitive dyes, newsprint, colour photographs',
    words: /\b(silk|seta|newsprint|giornale|colou?r photograph|chromogenic|c-print|inkjet|felt[- ]tip|aniline|dyed feathers?)/i,
  },
  {
    category: 'medium',
    what: 'works on paper, watercolour, pastel, textiles, photographs, dyed leather, natural history',
    words:
      /\b(paper|carta|watercolou?r|acquerell|gouache|pastel|drawing|disegn|ink|inchiostr|print|stampa|etching|acquaforte|lithograph|litografia|woodcut|xilografia|manuscript|manoscritt|textile|tessut|tapestr|arazz|cotton|cotone|wool|lana\b|linen thread|embroider|ricam|costume|photograph|fotografi|albumen|gelatin silver|feather|piume|furs?\b|pelliccia|botanical|herbarium|erbario|distemper|wallpaper|miniature)/i,
  },
  {
    category: 'low',
    what: 'oil and tempera paintings, fresco, wood, bone, ivory, lacquer, undyed leather',
    words: /\b(oil|olio|tempera|acrylic|acrilic|fresco|affresco|canvas|tela|panel|tavola|wood|legno|bone|osso|ivory|avorio|horn|corno|lacquer|lacca|leather|cuoio|pelle|plastic|encaustic|encausto)/i,
  },
  {
    category: 'insensitive',
    what: 'metal, stone, glass, ceramic',
    words: /\b(bronze|bronzo|iron|ferro|steel|acciaio|gold|oro\b|silver|argento|copper|rame|brass|ottone|metal|marble|marmo|stone|pietra|granite|granito|glass|vetro|ceramic|ceramica|porcelain|porcellana|terracotta|earthenware|stoneware|maiolica|majolica|faience|mosaic|mosaico|plaster|gesso)/i,
  },
];

/** A medium none of the rules recognise is treated as medium responsivity: cautious, but not the strictest. */
const UNKNOWN_MATERIAL: LightCategory = 'medium';

/** The work's light category from its medium text, and why. */
export function lightCategoryByMaterial(medium: Readonly<Record<string, string>>): { category: LightCategory; why: string } {
  const text = Object.values(medium).join(' | ');
  for (const rule of MATERIAL_RULES) {
    const m = rule.words.exec(text);
    if (m) return { category: rule.category, why: `medium "${m[0]}" (${rule.what})` };
  }
  return { category: UNKNOWN_MATERIAL, why: 'medium not recognised, so treated as medium responsivity' };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function lightLimits(art: Artwork, light: EnvironmentNeeds['light']): { limits: Limits; source: string } {
  if (light !== undefined && typeof light === 'object') {
    const limits: Limits = { illuminance: { max: light.maxLux }, ...(light.annualLuxHours !== undefined ? { annualLuxHours: light.annualLuxHours } : {}) };
    return { limits, source: 'light: the work\'s own figures' };
  }
  const byMaterial = light === undefined ? lightCategoryByMaterial(art.medium) : undefined;
  const category = light ?? byMaterial!.category;
  const cie = CIE_157[category];
  const limits: Limits = {
    ...(cie.maxLux !== undefined ? { illuminance: { max: cie.maxLux } } : {}),
    ...(cie.annualLuxHours !== undefined ? { annualLuxHours: cie.annualLuxHours } : {}),
  };
  const named = `CIE 157:2004 category ${cie.cie} (${cie.name})`;
  return { limits, source: byMaterial ? `light: ${named}, by ${byMaterial.why}` : `light: ${named}` };
}

function climateLimits(climate: EnvironmentNeeds['climate']): { limits: Limits; source: string } {
  let band: ClimateBand;
  let source: string;
  if (climate === undefined) {
    band = BIZOT;
    source = 'climate: Bizot interim guidance (default for any work without a class)';
  } else if (typeof climate === 'object') {
    band = climate;
    source = "climate: the work's own figures";
  } else if (climate === 'bizot') {
    band = BIZOT;
    source = 'climate: Bizot interim guidance';
  } else {
    band = ASHRAE[climate];
    source = `climate: ASHRAE class ${climate} about ${ASHRAE_SET_POINT.rh} % RH, ${ASHRAE_SET_POINT.t} °C`;
  }
  const limits: Limits = {
    humidity: {
      min: round(band.rhMin),
      max: round(band.rhMax),
      ...(band.maxRhFluctuation24h !== undefined ? { maxFluctuation24h: band.maxRhFluctuation24h } : {}),
    },
    ...(band.tMin !== undefined && band.tMax !== undefined
      ? {
          temperature: {
            min: band.tMin,
            max: band.tMax,
            ...(band.maxTFluctuation24h !== undefined ? { maxFluctuation24h: band.maxTFluctuation24h } : {}),
          },
        }
      : {}),
  };
  return { limits, source };
}

/**
 * The limits a work's needs give, and a sentence naming where each figure came from
 * (e.g. "light: CIE 157:2004 category 2 (low responsivity), by medium "oil" (…); uv: …; climate: …").
 */
export function needsOf(art: Artwork): Limits & { readonly source: string } {
  const env = art.environment;
  const light = lightLimits(art, env?.light);
  const climate = climateLimits(env?.climate);
  const lightResponsive = light.limits.illuminance !== undefined || light.limits.annualLuxHours !== undefined;
  let uvSource: string;
  let uv: Limits['uv'];
  if (env?.uv !== undefined) {
    uv = { max: env.uv };
    uvSource = "uv: the work's own figure";
  } else if (lightResponsive) {
    uv = { max: UV_LIMIT_UW_PER_LM };
    uvSource = `uv: ${UV_LIMIT_UW_PER_LM} µW/lm (Thomson 1986) for light-responsive works`;
  } else {
    uvSource = 'uv: no limit for an irresponsive work';
  }
  return {
    ...light.limits,
    ...(uv ? { uv } : {}),
    ...climate.limits,
    source: [light.source, uvSource, climate.source].join('; '),
  };
}
