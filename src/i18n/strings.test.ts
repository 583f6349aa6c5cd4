import { beforeAll, describe, expect, it } from 'vitest';
import { fill, hasInterfaceLanguage, loadStrings, strings } from './strings';

// Italian and Arabic are fetched on demand (loadStrings).
beforeAll(() => Promise.all([loadStrings('it'), loadStrings('ar')]));

const flat = (v: unknown, prefix = ''): [string, string][] =>
  typeof v === 'string' ? [[prefix, v]] : Object.entries(v as Record<string, unknown>).flatMap(([k, x]) => flat(x, prefix ? `${prefix}.${k}` : k));

describe('interface text', () => {
  it('has every English string in Italian, translated (not copied) unless it is the same word in both', () => {
    const en = new Map(flat(strings('en')));
    const itText = new Map(flat(strings('it')));
    expect([...itText.keys()].sort()).toEqual([...en.keys()].sort());
    const same = [...en].filter(([k, v]) => itText.get(k) === v).map(([k]) => k);
    // Words Italian borrows as they are, and slot-only patterns.
    const borrowed = new Set(['fallbackTag', 'minutes', 'modeVr', 'offline', 'arPlay', 'enterVr', 'enterAr']);
    expect(same.filter((k) => !borrowed.has(k))).toEqual([]);
    for (const [k, v] of itText) expect(v.trim(), k).not.toBe('');
  });

  it('keeps every {slot} of the English text in each translation', () => {
    const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const en = new Map(flat(strings('en')));
    for (const lang of ['it', 'ar', 'en-XA']) {
      for (const [k, v] of flat(strings(lang))) expect(slots(v), `${lang}: ${k}`).toEqual(slots(en.get(k)!));
    }
  });

  it('speaks Arabic, and falls back to English for a language it does not speak', () => {
    expect(strings('ar').close).toBe('إغلاق');
    expect(strings('ar-EG').close).toBe('إغلاق');
    expect(strings('fi').close).toBe('Close');
    expect(hasInterfaceLanguage('it-CH')).toBe(true);
    expect(hasInterfaceLanguage('fi')).toBe(false);
  });

  it('stretches every string in the en-XA pseudo-locale by at least a third', () => {
    const en = new Map(flat(strings('en')));
    for (const [k, v] of flat(strings('en-XA'))) expect(v.length, k).toBeGreaterThanOrEqual(Math.ceil(en.get(k)!.length * 1.33));
  });

  it('writes numbers in slots the language’s way', () => {
    expect(fill('Stop {i} of {n}', { i: 2, n: 12 }, 'en')).toBe('Stop 2 of 12');
    expect(fill(strings('ar').tourStop, { i: 2, n: 12 }, 'ar')).toBe(`المحطة ${new Intl.NumberFormat('ar').format(2)} من ${new Intl.NumberFormat('ar').format(12)}`);
    expect(fill('{n} files', { n: 12345 }, 'it')).toBe('12.345 files');
    expect(fill('{q}', { q: '<b>' })).toBe('<b>');
  });
});
