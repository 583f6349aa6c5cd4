/**
 * A work's world-space panel in an immersive mode (VR; AR where the browser has no DOM overlay): a card beside
 * the work, facing the visitor. Title, creator and date,
 * then one section at a time (label, story in pages, details to look for, condition), narration with
 * captions, a heart and a close button. Sensitivity policies are the preview's: an advisory work shows its
 * notice until acknowledged (the same acknowledgement as in the preview); a restricted work shows only its
 * community's statement and contact.
 */
import { Control } from '@babylonjs/gui/2D/controls/control';
import type { Scene } from '@babylonjs/core/scene';
import type { Artwork, Exhibition } from '../../twin/schema';
import { parseWebVtt, type Cue } from '../../twin/webvtt';
import type { Strings } from '../../i18n';
import type { XrLocale } from './host';
import { labelsOf, narrationFor, withheld, type VisitMode } from '../../twin/protocol';
import { captionAt, storyPages } from './panel-logic';
import type { TimeLapseView } from '../../scene/time-lapse';
import { dominantState } from '../../twin/conservation';
import { ACCENT, FONT, MUTED, Surface } from './surface';
import { fetchLimited } from '../../twin/fetch-limits';
import { watchNarration } from '../../ui/narration-watch';

export type PanelSection = 'label' | 'story' | 'details' | 'condition' | 'time';

export interface WorldPanelContext {
  exhibition: Exhibition;
  /** The visitor's language: strings, exhibition text, numbers and dates. */
  locale: XrLocale;
  isFavourite: (id: string) => boolean;
  toggleFavourite: (id: string) => void;
  acknowledged: (id: string) => boolean;
  acknowledge: (id: string) => void;
  resolveMedia: (path: string) => string;
  close: () => void;
  focusAnnotation: (artworkId: string, annotationId: string | undefined) => void;
  /** The work's time-lapse in the scene (src/scene/time-lapse.ts), shared with the other modes. */
  timeLapse?: (artworkId: string) => TimeLapseView | undefined;
  reducedMotion?: () => boolean;
  /** Which journey shows the panel: AR without a DOM overlay uses it too, and protocols differ by mode. */
  mode?: Extract<VisitMode, 'vr' | 'ar'>;
}

/** 0.8 m × 1.0 m at 1280 px per metre. */
const W = 0.8;
const H = 1.0;
const PX_W = 1024;
const PX_H = 1280;
/** The smallest text on the panel, in texture pixels. */
export const SMALLEST_TEXT_PX = 28;
export const PANEL_SIZE = { width: W, height: H, smallestText: (SMALLEST_TEXT_PX * W) / PX_W };

export class WorldPanel {
  readonly surface: Surface;
  private art?: Artwork;
  private section: PanelSection = 'label';
  private page = 0;
  private annotation?: string;
  private audio?: HTMLAudioElement;
  private cues: Cue[] = [];
  private caption = '';

  constructor(
    scene: Scene,
    private readonly ctx: WorldPanelContext,
  ) {
    this.surface = new Surface('vr-panel', scene, W, H, PX_W, PX_H);
    this.surface.mesh.setEnabled(false);
  }

  private get mode(): 'vr' | 'ar' {
    return this.ctx.mode ?? 'vr';
  }

  /** The mode's name as the interface says it ("in VR", "in AR"). */
  private modeName(t: Strings): string {
    return this.mode === 'ar' ? t.modeAr : t.modeVr;
  }

  get artworkId(): string | undefined {
    return this.art?.id;
  }

  get title(): string {
    return this.art ? this.txt(this.art.title) : '';
  }

  /** What the panel shows now: the work, its advisory notice (until acknowledged), or only the community's statement. */
  get view(): 'work' | 'notice' | 'restricted' | 'withheld' | undefined {
    const art = this.art;
    if (!art) return undefined;
    const why = withheld(art, this.mode);
    if (why) return why === 'restricted' ? 'restricted' : 'withheld';
    return art.sensitivity.level === 'advisory' && !this.ctx.acknowledged(art.id) ? 'notice' : 'work';
  }

  get state(): {
    view?: 'work' | 'notice' | 'restricted' | 'withheld';
    section: PanelSection;
    page: number;
    pages: number;
    annotation?: string;
    /** The text of the panel's main body as it reads now. */
    body: string;
    narration: 'none' | 'paused' | 'playing';
    caption: string;
  } {
    const body = this.surface.control('body');
    return {
      view: this.view,
      body: body && 'text' in body ? String((body as unknown as { text: string }).text) : '',
      section: this.section,
      page: this.page,
      pages: this.art ? storyPages(this.txt(this.art.backstory)).length : 0,
      annotation: this.annotation,
      narration: !this.audio ? 'none' : this.audio.paused ? 'paused' : 'playing',
      caption: this.caption,
    };
  }

