/**
 * The visitor's language as one object: which language the interface speaks, its strings, exhibition text in
 * it (with the format's fallback), numbers and dates written its way, and an event when it changes. Every
 * module that shows text takes the one `Locale` instead of `lang()`/`t()` closures.
 */
import type { Exhibition, LangMap } from '../twin/schema';
import { pick, textDirection, type LocalText } from '../twin/text';
import { formatDimensions, formatIsoDate, formatNumber, languageName } from './format';
import { fill, hasInterfaceLanguage, loadStrings, strings, type Strings } from './strings';

/** Called after the language changed, with the locale (already speaking the new language). */
export type LocaleListener = (locale: Locale, previous: string) => void;

export class Locale {
  private current: string;
  private table: Strings;
  private fallback: string;
  /** The language last asked for, so a slower switch never overrides a later one. */
  private wanted: string;
  private readonly listeners = new Set<LocaleListener>();

  /**
   * @param lang the language the interface speaks (a BCP 47 tag: `it`, `ar`, `en-XA`).
   * @param defaultLanguage the exhibition's default language, shown when a text has no version in `lang`.
   */
  constructor(lang: string, defaultLanguage = 'en') {
    this.current = lang;
    this.wanted = lang;
    this.table = strings(lang);
    this.fallback = defaultLanguage;
  }

  /** The current language. */
  get lang(): string {
    return this.current;
  }

  /** The interface strings in the current language (English where it has none). */
  get t(): Strings {
    return this.table;
  }

  /** The writing direction of the current language, for `dir` attributes. */
  get dir(): 'ltr' | 'rtl' {
    return textDirection(this.current);
  }

  /** The language exhibition text falls back to (the exhibition's default). */
  get defaultLanguage(): string {
    return this.fallback;
  }

  /** Whether the interface has its own strings in the current language. */
  get hasInterface(): boolean {
    return hasInterfaceLanguage(this.current);
  }

  /** Sets the exhibition whose default language text falls back to (once it is loaded). */
  useExhibition(ex: Pick<Exhibition, 'defaultLanguage'>): void {
    this.fallback = ex.defaultLanguage;
  }

  /** Switches language with the strings loaded so far (see `switchTo`); listeners run only when it changes. */
  set(lang: string): void {
    this.wanted = lang;
    if (lang === this.current) return;
    const previous = this.current;
    this.current = lang;
    this.table = strings(lang);
    for (const l of [...this.listeners]) l(this, previous);
  }

  /**
   * Switches language once its interface strings are fetched (each language but English is its own chunk,
   * strings.ts), so the new language is applied whole, never English first; the latest call wins.
   */
  async switchTo(lang: string): Promise<void> {
    this.wanted = lang;
    await loadStrings(lang);
    if (this.wanted === lang) this.set(lang);
  }

  /** Runs `listener` after each change of language; returns the unsubscribe function. */
  onChange(listener: LocaleListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Exhibition text (a language map) in the current language, else the exhibition's default, as plain text. */
  text(map: LangMap | undefined): string {
    return pick(map, this.current, this.fallback).text;
  }

  /** Exhibition text with the language it is really in and whether that is a fallback (to mark it up). */
  local(map: LangMap | undefined): LocalText {
    return pick(map, this.current, this.fallback);
  }

  /** Fills `{slot}`s in a template, writing numbers the current language's way. */
  fill(template: string, values: Record<string, string | number>): string {
    return fill(template, values, this.current);
  }

  /** A number in the current language (digits, separators). */
  number(n: number): string {
    return formatNumber(n, this.current);
  }

  /** An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) in the current language. */
  date(iso: string): string {
    return formatIsoDate(iso, this.current);
  }

  /** A date and time (a `Date` or ISO timestamp) in the current language, medium date and short time. */
  dateTime(when: Date | string): string {
    return new Date(when).toLocaleString(this.current, { dateStyle: 'medium', timeStyle: 'short' });
  }

  /** A work's dimensions as a label prints them ("73.7 × 92.1 cm"). */
  dimensions(d: Parameters<typeof formatDimensions>[0]): string {
    return formatDimensions(d, this.current);
  }

  /** A language's name in the current language (or in `inLang`, e.g. a language named in itself). */
  languageName(code: string, inLang = this.current, capitalise = true): string {
    return languageName(code, inLang, capitalise);
  }
}
