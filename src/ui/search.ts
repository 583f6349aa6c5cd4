/** Search by title or creator, in every language the exhibition has; a keyboard-operable listbox. */
import type { Artwork } from '../twin/schema';
import { allLanguages } from '../twin/text';
import { h, clear } from './dom';

export function matchArtworks(artworks: Artwork[], query: string): Artwork[] {
  const q = normalise(query.trim());
  if (!q) return [];
  return artworks.filter((a) => [...allLanguages(a.title), ...allLanguages(a.creator.name)].some((s) => normalise(s).includes(q)));
}

function normalise(s: string): string {
  return s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase();
}

export interface SearchView {
  title: (a: Artwork) => string;
  subtitle: (a: Artwork) => string;
  noResults: (q: string) => string;
}

export class SearchBox {
  private results: Artwork[] = [];
  private active = -1;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLUListElement,
    private readonly artworks: () => Artwork[],
    private readonly view: () => SearchView,
    private readonly open: (id: string) => void,
  ) {
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.addEventListener('input', () => this.update());
    input.addEventListener('keydown', (e) => this.key(e));
    input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
  }

  private update(): void {
    const q = this.input.value;
    this.results = matchArtworks(this.artworks(), q).slice(0, 20);
    this.active = this.results.length ? 0 : -1;
    this.render(q);
  }

  private render(q: string): void {
    clear(this.list);
    const v = this.view();
    if (!q.trim()) return this.close();
    if (!this.results.length) {
      this.list.append(h('li', { role: 'option', 'aria-disabled': 'true' }, v.noResults(q)));
    }
    this.results.forEach((a, i) => {
      const li = h('li', { role: 'option', id: `search-option-${i}`, 'aria-selected': String(i === this.active), 'data-artwork': a.id }, v.title(a), h('span', { class: 'sub' }, v.subtitle(a)));
      li.addEventListener('mousedown', (e) => {
        e.preventDefault();
        this.choose(i);
      });
      this.list.append(li);
    });
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `search-option-${this.active}`);
  }

  private key(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!this.results.length) return;
      e.preventDefault();
      this.active = (this.active + (e.key === 'ArrowDown' ? 1 : -1) + this.results.length) % this.results.length;
      this.render(this.input.value);
    } else if (e.key === 'Enter' && this.active >= 0) {
      e.preventDefault();
      this.choose(this.active);
    } else if (e.key === 'Escape') {
      this.close();
    }
  }

  private choose(i: number): void {
    const a = this.results[i];
    if (!a) return;
    this.input.value = '';
    this.close();
    this.open(a.id);
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }
}