  private txt(m: Artwork['title'] | undefined): string {
    return this.ctx.locale.text(m);
  }

  open(art: Artwork, section: PanelSection = 'label'): void {
    if (this.art?.id !== art.id) {
      this.stopAudio();
      this.unwatchLapse();
      this.page = 0;
      this.annotation = undefined;
    }
    this.art = art;
    this.section = section;
    this.surface.mesh.setEnabled(true);
    this.render();
  }

  showAnnotation(annotationId: string): void {
    if (!this.art) return;
    this.annotation = annotationId;
    this.section = 'details';
    this.render();
  }

  close(): void {
    this.stopAudio();
    this.unwatchLapse();
    this.art = undefined;
    this.annotation = undefined;
    this.surface.mesh.setEnabled(false);
  }

  refresh(): void {
    if (this.art) this.render();
  }

  dispose(): void {
    this.stopAudio();
    this.surface.dispose();
  }

  private stopAudio(): void {
    if (this.audio) {
      this.audio.pause();
      this.audio.removeAttribute('src');
    }
    this.audio = undefined;
    this.cues = [];
    this.caption = '';
  }

  private render(): void {
    const art = this.art;
    if (!art) return;
    const t = this.ctx.locale.t;
    const s = this.surface;
    const col = s.card('panel', { columnWidth: PX_W - 72, cornerRadius: 28, thickness: 4, top: '30px' });

    // Header: title, then heart and close on the right.
    const header = s.row(col, 'header', 140);
    const title = s.text('title', this.txt(art.title), 48, { bold: true, font: FONT, height: '140px' });
    title.width = `${PX_W - 72 - 240}px`;
    header.addControl(title);
    const fav = this.ctx.isFavourite(art.id);
    header.addControl(s.button('favourite', fav ? '♥' : '♡', () => this.ctx.toggleFavourite(art.id), { width: '110px', height: '100px', fontSize: 52, color: fav ? '#ff6b6b' : undefined }));
    header.addControl(s.button('close', '✕', () => this.ctx.close(), { width: '110px', height: '100px', fontSize: 44 }));

    const creator = this.txt(art.creator.name);
    col.addControl(s.text('byline', `${creator}${art.creator.lifeDates ? ` (${art.creator.lifeDates})` : ''}, ${this.txt(art.date)}`, 32, { color: MUTED, height: '56px' }));

    const sens = art.sensitivity;
    const view = this.view;
    if (view === 'withheld') {
      // The community allows the work in other modes, not in this one: the same notice as the preview's.
      col.addControl(s.text('section-title', t.withheldTitle, 36, { bold: true, color: ACCENT, height: '70px' }));
      col.addControl(s.text('body', this.ctx.locale.fill(t.withheldText, { mode: this.modeName(t) }), 32, { height: '760px' }));
      return;
    }
    if (sens.level === 'restricted') {
      col.addControl(s.text('section-title', t.restrictedTitle, 36, { bold: true, color: ACCENT, height: '70px' }));
      col.addControl(s.text('community', this.txt(sens.community), 32, { bold: true, height: '60px' }));
      // The community's labels (Local Contexts style) read the same as in the preview: code, then name.
      const labels = labelsOf(art).map((l) => `[${l.code}] ${this.txt(l.name)}`).join('   ');
      if (labels) col.addControl(s.text('labels', labels, 30, { color: ACCENT, height: '60px' }));
      col.addControl(s.text('body', `${this.txt(sens.statement)}\n\n${this.ctx.locale.fill(t.restrictedContact, { c: sens.contact })}`, 32, { height: labels ? '700px' : '760px' }));
      return;
    }
    if (sens.level === 'advisory' && !this.ctx.acknowledged(art.id)) {
      col.addControl(s.text('section-title', t.advisoryTitle, 36, { bold: true, color: ACCENT, height: '70px' }));
      col.addControl(s.text('body', this.txt(sens.notice), 32, { height: '360px' }));
      col.addControl(s.button('acknowledge', t.advisoryContinue, () => this.ctx.acknowledge(art.id), { width: '760px', height: '96px', fontSize: 32, background: '#6b4f1d' }));
      return;
    }
    if (sens.level === 'advisory') col.addControl(s.text('notice', this.txt(sens.notice), 28, { color: ACCENT, height: '80px' }));

    // Section tabs.
    const tabs = s.row(col, 'tabs', 90);
    const sections: [PanelSection, string][] = [
      ['label', t.vrLabel],
      ['story', t.story],
    ];
    if (art.annotations.length) sections.push(['details', t.vrDetails]);
    if (art.conservation?.reports.length) sections.push(['condition', t.condition]);
    const lapse = this.ctx.timeLapse?.(art.id);
    if (lapse) sections.push(['time', t.timeLapse]);
    if (this.section === 'time' && !lapse) this.section = 'label';
    const tabWidth = Math.floor((PX_W - 80) / sections.length);
    for (const [id, label] of sections) {
      tabs.addControl(
        s.button(`tab:${id}`, label, () => this.select(id), { width: `${tabWidth}px`, height: '80px', fontSize: 30, background: id === this.section ? '#6b4f1d' : undefined }),
      );
    }

    const bodyHeight = sens.level === 'advisory' ? 560 : 640;
    col.addControl(s.text('body', this.bodyText(art, t), 32, { height: `${bodyHeight}px`, font: this.section === 'story' ? FONT : undefined }));

    // Pager (story) or annotation picker (details).
    const row = s.row(col, 'row', 90);
    if (this.section === 'story') {
      const pages = storyPages(this.txt(art.backstory)).length;
      row.addControl(s.button('page:previous', '‹', () => this.turn(-1), { width: '110px', height: '80px', fontSize: 44 }));
      const label = s.text('page', this.ctx.locale.fill(t.vrPage, { i: this.page + 1, n: pages }), 30, { color: MUTED, height: '80px', wrap: false });
      label.width = '300px';
      label.textHorizontalAlignment = Control.HORIZONTAL_ALIGNMENT_CENTER;
      label.textVerticalAlignment = Control.VERTICAL_ALIGNMENT_CENTER;
      row.addControl(label);
      row.addControl(s.button('page:next', '›', () => this.turn(1), { width: '110px', height: '80px', fontSize: 44 }));
    } else if (this.section === 'time' && lapse) {
      // Step state by state, or play the blend through (cut with reduced motion).
      const n = lapse.states.length;
      row.addControl(s.button('time:previous', '‹', () => void lapse.setPosition(Math.max(0, Math.ceil(lapse.at - 1e-6) - 1)), { width: '140px', height: '80px', fontSize: 44 }));
      row.addControl(
        s.button('time:play', lapse.playing ? `❚❚ ${t.timeLapsePause}` : `▶ ${t.timeLapsePlay}`, () => {
          if (lapse.playing) lapse.stopPlaying();
          else lapse.startPlaying(this.ctx.reducedMotion?.() ?? false);
        }, { width: '360px', height: '80px', fontSize: 30 }),
      );
      row.addControl(s.button('time:next', '›', () => void lapse.setPosition(Math.min(n - 1, Math.floor(lapse.at + 1e-6) + 1)), { width: '140px', height: '80px', fontSize: 44 }));
      this.watchLapse(lapse);
    } else if (this.section === 'details') {
      for (const a of art.annotations.slice(0, 4)) {
        row.addControl(
          s.button(`annotation:${a.id}`, this.txt(a.title), () => this.pickAnnotation(a.id), { width: `${Math.floor((PX_W - 80) / Math.min(4, art.annotations.length))}px`, height: '80px', fontSize: 28, background: a.id === this.annotation ? '#6b4f1d' : undefined }),
        );
      }
    }

    // Narration with captions.
    const narration = this.narration(art);
    if (narration) {
      const bar = s.row(col, 'narration-row', 100);
      const playing = !!this.audio && !this.audio.paused;
      bar.addControl(s.button('narration', playing ? `❚❚ ${t.vrPause}` : `▶ ${t.narration}`, () => this.toggleNarration(), { width: '300px', height: '84px', fontSize: 30 }));
      const cap = s.text('caption', this.caption, SMALLEST_TEXT_PX, { color: MUTED, height: '100px' });
      cap.width = `${PX_W - 72 - 310}px`;
      cap.paddingLeft = '14px';
      bar.addControl(cap);
    } else if (art.narration) {
      col.addControl(s.text('no-narration', this.ctx.locale.fill(t.noNarrationHere, { mode: this.modeName(t) }), SMALLEST_TEXT_PX, { color: MUTED, height: '100px' }));
    }
  }

