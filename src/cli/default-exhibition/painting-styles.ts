/**
 * The generative "painters". Each style builds a target picture from noise and
 * simple shapes, and says how it is to be brushed. Coordinates: u, v in [0, 1]
 * (v down); shapes use x = u · aspect so that circles stay round.
 * Each style also reports named feature points (u, v) used for annotations.
 */
import type { StyleFn } from './painting-styles-kit';
import { marshDawn, pasture, poplars, riverTown, threshing } from './painting-styles-landscapes';
import { bottles, lemons } from './painting-styles-still-lifes';
import { colourField, harbourNight, ochreBars, redRhythm } from './painting-styles-abstraction';
import { goldGroundSaint, portrait } from './painting-styles-figures';

export type { Features } from './painting-styles-kit';

export const STYLES = {
  riverTown,
  marshDawn,
  poplars,
  threshing,
  pasture,
  lemons,
  bottles,
  ochreBars,
  redRhythm,
  harbourNight,
  goldGroundSaint,
  fieldOfSienna: colourField('#b5653a', [
    { y0: 0.08, y1: 0.46, col: '#d4822f' },
    { y0: 0.54, y1: 0.92, col: '#5a1f1c' },
  ]),
  nightField: colourField('#141a35', [
    { y0: 0.1, y1: 0.7, col: '#2a4f9a' },
    { y0: 0.78, y1: 0.86, col: '#5a3a7a' },
  ], 0.03),
  portraitCount: portrait({ coat: '#2a2a2e', shirt: '#efe8da', hair: '#6a6258', background: ['#2a2418', '#6a5a3a'], ribbon: true }),
  portraitDaughter: portrait({ coat: '#7d9a7a', shirt: '#e8e0cc', hair: '#3a2418', background: ['#3a2e22', '#7a6a50'], shelves: true, female: true }),
} satisfies Record<string, StyleFn>;

export type StyleName = keyof typeof STYLES;
