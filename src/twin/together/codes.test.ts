import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, newGroupCode, newToken, normaliseGroupCode, TOKEN_PATTERN } from './codes';
import { checkChatText, checkDisplayName } from './names';

describe('group codes', () => {
  it('are three groups of three symbols that no font confuses, and do not repeat', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i++) codes.add(newGroupCode());
    expect(codes.size).toBe(2000);
    for (const c of codes) expect(c).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    const used = new Set([...codes].join('').replace(/-/g, ''));
    for (const lookAlike of 'IL1O0S5B8Z2UV') expect(used.has(lookAlike)).toBe(false);
    // Every symbol of the alphabet turns up (uniform draw, no truncated range).
    expect(used.size).toBe(CODE_ALPHABET.length);
  });

  it('are read back however they were typed, and refused when they cannot be a code', () => {
    const code = newGroupCode();
    expect(normaliseGroupCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(normaliseGroupCode(code.replace(/-/g, ''))).toBe(code);
    expect(normaliseGroupCode('ABC-DEF-GH')).toBeUndefined();
    expect(normaliseGroupCode('ACD-EFG-HJO')).toBeUndefined(); // O is never used
  });

  it('tokens carry 128 random bits', () => {
    const a = newToken();
    expect(a).toMatch(TOKEN_PATTERN);
    expect(newToken()).not.toBe(a);
  });
});

describe('display names and chat', () => {
  it('takes a name as plain text, trimmed to one line', () => {
    expect(checkDisplayName('  Ada   Lovelace \n')).toEqual({ ok: true, text: 'Ada Lovelace' });
    expect(checkDisplayName('Zoë 李')).toEqual({ ok: true, text: 'Zoë 李' });
  });

  it('refuses markup, control and direction-override characters, empty and over-long names', () => {
    expect(checkDisplayName('<img src=x onerror=alert(1)>')).toEqual({ ok: false, reason: 'markup' });
    expect(checkDisplayName('</script>')).toEqual({ ok: false, reason: 'markup' });
    expect(checkDisplayName('abc\u202Egnp')).toEqual({ ok: false, reason: 'control' });
    expect(checkDisplayName('   ')).toEqual({ ok: false, reason: 'empty' });
    expect(checkDisplayName('x'.repeat(41))).toEqual({ ok: false, reason: 'too-long' });
    expect(checkDisplayName('x'.repeat(40)).ok).toBe(true);
  });

  it('keeps line breaks in chat but not markup; "a < b" is fine', () => {
    expect(checkChatText('Look at\nthe light')).toEqual({ ok: true, text: 'Look at\nthe light' });
    expect(checkChatText('a < b and 3 > 2')).toEqual({ ok: true, text: 'a < b and 3 > 2' });
    expect(checkChatText('<b>hi</b>').ok).toBe(false);
    expect(checkChatText('y'.repeat(501))).toEqual({ ok: false, reason: 'too-long' });
  });
});
