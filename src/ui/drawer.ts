/** One floating dialog for lists (tours, favourites, problems); Escape closes it and focus returns. */
import { h, clear } from './dom';

export class Drawer {
  private opener?: HTMLElement;
  private kind?: string;

  constructor(
    private readonly el: HTMLElement,
    private readonly closeLabel: () => string,
  ) {
    el.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.close();
    });
  }

  isOpen(kind: string): boolean {
    return !this.el.hidden && this.kind === kind;
  }

  open(kind: string, opener: HTMLElement, title: string, body: Node[]): void {
    if (this.opener && this.opener !== opener) this.opener.setAttribute('aria-expanded', 'false');
    this.opener = opener;
    this.kind = kind;
    clear(this.el);
    this.el.dataset.kind = kind;
    this.el.append(
      h('header', {}, h('h2', { id: 'drawer-title', tabindex: '-1' }, title), h('button', { type: 'button', 'aria-label': this.closeLabel(), onclick: () => this.close() }, '✕')),
      ...body,
    );
    this.el.hidden = false;
    opener.setAttribute('aria-expanded', 'true');
    this.el.querySelector<HTMLElement>('h2')?.focus();
  }

  /** Re-renders the open drawer in place (language change, list change). */
  update(kind: string, title: string, body: Node[]): void {
    if (!this.isOpen(kind) || !this.opener) return;
    const opener = this.opener;
    const focusInside = this.el.contains(document.activeElement);
    this.open(kind, opener, title, body);
    if (!focusInside) opener.focus();
  }

  close(): void {
    if (this.el.hidden) return;
    this.el.hidden = true;
    this.kind = undefined;
    this.opener?.setAttribute('aria-expanded', 'false');
    this.opener?.focus();
  }
}
