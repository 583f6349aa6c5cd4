import type { Exhibition } from '../twin/schema';

/** Centimetres as a museum label prints them: "73.7 × 92.1 cm", in the visitor's number format. */
export function formatDimensions(d: Exhibition['artworks'][number]['dimensions'], lang: string): string {
  const cm = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const parts = [d.height, d.width, d.depth].filter((n): n is number => n !== undefined).map((m) => cm.format(m * 100));
  return `${parts.join(' × ')} cm`;
}

/** ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) in the visitor's language. */
export function formatIsoDate(iso: string, lang: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y) return iso;
  const date = new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
  const opts: Intl.DateTimeFormatOptions = d ? { year: 'numeric', month: 'long', day: 'numeric' } : m ? { year: 'numeric', month: 'long' } : { year: 'numeric' };
  return new Intl.DateTimeFormat(lang, { ...opts, timeZone: 'UTC' }).format(date);
}

export function languageName(code: string, inLang: string): string {
  try {
    const name = new Intl.DisplayNames([inLang], { type: 'language' }).of(code);
    return name ? name.charAt(0).toLocaleUpperCase(inLang) + name.slice(1) : code;
  } catch {
    return code;
  }
}
