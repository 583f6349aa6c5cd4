/**
 * Interface text in the languages the app speaks (exhibition text comes from the exhibition file): the string
 * tables, the pseudo-locale, and `{slot}` filling. The tables live one per file (en.ts, it.ts, ar.ts) and only
 * import the English table's type, so there is no import cycle.
 */
import { en, type Strings } from './en';
import { it } from './it';
import { ar } from './ar';

export type { Strings };
const tables: Record<string, Strings> = { en, it, ar: { ...en, ...ar, conditions: { ...en.conditions, ...ar.conditions } } };
export const UI_LANGUAGES = Object.keys(tables);

/**
 * Pseudo-locales (as in Chrome and Android): en-XA stretches every English string by about 40% with accented
 * letters, the length German or Finnish text often takes, so a layout that survives it survives real ones.
 * Open any exhibition with `?lang=en-XA`.
 */
export const PSEUDO_LANGUAGES = ['en-XA'];
let pseudo: Strings | undefined;

/** The interface strings for a language (its base language, else English; `en-XA` is the pseudo-locale). */
export function strings(lang: string): Strings {
  if (lang === 'en-XA') return (pseudo ??= stretch(en) as Strings);
  return tables[lang] ?? tables[lang.split('-')[0] ?? ''] ?? en;
}

/** Whether the interface has its own text in a language (else English is shown). */
export function hasInterfaceLanguage(lang: string): boolean {
  return PSEUDO_LANGUAGES.includes(lang) || lang in tables || (lang.split('-')[0] ?? '') in tables;
}

const ACCENTED: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü', A: 'Å', E: 'É', I: 'Î', O: 'Ø', U: 'Û', c: 'ç', n: 'ñ', s: 'š', y: 'ý' };

function stretch(v: unknown): unknown {
  if (typeof v === 'string') {
    // Slots ({name}) stay as they are; words get accents, and the text grows by about 40%.
    const accented = v.replace(/\{\w+\}|[a-zA-Z]/g, (m) => (m.length > 1 ? m : (ACCENTED[m] ?? m)));
    const pad = ' ·'.repeat(Math.max(1, Math.round(v.length * 0.2)));
    return `⟦${accented}${pad}⟧`;
  }
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, stretch(x)]));
  return v;
}

/**
 * Fills {name} slots. Values are plain text and are never parsed as markup; numbers are written the
 * language's way (digits and separators) when a language is given.
 */
export function fill(template: string, values: Record<string, string | number>, lang?: string): string {
  const num = lang ? new Intl.NumberFormat(lang.replace(/-XA$/, '')) : undefined;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = values[k];
    if (v === undefined) return `{${k}}`;
    return typeof v === 'number' && num ? num.format(v) : String(v);
  });
}
