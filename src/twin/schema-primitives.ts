/**
 * The exhibition format's building blocks: ids, language maps, coordinates, lengths, media paths, licences,
 * finishes and the format's limits. Split from schema.ts (which composes them) to keep each file readable;
 * schema.ts re-exports what was public before.
 */
import { z } from 'zod';
import { mediaPathProblem } from './media-path';

export const FORMAT = 'museum-twin-exhibition';
export const FORMAT_VERSION = 1;

/** Limits that keep a hostile or mistaken file from exhausting the browser. */
export const LIMITS = {
  maxText: 20_000,
  maxArtworks: 5_000,
  maxPolygonPoints: 256,
  maxSpan: 2_000, // metres: no real building is larger
  maxArtworkSize: 60, // metres: the largest work we expect (a monumental mural)
  minArtworkSize: 0.005,
} as const;

export const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,79}$/, 'an id is 1–80 lowercase letters, digits, "-" or "_"')
  .describe('Identifier, unique within its list: lowercase letters, digits, "-" and "_".');

export const LanguageCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language is a BCP 47 tag such as "en" or "it"');

/** A text in several languages. Missing languages fall back to the exhibition's default. */
export const LangMap = z
  .record(LanguageCode, z.string().max(LIMITS.maxText))
  .refine((m) => Object.keys(m).length > 0, 'a text needs at least one language')
  .describe('A text per language, e.g. {"en": "Room 1", "it": "Sala 1"}.');

export const finite = () => z.number().refine(Number.isFinite, 'must be a finite number');
const coordinate = () =>
  finite().refine((n) => Math.abs(n) <= LIMITS.maxSpan, `must be within ±${LIMITS.maxSpan} m`);
export const Vec2 = z.tuple([coordinate(), coordinate()]).describe('Plan point [x, z] in metres.');
export const Vec3 = z.tuple([coordinate(), coordinate(), coordinate()]).describe('[x, y, z] in metres.');
export const Length = (max: number, min = 0.001) =>
  finite().refine((n) => n >= min && n <= max, `must be between ${min} and ${max} m`);
export const Heading = finite()
  .refine((n) => Math.abs(n) <= 360, 'must be between −360 and 360 degrees')
  .describe('Degrees about +y: 0 looks toward −z, 90 toward +x.');

/** A media file: a relative path beside the exhibition file, or an https URL. */
export const MediaPath = z
  .string()
  .min(1)
  .max(1024)
  // One rule for validator, loader, pack and offline save (media-path.ts).
  .superRefine((s, ctx) => {
    const problem = mediaPathProblem(s);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  })
  .describe('Path relative to the exhibition file, or an https:// URL.');

export const IsoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date is YYYY, YYYY-MM or YYYY-MM-DD');

const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb');

export const Licence = z
  .object({
    licence: z.string().min(1).max(200).describe('SPDX id (e.g. "CC-BY-4.0") or "public-domain" or "all-rights-reserved".'),
    holder: z.string().max(500).optional(),
    url: z.string().max(1024).regex(/^https?:\/\/[^\s]+$/, 'a licence link is an http(s) URL').optional(),
  })
  .describe('Rights in a work or in its reproduction.');

export const Finish = z
  .object({
    color: Colour,
    roughness: finite().min(0).max(1).optional(),
    texture: MediaPath.optional(),
  })
  .describe('A surface: base colour, roughness, optional tiling texture (1 m repeat).');
