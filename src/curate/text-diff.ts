/**
 * The pure half of the textarea ↔ Y.Text binding (text-binding.ts): what one edit of a textarea changed, and
 * where a caret goes when someone else's change arrives. No DOM, so it is tested in Node.
 */

/** One edit: `remove` characters at `index`, then `insert` there. */
export interface TextEdit {
  readonly index: number;
  readonly remove: number;
  readonly insert: string;
}

/**
 * The edit that turns `before` into `after`. `caret` (where the caret is after the edit) settles the ambiguous
 * cases: typing "a" into "aa" at the end is an insert at 2, not at 0, so the common prefix stops at the caret.
 */
export function diffText(before: string, after: string, caret = after.length): TextEdit | undefined {
  if (before === after) return undefined;
  const maxPrefix = Math.min(before.length, after.length, Math.max(0, caret - Math.max(0, after.length - before.length)));
  let start = 0;
  while (start < maxPrefix && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  return { index: start, remove: endB - start, insert: after.slice(start, endA) };
}

/** A Yjs text delta: retain, insert, delete steps from the start of the text. */
export type TextDelta = ReadonlyArray<{ retain?: number; insert?: unknown; delete?: number }>;

/**
 * Where a caret at `pos` goes after a change made by someone else: text inserted before it pushes it on, text
 * deleted before it pulls it back; an insert exactly at the caret stays behind it (the colleague's text follows).
 */
export function moveCaret(pos: number, delta: TextDelta): number {
  let at = 0;
  let out = pos;
  for (const step of delta) {
    if (at >= pos) break;
    if (step.retain !== undefined) at += step.retain;
    else if (step.insert !== undefined) {
      const n = typeof step.insert === 'string' ? step.insert.length : 1;
      out += n;
      at += n;
      pos += n;
    } else if (step.delete !== undefined) {
      const gone = Math.min(step.delete, pos - at);
      out -= gone;
      pos -= gone;
    }
  }
  return Math.max(0, out);
}
