/**
 * The artwork panel: everything a visitor can learn about one work, in their language,
 * honouring its sensitivity policy (advisory notice first; restricted shows only the community's statement).
 */
import type { Artwork, CommunityLabel, Exhibition, VisitMode } from '../twin/schema';
import { pick, textDirection, type LocalText } from '../twin/text';
import { labelsOf, mayCapture, mayNarrate, mayShare, narrationFor, shownIn, withheld } from '../twin/protocol';
import { parseWebVtt, type Cue } from '../twin/webvtt';
import { h, clear } from './dom';
import { fill, type Strings } from './i18n';
import { formatDimensions, languageName } from './format';
import { renderRichText } from './richtext-dom';
import { conservationSection, type ConservationHooks } from './conservation-panel';
import { FetchLimitError, fetchLimited } from '../twin/fetch-limits';
import { watchNarration } from './narration-watch';

export interface PanelContext {
  exhibition: Exhibition;
  lang: string;
  t: Strings;
  isFavourite: (id: string) => boolean;
  advisoryAcknowledged: (id: string) => boolean;
  resolveMedia: (path: string) => string;
  hasAnimation: (id: string) => boolean;
  /** Conservation timeline areas and time-lapse in the scene. */
  conservation?: ConservationHooks;
  /** Where the panel is shown (the DOM panel serves the preview and AR's DOM overlay); default preview. */
  mode?: VisitMode;
}

export interface PanelActions {
  close: () => void;
  openArtwork: (id: string) => void;
  toggleFavourite: (id: string) => void;
  acknowledgeAdvisory: (id: string) => void;
  focusAnnotation: (artworkId: string, annotationId: string) => void;
  toggleAnimation: (id: string) => Promise<boolean>;
  copyLink: (id: string) => Promise<boolean>;
}

export class ArtworkPanel {
  private current?: Artwork;
  private audio?: HTMLAudioElement;

