/**
 * The panel's conservation parts: the timeline of condition reports and treatments (selecting an entry
 * shows its marked areas on the work), and the time-lapse slider with its play button.
 */
import { conservationTimeline, CONDITION_VOCABULARY, latestReport, type ConditionTerm, type TimelineEntry } from '../twin/conservation';
import type { Artwork, LangMap } from '../twin/schema';
import { pick } from '../twin/text';
import { h } from './dom';
import { fill, type Strings } from './i18n';
import { formatIsoDate } from './format';

/** What the conservation parts need from the scene (the preview, or any other mode). */
export interface ConservationHooks {
  /** Shows an entry's areas on the work; undefined clears them. */
  showEntry: (artworkId: string, entry: TimelineEntry | undefined) => void;
  /** The work's time-lapse, when it has one and its media is in the scene. */
  timeLapse: (artworkId: string) => TimeLapseControl | undefined;
  reducedMotion: () => boolean;
}

/** The part of the scene's time-lapse the control drives (src/scene/time-lapse.ts). */
export interface TimeLapseControl {
  readonly states: { id: string; date?: string; title: LangMap }[];
  readonly at: number;
  readonly playing: boolean;
  setPosition: (p: number) => Promise<void>;
  startPlaying: (cut: boolean) => void;
  stopPlaying: () => void;
  info: () => { failed: string[] };
  onChange: { add: (f: (p: number) => void) => unknown; remove: (o: never) => boolean };
}

/** A condition badge: its shape and its word, so that it never depends on colour alone. */
export function conditionBadge(condition: ConditionTerm, t: Strings): HTMLElement {
  const shape = CONDITION_VOCABULARY[condition].shape;
  return h('span', { class: `condition-badge cond-${condition}`, 'data-condition': condition }, h('span', { class: `shape shape-${shape}`, 'aria-hidden': 'true' }), t.conditions[condition]);
}

/**
 * The conservation section: latest condition, then the timeline (oldest first). Returns the elements and a
 * function that releases what they hold (observers), called when the panel is re-rendered.
 */
export function conservationSection(art: Artwork, lang: string, defaultLang: string, t: Strings, hooks: ConservationHooks | undefined): { elements: HTMLElement[]; dispose: () => void } {
  const txt = (m: LangMap | undefined) => pick(m, lang, defaultLang);
  const disposers: (() => void)[] = [];
  const out: HTMLElement[] = [];
  const lapse = art.timeLapse && hooks?.timeLapse(art.id);
  if (art.timeLapse && lapse) out.push(timeLapseControl(art, lapse, lang, defaultLang, t, hooks!, disposers));

  const entries = conservationTimeline(art.conservation);
  if (!entries.length) return { elements: out, dispose: () => disposers.forEach((d) => d()) };
  const latest = latestReport(art.conservation);
  const list = h('ol', { class: 'conservation-timeline' });
  const buttons: HTMLButtonElement[] = [];
  for (const e of entries) {
    const text = txt(e.text);
    const heading =
      e.kind === 'report'
        ? [h('strong', {}, t.conditionReport), ' ', conditionBadge(e.condition, t), ' ', h('span', { class: 'who' }, fill(t.examinedBy, { who: e.who }))]
        : [h('strong', {}, t.treatment), ' ', h('span', { class: 'who' }, fill(t.treatedBy, { who: e.who }))];
    const button = h(
      'button',
      { type: 'button', class: 'entry', 'aria-pressed': 'false', 'data-entry': e.id },
      h('time', { datetime: e.date }, formatIsoDate(e.date, lang)),
      h('span', { class: 'what' }, ...heading),
    ) as HTMLButtonElement;
    button.addEventListener('click', () => {
      const on = button.getAttribute('aria-pressed') !== 'true';
      for (const b of buttons) b.setAttribute('aria-pressed', String(on && b === button));
      hooks?.showEntry(art.id, on ? e : undefined);
    });
    buttons.push(button);
    const areas =
      e.kind === 'report' && e.areas.length
        ? h(
            'ul',
            { class: 'condition-areas' },
            e.areas.map((a) => h('li', {}, conditionBadge(a.condition ?? e.condition, t), ' ', txt(a.note).text)),
          )
        : null;
    list.append(
      h(
        'li',
        { class: `entry-${e.kind}`, 'data-entry': e.id },
        button,
        h('p', { lang: text.lang }, text.text),
        e.kind === 'report' && e.areas.length ? h('p', { class: 'areas-count' }, e.areas.length === 1 ? t.areasMarkedOne : fill(t.areasMarked, { n: e.areas.length }, lang)) : null,
        areas,
      ),
    );
  }
  out.push(
    h(
      'section',
      { class: 'conservation', 'aria-labelledby': 'conservation-title' },
      h('h3', { id: 'conservation-title' }, t.conservationHistory),
      latest
        ? h('p', { class: 'condition' }, conditionBadge(latest.condition, t), ' ', fill(t.conditionExamined, { date: formatIsoDate(latest.date, lang), examiner: latest.examiner }))
        : null,
      list,
    ),
  );
  disposers.push(() => hooks?.showEntry(art.id, undefined));
  return { elements: out, dispose: () => disposers.forEach((d) => d()) };
}

