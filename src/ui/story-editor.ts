/**
 * "Make your own": the drawer's editor for a visitor's story (twin/route/story.ts): a title, the works in their
 * order (move earlier / later by button, so it works by keyboard and screen reader), a note on each, and
 * *Share my story*, which makes its link and QR code like a route's. And the visitor's note shown beside the
 * museum's text while a story is followed. Notes are drawn with the format's rich-text rules, never as HTML.
 */
import type { Locale } from '../i18n';
import { MAX_NOTE, MAX_TITLE } from '../twin/route/link';
import { moveStop, type Story } from '../twin/route/story';
import { h } from './dom';
import { renderRichText } from './richtext-dom';

interface StoryEditorInput {
  locale: Locale;
  title: (artwork: string) => string;
  story: Story;
  /** Told of every edit (typing included), so nothing is lost when the drawer is drawn again. */
  changed: (story: Story) => void;
  share: (story: Story) => void;
}

export function storyEditor(f: StoryEditorInput): HTMLElement {
  const t = f.locale.t;
  let story = f.story;
  const section = h('section', { class: 'story-editor', 'aria-labelledby': 'story-heading' });
  const edit = (next: Story): void => {
    story = next;
    f.changed(story);
  };
  const draw = (focus?: string): void => {
    const title = h('input', { type: 'text', id: 'story-title', maxlength: MAX_TITLE, value: story.title });
    title.addEventListener('input', () => edit({ ...story, title: title.value }));
    const rows = story.stops.map((id, i) => {
      const name = f.title(id);
      const note = h('textarea', { rows: 2, maxlength: MAX_NOTE, 'data-artwork': id, 'aria-label': f.locale.fill(t.storyNote, { title: name }) });
      note.value = story.notes[id] ?? '';
      note.addEventListener('input', () => edit({ ...story, notes: { ...story.notes, [id]: note.value } }));
      const move = (delta: number, label: string, key: string) =>
        h('button', { type: 'button', class: `story-move ${key}`, 'data-artwork': id, 'aria-label': f.locale.fill(label, { title: name }), disabled: i + delta < 0 || i + delta >= story.stops.length, onclick: () => {
          edit(moveStop(story, i, delta));
          draw(`${key}:${id}`);
        } }, delta < 0 ? '↑' : '↓');
      return h('li', { 'data-artwork': id }, h('strong', {}, name), ' ', move(-1, t.storyUp, 'up'), move(1, t.storyDown, 'down'), note);
    });
    section.replaceChildren(
      h('h3', { id: 'story-heading' }, t.storyMake),
      h('p', { class: 'sub' }, t.storyIntro),
      h('label', { for: 'story-title' }, t.storyTitle),
      title,
      h('ol', { class: 'story-stops' }, rows),
      h('button', { type: 'button', id: 'story-share', disabled: !story.stops.length, onclick: () => f.share(story) }, t.storyShare),
    );
    // After a move the same button keeps the focus (or its neighbour, when it has become disabled at an end).
    if (focus) {
      const [key, id] = focus.split(':');
      const row = section.querySelector(`li[data-artwork="${CSS.escape(id!)}"]`);
      const button = row?.querySelector<HTMLButtonElement>(`.story-move.${key}`);
      (button && !button.disabled ? button : row?.querySelector<HTMLButtonElement>('.story-move:not([disabled])'))?.focus();
    }
  };
  draw();
  return section;
}

/** The visitor's own note on the work being visited, beside the museum's text (links open the work they name). */
export function visitorNote(locale: Locale, note: string, openArtwork: (id: string) => void): HTMLElement {
  return h('div', { class: 'story-note', lang: '' }, h('strong', {}, locale.t.storyVisitorNote), ...renderRichText(note, (id) => `#artwork=${encodeURIComponent(id)}`, openArtwork));
}
