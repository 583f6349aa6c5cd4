/**
 * The works: the artwork panel, the list of works, the address (`#artwork=`), and opening and closing a work.
 * The selected work belongs to VisitState; this shows it in the preview while the preview is the mode.
 */
import { mediaUrl } from '../twin/load';
import { mayShare } from '../twin/protocol';
import type { Artwork } from '../twin/schema';
import { byId, clear, h } from '../ui/dom';
import { ArtworkPanel, type PanelContext } from '../ui/panel';
import type { ConservationHooks } from '../ui/conservation-panel';
import type { ChangeOrigin } from '../visitor/visit-state';
import { local, type VisitContext } from './context';

export class WorksManager {
  readonly panel: ArtworkPanel;
  private readonly panelEl = byId('panel');
  /** Set by the conservation manager: the panel's condition areas and time-lapse in the scene. */
  conservation?: () => ConservationHooks;

  constructor(private readonly c: VisitContext) {
    this.panel = new ArtworkPanel(this.panelEl, {
      close: () => this.close(),
      openArtwork: (id) => void this.open(id),
      toggleFavourite: (id) => void c.favourites?.toggle(id),
      acknowledgeAdvisory: (id) => {
        c.acknowledged.add(id);
        this.refresh();
        this.panelEl.querySelector<HTMLElement>('.lead')?.setAttribute('tabindex', '-1');
        this.panelEl.querySelector<HTMLElement>('.lead')?.focus();
      },
      focusAnnotation: (a, n) => c.preview?.focusAnnotation(a, n),
      toggleAnimation: (id) => c.preview?.toggleAnimation(id) ?? Promise.resolve(false),
      copyLink: (id) => copyText(this.linkTo(id), c.locale.t.copyPrompt),
    });
    // The preview shows the state's selection; VR and AR show it in their own panels.
    c.state.onChange('selected', (ch) => {
      if (c.state.mode === 'preview') this.show(ch.value, ch.origin);
    });
    c.locale.onChange(() => {
      this.renderList();
      this.refresh();
    });
  }

  /** Opens a work in the preview: its panel, the camera glides to it, the address names it. */
  async open(id: string, origin: ChangeOrigin = 'preview'): Promise<void> {
    const art = this.find(id);
    if (!art || !this.c.preview) return;
    // Opening the work already open shows it again (and glides back to it).
    if (this.c.state.selected === id) this.show(id, origin);
    else this.c.state.select(id, origin);
    this.c.status.announce(this.c.locale.text(art.title));
    // A work whose community asks that links to it not be shared never gets one in the address bar either.
    if (!mayShare(art)) {
      if (location.hash.startsWith('#artwork=')) history.replaceState(null, '', location.pathname + location.search);
    } else if (location.hash !== `#artwork=${id}`) history.replaceState(null, '', `#artwork=${encodeURIComponent(id)}`);
    await this.c.preview.goToArtwork(id, this.covered());
  }

  /** Closes the panel; focus goes back to the work in the list (or the 3D view). */
  close(): void {
    const id = this.panel.artworkId;
    this.c.state.select(undefined);
    if (this.panel.artworkId) this.show(undefined, 'preview');
    if (location.hash.startsWith('#artwork=')) history.replaceState(null, '', location.pathname + location.search);
    const back = id ? document.querySelector<HTMLElement>(`.works-list [data-artwork="${CSS.escape(id)}"]`) : null;
    if (back) back.focus();
    else this.c.canvas.focus();
  }

  /** Shows a work in the preview without the glide (e.g. back from VR, where it was open). */
  restore(id: string): void {
    const before = this.c.state.selected;
    this.c.state.select(id, 'restore');
    // The state may still say VR (its end is reported after), or already have this work: show it here.
    if (before === id || this.c.state.mode !== 'preview') this.show(id, 'restore');
  }

  /** A detail of a work picked in the scene: its panel opens at that detail. */
  showAnnotation(artworkId: string, annotationId: string): void {
    if (this.panel.artworkId !== artworkId) void this.open(artworkId);
    this.c.preview?.focusAnnotation(artworkId, annotationId);
    const li = this.panelEl.querySelector<HTMLElement>(`[data-annotation="${CSS.escape(annotationId)}"]`);
    if (!li) return;
    for (const other of this.panelEl.querySelectorAll('.annotations li')) other.classList.remove('active');
    li.classList.add('active');
    li.scrollIntoView({ block: 'center', behavior: this.c.reducedMotion.matches ? 'auto' : 'smooth' });
  }

