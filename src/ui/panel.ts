/**
 * The artwork panel: everything a visitor can learn about one work, in their language,
 * honouring its sensitivity policy (advisory notice first; restricted shows only the community's statement).
 */
import type { Artwork, Exhibition } from '../twin/schema';
import { pick, type LocalText } from '../twin/text';
import { parseWebVtt, type Cue } from '../twin/webvtt';
import { h, clear } from './dom';
import { fill, type Strings } from './i18n';
import { formatDimensions, formatIsoDate, languageName } from './format';
import { renderRichText } from './richtext-dom';

export interface PanelContext {
  exhibition: Exhibition;
  lang: string;
  t: Strings;
  isFavourite: (id: string) => boolean;
  advisoryAcknowledged: (id: string) => boolean;
  resolveMedia: (path: string) => string;
  hasAnimation: (id: string) => boolean;
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
      this.show(this.current, ctx, false);
      this.el.scrollTop = scroll;
    }
  }

  hide(): void {
    this.stopAudio();
    this.current = undefined;
    this.el.hidden = true;
    delete this.el.dataset.artwork;
    clear(this.el);
  }

  private stopAudio(): void {
    this.audio?.pause();
    this.audio = undefined;
  }

  private render(art: Artwork, ctx: PanelContext): HTMLElement[] {
    const { t, lang, exhibition } = ctx;
    const txt = (m: Artwork['title'] | undefined) => pick(m, lang, exhibition.defaultLanguage);
    const title = txt(art.title);
    const creator = txt(art.creator.name);
    const fav = ctx.isFavourite(art.id);
    const header = h(
      'header',
      {},
      h('div', {}, h('h2', { id: 'panel-title', tabindex: '-1', lang: title.lang }, title.text), fallbackNote(title, t, lang)),
      h('button', { type: 'button', class: 'close', 'aria-label': t.close, onclick: () => this.actions.close() }, '✕'),
    );
    const byline = h('p', { class: 'byline' }, creator.text, art.creator.lifeDates ? ` (${art.creator.lifeDates})` : '', ', ', txt(art.date).text);
    const copy = h('button', { type: 'button', class: 'copy-link' }, t.copyLink);
    copy.addEventListener('click', async () => {
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
    const s = art.sensitivity;
    if (s.level === 'restricted') {
      out.push(
        h(
          'section',
          { class: 'restricted', 'aria-labelledby': 'restricted-title' },
          h('h3', { id: 'restricted-title' }, t.restrictedTitle),
          h('p', { class: 'community' }, h('strong', {}, txt(s.community).text)),
          h('p', {}, txt(s.statement).text),
          h('p', {}, fill(t.restrictedContact, { c: s.contact })),
        ),
      );
      return out;
    }
    if (s.level === 'advisory' && !ctx.advisoryAcknowledged(art.id)) {
      out.push(
        h(
          'section',
          { class: 'notice', 'aria-labelledby': 'advisory-title' },
          h('h3', { id: 'advisory-title' }, t.advisoryTitle),
          h('p', {}, txt(s.notice).text),
          h('button', { type: 'button', class: 'acknowledge', onclick: () => this.actions.acknowledgeAdvisory(art.id) }, t.advisoryContinue),
        ),
      );
      return out;
    }
    if (s.level === 'advisory') out.push(h('p', { class: 'notice' }, txt(s.notice).text));
    const label = txt(art.label);
    out.push(h('p', { class: 'lead', lang: label.lang }, label.text));
    const narration = art.narration && (art.narration[lang] ?? art.narration[exhibition.defaultLanguage] ?? Object.values(art.narration)[0]);
    if (narration) out.push(this.narration(narration, ctx));
    if (art.animation && ctx.hasAnimation(art.id)) {
      const b = h('button', { type: 'button', class: 'animation', 'aria-pressed': 'false' }, t.playAnimation);
      const note = h('span', {}, txt(art.animation.title).text);
      b.addEventListener('click', async () => {
        try {
          const playing = await this.actions.toggleAnimation(art.id);
          b.setAttribute('aria-pressed', String(playing));
          b.textContent = playing ? t.pauseAnimation : t.playAnimation;
        } catch {
          b.disabled = true;
          note.textContent = t.animationUnavailable;
        }
      });
      out.push(h('div', { class: 'actions animation-controls' }, b, note));
    }
    const story = txt(art.backstory);
    out.push(
      h('h3', {}, t.story),
      h(
        'div',
        { class: 'story', lang: story.lang },
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
              h('button', { type: 'button', onclick: () => this.actions.focusAnnotation(art.id, a.id) }, h('strong', {}, txt(a.title).text)),
              h('p', {}, txt(a.text).text),
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
        h('dd', {}, txt(art.medium).text),
        h('dt', {}, t.dimensions),
        h('dd', {}, formatDimensions(art.dimensions, lang)),
        h('dt', {}, t.accession),
        h('dd', {}, art.accessionNumber),
        h('dt', {}, t.credit),
        h('dd', {}, txt(art.creditLine).text),
        h('dt', {}, t.rights),
        h('dd', {}, fill(t.rightsWork, { l: licenceText(rights.work) }), h('br'), fill(t.rightsMedia, { l: licenceText(rights.media) })),
      ),
    );
    const reports = [...(art.conservation?.reports ?? [])].sort((a, b) => b.date.localeCompare(a.date));
    const latest = reports[0];
    if (latest) {
      out.push(
        h('h3', {}, t.condition),
        h(
          'p',
          { class: 'condition' },
          h('span', { class: `condition-badge cond-${latest.condition}` }, t.conditions[latest.condition]),
          ' ',
          fill(t.conditionExamined, { date: formatIsoDate(latest.date, lang), examiner: latest.examiner }),
        ),
        h('p', {}, txt(latest.notes).text),
      );
      const treatments = art.conservation?.treatments ?? [];
      if (treatments.length) {
        out.push(
          h('h3', {}, t.treatments),
          h('ul', {}, [...treatments].sort((a, b) => a.date.localeCompare(b.date)).map((tr) => h('li', {}, `${formatIsoDate(tr.date, lang)} · ${tr.conservator}: ${txt(tr.description).text}`))),
        );
      }
    }
    return out;
  }

  private narration(n: { audio: string; captions: string }, ctx: PanelContext): HTMLElement {
    const { t } = ctx;
    const audio = h('audio', { controls: true, preload: 'none', src: ctx.resolveMedia(n.audio) });
    const captions = h('div', { class: 'captions', 'aria-live': 'off', 'data-testid': 'captions' });
    let cues: Cue[] = [];
    fetch(ctx.resolveMedia(n.captions))
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((text) => {
        cues = parseWebVtt(text).cues;
      })
      .catch(() => {
        captions.textContent = t.captionsUnavailable;
      });
    audio.addEventListener('timeupdate', () => {
      const now = audio.currentTime;
      const cue = cues.find((c) => now >= c.start && now < c.end);
      captions.textContent = cue ? cue.text : '';
    });
    audio.addEventListener('error', () => {
      captions.textContent = fill(t.audioUnavailable, { reason: audio.error?.message || 'the file is missing or damaged' });
    });
    this.audio = audio;
    return h('section', { class: 'narration', 'aria-label': t.narration }, h('h3', {}, t.narration), audio, h('p', { class: 'visually-hidden' }, t.captions), captions);
  }
}

function licenceText(l: { licence: string; holder?: string }): string {
  return l.holder ? `${l.licence} (${l.holder})` : l.licence;
}

function fallbackNote(text: LocalText, t: Strings, lang: string): HTMLElement | null {
  if (!text.fallback) return null;
  return h('span', { class: 'fallback' }, fill(t.fallbackMarker, { lang: languageName(text.lang, lang) }));
}
