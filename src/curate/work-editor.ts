/**
 * One work in the curating view: its texts (title, label, story, date, medium, credit line) in every language of
 * the exhibition side by side, each bound to its Y.Text (concurrent typing merges), its creator (creator-fields.ts),
 * its place along its wall or
 * on another wall (of any room), and the draft's problems at it. A move that adds a placement problem is made and
 * named (a draft may be invalid); the live validation shows it to everyone and Publish waits for it to be mended.
 */
import * as Y from 'yjs';
import { artworkText, artworksMap } from '../twin/collab-doc';
import { moveOnFloor } from '../twin/curate-actions';
import { docReader } from '../twin/curate-edits';
import { addedProblems, placementProblems, wallClearances } from '../twin/curate-placement';
import { openHotspots } from './hotspots';
import { bindText, type TextBinding } from './text-binding';
import { creatorFields } from './creator-fields';
import { t } from './strings';
import { hangOnWall, SNAP_M, snapOffset, wallChoices } from './wall';
import { el } from './dom';
import type { WorkPartOptions } from './work-part';

export type WorkEditorOptions = WorkPartOptions;

export interface WorkEditor {
  readonly element: HTMLElement;
  /** Shows the draft's problems at this work. */
  showProblems(messages: readonly string[]): void;
  destroy(): void;
}

/** Every text of a work in the format's languages; the short ones are one line. */
const TEXT_FIELDS = ['title', 'label', 'backstory', 'date', 'medium', 'creditLine'] as const;
const ONE_LINE = new Set<string>(['title', 'date', 'medium', 'creditLine']);

