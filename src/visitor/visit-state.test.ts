import { beforeAll, describe, expect, it } from 'vitest';
import { Locale } from '../i18n/locale';
import { loadStrings } from '../i18n/strings';
import { VisitState, type VisitChange } from './visit-state';

// Italian and Arabic are fetched on demand (strings.ts).
beforeAll(() => Promise.all([loadStrings('it'), loadStrings('ar')]));

describe('VisitState', () => {
  it('tells its listeners about each real change, once', async () => {
    const s = new VisitState(new Locale('en'));
    const seen: VisitChange[] = [];
    s.onChange((c) => seen.push(c));
    s.select('a');
    s.select('a');
    s.setTour({ id: 't', index: 0 });
    s.setTour({ id: 't', index: 0 });
    s.setMode('vr');
    await s.setLanguage('it');
    s.select(undefined, 'vr');
    expect(seen.map((c) => c.key)).toEqual(['selected', 'tour', 'mode', 'lang', 'selected']);
    expect(seen[4]).toEqual({ key: 'selected', value: undefined, previous: 'a', origin: 'vr' });
    expect(s.lang).toBe('it');
    expect(s.locale.t.close).toBe('Chiudi');
  });

  it('filters by key and unsubscribes', () => {
    const s = new VisitState(new Locale('en'));
    const modes: string[] = [];
    const off = s.onChange('mode', (c) => modes.push(c.value));
    s.select('x');
    s.setMode('ar');
    off();
    s.setMode('preview');
    expect(modes).toEqual(['ar']);
  });
});

describe('Locale', () => {
  it('writes exhibition text, numbers and dates in its language, and falls back to the default', () => {
    const l = new Locale('it', 'en');
    expect(l.text({ en: 'Hello', it: 'Ciao' })).toBe('Ciao');
    expect(l.local({ en: 'Only English' })).toEqual({ text: 'Only English', lang: 'en', fallback: true });
    expect(l.number(1234.5)).toBe('1234,5');
    expect(l.fill(l.t.stops, { n: 3 })).toBe('3 tappe');
    expect(l.dir).toBe('ltr');
    l.set('ar');
    expect(l.dir).toBe('rtl');
  });
  it('switches once a language’s strings are fetched, the latest switch winning', async () => {
    const l = new Locale('en', 'en');
    const seen: string[] = [];
    l.onChange((x) => seen.push(x.lang));
    await Promise.all([l.switchTo('it'), l.switchTo('ar')]);
    expect(seen).toEqual(['ar']);
    expect(l.t.close).toBe('إغلاق');
  });

});
