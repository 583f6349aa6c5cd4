/**
 * Shapes and helpers shared by the catalogue entries (catalogue-paintings.ts,
 * catalogue-objects.ts). Every visitor text is given in English and Italian.
 */
import type { ExhibitionInput } from '../../twin/schema';

export type L = { en: string; it: string };
export type V3 = [number, number, number];
/** Named points on a work, in the work's own coordinates. */
export type Points = Record<string, V3>;

type ArtworkInput = ExhibitionInput['artworks'][number];
export type AnnotationInput = NonNullable<ArtworkInput['annotations']>[number];
export type ConservationInput = NonNullable<ArtworkInput['conservation']>;
export type SensitivityInput = NonNullable<ArtworkInput['sensitivity']>;
export type LicenceInput = ArtworkInput['rights']['work'];

export interface CatalogueEntry {
  id: string;
  kind: 'painting' | 'object';
  title: L;
  creator: { name: L; lifeDates?: string; role?: L };
  date: L;
  medium: L;
  accessionNumber: string;
  creditLine: L;
  rights: { work: LicenceInput; media: LicenceInput };
  label: L;
  backstory: L;
  annotations?: (p: Points) => AnnotationInput[];
  conservation?: (p: Points) => ConservationInput;
  sensitivity?: SensitivityInput;
  /** Narration script, one sentence per entry (each becomes a caption cue). */
  narration?: { en: string[]; it: string[] };
  /** Title of the overlay animation (the clip or overlay model comes from the model builder). */
  animationTitle?: L;
  /** Objects */
  display?: 'plinth' | 'case';
  plinthHeight?: number;
  /** Objects without a published model (restricted): catalogued dimensions. */
  dimensions?: { height: number; width: number; depth?: number };
  /** Paintings: depth of the stretcher or panel (m). */
  depth?: number;
}

export const MEDIA_RIGHTS: LicenceInput = {
  licence: 'CC-BY-4.0',
  holder: 'Museum twin project',
  url: 'https://creativecommons.org/licenses/by/4.0/',
};
export const PUBLIC_DOMAIN: LicenceInput = { licence: 'public-domain' };
export const ccBy = (holder: string): LicenceInput => ({ licence: 'CC-BY-4.0', holder, url: 'https://creativecommons.org/licenses/by/4.0/' });

export const link = (text: string, id: string): string => `[${text}](#artwork=${id})`;

export function ann(id: string, position: V3 | undefined, title: L, text: L): AnnotationInput {
  if (!position) throw new Error(`annotation ${id}: no such point`);
  return { id, position, title, text };
}

export function area(position: V3 | undefined, radius: number, note: L, condition?: 'excellent' | 'good' | 'fair' | 'poor' | 'unstable') {
  if (!position) throw new Error('condition area: no such point');
  return condition ? { position, radius, condition, note } : { position, radius, note };
}

/** Paragraphs joined with a blank line. */
export const paras = (...p: string[]): string => p.join('\n\n');