  private bodyText(art: Artwork, t: Strings): string {
    switch (this.section) {
      case 'story': {
        const pages = storyPages(this.txt(art.backstory));
        this.page = Math.min(this.page, pages.length - 1);
        return pages[this.page]!;
      }
      case 'details': {
        const a = art.annotations.find((x) => x.id === this.annotation) ?? art.annotations[0];
        return a ? `${this.txt(a.title)}\n\n${this.txt(a.text)}` : '';
      }
      case 'time': {
        const lapse = this.ctx.timeLapse?.(art.id);
        return lapse ? this.lapseText(art, lapse) : '';
      }
      case 'condition': {
        const latest = [...(art.conservation?.reports ?? [])].sort((a, b) => b.date.localeCompare(a.date))[0];
        if (!latest) return '';
        const head = `${t.conditions[latest.condition]} · ${this.ctx.locale.fill(t.conditionExamined, { date: this.ctx.locale.date(latest.date), examiner: latest.examiner })}`;
        return `${head}\n\n${this.txt(latest.notes)}`;
      }
      default:
        return `${this.txt(art.label)}\n\n${this.txt(art.medium)}`;
    }
  }

  private lapse?: { view: TimeLapseView; observer: unknown; playing: boolean };

  private lapseText(art: Artwork, lapse: TimeLapseView): string {
    const st = lapse.states[dominantState(lapse.at, lapse.states.length)]!;
    const head = art.timeLapse?.title ? `${this.txt(art.timeLapse.title)}\n\n` : '';
    const when = st.date ? `${this.ctx.locale.date(st.date)}: ` : '';
    return `${head}${when}${this.txt(st.title)}\n\n${lapse.states.map((_state, k) => (Math.round(lapse.at) === k ? '●' : '○')).join(' ')}`;
  }

