/**
 * Interface text in the languages the app speaks (exhibition text comes from the exhibition file): the string
 * tables, the pseudo-locale, and `{slot}` filling. The tables live one per file (en.ts, it.ts, ar.ts) and only
 * import the English table's type, so there is no import cycle. English is in the page's first script (every
 * other table falls back to it); the others are fetched when a visitor asks for them (`loadStrings`), so the
 * first script carries one language, not all of them.
 */
import { en, type Strings } from './en';

export type { Strings };
const LOADERS: Record<string, () => Promise<Strings>> = {
  it: () => import('./it').then((m) => m.it),
  ar: () => import('./ar').then((m) => ({ ...en, ...m.ar, conditions: { ...en.conditions, ...m.ar.conditions } })),
};
const tables: Record<string, Strings> = { en };
export const UI_LANGUAGES = ['en', ...Object.keys(LOADERS)];

/** The table a language uses: its own, else its base language's (`ar-EG` → `ar`), else none (English). */
const tableKey = (lang: string): string | undefined =>
  [lang, lang.split('-')[0] ?? ''].find((l) => UI_LANGUAGES.includes(l));

/**
 * Fetches a language's table, once; resolves when `strings(lang)` returns it. Never rejects: a table that cannot
 * be fetched (offline before it was ever cached) leaves that language's interface in English.
 */
export async function loadStrings(lang: string): Promise<void> {
  const key = tableKey(lang);
  if (!key || tables[key]) return;
  try {
    tables[key] = await LOADERS[key]!();
  } catch {
    // English stays, as for a language the interface does not speak.
  }
}

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
  // A table not loaded yet (see loadStrings) shows English.
  return tables[tableKey(lang) ?? 'en'] ?? en;
}

/** Whether the interface has its own text in a language (else English is shown). */
export function hasInterfaceLanguage(lang: string): boolean {
  return PSEUDO_LANGUAGES.includes(lang) || tableKey(lang) !== undefined;
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
