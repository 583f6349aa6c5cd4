import { beforeAll, describe, expect, it } from 'vitest';
import { Locale } from '../i18n';
import { loadStrings } from '../i18n/strings';
import { validateExhibition } from '../twin/validate';
import { sampleExhibition } from '../twin/route/sample';
import { planRoute } from '../twin/route/plan';
import { legDirections } from '../twin/route/directions';
import { RouteWords } from './route-directions';

// Italian and Arabic are fetched on demand (strings.ts).
beforeAll(() => Promise.all([loadStrings('it'), loadStrings('ar')]));

function setup(lang: string) {
  const r = validateExhibition(sampleExhibition());
  if (!r.ok) throw new Error('sample');
  const locale = new Locale(lang, 'en');
  return { ex: r.exhibition, words: new RouteWords(r.exhibition, locale) };
}

describe('a route in words', () => {
  it('says which doorway, into which room, how far; and where the stairs go', () => {
    const { ex, words } = setup('en');
    const route = planRoute(ex, { favourites: ['w4', 'w20'], budget: 60, detours: false });
    const one = planRoute(ex, { favourites: ['w4'], budget: 60, detours: false });
    // From the entrance, facing into the first room (+z), the doorway east (+x) is on the visitor's left.
    expect(words.steps(legDirections(one, 0))[0]).toMatch(/^Through the doorway on your left into Ground room 2, \d+ m$/);
    const all = route.legs.flatMap((_, k) => words.steps(legDirections(route, k), k === route.stops.length ? route.end.id : undefined));
    expect(all.some((s) => /^Take the stairs (on your \w+ |ahead |behind you )?up to Upper gallery, \d+ m$/.test(s))).toBe(true);
    expect(all.at(-1)).toMatch(/^The entrance is .+, \d+ m$/);
    expect(words.summary(route)).toMatch(/^2 stops · \d+ m walking \(\d+ min at a museum pace of 0.8 m\/s\) · \d+ min in all$/);
  });

  it('speaks Italian, and names what was left out and why', () => {
    const { ex, words } = setup('it');
    const route = planRoute(ex, { favourites: ['w0', 'w31', 'nope'], budget: 4, detours: false });
    const notes = words.notes(route);
    expect(notes[0]).toMatch(/^Esclusa: 1 opera, aggiungi \d+ min per includerla\.$/);
    expect(notes[1]).toMatch(/^Work (0|31) \(\+\d+ minuti\)$/);
    expect(notes).toContain('Non presenti in questa mostra: nope.');
    expect(words.steps(legDirections(route, 0))[0]).toMatch(/^(Attraversa la porta|L'opera è)/);
    expect(words.linkMessage({ kind: 'unknown-works', ids: ['a', 'b'] })).toBe('Non più nella mostra: a, b.');
  });
});