  /** Keeps the body and the play button in step with the time-lapse, without rebuilding the panel every frame. */
  private watchLapse(view: TimeLapseView): void {
    if (this.lapse?.view === view) return;
    this.unwatchLapse();
    const observer = view.onChange.add(() => {
      const art = this.art;
      if (!art || this.section !== 'time') return;
      if (this.lapse && this.lapse.playing !== view.playing) {
        this.lapse.playing = view.playing;
        this.render();
        return;
      }
      const body = this.surface.control('body');
      if (body && 'text' in body) (body as unknown as { text: string }).text = this.lapseText(art, view);
    });
    this.lapse = { view, observer, playing: view.playing };
  }

  private unwatchLapse(): void {
    if (this.lapse) this.lapse.view.onChange.remove(this.lapse.observer as never);
    this.lapse = undefined;
  }

  private select(section: PanelSection): void {
    this.section = section;
    if (section === 'details' && !this.annotation) this.annotation = this.art?.annotations[0]?.id;
    if (section === 'details' && this.art) this.ctx.focusAnnotation(this.art.id, this.annotation);
    this.render();
  }

  private pickAnnotation(id: string): void {
    this.annotation = id;
    if (this.art) this.ctx.focusAnnotation(this.art.id, id);
    this.render();
  }

  private turn(delta: number): void {
    if (!this.art) return;
    const pages = storyPages(this.txt(this.art.backstory)).length;
    this.page = Math.min(Math.max(this.page + delta, 0), pages - 1);
    this.render();
  }

  /** Narration in the visitor's language (else the default), only where the community allows it in this mode. */
  private narration(art: Artwork): { audio: string; captions: string } | undefined {
    return narrationFor(art, this.ctx.locale.lang, this.ctx.exhibition.defaultLanguage, this.mode);
  }

  private toggleNarration(): void {
    const art = this.art;
    const n = art && this.narration(art);
    if (!art || !n) return;
    if (!this.audio) {
      const url = this.ctx.resolveMedia(n.audio);
      const audio = new Audio(url);
      this.audio = audio;
      // Streamed by the element (no size cap of ours), but never left waiting on a server that stopped sending.
      watchNarration(audio, url, (e) => {
        if (this.audio === audio) this.setCaption(this.ctx.locale.fill(this.ctx.locale.t.audioUnavailable, { reason: e.message }));
      });
      fetchLimited(this.ctx.resolveMedia(n.captions), 'captions')
        .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
        .then((text) => {
          if (this.audio === audio) this.cues = parseWebVtt(text).cues;
        })
        .catch(() => {
          if (this.audio === audio) this.setCaption(this.ctx.locale.t.captionsUnavailable);
        });
      audio.addEventListener('timeupdate', () => this.setCaption(captionAt(this.cues, audio.currentTime)));
      audio.addEventListener('ended', () => this.render());
      audio.addEventListener('error', () => this.setCaption(this.ctx.locale.fill(this.ctx.locale.t.audioUnavailable, { reason: audio.error?.message || 'the file is missing or damaged' })));
    }
    if (this.audio.paused) void this.audio.play().catch(() => undefined);
    else this.audio.pause();
    this.render();
  }

  private setCaption(text: string): void {
    if (text === this.caption) return;
    this.caption = text;
    const cap = this.surface.control('caption');
    if (cap && 'text' in cap) (cap as unknown as { text: string }).text = text;
  }
}


