/**
 * The catalogue side of an imported work: safe ids, language maps the format accepts, rights as licences, and the
 * words used where a record is silent. Pure; layout.ts calls these for every work.
 */
import type { LangMap } from '../../twin/schema';
import { LIMITS } from '../../twin/schema-primitives';
import type { ImportProblem } from './imported-work';

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** An id the format accepts (lowercase letters, digits, "-", "_"; at most 80), unique among `taken`. */
export function safeId(raw: string, fallback: string, taken: Set<string>): string {
  const base =
    raw
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^[-_]+|[-_]+$/g, '')
      .slice(0, 72) || fallback;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * A language map as the format takes it: valid language tags only, texts within the format's limit, and the
 * default language present (given the first text there is when the source has none in it).
 */
export function cleanLangMap(map: LangMap | undefined, defaultLanguage: string, where: string, problems: ImportProblem[]): LangMap | undefined {
  if (!map) return undefined;
  const out: LangMap = {};
  for (const [lang, raw] of Object.entries(map)) {
    if (typeof raw !== 'string') continue;
    const text = raw.trim();
    if (!text) continue;
    if (!LANGUAGE.test(lang)) {
      problems.push({ where, message: `'${lang.slice(0, 20)}' is not a language tag (such as "en" or "it"); that text is left out` });
      continue;
    }
    if (text.length > LIMITS.maxText) problems.push({ where, message: `the ${lang} text is ${text.length} characters long; cut to ${LIMITS.maxText}` });
    out[lang] = text.slice(0, LIMITS.maxText);
  }
  const langs = Object.keys(out);
  if (langs.length === 0) return undefined;
  if (out[defaultLanguage] === undefined) out[defaultLanguage] = out[langs[0]!]!;
  return out;
}

/** The words for what a record does not say, in the languages this project's exhibitions use most. */
const UNKNOWN: Record<'creator' | 'date' | 'medium' | 'credit', Record<string, string>> = {
  creator: { en: 'Unknown maker', it: 'Autore sconosciuto', fr: 'Auteur inconnu', de: 'Unbekannt', es: 'Autor desconocido' },
  date: { en: 'Undated', it: 'Senza data', fr: 'Non daté', de: 'Undatiert', es: 'Sin fecha' },
  medium: { en: 'Medium not recorded', it: 'Tecnica non indicata', fr: 'Technique non renseignée', de: 'Technik nicht angegeben', es: 'Técnica no indicada' },
  credit: { en: 'Credit line not recorded', it: 'Provenienza non indicata', fr: 'Mention non renseignée', de: 'Nachweis nicht angegeben', es: 'Procedencia no indicada' },
};

/**
 * A text that reads the same in every language (a person's name, a date written in figures) given in all of them,
 * so the exhibition does not report it untranslated.
 */
export function everyLanguage(map: LangMap | undefined, languages: string[], neutral: (text: string) => boolean): LangMap | undefined {
  if (!map) return undefined;
  const lang = languages[0]!;
  const text = map[lang];
  if (text === undefined || !neutral(text)) return map;
  const out: LangMap = { ...map };
  for (const l of languages) out[l] ??= text;
  return out;
}

/** Words for the exhibition's own texts, in the languages this project's exhibitions use most. */
export const WORDS: Record<'tour' | 'room', Record<string, string>> = {
  tour: { en: 'Through everything', it: 'Tutta la mostra', fr: "Toute l'exposition", de: 'Die ganze Ausstellung', es: 'Toda la exposición' },
  room: { en: 'Room', it: 'Sala', fr: 'Salle', de: 'Saal', es: 'Sala' },
};

/** A word of WORDS in every exhibition language that has it (always in the default one), with `suffix` after it. */
export function words(what: keyof typeof WORDS, languages: string[], suffix = ''): LangMap {
  const out: LangMap = {};
  for (const l of languages) {
    const w = WORDS[what][l] ?? WORDS[what][l.split('-')[0]!];
    if (w) out[l] = `${w}${suffix}`;
  }
  out[languages[0]!] ??= `${WORDS[what].en}${suffix}`;
  return out;
}

