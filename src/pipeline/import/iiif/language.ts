/**
 * IIIF language maps ({"en": ["…"], "none": ["…"]}) as the format's LangMap. Texts without a language ("none",
 * or Presentation 2 plain strings after the upgrade) take the source's main language, so a title is never lost.
 */
import type { LangMap } from '../../../twin/schema';
import { htmlToPlainText, htmlToRichText } from './rich-text';

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** A language key as the format writes it ("EN" → "en", "en-gb" → "en-gb"); undefined for "none" or nonsense. */
export function languageCode(key: string): string | undefined {
  const [primary, ...rest] = key.split('-');
  const code = [primary!.toLowerCase(), ...rest].join('-');
  return key !== 'none' && key !== '@none' && LANGUAGE.test(code) ? code : undefined;
}

function isLanguageMap(v: unknown): v is Record<string, unknown[]> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => Array.isArray(x) && x.every((s) => typeof s === 'string'));
}

/** The languages a document's texts are in, most used first (every language map anywhere in it is counted). */
export function documentLanguages(doc: unknown): string[] {
  const counts = new Map<string, number>();
  const walk = (v: unknown, depth: number): void => {
    if (depth > 12 || typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) {
      for (const x of v.slice(0, 2000)) walk(x, depth + 1);
      return;
    }
    if (isLanguageMap(v) && Object.keys(v).length > 0) {
      for (const key of Object.keys(v)) {
        const code = languageCode(key);
        if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
      }
      return;
    }
    for (const x of Object.values(v)) walk(x, depth + 1);
  };
  walk(doc, 0);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([code]) => code);
}

/** How the texts of one language are written: titles as plain text, descriptions as safe rich text. */
type TextStyle = 'plain' | 'rich';

/**
 * A language map as LangMap, or undefined when it holds no text. Several values in one language are joined
 * (plain: "; ", rich: as paragraphs); HTML is made safe.
 */
export function langMap(v: unknown, mainLanguage: string, style: TextStyle = 'plain'): LangMap | undefined {
  const map = typeof v === 'string' ? { none: [v] } : v;
  if (!isLanguageMap(map)) return undefined;
  const out: LangMap = {};
  for (const [key, values] of Object.entries(map)) {
    const code = languageCode(key) ?? mainLanguage;
    const texts = (values as string[]).map((s) => (style === 'plain' ? htmlToPlainText(s) : htmlToRichText(s))).filter((s) => s.length > 0);
    if (texts.length === 0) continue;
    const joined = texts.join(style === 'plain' ? '; ' : '\n\n');
    out[code] = out[code] ? `${out[code]}${style === 'plain' ? '; ' : '\n\n'}${joined}` : joined;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The text in the main language (or the first there is): for matching metadata labels and parsing sizes. */
export function firstText(m: LangMap | undefined, mainLanguage: string): string | undefined {
  if (!m) return undefined;
  return m[mainLanguage] ?? Object.values(m)[0];
}
