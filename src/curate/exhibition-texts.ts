/**
 * The exhibition's own texts in the curating view: its title, subtitle, institution and introduction in every
 * language side by side, each bound to its Y.Text (typing merges, text-binding.ts), and its credits (a role in
 * each language and a name, each bound to its Y.Text too; credits added and removed one at a time). An optional text
 * the exhibition lacks can be added. Who may change which follows the server's rules (text-fields.ts); a field
 * the person may not change is shown read-only, and the server refuses the write regardless.
 */
import * as Y from 'yjs';
import { exhibitionMap } from '../twin/collab-doc';
import type { Account } from './api';
import { t, type CurateLanguage } from './strings';
import { bindText, type TextBinding } from './text-binding';
import { creditsArray } from '../twin/collab-doc-credits';
import { Credit } from '../twin/schema';
import { addCredit, addExhibitionText, blankCredit, creditText, EXHIBITION_TEXTS, exhibitionText, mayEditExhibitionText, OPTIONAL_TEXTS, removeCredit } from './text-fields';
import { el } from './dom';

export interface ExhibitionTextsOptions {
  readonly root: HTMLElement;
  readonly doc: Y.Doc;
  readonly languages: readonly string[];
  readonly lang: CurateLanguage;
  readonly origin: object;
  readonly role: Account['role'];
}

/** The format's longest credit name (schema.ts: Credit); the server refuses a longer one. */
const CREDIT_NAME_MAX = Credit.shape.name.maxLength ?? 300;

/**
 * A credit's field keeps to one line of words: a control character pasted in (a tab, an escape) becomes a space
 * before the binding sends it (listeners run in order), as the server would refuse the change and close the draft.
 */
function oneLine(input: HTMLInputElement): HTMLInputElement {
  input.addEventListener('input', () => {
    if (!/\p{Cc}/u.test(input.value)) return;
    const [start, end] = [input.selectionStart, input.selectionEnd];
    input.value = input.value.replace(/\p{Cc}/gu, ' ');
    if (start !== null && end !== null) input.setSelectionRange(start, end);
  });
  return input;
}

