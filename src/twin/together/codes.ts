/**
 * Group codes and participant tokens. A code is what a teacher reads out or writes on the board, so it avoids
 * look-alikes (no I/1/L, O/0, S/5, B/8, Z/2, U/V): nine symbols from 23 give 23⁹ ≈ 1.8·10¹² codes (40 bits),
 * drawn from `crypto.getRandomValues`; with the server's rate-limited joins a code cannot be guessed within a
 * group's life. Tokens (who a participant is across reconnections, the guide's secret) are 128 random bits.
 */

/** The alphabet of codes: upper-case letters and digits that no handwriting or font confuses. */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTWXY34679';
export const CODE_LENGTH = 9;

/** Uniform random indexes into an alphabet of `n` symbols (rejection sampling: no modulo bias). */
function randomIndexes(count: number, n: number): number[] {
  const out: number[] = [];
  const limit = 256 - (256 % n);
  const bytes = new Uint8Array(count * 2);
  while (out.length < count) {
    crypto.getRandomValues(bytes);
    for (const b of bytes) {
      if (b < limit && out.length < count) out.push(b % n);
    }
  }
  return out;
}

/** A new group code, written in three groups of three: `K7M-PQ4-XRA`. */
export function newGroupCode(): string {
  const s = randomIndexes(CODE_LENGTH, CODE_ALPHABET.length).map((i) => CODE_ALPHABET[i]).join('');
  return `${s.slice(0, 3)}-${s.slice(3, 6)}-${s.slice(6)}`;
}

/**
 * A code as someone typed it (lower case, spaces, dashes or none) in its written form, or undefined when it
 * cannot be one (wrong length, a symbol codes never use).
 */
export function normaliseGroupCode(input: string): string | undefined {
  const s = input.toUpperCase().replace(/[\s-]/g, '');
  if (s.length !== CODE_LENGTH) return undefined;
  for (const ch of s) if (!CODE_ALPHABET.includes(ch)) return undefined;
  return `${s.slice(0, 3)}-${s.slice(3, 6)}-${s.slice(6)}`;
}

/** 128 random bits as 32 hex digits: a participant's token, the guide's secret. */
export function newToken(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const TOKEN_PATTERN = /^[0-9a-f]{32}$/;
