/**
 * The in-gallery guide for a phone without WebXR AR (an iPhone, or any phone where AR is refused): opened from the
 * gallery's `?ar` link, it lists the works nearest where the visitor stands in the twin (nearest first, following
 * them as they walk), each opening the work's own panel (story, narration with captions); and where the browser
 * has AR Quick Look (Safari on iPhone and iPad), the chosen object comes with a link that shows its model in the
 * visitor's room at true size (the USDZ `npm run pack` wrote beside the model, or one made on demand by usdz.ts).
 */
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';
import type { Exhibition, LangMap } from '../../twin/schema';
import { artworkPose } from '../../twin/layout';
import { fill, type Strings } from '../../i18n';
import { clear, h } from '../../ui/dom';
import { nearbyWorks, type LabelCandidate } from './logic';
import { packedUsdz, quickLookLink, quickLookModel } from './quick-look';
import './phone-guide.css';

/** How many works "near you" lists. */
export const NEAR_COUNT = 5;

/** The AR glyph inside the Quick Look link (Apple's rule: the link's only child is an image). Inline: no request. */
const AR_GLYPH =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48"><rect width="48" height="48" rx="10" fill="#1d3557"/><path d="M24 9 37 16.5v15L24 39 11 31.5v-15z M24 9v15l13-7.5 M24 24 11 16.5 M24 24v15" fill="none" stroke="#fff" stroke-width="2.4" stroke-linejoin="round"/></svg>',
  );

export interface PhoneGuideHost {
  exhibition: Exhibition;
  t: () => Strings;
  text: (m: LangMap | undefined) => string;
  /** Where the visitor stands in the twin (feet on the floor). */
  position: () => [number, number, number];
  /** Calls back whenever the view has moved (a frame was drawn). */
  onMoved: (callback: () => void) => void;
  selected: () => string | undefined;
  onSelected: (callback: () => void) => void;
  onLanguage: (callback: () => void) => void;
  open: (id: string) => void;
  resolveMedia: (path: string) => string;
  engine: AbstractEngine;
  /** The browser opens `<a rel="ar">` in AR Quick Look. */
  quickLook: boolean;
  /** The page the link came from (Quick Look's share sheet names it). */
  page: () => string;
}

/** The chosen object's USDZ: the packed file beside its model (`owned` false) or a blob made here (`owned`). */
type Prepared = { id: string; state: 'preparing' } | { id: string; state: 'ready'; url: string; owned: boolean } | { id: string; state: 'failed'; reason: string };

/**
 * The guide: a card at the foot of the view, and the chosen object's Quick Look bar at its top (above the work's
 * panel, which covers the foot on a phone). The app places both (`elements`); `dispose()` removes them.
 */
export class PhoneGuide {
  readonly element: HTMLElement;
  private readonly near = h('ul', { class: 'phone-guide-near' });
  /** The chosen object's Quick Look link, or what keeps it. */
  readonly room = h('div', { id: 'phone-guide-room', class: 'phone-guide-room', role: 'status' });
  private readonly candidates: LabelCandidate[];
  private nearIds = '';
  private prepared?: Prepared;

  constructor(private readonly host: PhoneGuideHost) {
    this.candidates = host.exhibition.artworks.map((a) => ({ id: a.id, position: artworkPose(host.exhibition, a).position }));
    this.element = h('section', { id: 'phone-guide', class: 'phone-guide', 'aria-labelledby': 'phone-guide-title' });
    host.onMoved(() => this.renderNear());
    host.onSelected(() => {
      // A failed preparation is tried again when the visitor chooses again.
      if (this.prepared?.state === 'failed') this.prepared = undefined;
      this.renderRoom();
    });
    host.onLanguage(() => this.render());
    this.render();
  }

  /** The card and the Quick Look bar, for the app to place. */
  get elements(): HTMLElement[] {
    return [this.element, this.room];
  }

  /** Whether the chosen object gets an AR Quick Look link here. */
  get quickLook(): boolean {
    return this.host.quickLook;
  }

  /** The works nearest the visitor, nearest first (on the floor plan, whichever way they face). */
  nearest(): string[] {
    return nearbyWorks(this.candidates, { position: this.host.position(), forward: [0, 0, 0] }, { max: NEAR_COUNT, radius: Infinity });
  }

  private render(): void {
    const t = this.host.t();
    clear(this.element);
    this.nearIds = '';
    this.element.append(
      h('h2', { id: 'phone-guide-title' }, t.phoneGuide),
      h('p', { class: 'phone-guide-intro' }, this.host.quickLook ? t.phoneGuideQuickLook : t.phoneGuideIntro),
      h('h3', {}, t.worksNearYou),
      this.near,
    );
    this.renderNear();
    this.renderRoom();
  }

  private renderNear(): void {
    const ids = this.nearest();
    const key = ids.join(',');
    if (key === this.nearIds) return;
    this.nearIds = key;
    clear(this.near);
    for (const id of ids) {
      const art = this.host.exhibition.artworks.find((a) => a.id === id)!;
      this.near.append(h('li', {}, h('button', { type: 'button', 'data-artwork': id, onclick: () => this.host.open(id) }, this.host.text(art.title))));
    }
  }

  /** The chosen work's Quick Look link, made once per work (the USDZ stays while it is the chosen one). */
  private renderRoom(): void {
    clear(this.room);
    const t = this.host.t();
    const id = this.host.selected();
    const art = id ? this.host.exhibition.artworks.find((a) => a.id === id) : undefined;
    if (!this.host.quickLook || !art) return;
    const title = this.host.text(art.title);
    const model = quickLookModel(art);
    if (!model) {
      this.room.append(h('p', {}, fill(t.quickLookNoModel, { title })));
      return;
    }
    if (this.prepared?.id !== art.id) this.prepare(art.id, model);
    const p = this.prepared!;
    if (p.state === 'preparing') this.room.append(h('p', { class: 'phone-guide-preparing' }, fill(t.quickLookPreparing, { title })));
    else if (p.state === 'failed') this.room.append(h('p', { class: 'phone-guide-failed' }, fill(t.quickLookFailed, { title, reason: p.reason })));
    else {
      const label = fill(t.quickLookView, { title });
      const link = quickLookLink(document, { usdz: p.url, page: this.host.page(), label, image: AR_GLYPH });
      this.room.append(h('div', { class: 'phone-guide-link' }, link, h('span', { 'aria-hidden': 'true' }, label)));
    }
  }

  private prepare(id: string, model: string): void {
    this.release();
    const prepared: Prepared = (this.prepared = { id, state: 'preparing' });
    const modelUrl = this.host.resolveMedia(model);
    // The USDZ `npm run pack` wrote beside the model, when the server has it; otherwise made here, from the model.
    void packedUsdz(modelUrl)
      .then(async (packed) => packed ?? (await import('./usdz')).modelToUsdz(this.host.engine, modelUrl))
      .then(
        (usdz) => {
          if (this.prepared !== prepared) return;
          this.prepared = typeof usdz === 'string' ? { id, state: 'ready', url: usdz, owned: false } : { id, state: 'ready', url: URL.createObjectURL(usdz), owned: true };
          this.renderRoom();
        },
        (e: unknown) => {
          if (this.prepared !== prepared) return;
          this.prepared = { id, state: 'failed', reason: e instanceof Error ? e.message : String(e) };
          this.renderRoom();
        },
      );
  }

  private release(): void {
    if (this.prepared?.state === 'ready' && this.prepared.owned) URL.revokeObjectURL(this.prepared.url);
    this.prepared = undefined;
  }

  dispose(): void {
    this.release();
    this.element.remove();
    this.room.remove();
  }
}