export function openWorkEditor(o: WorkEditorOptions): WorkEditor {
  const { doc, workId, lang } = o;
  const work = artworksMap(doc).get(workId)!;
  const bindings: TextBinding[] = [];
  const cleanups: (() => void)[] = [];
  const root = el('section', { className: 'work-editor' });
  root.dataset.work = workId;
  root.setAttribute('aria-labelledby', 'work-editor-title');
  const heading = el('h2', { id: 'work-editor-title' });
  const showHeading = () => (heading.textContent = (work.get('title') as Y.Map<Y.Text> | undefined)?.get(lang)?.toString() || workId);
  showHeading();
  root.append(heading);
  if (!o.editable) root.append(el('p', { className: 'read-only-note' }, t(lang, 'readOnly')));

  // Texts: one row per field, one column per language.
  for (const field of TEXT_FIELDS) {
    const fieldset = el('fieldset', { className: `texts texts-${field}` }, el('legend', {}, t(lang, field)));
    for (const l of o.languages) {
      // A language a text lacks is made (an empty Y.Text) only by someone who may write it.
      const texts = work.get(field);
      if (!o.editable && !(texts instanceof Y.Map && texts.get(l) instanceof Y.Text)) continue;
      const text = artworkText(doc, workId, field, l);
      if (!text) continue;
      const id = `text-${field}-${l}`;
      const input = ONE_LINE.has(field) ? el('input', { id, type: 'text' }) : el('textarea', { id, rows: field === 'backstory' ? 8 : 6 });
      input.lang = l;
      input.readOnly = !o.editable;
      input.dataset.field = field;
      input.dataset.lang = l;
      bindings.push(bindText(input, text, o.origin));
      fieldset.append(el('div', { className: 'text-cell' }, el('label', { htmlFor: id }, t(lang, 'inLanguage', { field: t(lang, field), lang: l })), input));
    }
    root.append(fieldset);
  }
  root.append(creatorFields(o, cleanups));
  const title = work.get('title');
  if (title instanceof Y.Map) {
    title.observeDeep(showHeading);
    cleanups.push(() => title.unobserveDeep(showHeading));
  }

  // Placement along the wall (or on the floor), with what a move would break named (curate-placement.ts).
  const placement = work.get('placement');
  const place = el('fieldset', { className: 'placement' }, el('legend', {}, t(lang, placement instanceof Y.Map && placement.get('kind') === 'pose' ? 'floorPlace' : 'placement')));
  const refusal = el('p', { className: 'error', id: 'placement-error' });
  refusal.setAttribute('role', 'alert');
  const warn = (problems: readonly string[]) => (refusal.textContent = problems.length ? t(lang, 'moveWarning', { reason: problems.join('; ') }) : '');
  /** The first placement problem this move adds, or undefined. */
  const addedBy = (next: Record<string, unknown>): string | undefined => {
    const reader = docReader(doc);
    const space = reader.space();
    if (!space) return undefined;
    const me = reader.placed().find((w) => w.id === workId)!;
    const added = addedProblems(placementProblems(space, me, reader.placed()), placementProblems(space, { ...me, placement: next }, reader.placed()));
    return added[0]?.message;
  };
  const clearances = el('p', { id: 'clearances', className: 'clearances' });
  if (placement instanceof Y.Map && placement.get('kind') === 'wall') {
    const input = el('input', { id: 'offset-input', type: 'number', step: String(SNAP_M), min: '0', readOnly: !o.editable });
    const label = el('label', { htmlFor: 'offset-input' });
    const setOffset = (v: number) => {
      if (!o.editable) return;
      const next = snapOffset(v);
      if (next === placement.get('offset')) return void (input.value = String(next));
      const why = addedBy({ ...placement.toJSON(), offset: next });
      warn(why ? [why] : []);
      doc.transact(() => placement.set('offset', next), o.origin);
    };
    const show = () => {
      label.textContent = t(lang, 'offset', { wall: String(placement.get('wall')), room: String(placement.get('room')) });
      if (document.activeElement !== input || input.value === '' || Number(input.value) !== placement.get('offset')) input.value = String(placement.get('offset'));
      const reader = docReader(doc);
      const space = reader.space();
      const c = space && wallClearances(space, reader.placed().find((w) => w.id === workId)!, reader.placed());
      clearances.textContent = c ? t(lang, 'clearances', { before: c.before.toFixed(2), after: c.after.toFixed(2) }) : '';
    };
    const step = (dir: -1 | 1, text: string, symbol: string) => {
      const b = el('button', { type: 'button', disabled: !o.editable, className: 'step' }, symbol);
      b.setAttribute('aria-label', text);
      b.title = text;
      b.addEventListener('click', () => setOffset(Number(placement.get('offset')) + dir * SNAP_M));
      return b;
    };
    input.addEventListener('change', () => setOffset(Number(input.value)));
    // Another wall, of this room or another: the work goes to the clear place nearest the wall's middle.
    const space = docReader(doc).space();
    const wallPick = el('select', { id: 'wall-pick', disabled: !o.editable });
    const roomName = (id: string) => {
      const r = space?.rooms.find((x) => x.id === id);
      return r?.name[lang] ?? r?.name.en ?? id;
    };
    wallPick.append(...(space ? wallChoices(space) : []).map((c) => el('option', { value: `${c.room}/${c.wall}` }, t(lang, 'wallOf', { room: roomName(c.room), wall: c.wall, length: c.length.toFixed(2) }))));
    wallPick.addEventListener('change', () => {
      const [room, wall] = wallPick.value.split('/');
      warn(hangOnWall(doc, workId, { room: room!, wall: Number(wall) }, undefined, o.origin));
    });
    const showWall = () => (wallPick.value = `${String(placement.get('room'))}/${String(placement.get('wall'))}`);
    placement.observe(showWall);
    cleanups.push(() => placement.unobserve(showWall));
    showWall();
    // Arrow keys step by 5 cm as the number input does, but through the snapped, shared setter.
    input.addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
      e.preventDefault();
      setOffset(Number(placement.get('offset')) + (e.key === 'ArrowUp' ? SNAP_M : -SNAP_M));
    });
    placement.observe(show);
    cleanups.push(() => placement.unobserve(show));
    show();
    place.append(el('label', { htmlFor: 'wall-pick' }, t(lang, 'hangOn')), wallPick, label, el('div', { className: 'offset-row' }, step(-1, t(lang, 'moveLeft'), '◀'), input, step(1, t(lang, 'moveRight'), '▶')), clearances, refusal);
  } else if (placement instanceof Y.Map && placement.get('kind') === 'pose') {
    const where = el('p', { id: 'floor-at' });
    const show = () => {
      const [x, , z] = (placement.get('position') as number[] | undefined) ?? [0, 0, 0];
      where.textContent = t(lang, 'floorAt', { x: Number(x).toFixed(2), z: Number(z).toFixed(2), heading: String(placement.get('heading') ?? 0) });
    };
    const turn = (by: number, text: string, symbol: string) => {
      const b = el('button', { type: 'button', disabled: !o.editable, className: 'step' }, symbol);
      b.setAttribute('aria-label', text);
      b.title = text;
      b.addEventListener('click', () => {
        const [x, , z] = placement.get('position') as number[];
        moveOnFloor(doc, workId, [x!, z!], Number(placement.get('heading') ?? 0) + by, o.origin);
      });
      return b;
    };
    placement.observe(show);
    cleanups.push(() => placement.unobserve(show));
    show();
    place.append(where, el('div', { className: 'offset-row' }, turn(-15, t(lang, 'turnLeft'), '↺'), turn(15, t(lang, 'turnRight'), '↻')), refusal);
  } else {
    place.append(el('p', {}, t(lang, 'notOnWall')));
  }
  root.append(place);
  const hotspots = openHotspots({ doc, workId, languages: o.languages, lang, origin: o.origin, editable: o.editable });
  root.append(hotspots.element);
  cleanups.push(() => hotspots.destroy());

  // Problems found by the validator in the draft, at this work.
  const problemList = el('ul', { className: 'problems', id: 'work-problems' });
  root.append(el('section', { className: 'work-problems' }, el('h3', {}, t(lang, 'problems')), problemList));

  return {
    element: root,
    showProblems(messages) {
      problemList.replaceChildren(...(messages.length ? messages.map((m) => el('li', {}, m)) : [el('li', { className: 'none' }, t(lang, 'noProblems'))]));
    },
    destroy() {
      for (const b of bindings) b.destroy();
      for (const c of cleanups) c();
      root.remove();
    },
  };
}
