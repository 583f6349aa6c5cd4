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
