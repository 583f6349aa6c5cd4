/**
 * Display names and chat lines: plain text under the exhibition's rich-text rules (src/twin/richtext.ts): no
 * HTML, no script, shown as text nodes only. Here they are also refused when they try to look like markup, carry
 * control or invisible direction characters (which could make one name read as another), or run too long.
 */

export const MAX_NAME_LENGTH = 40;
export const MAX_CHAT_LENGTH = 500;

// Control characters and the bidirectional overrides/isolates (a name "abc\u202Egnp.exe" reads reversed).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;
// A tag starts right after '<' ("a < b" is text to a browser too).
const MARKUP = /<\/?[a-z!?]/i;

export type TextCheck = { ok: true; text: string } | { ok: false; reason: 'empty' | 'too-long' | 'markup' | 'control' };

function check(input: string, max: number, singleLine: boolean): TextCheck {
  const text = (singleLine ? input.replace(/\s+/g, ' ') : input.replace(/\r\n?/g, '\n')).trim().normalize('NFC');
  if (!text) return { ok: false, reason: 'empty' };
  if ([...text].length > max) return { ok: false, reason: 'too-long' };
  if (CONTROL.test(singleLine ? text : text.replace(/\n/g, ' '))) return { ok: false, reason: 'control' };
  if (MARKUP.test(text)) return { ok: false, reason: 'markup' };
  return { ok: true, text };
}

/** A participant's display name: one line, 1–40 characters, no markup or control characters. */
export function checkDisplayName(input: string): TextCheck {
  return check(input, MAX_NAME_LENGTH, true);
}

/** A chat line: plain text, up to 500 characters, line breaks kept. */
export function checkChatText(input: string): TextCheck {
  return check(input, MAX_CHAT_LENGTH, false);
}

/** Why a name or chat line was refused, in words for the server's error message (the app shows its own, translated). */
export function textProblem(what: string, c: Extract<TextCheck, { ok: false }>, max: number): string {
  switch (c.reason) {
    case 'empty':
      return `${what} is empty`;
    case 'too-long':
      return `${what} is longer than ${max} characters`;
    case 'markup':
      return `${what} may not contain HTML or other markup`;
    case 'control':
      return `${what} may not contain control or invisible characters`;
  }
}
