/**
 * A textarea (or input) bound to a Y.Text: what the person types goes into the shared text as the smallest edit
 * (text-diff.ts), and what others type arrives without moving the caret or selection out from under them.
 * Small on purpose: y-prosemirror and y-codemirror are editors of their own, not installed here.
 */
import * as Y from 'yjs';
import { diffText, moveCaret } from './text-diff';

export interface TextBinding {
  destroy(): void;
}

/**
 * Binds `field` to `text`. Local edits are made in a transaction with `origin`, the origin the curator's own
 * Y.UndoManager tracks, so Undo undoes them and never a colleague's.
 */
export function bindText(field: HTMLTextAreaElement | HTMLInputElement, text: Y.Text, origin: object): TextBinding {
  field.value = text.toString();
  let known = field.value;

  const onInput = () => {
    const edit = diffText(known, field.value, field.selectionEnd ?? field.value.length);
    known = field.value;
    if (!edit) return;
    text.doc!.transact(() => {
      if (edit.remove > 0) text.delete(edit.index, edit.remove);
      if (edit.insert) text.insert(edit.index, edit.insert);
    }, origin);
  };

  // Everything that did not come from this field: colleagues, and Undo (whose origin is the UndoManager).
  const onChange = (event: Y.YTextEvent) => {
    if (event.transaction.origin === origin && text.toString() === field.value) return;
    const focused = document.activeElement === field;
    const start = field.selectionStart ?? 0;
    const end = field.selectionEnd ?? 0;
    const delta = event.delta as Parameters<typeof moveCaret>[1];
    known = field.value = text.toString();
    if (focused) field.setSelectionRange(moveCaret(start, delta), moveCaret(end, delta));
  };

  field.addEventListener('input', onInput);
  text.observe(onChange);
  return {
    destroy() {
      field.removeEventListener('input', onInput);
      text.unobserve(onChange);
    },
  };
}