export function openExhibitionTexts(o: ExhibitionTextsOptions): () => void {
  const { doc, lang } = o;
  const section = el('details', { id: 'exhibition-texts', className: 'exhibition-texts' }, el('summary', {}, t(lang, 'exhibitionTexts')));
  const textsBox = el('div');
  const creditsBox = el('fieldset', { className: 'credits', id: 'credits' });
  const creditError = el('p', { className: 'error', id: 'credits-error' });
  creditError.setAttribute('role', 'alert');
  section.append(textsBox, creditsBox);
  o.root.append(section);
  let bindings: TextBinding[] = [];

  function renderTexts() {
    for (const b of bindings) b.destroy();
    bindings = [];
    textsBox.replaceChildren(...EXHIBITION_TEXTS.flatMap((field) => {
      const editable = mayEditExhibitionText(o.role, field);
      const label = t(lang, `exhibition_${field}`);
      const fieldset = el('fieldset', { className: `texts texts-exhibition-${field}` }, el('legend', {}, label));
      if (!exhibitionMap(doc).has(field)) {
        if (!editable || !OPTIONAL_TEXTS.has(field)) return [];
        const add = el('button', { type: 'button' }, t(lang, 'addText', { field: label }));
        add.addEventListener('click', () => addExhibitionText(doc, field, o.languages, o.origin));
        fieldset.append(add);
        return [fieldset];
      }
      if (!editable && (o.role === 'curator' || o.role === 'admin')) fieldset.append(el('p', { className: 'read-only-note' }, t(lang, 'adminOnly')));
      for (const l of o.languages) {
        // A language a text lacks is made (an empty Y.Text) only by someone who may write it.
        const text = exhibitionText(doc, field, l, editable);
        if (!text) continue;
        const id = `exhibition-${field}-${l}`;
        const input = field === 'description' ? el('textarea', { id, rows: 8 }) : el('input', { id, type: 'text' });
        input.lang = l;
        input.readOnly = !editable;
        input.dataset.field = field;
        input.dataset.lang = l;
        bindings.push(bindText(input, text, o.origin));
        fieldset.append(el('div', { className: 'text-cell' }, el('label', { htmlFor: id }, t(lang, 'inLanguage', { field: label, lang: l })), input));
      }
      return [fieldset];
    }));
  }

  // Credits: each a Y.Map in a Y.Array (collab-doc-credits.ts): names and roles typed like any text, a credit
  // added or removed as a list edit, so two curators changing two credits both keep their change.
  const mayCredit = mayEditExhibitionText(o.role, 'credits');
  let creditBindings: TextBinding[] = [];
  let pending = false;
  let watched: Y.Array<unknown> | undefined;
  const onList = () => {
    if (creditsBox.contains(document.activeElement)) pending = true;
    else renderCredits();
  };
  function renderCredits() {
    pending = false;
    for (const b of creditBindings) b.destroy();
    creditBindings = [];
    const list = creditsArray(doc);
    if (list !== watched) {
      watched?.unobserve(onList);
      list?.observe(onList);
      watched = list;
    }
    const credits = list?.toArray() ?? [];
    const rows = credits.map((credit, i) => {
      const n = i + 1;
      const row = el('fieldset', { className: 'credit' }, el('legend', {}, t(lang, 'creditN', { n })));
      const nameText = creditText(doc, i, 'name', '', false);
      const name = el('input', { id: `credit-name-${n}`, type: 'text', readOnly: !mayCredit || !nameText, maxLength: CREDIT_NAME_MAX });
      if (nameText) creditBindings.push(bindText(oneLine(name), nameText, o.origin));
      row.append(el('div', { className: 'text-cell' }, el('label', { htmlFor: name.id }, t(lang, 'creditName')), name));
      for (const l of o.languages) {
        // A language a role lacks is made (an empty Y.Text) only by someone who may write it.
        const text = creditText(doc, i, 'role', l, mayCredit);
        if (!text) continue;
        const role = el('input', { id: `credit-role-${n}-${l}`, type: 'text', readOnly: !mayCredit, lang: l });
        creditBindings.push(bindText(oneLine(role), text, o.origin));
        row.append(el('div', { className: 'text-cell' }, el('label', { htmlFor: role.id }, t(lang, 'inLanguage', { field: t(lang, 'creditRole'), lang: l })), role));
      }
      const remove = el('button', { type: 'button', disabled: !mayCredit }, '✕');
      remove.setAttribute('aria-label', t(lang, 'removeCredit', { n }));
      // By the credit itself, not its place: a colleague may have added or removed one above it meanwhile.
      remove.addEventListener('click', () => removeCredit(doc, creditsArray(doc)?.toArray().indexOf(credit) ?? -1, o.origin));
      row.append(remove);
      return row;
    });
    const add = el('button', { type: 'button', disabled: !mayCredit }, t(lang, 'addCredit'));
    add.addEventListener('click', () => {
      const problems = addCredit(doc, blankCredit(o.languages, t(lang, 'newCreditName')), o.origin);
      creditError.textContent = problems.length ? t(lang, 'editRefused', { reason: problems.join('; ') }) : '';
    });
    creditsBox.replaceChildren(el('legend', {}, t(lang, 'credits')), ...rows, add, creditError);
  }
  // A colleague's credit added or removed redraws the list, but not under someone's caret: then once they leave.
  creditsBox.addEventListener('focusout', (e) => {
    if (pending && !creditsBox.contains(e.relatedTarget as Node | null)) renderCredits();
  });

  const onChange = (e: Y.YMapEvent<unknown>) => {
    if (EXHIBITION_TEXTS.some((f) => e.keysChanged.has(f))) renderTexts();
    if (e.keysChanged.has('credits')) onList();
  };
  exhibitionMap(doc).observe(onChange);
  renderTexts();
  renderCredits();
  return () => {
    exhibitionMap(doc).unobserve(onChange);
    watched?.unobserve(onList);
    for (const b of [...bindings, ...creditBindings]) b.destroy();
    section.remove();
  };
}
