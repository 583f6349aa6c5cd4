import type { Exhibition } from '../twin/schema';

/** Centimetres as a museum label prints them: "73.7 × 92.1 cm", in the visitor's number format. */
export function formatDimensions(d: Exhibition['artworks'][number]['dimensions'], lang: string): string {
  const cm = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const withUnit = new Intl.NumberFormat(lang, { maximumFractionDigits: 1, style: 'unit', unit: 'centimeter', unitDisplay: 'short' });
  const values = [d.height, d.width, d.depth].filter((n): n is number => n !== undefined).map((m) => m * 100);
  // Only the last number carries the unit, as labels print it; the unit's name and place follow the language.
  return values.map((v, i) => (i === values.length - 1 ? withUnit.format(v) : cm.format(v))).join(' × ');
}

/** ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) in the visitor's language. */
export function formatIsoDate(iso: string, lang: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y) return iso;
  const date = new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
  const opts: Intl.DateTimeFormatOptions = d ? { year: 'numeric', month: 'long', day: 'numeric' } : m ? { year: 'numeric', month: 'long' } : { year: 'numeric' };
  return new Intl.DateTimeFormat(lang, { ...opts, timeZone: 'UTC' }).format(date);
}

/** A count or number in the visitor's language (digits, separators). */
export function formatNumber(n: number, lang: string): string {
  try {
    return new Intl.NumberFormat(lang).format(n);
  } catch {
    return String(n);
  }
}

export function languageName(code: string, inLang: string, capitalise = true): string {
  try {
    const name = new Intl.DisplayNames([inLang], { type: 'language' }).of(code);
    if (!capitalise) return name ?? code;
    return name ? name.charAt(0).toLocaleUpperCase(inLang) + name.slice(1) : code;
  } catch {
    return code;
  }
}
