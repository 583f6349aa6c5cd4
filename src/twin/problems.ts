/** Problems found in an exhibition file, and how they are written. */
import type { Exhibition as ExhibitionData, Room } from './schema';

export interface Problem {
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

export type ValidationResult =
  | { ok: true; exhibition: ExhibitionData; problems: Problem[] }
  | { ok: false; problems: Problem[] };

export type PathSegment = string | number;


/** Each room by id, with its index in space.rooms (the first, when an id repeats). */
export type RoomIndex = Map<string, { room: Room | Omit<Room, 'height' | 'floor' | 'walls'>; index: number }>;

// ------------------------------------------------------------------ formatting

/** `artworks[3].placement.room`; the root is `(file)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else {
      const key = String(seg);
      if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(key)) out += out ? `.${key}` : key;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out || '(file)';
}

/** One line: `artworks[3].image: file 'x.jpg' not found`. */
export function formatProblem(p: Problem): string {
  return `${p.path}: ${p.message}`;
}

/** Quotes a value for a message: 'text' (shortened), numbers as they are. */
export function q(v: unknown): string {
  if (typeof v === 'string') {
    const s = v.length > 60 ? `${v.slice(0, 57)}…` : v;
    return `'${s.replace(/\n/g, '\\n')}'`;
  }
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return describe(v);
}

export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return `the text ${q(v)}`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `a list of ${v.length} item${v.length === 1 ? '' : 's'}`;
  return 'an object';
}

export function listIds(ids: readonly string[], noun: string): string {
  if (ids.length === 0) return `this exhibition defines no ${noun}`;
  const shown = ids.slice(0, 12).join(', ');
  return `${noun} are: ${shown}${ids.length > 12 ? `, … (${ids.length} in all)` : ''}`;
}

export const m2 = (n: number): string => `${Number(n.toFixed(2))} m`;

/** A JSON text to a value, with the line and column of a syntax error. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; problems: Problem[] } {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(src) as unknown };
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    let where = '';
    const pos = /at position (\d+)/.exec(raw);
    if (pos && !/\(line \d+ column \d+\)/.test(raw)) {
      const offset = Number(pos[1]);
      const before = src.slice(0, offset);
      const line = before.split('\n').length;
      const column = offset - before.lastIndexOf('\n');
      where = ` (line ${line} column ${column})`;
    }
    if (src.trim() === '') return { ok: false, problems: [{ path: '(file)', severity: 'error', message: 'the file is empty' }] };
    return { ok: false, problems: [{ path: '(file)', severity: 'error', message: `not valid JSON: ${raw}${where}` }] };
  }
}



export class Collector {
  readonly problems: Problem[] = [];
  error(path: readonly PropertyKey[], message: string): void {
    this.problems.push({ path: formatPath(path), message, severity: 'error' });
  }
  warn(path: readonly PropertyKey[], message: string): void {
    this.problems.push({ path: formatPath(path), message, severity: 'warning' });
  }
}

export function checkUniqueIds(c: Collector, items: readonly { id: string }[], base: PathSegment[]): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else c.error([...base, i, 'id'], `id ${q(item.id)} is used twice (also by ${formatPath([...base, first])}); ids must be unique`);
  });
}

export function isHttpUrl(s: string): boolean {
  return /^https?:\/\/[^\s/]+/i.test(s);
}