  constructor(
    private readonly el: HTMLElement,
    private readonly actions: PanelActions,
  ) {
    el.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') actions.close();
    });
  }

  get artworkId(): string | undefined {
    return this.current?.id;
  }

  show(art: Artwork, ctx: PanelContext, focus = true): void {
    this.stopAudio();
    this.current = art;
    clear(this.el);
    this.el.hidden = false;
    this.el.dataset.artwork = art.id;
    this.el.append(...this.render(art, ctx));
    if (focus) this.el.querySelector<HTMLElement>('h2')?.focus();
  }

  /** Re-renders for a new language or favourite state, keeping the panel where it is. */
  refresh(ctx: PanelContext): void {
    if (this.current && !this.el.hidden) {
      const scroll = this.el.scrollTop;
      // Keep the keyboard focus on the same control (e.g. the heart just pressed), not lost to the page.
      const focusable = () => [...this.el.querySelectorAll<HTMLElement>('button, a[href], audio, [tabindex]')];
      const at = focusable().indexOf(document.activeElement as HTMLElement);
      this.show(this.current, ctx, false);
      this.el.scrollTop = scroll;
      if (at >= 0) focusable()[at]?.focus({ preventScroll: true });
    }
  }

  hide(): void {
    this.stopAudio();
    this.current = undefined;
    this.el.hidden = true;
    delete this.el.dataset.artwork;
    clear(this.el);
  }

  private releaseConservation?: () => void;

  private stopAudio(): void {
    // The panel is being re-rendered or closed: let go of the scene's conservation views too.
    this.releaseConservation?.();
    this.releaseConservation = undefined;
    this.audio?.pause();
    this.audio = undefined;
    this.endNarrationWatch?.();
    this.endNarrationWatch = undefined;
  }

  /** Ends the narration's stall timer (narration-watch.ts). */
  private endNarrationWatch?: () => void;

  private render(art: Artwork, ctx: PanelContext): HTMLElement[] {
    const { t, lang, exhibition } = ctx;
    const txt = (m: Artwork['title'] | undefined) => pick(m, lang, exhibition.defaultLanguage);
    const title = txt(art.title);
    const creator = txt(art.creator.name);
    const fav = ctx.isFavourite(art.id);
    const header = h(
      'header',
      {},
      h('div', {}, h('h2', { id: 'panel-title', tabindex: '-1', lang: title.lang, dir: textDirection(title.lang) }, title.text), fallbackNote(title, t, lang)),
      h('button', { type: 'button', class: 'close', 'aria-label': t.close, onclick: () => this.actions.close() }, '✕'),
    );
    const byline = h('p', { class: 'byline' }, localText('span', creator, t, lang), art.creator.lifeDates ? ` (${art.creator.lifeDates})` : '', ', ', localText('span', txt(art.date), t, lang));
    // A community may ask that no links to a work be passed around: then none is offered.
    const copy = mayShare(art) ? h('button', { type: 'button', class: 'copy-link' }, t.copyLink) : null;
    copy?.addEventListener('click', async () => {
      const ok = await this.actions.copyLink(art.id);
      if (ok) copy.textContent = t.linkCopied;
    });
    const actions = h(
      'div',
      { class: 'actions' },
      h(
        'button',
        { type: 'button', class: 'favourite', 'aria-pressed': String(fav), onclick: () => this.actions.toggleFavourite(art.id) },
        h('span', { 'aria-hidden': 'true' }, fav ? '♥ ' : '♡ '),
        fav ? t.removeFavourite : t.addFavourite,
      ),
      copy,
    );
    const out: HTMLElement[] = [header, byline, actions];
    const mode = ctx.mode ?? 'preview';
    const s = art.sensitivity;
    const loc = (tag: 'p' | 'span' | 'strong', m: Artwork['title'] | undefined, attrs: Record<string, string> = {}) => localText(tag, txt(m), t, lang, attrs);
    if (!copy) out.push(h('p', { class: 'protocol-note no-sharing' }, t.noSharing));
    const why = withheld(art, mode);
    if (s.level === 'restricted') {
      out.push(
        h(
          'section',
          { class: 'restricted', 'aria-labelledby': 'restricted-title', 'data-protocol': 'restricted' },
          h('h3', { id: 'restricted-title' }, t.restrictedTitle),
          h('p', { class: 'community' }, loc('strong', s.community)),
          loc('p', s.statement, { class: 'statement' }),
          communityLabels(labelsOf(art), t, txt, lang),
          h('p', { class: 'contact' }, fill(t.restrictedContact, { c: '' }), contactLink(s.contact)),
        ),
      );
      return out;
    }
    if (why === 'mode') {
      const elsewhere = shownIn(art).map((m) => modeName(m, t));
      out.push(
        h(
          'section',
          { class: 'restricted', 'aria-labelledby': 'withheld-title', 'data-protocol': 'withheld' },
          h('h3', { id: 'withheld-title' }, t.withheldTitle),
          h('p', {}, fill(t.withheldText, { mode: modeName(mode, t) })),
          elsewhere.length ? h('p', {}, fill(t.withheldElsewhere, { modes: listFormat(elsewhere, lang) })) : null,
          communityLabels(labelsOf(art), t, txt, lang),
        ),
      );
      return out;
    }
    if (s.level === 'advisory' && !ctx.advisoryAcknowledged(art.id)) {
      out.push(
        h(
          'section',
          { class: 'notice', 'aria-labelledby': 'advisory-title', 'data-protocol': 'advisory' },
          h('h3', { id: 'advisory-title' }, t.advisoryTitle),
          loc('p', s.notice),
          communityLabels(labelsOf(art), t, txt, lang),
          h('button', { type: 'button', class: 'acknowledge', onclick: () => this.actions.acknowledgeAdvisory(art.id) }, t.advisoryContinue),
        ),
      );
      return out;
    }
    if (s.level === 'advisory') out.push(loc('p', s.notice, { class: 'notice' }));
    if (s.level !== 'advisory' && labelsOf(art).length) out.push(communityLabels(labelsOf(art), t, txt, lang)!);
    if (!mayCapture(art)) out.push(h('p', { class: 'protocol-note no-screenshots', role: 'note' }, t.noScreenshots));
    out.push(loc('p', art.label, { class: 'lead' }));
    const narration = narrationFor(art, lang, exhibition.defaultLanguage, mode);
    if (narration) out.push(this.narration(narration, ctx));
    else if (art.narration && !mayNarrate(art, mode)) out.push(h('p', { class: 'protocol-note no-narration' }, fill(t.noNarrationHere, { mode: modeName(mode, t) })));
    if (art.animation && ctx.hasAnimation(art.id)) {
      const b = h('button', { type: 'button', class: 'animation', 'aria-pressed': 'false' }, t.playAnimation);
      const note = h('span', {}, txt(art.animation.title).text);
      b.addEventListener('click', async () => {
        try {
          const playing = await this.actions.toggleAnimation(art.id);
          b.setAttribute('aria-pressed', String(playing));
          b.textContent = playing ? t.pauseAnimation : t.playAnimation;
        } catch (e) {
          b.disabled = true;
          // A file refused by the download limits or the path rule is named, with why (scene/limited-load.ts).
          const refused = e instanceof FetchLimitError || (e instanceof Error && e.name === 'ModelFileError');
          note.textContent = refused ? `${t.animationUnavailable} (${(e as Error).message})` : t.animationUnavailable;
        }
      });
      out.push(h('div', { class: 'actions animation-controls' }, b, note));
    }
    const story = txt(art.backstory);
    out.push(
      h('h3', {}, t.story),
      h(
        'div',
        { class: 'story', lang: story.lang, dir: textDirection(story.lang) },
        fallbackNote(story, t, lang),
        renderRichText(story.text, (id) => `#artwork=${encodeURIComponent(id)}`, (id) => this.actions.openArtwork(id)),
      ),
    );
    if (art.annotations.length) {
      out.push(
        h('h3', {}, t.annotations),
        h(
          'ul',
          { class: 'annotations' },
          art.annotations.map((a) =>
            h(
              'li',
              { 'data-annotation': a.id },
              h('button', { type: 'button', onclick: () => this.actions.focusAnnotation(art.id, a.id) }, loc('strong', a.title)),
              loc('p', a.text),
            ),
          ),
        ),
      );
    }
    const rights = art.rights;
    out.push(
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, t.medium),
        h('dd', {}, loc('span', art.medium)),
        h('dt', {}, t.dimensions),
        h('dd', {}, formatDimensions(art.dimensions, lang)),
        h('dt', {}, t.accession),
        h('dd', {}, art.accessionNumber),
        h('dt', {}, t.credit),
        h('dd', {}, loc('span', art.creditLine)),
        h('dt', {}, t.rights),
        h('dd', {}, fill(t.rightsWork, { l: licenceText(rights.work) }), h('br'), fill(t.rightsMedia, { l: licenceText(rights.media) })),
      ),
    );
    // Conservation: time-lapse, then the history of reports and treatments (src/ui/conservation-panel.ts).
    const conservation = conservationSection(art, lang, exhibition.defaultLanguage, t, ctx.conservation);
    this.releaseConservation = conservation.dispose;
    out.push(...conservation.elements);
    return out;
  }

  private narration(n: { audio: string; captions: string; lang: string; fallback: boolean }, ctx: PanelContext): HTMLElement {
    const { t } = ctx;
    const audioUrl = ctx.resolveMedia(n.audio);
    const audio = h('audio', { controls: true, preload: 'none', src: audioUrl });
    // Captions are in the narration's language, which may be the default one (marked) when the visitor's is missing.
    const captions = h('div', { class: 'captions', 'aria-live': 'off', 'data-testid': 'captions', lang: n.lang, dir: textDirection(n.lang) });
    let cues: Cue[] = [];
    fetchLimited(ctx.resolveMedia(n.captions), 'captions')
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((text) => {
        cues = parseWebVtt(text).cues;
      })
      .catch(() => {
        captions.textContent = t.captionsUnavailable;
      });
    let stopped = false;
    audio.addEventListener('timeupdate', () => {
      // Stopped by the stall timer: the reason stays where the captions were.
      if (stopped) return;
      const now = audio.currentTime;
      const cue = cues.find((c) => now >= c.start && now < c.end);
      captions.textContent = cue ? cue.text : '';
    });
    audio.addEventListener('error', () => {
      captions.textContent = fill(t.audioUnavailable, { reason: audio.error?.message || t.mediaDamaged });
    });
    // A server that stops sending stops the narration, named in the captions' place, instead of a silent wait for ever.
    this.endNarrationWatch = watchNarration(audio, audioUrl, (e) => {
      stopped = true;
      captions.textContent = fill(t.audioUnavailable, { reason: e.message });
    });
    this.audio = audio;
    const heading = h('h3', {}, t.narration, n.fallback ? h('span', { class: 'fallback-tag' }, ' ', fill(t.fallbackTag, { lang: languageName(n.lang, ctx.lang, false) })) : null);
    return h('section', { class: 'narration', 'aria-label': t.narration, 'data-narration-lang': n.lang }, heading, audio, h('p', { class: 'visually-hidden' }, t.captions), captions);
  }
}