function timeLapseControl(art: Artwork, lapse: TimeLapseControl, lang: string, defaultLang: string, t: Strings, hooks: ConservationHooks, disposers: (() => void)[]): HTMLElement {
  const txt = (m: LangMap | undefined) => pick(m, lang, defaultLang).text;
  const n = lapse.states.length;
  const stateName = (k: number) => {
    const st = lapse.states[k]!;
    return st.date ? `${formatIsoDate(st.date, lang)}: ${txt(st.title)}` : txt(st.title);
  };
  const slider = h('input', {
    type: 'range',
    min: '0',
    max: String(n - 1),
    // With reduced motion the slider cuts from state to state instead of blending.
    step: hooks.reducedMotion() ? '1' : 'any',
    value: String(lapse.at),
    class: 'time-lapse-slider',
    'aria-label': t.timeLapseSlider,
  }) as HTMLInputElement;
  const play = h('button', { type: 'button', class: 'time-lapse-play', 'aria-pressed': 'false' }, t.timeLapsePlay) as HTMLButtonElement;
  const now = h('p', { class: 'time-lapse-now', 'aria-live': 'polite' });
  const note = h('p', { class: 'time-lapse-note' });
  const marks = h(
    'ol',
    { class: 'time-lapse-states' },
    lapse.states.map((st, k) => h('li', {}, h('button', { type: 'button', 'data-state': st.id, onclick: () => void lapse.setPosition(k).then(refreshNote) }, stateName(k)))),
  );
  const nearest = () => Math.round(lapse.at);
  const render = () => {
    slider.value = String(lapse.at);
    const k = nearest();
    slider.setAttribute('aria-valuetext', stateName(k));
    now.textContent = stateName(k);
    for (const [j, b] of [...marks.querySelectorAll('button')].entries()) b.setAttribute('aria-current', String(j === k));
    play.setAttribute('aria-pressed', String(lapse.playing));
    play.textContent = lapse.playing ? t.timeLapsePause : t.timeLapsePlay;
  };
  const refreshNote = () => {
    const failed = lapse.info().failed;
    const names = lapse.states.filter((s) => failed.includes(s.id)).map((s) => txt(s.title));
    note.textContent = names.map((s) => fill(t.timeLapseMissing, { state: s })).join(' ');
  };
  slider.addEventListener('input', () => {
    lapse.stopPlaying();
    void lapse.setPosition(Number(slider.value)).then(refreshNote);
  });
  play.addEventListener('click', () => {
    if (lapse.playing) lapse.stopPlaying();
    else lapse.startPlaying(hooks.reducedMotion());
    render();
  });
  const observer = lapse.onChange.add(() => render());
  // A playing time-lapse runs on to its last state even if the panel is re-rendered or closed.
  disposers.push(() => lapse.onChange.remove(observer as never));
  render();
  return h(
    'section',
    { class: 'time-lapse', 'aria-labelledby': 'time-lapse-title', 'data-artwork': art.id },
    h('h3', { id: 'time-lapse-title' }, t.timeLapse),
    art.timeLapse?.title ? h('p', { class: 'sub' }, txt(art.timeLapse.title)) : null,
    h('div', { class: 'time-lapse-controls' }, play, slider),
    now,
    marks,
    note,
  );
}
