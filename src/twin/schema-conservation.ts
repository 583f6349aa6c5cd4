/**
 * The format's conservation parts: condition grades and reports, treatments, a work's environmental needs and its
 * time-lapse states. Split from schema.ts (which re-exports every name here) to keep each file readable.
 */
import { z } from 'zod';
import { CONDITIONS, resolveCondition, type ConditionTerm } from './conservation';
import { Id, LangMap, finite, Vec3, MediaPath, IsoDate, Length, LIMITS } from './schema-primitives';

/**
 * A condition grade (excellent, good, fair, poor, unstable), or a synonym collection systems export, or a
 * term the exhibition maps in `conditionTerms` (e.g. an AAT id). Grades and synonyms resolve here; the rest
 * is resolved, or reported, by the exhibition's own check below, so a parsed exhibition holds grades only.
 */
export const Condition = z
  .string()
  .min(1)
  .max(200)
  .describe(`Condition grade: ${CONDITIONS.join(', ')}; common synonyms are accepted; other terms or AAT ids via the exhibition's conditionTerms.`)
  .transform((s) => (resolveCondition(s) ?? s) as ConditionTerm);

export const ConditionArea = z.object({
  position: Vec3.describe("Centre of the area in the work's own coordinates."),
  radius: Length(LIMITS.maxArtworkSize, 0.001),
  condition: Condition.optional(),
  note: LangMap,
});

export const ConditionReport = z.object({
  id: Id,
  date: IsoDate,
  examiner: z.string().min(1).max(200),
  condition: Condition,
  notes: LangMap,
  areas: z.array(ConditionArea).max(200).default([]),
});

export const Treatment = z.object({
  id: Id,
  date: IsoDate,
  conservator: z.string().min(1).max(200),
  description: LangMap,
});

export const Conservation = z.object({
  reports: z.array(ConditionReport).max(500).default([]),
  treatments: z.array(Treatment).max(500).default([]),
});

/** CIE 157:2004 light-responsivity categories 1–4: irresponsive, low, medium, high (see .notes/readme-conservation-rules.md). */
export const LIGHT_CATEGORIES = ['insensitive', 'low', 'medium', 'high'] as const;
/** ASHRAE Handbook museum climate classes, and 'bizot' for the Bizot Group's interim guidance (40–60 % RH, 16–25 °C). */
export const CLIMATE_CLASSES = ['AA', 'As', 'A', 'B', 'C', 'D', 'bizot'] as const;

/** A work's environmental needs, named after a standard or given in numbers; absent parts default by material. */
export const EnvironmentNeeds = z
  .object({
    light: z
      .union([
        z.enum(LIGHT_CATEGORIES),
        z.object({
          maxLux: finite().min(0).max(200_000).describe('Most illuminance on the work, lux.'),
          annualLuxHours: finite().min(1).max(1e9).optional().describe('Light budget for a calendar year, lux-hours.'),
        }),
      ])
      .optional()
      .describe('CIE 157 category, or {maxLux, annualLuxHours}.'),
    uv: finite().min(0).max(10_000).optional().describe('Most UV per lumen of light, µW/lm.'),
    climate: z
      .union([
        z.enum(CLIMATE_CLASSES),
        z
          .object({
            rhMin: finite().min(0).max(100),
            rhMax: finite().min(0).max(100),
            tMin: finite().min(-40).max(80),
            tMax: finite().min(-40).max(80),
            maxRhFluctuation24h: finite().min(0).max(100).optional().describe('Highest minus lowest RH in any 24 h, % RH.'),
            maxTFluctuation24h: finite().min(0).max(120).optional().describe('Highest minus lowest temperature in any 24 h, K.'),
          })
          .refine((c) => c.rhMin < c.rhMax && c.tMin < c.tMax, 'a climate band needs rhMin < rhMax and tMin < tMax'),
      ])
      .optional()
      .describe('ASHRAE class (AA, As, A, B, C, D), "bizot", or {rhMin, rhMax, tMin, tMax, …} in % RH and °C.'),
  })
  .describe("The work's environmental needs; what is absent defaults from its medium.");

/** One state of a work over time: a scan, or the work before or after a restoration. */
export const TimeLapseState = z.object({
  id: Id,
  date: IsoDate.optional(),
  title: LangMap.describe('What the state shows, e.g. {"en": "Before the 2017 cleaning"}.'),
  image: MediaPath.optional().describe('Paintings: the image of that state (same proportions). Absent: the work\'s own image.'),
  model: MediaPath.optional().describe("Objects: the glTF/GLB of that state, same scale and origin. Absent: the work's own model."),
});

export const TimeLapse = z
  .object({
    title: LangMap.optional(),
    states: z.array(TimeLapseState).min(2, 'a time-lapse needs at least two states').max(20),
  })
  .describe("The work's states in time order; a slider blends between them in every mode.");
