/** A language map's English text, else its first language's (how the journeys find works, rooms and tours by name). */
export const en = (m: Record<string, string> | undefined): string => (m ? (m.en ?? Object.values(m)[0] ?? '') : '');

/** A string as a regular expression that matches it literally (for accessible names that carry more text). */
export const literally = (s: string): RegExp => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
