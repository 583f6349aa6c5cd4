/**
 * The page around the 3D view: title, header strings, search, the language menu and the header buttons,
 * all in the current language (re-rendered when it changes). Choosing a language is kept for next time
 * (localStorage) and put in the address (`?lang=`).
 */
import type { Strings } from '../i18n/strings';
import { byId, clear, h } from '../ui/dom';
import { SearchBox } from '../ui/search';
import { local, type VisitContext } from './context';
import type { DrawerManager } from './drawers';

export const LANG_KEY = 'museum-twin:lang';

export class ChromeManager {
  private wired = false;

  constructor(
    private readonly c: VisitContext,
    private readonly drawers: DrawerManager,
    private readonly openArtwork: (id: string) => void,
  ) {
    c.locale.onChange((l) => {
      safeStorage(() => localStorage.setItem(LANG_KEY, l.lang));
      const url = new URL(location.href);
      url.searchParams.set('lang', l.lang);
      history.replaceState(null, '', url);
      this.render();
    });
  }

  render(): void {
    const { ex, locale } = this.c;
    const t = locale.t;
    document.documentElement.lang = locale.lang;
    // Right-to-left languages mirror the whole page; the 3D view itself is not mirrored.
    document.documentElement.dir = locale.dir;
    document.title = `${locale.text(ex.title)} · ${t.appName}`;
    byId('exhibition-title').replaceChildren(local(locale, 'span', ex.title));
    byId('exhibition-institution').replaceChildren(local(locale, 'span', ex.institution));
    for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
      const v = t[el.dataset.i18n as keyof Strings];
      if (typeof v === 'string') el.textContent = v;
    }
    for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
      const v = t[el.dataset.i18nLabel as keyof Strings];
      if (typeof v === 'string') el.setAttribute('aria-label', v);
    }
    const search = byId<HTMLInputElement>('search-input');
    search.placeholder = t.searchPlaceholder;
    const select = byId<HTMLSelectElement>('language-select');
    clear(select);
    const offered = ex.languages.includes(locale.lang) ? ex.languages : [...ex.languages, locale.lang];
    // Each language is named in itself, and marked as such for screen readers.
    for (const l of offered) select.append(h('option', { value: l, selected: l === locale.lang, lang: l }, locale.languageName(l, l)));
    if (!this.wired) this.wire(search, select);
    byId('controls-hint').textContent = matchMedia('(pointer: coarse)').matches ? t.touchHint : t.controlsHint;
  }

  private wire(search: HTMLInputElement, select: HTMLSelectElement): void {
    this.wired = true;
    const { ex, locale, state } = this.c;
    select.addEventListener('change', () => void state.setLanguage(select.value));
    new SearchBox(
      search,
      byId<HTMLUListElement>('search-results'),
      () => ex.artworks,
      () => ({ title: (a) => locale.text(a.title), subtitle: (a) => `${locale.text(a.creator.name)}, ${locale.text(a.date)}`, noResults: (q) => locale.fill(locale.t.noResults, { q }) }),
      this.openArtwork,
    );
    for (const kind of ['tours', 'favourites', 'problems', 'offline', 'curator'] as const) {
      byId(`${kind}-button`).addEventListener('click', (e) => this.drawers.toggle(kind, e.currentTarget as HTMLElement));
    }
  }
}

export function safeStorage<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
