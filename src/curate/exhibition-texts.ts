/**
 * The exhibition's own texts in the curating view: its title, subtitle, institution and introduction in every
 * language side by side, each bound to its Y.Text (typing merges, text-binding.ts), and its credits (a role in
 * each language and a name; a credit's field is sent when it is left, the list replaced whole). An optional text
 * the exhibition lacks can be added. Who may change which follows the server's rules (text-fields.ts); a field
 * the person may not change is shown read-only, and the server refuses the write regardless.
 */
import * as Y from 'yjs';
import { exhibitionMap } from '../twin/collab-doc';
import type { Account } from './api';
import { t, type CurateLanguage } from './strings';
import { bindText, type TextBinding } from './text-binding';
import { addExhibitionText, creditsOf, EXHIBITION_TEXTS, exhibitionText, mayEditExhibitionText, OPTIONAL_TEXTS, setCredits, type CreditEntry } from './text-fields';

export interface ExhibitionTextsOptions {
  readonly root: HTMLElement;
  readonly doc: Y.Doc;
  readonly languages: readonly string[];
  readonly lang: CurateLanguage;
  readonly origin: object;
  readonly role: Account['role'];
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
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

  // Credits: a plain list in the draft, so a field is sent when it is left (not per keystroke) and checked first.
  const mayCredit = mayEditExhibitionText(o.role, 'credits');
  const change = (edit: (list: CreditEntry[]) => void) => {
    const list = creditsOf(doc);
    edit(list);
    const problems = setCredits(doc, list, o.origin);
    creditError.textContent = problems.length ? t(lang, 'editRefused', { reason: problems.join('; ') }) : '';
    if (problems.length) renderCredits(); // back to what the draft holds
  };
  let pending = false;
  function renderCredits() {
    pending = false;
    const list = creditsOf(doc);
    const rows = list.map((credit, i) => {
      const n = i + 1;
      const row = el('fieldset', { className: 'credit' }, el('legend', {}, t(lang, 'creditN', { n })));
      const name = el('input', { id: `credit-name-${n}`, type: 'text', value: credit.name, readOnly: !mayCredit });
      name.addEventListener('change', () => change((l) => void (l[i] && (l[i].name = name.value.trim()))));
      row.append(el('div', { className: 'text-cell' }, el('label', { htmlFor: name.id }, t(lang, 'creditName')), name));
      for (const l of o.languages) {
        const role = el('input', { id: `credit-role-${n}-${l}`, type: 'text', value: credit.role[l] ?? '', readOnly: !mayCredit, lang: l });
        role.addEventListener('change', () => change((list) => void (list[i] && (list[i].role = { ...list[i].role, [l]: role.value }))));
        row.append(el('div', { className: 'text-cell' }, el('label', { htmlFor: role.id }, t(lang, 'inLanguage', { field: t(lang, 'creditRole'), lang: l })), role));
      }
      const remove = el('button', { type: 'button', disabled: !mayCredit }, '✕');
      remove.setAttribute('aria-label', t(lang, 'removeCredit', { n }));
      remove.addEventListener('click', () => change((l) => void l.splice(i, 1)));
      row.append(remove);
      return row;
    });
    const add = el('button', { type: 'button', disabled: !mayCredit }, t(lang, 'addCredit'));
    add.addEventListener('click', () => change((l) => void l.push({ role: Object.fromEntries(o.languages.map((x) => [x, ''])), name: t(lang, 'newCreditName') })));
    creditsBox.replaceChildren(el('legend', {}, t(lang, 'credits')), ...rows, add, creditError);
  }
  // A colleague's change to the credits redraws them, but not under someone's caret: then once they leave.
  creditsBox.addEventListener('focusout', (e) => {
    if (pending && !creditsBox.contains(e.relatedTarget as Node | null)) renderCredits();
  });

  const onChange = (e: Y.YMapEvent<unknown>) => {
    if (EXHIBITION_TEXTS.some((f) => e.keysChanged.has(f))) renderTexts();
    if (e.keysChanged.has('credits')) {
      if (creditsBox.contains(document.activeElement)) pending = true;
      else renderCredits();
    }
  };
  exhibitionMap(doc).observe(onChange);
  renderTexts();
  renderCredits();
  return () => {
    exhibitionMap(doc).unobserve(onChange);
    for (const b of bindings) b.destroy();
    section.remove();
  };
}