  /** The panel's context in the preview (AR's overlay panel uses it with `mode: 'ar'`). */
  panelContext(): PanelContext {
    const c = this.c;
    return {
      exhibition: c.ex,
      lang: c.locale.lang,
      t: c.locale.t,
      isFavourite: (id) => c.favourites?.has(id) ?? false,
      advisoryAcknowledged: (id) => c.acknowledged.has(id),
      resolveMedia: (p) => mediaUrl(c.loaded.url, p),
      hasAnimation: (id) => c.preview?.hasAnimation(id) ?? false,
      conservation: this.conservation?.(),
      mode: 'preview',
    };
  }

  /** Re-renders the open panel (language, favourites, acknowledgements). */
  refresh(): void {
    this.panel.refresh(this.panelContext());
  }

  /** Follows `#artwork=` in the address (on arrival and when it changes). */
  followHash(): void {
    const m = /^#artwork=(.+)$/.exec(location.hash);
    if (!m) return;
    const id = decodeURIComponent(m[1]!);
    if (id === this.panel.artworkId) return;
    if (this.find(id)) void this.open(id, 'link');
    else this.c.addProblem({ path: '(link)', message: `the link asks for a work '${id}' that is not in this exhibition` });
  }

  /** The list of works (the 3D view's accessible alternative). */
  renderList(): void {
    const { ex, locale } = this.c;
    const ul = byId('works-list').querySelector('ul')!;
    clear(ul);
    for (const a of ex.artworks) {
      ul.append(
        h(
          'li',
          {},
          h(
            'button',
            { type: 'button', 'data-artwork': a.id, 'aria-current': String(a.id === this.panel.artworkId), onclick: () => void this.open(a.id) },
            local(locale, 'span', a.title, { class: 'title' }),
            h('span', { class: 'sub' }, local(locale, 'span', a.creator.name), ` · ${a.kind === 'painting' ? locale.t.kindPainting : locale.t.kindObject}`),
          ),
        ),
      );
    }
  }

  private find(id: string): Artwork | undefined {
    return this.c.ex.artworks.find((a) => a.id === id);
  }

  private show(id: string | undefined, origin: ChangeOrigin): void {
    const art = id ? this.find(id) : undefined;
    if (art) this.panel.show(art, this.panelContext(), origin !== 'restore');
    else this.panel.hide();
    this.c.preview?.select(art?.id);
    this.markCurrent();
    this.c.requestRender();
  }

  private markCurrent(): void {
    for (const b of document.querySelectorAll<HTMLElement>('.works-list [data-artwork]')) {
      b.setAttribute('aria-current', String(b.dataset.artwork === this.panel.artworkId));
    }
  }

  /** How much of the view the panel covers: a side panel the right (left in RTL), a bottom sheet the bottom. */
  private covered(): { right: number; bottom: number } {
    const canvasRect = this.c.canvas.getBoundingClientRect();
    const panelRect = this.panelEl.getBoundingClientRect();
    const side = panelRect.bottom < canvasRect.bottom - 10 || panelRect.top > canvasRect.top + 10 ? false : panelRect.width < canvasRect.width - 10;
    const onLeft = panelRect.left <= canvasRect.left + 10;
    return {
      right: !side ? 0 : onLeft ? -Math.max(0, panelRect.right - canvasRect.left) / Math.max(1, canvasRect.width) : Math.max(0, canvasRect.right - panelRect.left) / Math.max(1, canvasRect.width),
      bottom: side ? 0 : Math.max(0, canvasRect.bottom - panelRect.top) / Math.max(1, canvasRect.height),
    };
  }

  private linkTo(id: string): string {
    const url = new URL(location.href);
    url.hash = `artwork=${encodeURIComponent(id)}`;
    return url.href;
  }
}

async function copyText(text: string, prompt: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard refused (insecure context or permission): let the visitor copy it by hand.
    window.prompt(prompt, text);
    return false;
  }
}
