import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { diffText, moveCaret } from './text-diff';

describe('diffText', () => {
  it('finds a typed character, using the caret where the text repeats', () => {
    expect(diffText('aa', 'aaa', 3)).toEqual({ index: 2, remove: 0, insert: 'a' });
    expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
    expect(diffText('Harbour', 'Harbours', 8)).toEqual({ index: 7, remove: 0, insert: 's' });
  });
  it('finds a deletion and a replaced selection', () => {
    expect(diffText('Harbour lights', 'Harbour', 7)).toEqual({ index: 7, remove: 7, insert: '' });
    expect(diffText('the old light', 'the new light', 7)).toEqual({ index: 4, remove: 3, insert: 'new' });
  });
  it('says nothing when nothing changed', () => {
    expect(diffText('same', 'same')).toBeUndefined();
  });
});

describe('moveCaret', () => {
  // Real deltas from Yjs, as a colleague's edit arrives.
  const deltaOf = (text: string, edit: (t: Y.Text) => void) => {
    const doc = new Y.Doc();
    const t = doc.getText('t');
    t.insert(0, text);
    let delta: unknown[] = [];
    t.observe((e) => (delta = e.delta));
    edit(t);
    return delta as Parameters<typeof moveCaret>[1];
  };
  it('moves on past text inserted before it and stays before text inserted after it', () => {
    expect(moveCaret(5, deltaOf('hello world', (t) => t.insert(0, 'oh, ')))).toBe(9);
    expect(moveCaret(5, deltaOf('hello world', (t) => t.insert(6, 'big ')))).toBe(5);
  });
  it('moves back over deleted text, and to the start of a deletion around it', () => {
    expect(moveCaret(8, deltaOf('hello world', (t) => t.delete(0, 6)))).toBe(2);
    expect(moveCaret(3, deltaOf('hello world', (t) => t.delete(1, 4)))).toBe(1);
  });
  it('keeps a caret at the place of a colleague insert at the very same position', () => {
    expect(moveCaret(5, deltaOf('hello', (t) => t.insert(5, '!')))).toBe(5);
  });
});