function licenceText(l: { licence: string; holder?: string }): string {
  return l.holder ? `${l.licence} (${l.holder})` : l.licence;
}

/**
 * Exhibition text in an element that says which language it is in; text shown in the default language because
 * the visitor's is missing carries a visible "(in English)" tag.
 */
export function localText(tag: 'p' | 'span' | 'strong' | 'li', text: LocalText, t: Strings, lang: string, attrs: Record<string, string> = {}): HTMLElement {
  const other = text.lang !== lang && text.lang.split('-')[0] !== lang.split('-')[0];
  const el = h(tag, { ...attrs, ...(other ? { lang: text.lang, dir: textDirection(text.lang) } : {}) }, text.text);
  if (text.fallback) el.append(' ', h('span', { class: 'fallback-tag', lang, dir: textDirection(lang) }, fill(t.fallbackTag, { lang: languageName(text.lang, lang, false) })));
  return el;
}

function modeName(mode: VisitMode, t: Strings): string {
  return mode === 'preview' ? t.modePreview : mode === 'vr' ? t.modeVr : t.modeAr;
}

function listFormat(items: string[], lang: string): string {
  try {
    return new Intl.ListFormat(lang.replace(/-XA$/, ''), { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** The community's labels, as text badges in the style of Local Contexts' TK and BC labels. */
function communityLabels(labels: CommunityLabel[], t: Strings, txt: (m: CommunityLabel['name'] | undefined) => LocalText, lang: string): HTMLElement | null {
  if (!labels.length) return null;
  return h(
    'ul',
    { class: 'community-labels', 'aria-label': t.communityLabels },
    labels.map((l) =>
      h(
        'li',
        { 'data-label': l.code },
        h('span', { class: 'label-code', 'aria-hidden': 'true' }, l.code),
        h('span', { class: 'label-body' }, l.url ? h('a', { href: l.url, rel: 'noopener', target: '_blank' }, localText('strong', txt(l.name), t, lang)) : localText('strong', txt(l.name), t, lang), l.text ? localText('span', txt(l.text), t, lang, { class: 'label-text' }) : null),
      ),
    ),
  );
}

/** A contact as a link when it is an email address or a web page, else as text. */
function contactLink(contact: string): HTMLElement {
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact)) return h('a', { href: `mailto:${contact}` }, contact);
  if (/^https:\/\/\S+$/.test(contact)) return h('a', { href: contact, rel: 'noopener' }, contact);
  return h('span', {}, contact);
}

function fallbackNote(text: LocalText, t: Strings, lang: string): HTMLElement | null {
  if (!text.fallback) return null;
  return h('span', { class: 'fallback', lang, dir: textDirection(lang) }, fill(t.fallbackMarker, { lang: languageName(text.lang, lang) }));
}