/** "Unknown maker" and the like, in every exhibition language that has the words, always in the default one. */
export function unknownText(what: keyof typeof UNKNOWN, languages: string[]): LangMap {
  const words = UNKNOWN[what];
  const out: LangMap = {};
  for (const l of languages) {
    const w = words[l] ?? words[l.split('-')[0]!];
    if (w) out[l] = w;
  }
  if (out[languages[0]!] === undefined) out[languages[0]!] = words.en!;
  return out;
}

export interface Licence {
  licence: string;
  holder?: string;
  url?: string;
}

const CC = /creativecommons\.org\/(licenses|publicdomain)\/([a-z-]+)\/(\d(?:\.\d)?)/i;

/**
 * Rights as written in a collection record or a manifest: a Creative Commons or RightsStatements.org link, an SPDX
 * id, "public domain", "© holder" or a statement. Undefined when nothing is written.
 */
export function parseRights(raw: string | undefined): Licence | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  const url = /^https?:\/\/\S+$/.test(text) ? text.slice(0, 1024) : undefined;
  const cc = CC.exec(text);
  if (cc) {
    const [, kind, code, version] = cc;
    if (kind!.toLowerCase() === 'publicdomain') return { licence: code!.toLowerCase() === 'zero' ? 'CC0-1.0' : 'public-domain', ...(url ? { url } : {}) };
    return { licence: `CC-${code!.toUpperCase()}-${version!.includes('.') ? version : `${version}.0`}`, ...(url ? { url } : {}) };
  }
  if (/rightsstatements\.org\/vocab\/(NoC|NKC)/i.test(text) || /^(public[ -]domain|pd|pdm|no known copyright)\b/i.test(text)) return { licence: 'public-domain', ...(url ? { url } : {}) };
  if (/^cc0\b/i.test(text)) return { licence: 'CC0-1.0' };
  const spdx = /^CC[- ](BY(?:[- ](?:SA|ND|NC|NC[- ]SA|NC[- ]ND))?)[- ]?(\d\.\d)?$/i.exec(text);
  if (spdx) return { licence: `CC-${spdx[1]!.toUpperCase().replace(/ /g, '-')}-${spdx[2] ?? '4.0'}` };
  if (/rightsstatements\.org\/vocab\/InC/i.test(text) || /all rights reserved/i.test(text)) return { licence: 'all-rights-reserved', ...(url ? { url } : {}) };
  const holder = /^(?:©|\(c\)|copyright)\s*(.+)$/i.exec(text);
  if (holder) return { licence: 'all-rights-reserved', holder: holder[1]!.trim().slice(0, 500) };
  if (url) return { licence: 'see-url', url };
  return { licence: text.slice(0, 200) };
}

/** A short wall label: the first sentence or two of the description, within about 300 characters. */
export function shortLabel(description: LangMap | undefined, fallback: LangMap): LangMap {
  if (!description) return fallback;
  const out: LangMap = {};
  for (const [lang, text] of Object.entries(description)) {
    // A label is plain text: the backstory's *emphasis* markers are dropped.
    const first = text.split(/\n\s*\n/)[0]!.trim().replace(/(\*{1,2})(\S(?:[^*\n]*\S)?)\1/g, '$2');
    if (first.length <= 300) out[lang] = first;
    else {
      const cut = first.slice(0, 300);
      const stop = cut.lastIndexOf('. ');
      out[lang] = stop > 80 ? cut.slice(0, stop + 1) : `${cut.slice(0, cut.lastIndexOf(' ')).trimEnd()}…`;
    }
  }
  return out;
}

/** A source's text as the format's rich text: HTML tags dropped (the validator would show them literally). */
export function plainRichText(text: string): string {
  return text.replace(/<\/?[a-zA-Z][^<>]*>/g, '');
}
