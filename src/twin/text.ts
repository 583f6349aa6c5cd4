import type { LangMap } from './schema';

export interface LocalText {
  text: string;
  /** The language the text is actually in. */
  lang: string;
  /** True when the chosen language was missing and another was used. */
  fallback: boolean;
}

/** Picks the visitor's language, else the exhibition's default, else any language the text has. */
export function pick(map: LangMap | undefined, lang: string, defaultLang: string): LocalText {
  if (!map) return { text: '', lang, fallback: false };
  const direct = map[lang];
  if (direct !== undefined) return { text: direct, lang, fallback: false };
  const base = lang.split('-')[0] ?? lang;
  if (map[base] !== undefined) return { text: map[base]!, lang: base, fallback: false };
  if (map[defaultLang] !== undefined) return { text: map[defaultLang]!, lang: defaultLang, fallback: true };
  const [first] = Object.entries(map);
  return first ? { text: first[1], lang: first[0], fallback: true } : { text: '', lang, fallback: false };
}

/** All language versions of a text, for search. */
export function allLanguages(map: LangMap | undefined): string[] {
  return map ? Object.values(map) : [];
}

/** Scripts written right to left, by language subtag (used where Intl.Locale cannot say). */
const RTL = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ku-Arab', 'pa-Arab', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

/** The writing direction of a language: the page's `dir` follows the visitor's language. */
export function textDirection(lang: string): 'ltr' | 'rtl' {
  try {
    const info = (new Intl.Locale(lang) as Intl.Locale & { getTextInfo?: () => { direction?: string }; textInfo?: { direction?: string } });
    const dir = info.getTextInfo?.().direction ?? info.textInfo?.direction;
    if (dir === 'rtl' || dir === 'ltr') return dir;
  } catch {
    // Not a well-formed tag: decide from its first subtag.
  }
  const [base, script] = lang.split('-');
  if (script === 'Arab' || script === 'Hebr') return 'rtl';
  if (script === 'Latn' || script === 'Cyrl') return 'ltr';
  return RTL.has(base ?? lang) ? 'rtl' : 'ltr';
}
