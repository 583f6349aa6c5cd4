/**
 * A work's creator in the curating view's work editor: the name and the role in every language of the exhibition
 * side by side (each bound to its Y.Text, so concurrent typing merges), the role added (empty in every language)
 * or removed, and the life dates (sent when left, checked first). The server checks every change again
 * (src/server/collab/text-checks.ts); a person who may not write sees the fields read-only and no buttons.
 */
import * as Y from 'yjs';
import { artworksMap } from '../twin/collab-doc';
import { bindText, type TextBinding } from './text-binding';
import { creatorText, hasCreatorRole, lifeDatesOf, setCreatorRole, setLifeDates } from './text-fields';
import { t } from './strings';
import { el } from './dom';
import type { WorkPartOptions } from './work-part';

export type CreatorFieldsOptions = WorkPartOptions;

/** The creator's fieldset; `cleanups` gets what undoes its bindings and observers. */
export function creatorFields(o: CreatorFieldsOptions, cleanups: (() => void)[]): HTMLElement {
  const { doc, workId, lang } = o;
  const fieldset = el('fieldset', { className: 'texts texts-creator' }, el('legend', {}, t(lang, 'creator')));
  const error = el('p', { className: 'error', id: 'creator-error' });
  error.setAttribute('role', 'alert');
  const refused = (problems: readonly string[]) => (error.textContent = problems.length ? t(lang, 'editRefused', { reason: problems.join('; ') }) : '');

  /** The cells of one part (name or role) in every language; a missing language made only by someone who may write. */
  const cells = (part: 'name' | 'role', bindings: TextBinding[]): HTMLElement[] => {
    const label = t(lang, part === 'name' ? 'creatorName' : 'creatorRole');
    return o.languages.flatMap((l) => {
      const text = creatorText(doc, workId, part, l, o.editable);
      if (!text) return [];
      const id = `creator-${part}-${l}`;
      const input = el('input', { id, type: 'text', readOnly: !o.editable, lang: l });
      input.dataset.field = `creator.${part}`;
      input.dataset.lang = l;
      bindings.push(bindText(input, text, o.origin));
      return [el('div', { className: 'text-cell' }, el('label', { htmlFor: id }, t(lang, 'inLanguage', { field: label, lang: l })), input)];
    });
  };

  const creator = artworksMap(doc).get(workId)?.get('creator');
  const nameBindings: TextBinding[] = [];
  fieldset.append(...cells('name', nameBindings));

  // The role: optional in the format, so it is added and removed whole; redrawn when anyone (or an Undo) does.
  const roleBox = el('div', { className: 'creator-role' });
  let roleBindings: TextBinding[] = [];
  let shown: unknown = null; // the role drawn: redrawn when it is another (added, removed, or replaced whole)
  const renderRole = () => {
    const role = creator instanceof Y.Map ? creator.get('role') : undefined;
    if (role === shown) return;
    shown = role;
    const has = hasCreatorRole(doc, workId);
    const focused = roleBox.contains(document.activeElement);
    for (const b of roleBindings) b.destroy();
    roleBindings = [];
    const children: HTMLElement[] = has ? cells('role', roleBindings) : [];
    if (o.editable) {
      const button = el('button', { type: 'button', className: has ? 'remove-role' : 'add-role' }, t(lang, has ? 'removeCreatorRole' : 'addCreatorRole'));
      button.addEventListener('click', () => refused(setCreatorRole(doc, workId, has ? null : o.languages, o.origin)));
      children.push(button);
    }
    roleBox.replaceChildren(...children);
    // Added: the caret goes to the first language; removed: to the button that adds it back.
    if (focused) (roleBox.querySelector<HTMLElement>(has ? 'input' : 'button') ?? roleBox).focus();
  };
  renderRole();
  fieldset.append(roleBox);

  const dates = el('input', { id: 'creator-life-dates', type: 'text', readOnly: !o.editable, value: lifeDatesOf(doc, workId) });
  dates.addEventListener('change', () => {
    const problems = setLifeDates(doc, workId, dates.value, o.origin);
    refused(problems);
    if (problems.length) dates.value = lifeDatesOf(doc, workId);
  });
  if (creator instanceof Y.Map) {
    // A colleague's (or an Undo's) dates, shown unless this person is typing there; a role added or removed.
    const follow = (e: Y.YMapEvent<unknown>) => {
      if (document.activeElement !== dates) dates.value = lifeDatesOf(doc, workId);
      if (e.keysChanged.has('role')) renderRole();
    };
    creator.observe(follow);
    cleanups.push(() => creator.unobserve(follow));
  }
  cleanups.push(() => {
    for (const b of [...nameBindings, ...roleBindings]) b.destroy();
  });
  fieldset.append(el('div', { className: 'text-cell' }, el('label', { htmlFor: dates.id }, t(lang, 'lifeDates')), dates), error);
  return fieldset;
}
