/**
 * The exhibition's tours in the curating view: pick a tour, edit its title in every language (bound to Y.Text),
 * add the selected work as a stop, move stops earlier or later, remove them; add and remove tours. Each is one
 * edit of the draft (twin/curate-actions.ts) that the server checks before storing it (twin/curate-edits.ts).
 */
import * as Y from 'yjs';
import { artworksMap, exhibitionMap } from '../twin/collab-doc';
import { addTour, moveStop, removeTour, setTourStops, tourMap, tourStops } from '../twin/curate-actions';
import { bindText, type TextBinding } from './text-binding';
import { t, type CurateLanguage } from './strings';
import { el } from './dom';

export interface ToursPanelOptions {
  readonly root: HTMLElement;
  readonly doc: Y.Doc;
  readonly languages: readonly string[];
  readonly lang: CurateLanguage;
  readonly origin: object;
  readonly editable: boolean;
  readonly selectedWork: () => string | null;
  readonly titleOf: (id: string) => string;
}

const button = (text: string, label: string, disabled: boolean, onClick: () => void) => {
  const b = el('button', { type: 'button', disabled }, text);
  if (label !== text) b.setAttribute('aria-label', label);
  b.addEventListener('click', onClick);
  return b;
};

export function openToursPanel(o: ToursPanelOptions): () => void {
  const { doc, lang } = o;
  const section = el('section', { id: 'tours' });
  section.setAttribute('aria-labelledby', 'tours-title');
  const picker = el('select', { id: 'tour-pick' });
  const pickLabel = el('label', { htmlFor: 'tour-pick' }, t(lang, 'tour'));
  const body = el('div', { className: 'tour-body' });
  const newTour = button(t(lang, 'newTour'), t(lang, 'newTour'), !o.editable, () => {
    const ids = new Set(ids_());
    let n = ids.size + 1;
    while (ids.has(`tour-${n}`)) n++;
    const first = o.selectedWork() ?? [...artworksMap(doc).keys()][0]!;
    const title = Object.fromEntries(o.languages.map((l) => [l, l === 'it' ? 'Nuovo percorso' : t(lang, 'newTourTitle')]));
    addTour(doc, { id: `tour-${n}`, title, durationMinutes: 20, stops: [{ artwork: first }] }, o.origin);
    current = `tour-${n}`;
    render();
  });
  section.append(el('h2', { id: 'tours-title' }, t(lang, 'tours')), pickLabel, picker, ' ', newTour, body);
  o.root.append(section);
  let bindings: TextBinding[] = [];
  let current: string | undefined;

  const tours = () => exhibitionMap(doc).get('tours');
  const ids_ = () => (tours() instanceof Y.Array ? ((tours() as Y.Array<Y.Map<unknown>>).toArray().map((m) => String(m.get('id')))) : []);

  function render() {
    const ids = ids_();
    if (!current || !ids.includes(current)) current = ids[0];
    picker.replaceChildren(...ids.map((id) => {
      const title = tourMap(doc, id)?.get('title');
      const text = title instanceof Y.Map ? (title.get(lang) ?? title.get('en'))?.toString() : undefined;
      return el('option', { value: id, selected: id === current }, text || id);
    }));
    for (const b of bindings) b.destroy();
    bindings = [];
    const tour = current ? tourMap(doc, current) : undefined;
    if (!tour || !current) return body.replaceChildren();
    const id = current;
    const titles = el('div', { className: 'tour-titles' });
    const title = tour.get('title');
    if (title instanceof Y.Map) {
      for (const l of o.languages) {
        const text = title.get(l);
        if (!(text instanceof Y.Text)) continue;
        const input = el('input', { type: 'text', id: `tour-title-${l}`, lang: l, readOnly: !o.editable });
        bindings.push(bindText(input, text, o.origin));
        titles.append(el('label', { htmlFor: input.id }, t(lang, 'tourTitle', { lang: l })), input);
      }
    }
    const stops = tourStops(doc, id);
    const list = el('ol', { className: 'stops', id: 'tour-stops' });
    list.append(...stops.map((s, i) => {
      const n = i + 1;
      return el('li', {}, o.titleOf(s.artwork), ' ',
        button('↑', t(lang, 'stopUp', { n }), !o.editable || i === 0, () => moveStop(doc, id, i, -1, o.origin)),
        button('↓', t(lang, 'stopDown', { n }), !o.editable || i === stops.length - 1, () => moveStop(doc, id, i, 1, o.origin)),
        button('✕', t(lang, 'stopRemove', { n }), !o.editable || stops.length === 1, () => setTourStops(doc, id, stops.filter((_, j) => j !== i), o.origin)));
    }));
    const addStop = button(t(lang, 'addStop'), t(lang, 'addStop'), !o.editable, () => {
      const work = o.selectedWork();
      if (work) setTourStops(doc, id, [...tourStops(doc, id), { artwork: work }], o.origin);
    });
    const remove = button(t(lang, 'removeTour'), t(lang, 'removeTour'), !o.editable, () => removeTour(doc, id, o.origin));
    body.replaceChildren(titles, el('h3', {}, t(lang, 'stops')), list, addStop, ' ', remove);
  }

  picker.addEventListener('change', () => {
    current = picker.value;
    render();
  });
  // Tours added, removed or their stops changed (by anyone) redraw the panel; typing in a title does not.
  const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    if (events.some((e) => (e.path[0] === 'tours' && !e.path.includes('title')) || (e.path.length === 0 && (e as Y.YMapEvent<unknown>).keysChanged?.has('tours')))) render();
  };
  exhibitionMap(doc).observeDeep(onChange);
  render();
  return () => {
    exhibitionMap(doc).unobserveDeep(onChange);
    for (const b of bindings) b.destroy();
    section.remove();
  };
}
