import { describe, expect, it } from 'vitest';
import { pick, textDirection } from './text';

describe('pick', () => {
  const map = { en: 'Room', it: 'Sala' };
  it('uses the chosen language', () => expect(pick(map, 'it', 'en')).toEqual({ text: 'Sala', lang: 'it', fallback: false }));
  it('matches a regional tag to its base language', () => expect(pick(map, 'it-CH', 'en').text).toBe('Sala'));
  it('falls back to the default language, marked', () =>
    expect(pick(map, 'de', 'en')).toEqual({ text: 'Room', lang: 'en', fallback: true }));
  it('falls back to any language when the default is missing too', () =>
    expect(pick({ fr: 'Salle' }, 'de', 'en')).toEqual({ text: 'Salle', lang: 'fr', fallback: true }));
});

describe('textDirection', () => {
  it('is right to left for Arabic, Hebrew and Persian, left to right otherwise', () => {
    for (const l of ['ar', 'ar-EG', 'he', 'fa']) expect(textDirection(l)).toBe('rtl');
    for (const l of ['en', 'it', 'de-CH', 'zh-Hant', 'not a tag']) expect(textDirection(l)).toBe('ltr');
  });
});
