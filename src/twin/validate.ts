/**
 * Exhibition validation (browser-safe: no Node imports).
 *
 * validateExhibition(json) runs the zod schema (schema.ts), translating its issues into
 * plain-English problems with readable paths, and then — only if the schema passes — the
 * semantic checks a curator needs: unique ids, references that resolve, languages, wall
 * placements that fit, room outlines, doorways, entrance, media rules for sensitive works, tours.
 *
 * Media files themselves (do they exist, do they decode) are checked by media-check.ts in Node.
 */
import { z } from 'zod';
import {
  Exhibition,
  FORMAT,
  FORMAT_VERSION,
  type Artwork,
  type Exhibition as ExhibitionData,
  type LangMap,
  type Room,
  type Vec2,
} from './schema';
import { artworkLinks } from './richtext';

export interface Problem {
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

export type ValidationResult =
  | { ok: true; exhibition: ExhibitionData; problems: Problem[] }
  | { ok: false; problems: Problem[] };

export type PathSegment = string | number;

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
function q(v: unknown): string {
  if (typeof v === 'string') {
    const s = v.length > 60 ? `${v.slice(0, 57)}…` : v;
    return `'${s.replace(/\n/g, '\\n')}'`;
  }
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return describe(v);
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return `the text ${q(v)}`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `a list of ${v.length} item${v.length === 1 ? '' : 's'}`;
  return 'an object';
}

function listIds(ids: readonly string[], noun: string): string {
  if (ids.length === 0) return `this exhibition defines no ${noun}`;
  const shown = ids.slice(0, 12).join(', ');
  return `${noun} are: ${shown}${ids.length > 12 ? `, … (${ids.length} in all)` : ''}`;
}

const m2 = (n: number): string => `${Number(n.toFixed(2))} m`;

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

// ------------------------------------------------------------------ zod schema introspection

interface LooseDef {
  type: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  in?: unknown;
  options?: unknown[];
  discriminator?: string;
  keyType?: unknown;
  valueType?: unknown;
  items?: unknown[];
  values?: unknown[];
  entries?: Record<string, unknown>;
}

const defOf = (s: unknown): LooseDef => (s as { _zod: { def: LooseDef } })._zod.def;

/** unwrap() per schema node: the walks below ask it once per value, and a 1000-work file has ~10⁵ values. */
const unwrapped = new WeakMap<object, unknown>();

function unwrap(s: unknown): unknown {
  if (s === null || typeof s !== 'object') return unwrapOnce(s);
  let u = unwrapped.get(s);
  if (u === undefined && !unwrapped.has(s)) {
    u = unwrapOnce(s);
    unwrapped.set(s, u);
  }
  return u;
}

function unwrapOnce(s: unknown): unknown {
  let cur = s;
  for (let i = 0; i < 20; i++) {
    const d = defOf(cur);
    if (['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional'].includes(d.type) && d.innerType) cur = d.innerType;
    else if (d.type === 'pipe' && d.in) cur = d.in;
    else break;
  }
  return cur;
}

function isRecordOfStrings(s: unknown): boolean {
  const d = defOf(unwrap(s));
  return d.type === 'record' && defOf(unwrap(d.valueType)).type === 'string';
}

/** For a (discriminated) union, the option the value selects. */
function chooseOption(d: LooseDef, value: unknown): unknown {
  const options = d.options ?? [];
  if (d.discriminator && value && typeof value === 'object') {
    const tag = (value as Record<string, unknown>)[d.discriminator];
    for (const opt of options) {
      const od = defOf(unwrap(opt));
      const lit = od.shape?.[d.discriminator];
      if (lit && (defOf(unwrap(lit)).values ?? []).includes(tag)) return opt;
    }
  }
  return undefined;
}

function childSchema(s: unknown, value: unknown, key: PropertyKey): unknown {
  const u = unwrap(s);
  const d = defOf(u);
  switch (d.type) {
    case 'object':
      return typeof key === 'string' ? d.shape?.[key] : undefined;
    case 'array':
      return d.element;
    case 'tuple':
      return typeof key === 'number' ? d.items?.[key] : undefined;
    case 'record':
      return d.valueType;
    case 'union': {
      const opt = chooseOption(d, value);
      return opt === undefined ? undefined : childSchema(opt, value, key);
    }
    default:
      return undefined;
  }
}

function getAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

function schemaAt(root: unknown, input: unknown, path: readonly PropertyKey[]): unknown {
  let s: unknown = root;
  let v = input;
  for (const seg of path) {
    if (s === undefined) return undefined;
    s = childSchema(s, v, seg);
    v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[seg] : undefined;
  }
  return s;
}

type Visit = (schema: unknown, value: unknown, path: PathSegment[]) => void;

const entriesOfShape = new WeakMap<object, [string, unknown][]>();
/** An object schema's fields, listed once per schema rather than once per value. */
function shapeEntries(schema: unknown, d: LooseDef): [string, unknown][] {
  let e = entriesOfShape.get(schema as object);
  if (!e) {
    e = Object.entries(d.shape ?? {});
    entriesOfShape.set(schema as object, e);
  }
  return e;
}

/** Walks a value alongside its schema (value assumed to conform), calling visit at every node. */
function walk(schema: unknown, value: unknown, path: PathSegment[], visit: Visit): void {
  if (value === undefined) return;
  visit(schema, value, path);
  const u = unwrap(schema);
  const d = defOf(u);
  if (value === null || typeof value !== 'object') return;
  switch (d.type) {
    case 'object':
      for (const [k, sub] of shapeEntries(u, d)) {
        walk(sub, (value as Record<string, unknown>)[k], [...path, k], visit);
      }
      return;
    case 'array':
      if (Array.isArray(value)) value.forEach((v, i) => walk(d.element, v, [...path, i], visit));
      return;
    case 'tuple':
      if (Array.isArray(value)) value.forEach((v, i) => d.items?.[i] !== undefined && walk(d.items[i], v, [...path, i], visit));
      return;
    case 'record':
      for (const [k, v] of Object.entries(value)) walk(d.valueType, v, [...path, k], visit);
      return;
    case 'union': {
      const opt = chooseOption(d, value);
      if (opt !== undefined) walk(opt, value, path, visit);
      return;
    }
    default:
      return;
  }
}

function levenshtein(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] as number;
}

// ------------------------------------------------------------------ zod issues → problems

function expectedDescription(expected: string, schema: unknown, path: readonly PropertyKey[]): string {
  const d = schema === undefined ? undefined : defOf(unwrap(schema));
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list [ … ]';
    case 'tuple': {
      const n = d?.items?.length;
      if (n === 2) return 'a plan point [x, z] (two numbers, metres)';
      if (n === 3) return 'a point [x, y, z] (three numbers, metres)';
      return 'a list of numbers';
    }
    case 'object':
      return 'an object { … }';
    case 'record':
      if (schema !== undefined && isRecordOfStrings(schema)) return 'a text per language, e.g. {"en": "…", "it": "…"}';
      if (path[path.length - 1] === 'narration') return 'narration per language, e.g. {"en": {"audio": "…", "captions": "…"}}';
      return 'an object { … }';
    default:
      return expected;
  }
}

const DEFAULT_MESSAGE = /^(Too (small|big)|Invalid|Unrecognized|Expected)/;

function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  const path = issue.path;
  const value = getAt(input, path);
  const schema = schemaAt(Exhibition, input, path);
  const custom = !DEFAULT_MESSAGE.test(issue.message);
  switch (issue.code) {
    case 'invalid_type': {
      const want = expectedDescription(issue.expected, schema, path);
      if (path.length === 0) return `an exhibition file must contain a JSON object { … }, not ${describe(value)}`;
      if (value === undefined) return `is required but missing (${want})`;
      if (issue.expected === 'int' && typeof value === 'number') return `must be a whole number, not ${value}`;
      return `must be ${want}, not ${describe(value)}`;
    }
    case 'invalid_value': {
      if (issue.values.length === 1) return `must be ${q(issue.values[0])}, not ${describe(value)}`;
      return `${q(value)} is not allowed; use one of: ${issue.values.map((v) => String(v)).join(', ')}`;
    }
    case 'invalid_union': {
      const disc = 'discriminator' in issue ? issue.discriminator : undefined;
      const options = 'options' in issue ? (issue.options ?? []) : [];
      if (disc) {
        const allowed = options.map((o) => q(o)).join(', ');
        if (value === undefined) return `is required but missing: it says what this is, one of ${allowed}`;
        return `unknown ${disc} ${q(value)} (allowed ${disc === 'kind' ? 'kinds' : `${disc}s`}: ${allowed})`;
      }
      return `does not match any allowed form (${issue.message})`;
    }
    case 'too_small':
    case 'too_big': {
      if (custom) return issue.message;
      const small = issue.code === 'too_small';
      const limit = Number(small ? issue.minimum : issue.maximum);
      if (issue.origin === 'array') {
        const n = Array.isArray(value) ? value.length : 0;
        if (schema !== undefined && defOf(unwrap(schema)).type === 'tuple') {
          return `must be ${expectedDescription('tuple', schema, path)}, not a list of ${n}`;
        }
        if (small) return limit === 1 ? 'must not be empty' : `needs at least ${limit} items (has ${n})`;
        return `has ${n} items; at most ${limit} are allowed`;
      }
      if (issue.origin === 'string') {
        const n = typeof value === 'string' ? value.length : 0;
        if (small) return limit === 1 ? 'must not be empty' : `is too short (${n} characters; at least ${limit})`;
        return `is too long (${n} characters; at most ${limit})`;
      }
      if (issue.origin === 'number' || issue.origin === 'int') {
        const incl = issue.inclusive !== false;
        if (small) return `must be ${incl ? 'at least' : 'more than'} ${limit} (got ${String(value)})`;
        return `must be ${incl ? 'at most' : 'less than'} ${limit} (got ${String(value)})`;
      }
      return issue.message;
    }
    case 'invalid_format': {
      if (issue.format === 'url') return `${q(value)} is not a valid web address (URL)`;
      if (custom) return `${q(value)} is not valid: ${issue.message}`;
      return `${q(value)} is not a valid ${issue.format}`;
    }
    case 'invalid_key': {
      const key = path[path.length - 1];
      const inner = issue.issues[0]?.message ?? issue.message;
      return `${q(String(key))} is not a valid key: ${inner}`;
    }
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => q(k)).join(', ')}`;
    case 'custom': {
      const got = typeof value === 'number' || typeof value === 'string' ? ` (got ${q(value)})` : '';
      return `${issue.message}${got}`;
    }
    default:
      return issue.message;
  }
}

function schemaProblems(issues: readonly z.core.$ZodIssue[], input: unknown): Problem[] {
  const formatIssue = issues.find((i) => i.path.length === 1 && i.path[0] === 'format');
  const versionIssue = issues.find((i) => i.path.length === 1 && i.path[0] === 'version');
  const rootIssue = issues.find((i) => i.path.length === 0 && i.code === 'invalid_type');
  if (rootIssue) return [{ path: '(file)', severity: 'error', message: issueMessage(rootIssue, input) }];
  if (formatIssue || versionIssue) {
    // Another format or another version: the rest of the issues would only be noise.
    const out: Problem[] = [];
    const fmt = getAt(input, ['format']);
    const ver = getAt(input, ['version']);
    if (formatIssue) {
      out.push({
        path: 'format',
        severity: 'error',
        message:
          fmt === undefined
            ? `missing: this is not a museum-twin exhibition file (this app reads files with "format": "${FORMAT}")`
            : `this app reads "${FORMAT}" files; this file's format is ${q(fmt)}`,
      });
    }
    if (versionIssue) {
      let message: string;
      if (ver === undefined) message = `missing: this app reads format version ${FORMAT_VERSION} ("version": ${FORMAT_VERSION})`;
      else if (typeof ver === 'number' && ver > FORMAT_VERSION)
        message = `this file is format version ${ver}, made for a newer version of the app; this app reads version ${FORMAT_VERSION}`;
      else message = `this app reads format version ${FORMAT_VERSION}; this file says ${q(ver)}`;
      out.push({ path: 'version', severity: 'error', message });
    }
    return out;
  }
  return issues.map((issue) => ({ path: formatPath(issue.path), severity: 'error' as const, message: issueMessage(issue, input) }));
}

// ------------------------------------------------------------------ geometry

const EPS = 1e-6;

function cross(o: Vec2, a: Vec2, b: Vec2): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

function dist(a: Vec2, b: Vec2): number {
  return Math.hypot(b[0] - a[0], b[1] - a[1]);
}

export function polygonArea(poly: readonly Vec2[]): number {
  let s = 0;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i] as Vec2;
    const b = poly[(i + 1) % poly.length] as Vec2;
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

function sign(v: number): number {
  return v > 1e-9 ? 1 : v < -1e-9 ? -1 : 0;
}

function onSegment(a: Vec2, b: Vec2, p: Vec2): boolean {
  return (
    Math.min(a[0], b[0]) - 1e-9 <= p[0] && p[0] <= Math.max(a[0], b[0]) + 1e-9 && Math.min(a[1], b[1]) - 1e-9 <= p[1] && p[1] <= Math.max(a[1], b[1]) + 1e-9
  );
}

/** Whether segments ab and cd meet; `proper` = they cross at a single interior point of both. */
function segmentsMeet(a: Vec2, b: Vec2, c: Vec2, d: Vec2, proper: boolean): boolean {
  const o1 = sign(cross(a, b, c));
  const o2 = sign(cross(a, b, d));
  const o3 = sign(cross(c, d, a));
  const o4 = sign(cross(c, d, b));
  if (o1 * o2 < 0 && o3 * o4 < 0) return true;
  if (proper) return false;
  return (
    (o1 === 0 && onSegment(a, b, c)) || (o2 === 0 && onSegment(a, b, d)) || (o3 === 0 && onSegment(c, d, a)) || (o4 === 0 && onSegment(c, d, b))
  );
}

export function pointInPolygon(p: readonly [number, number], poly: readonly Vec2[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i] as Vec2;
    const b = poly[j] as Vec2;
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

/** Distance from p to segment ab, and how far along ab (metres from a) its nearest point lies. */
function toSegment(p: readonly [number, number], a: Vec2, b: Vec2): { distance: number; along: number; length: number } {
  const length = dist(a, b);
  if (length < EPS) return { distance: Math.hypot(p[0] - a[0], p[1] - a[1]), along: 0, length };
  const ux = (b[0] - a[0]) / length;
  const uz = (b[1] - a[1]) / length;
  const t = (p[0] - a[0]) * ux + (p[1] - a[1]) * uz;
  const along = Math.max(0, Math.min(length, t));
  const nx = a[0] + ux * along;
  const nz = a[1] + uz * along;
  return { distance: Math.hypot(p[0] - nx, p[1] - nz), along: t, length };
}

function distanceToBoundary(p: readonly [number, number], poly: readonly Vec2[]): number {
  let best = Infinity;
  for (let i = 0; i < poly.length; i++) best = Math.min(best, toSegment(p, poly[i] as Vec2, poly[(i + 1) % poly.length] as Vec2).distance);
  return best;
}

function wallOf(poly: readonly Vec2[], i: number): [Vec2, Vec2] {
  return [poly[i] as Vec2, poly[(i + 1) % poly.length] as Vec2];
}

/** A first problem with an outline (zero-length wall, fold, self-crossing, no area), or undefined. */
function polygonProblem(poly: readonly Vec2[]): { index?: number; message: string } | undefined {
  const n = poly.length;
  for (let i = 0; i < n; i++) {
    const [a, b] = wallOf(poly, i);
    if (dist(a, b) < 1e-4) {
      const j = (i + 1) % n;
      return { index: j, message: `point ${j} repeats point ${i} (wall ${i} has no length); remove one of them` };
    }
  }
  // All points on one line.
  const p0 = poly[0] as Vec2;
  const far = poly.reduce((best, p) => (dist(p0, p) > dist(p0, best) ? p : best), p0);
  if (poly.every((p) => Math.abs(cross(p0, far, p)) <= 1e-6 * Math.max(1, dist(p0, far)))) {
    return { message: 'the outline has no area (its points lie on a line)' };
  }
  for (let i = 0; i < n; i++) {
    const prev = poly[(i + n - 1) % n] as Vec2;
    const cur = poly[i] as Vec2;
    const next = poly[(i + 1) % n] as Vec2;
    const ux = cur[0] - prev[0];
    const uz = cur[1] - prev[1];
    const vx = next[0] - cur[0];
    const vz = next[1] - cur[1];
    if (Math.abs(ux * vz - uz * vx) <= 1e-9 * Math.hypot(ux, uz) * Math.hypot(vx, vz) && ux * vx + uz * vz < 0) {
      return { index: i, message: `the outline doubles back on itself at point ${i}` };
    }
  }
  for (let i = 0; i < n; i++) {
    const [a, b] = wallOf(poly, i);
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // adjacent through the closing wall
      const [c, d] = wallOf(poly, j);
      if (segmentsMeet(a, b, c, d, false)) {
        return { message: `wall ${i} (point ${i} → ${(i + 1) % n}) crosses wall ${j} (point ${j} → ${(j + 1) % n}); the outline must not cross itself` };
      }
    }
  }
  if (Math.abs(polygonArea(poly)) < 1e-3) return { message: 'the outline has no area (its points lie on a line)' };
  return undefined;
}

function centroid(poly: readonly Vec2[]): [number, number] {
  const a = polygonArea(poly);
  let cx = 0;
  let cz = 0;
  for (let i = 0; i < poly.length; i++) {
    const [p, r] = wallOf(poly, i);
    const f = p[0] * r[1] - r[0] * p[1];
    cx += (p[0] + r[0]) * f;
    cz += (p[1] + r[1]) * f;
  }
  return [cx / (6 * a), cz / (6 * a)];
}

function strictlyInside(p: readonly [number, number], poly: readonly Vec2[]): boolean {
  return pointInPolygon(p, poly) && distanceToBoundary(p, poly) > 1e-3;
}

function polygonsOverlap(a: readonly Vec2[], b: readonly Vec2[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const [p, r] = wallOf(a, i);
    for (let j = 0; j < b.length; j++) {
      const [s, t] = wallOf(b, j);
      if (segmentsMeet(p, r, s, t, true)) return true;
    }
  }
  if (a.some((p) => strictlyInside(p, b)) || b.some((p) => strictlyInside(p, a))) return true;
  const midpoints = (poly: readonly Vec2[]): [number, number][] =>
    poly.map((p, i) => {
      const r = poly[(i + 1) % poly.length] as Vec2;
      return [(p[0] + r[0]) / 2, (p[1] + r[1]) / 2];
    });
  if (midpoints(a).some((p) => strictlyInside(p, b)) || midpoints(b).some((p) => strictlyInside(p, a))) return true;
  const ca = centroid(a);
  const cb = centroid(b);
  return (pointInPolygon(ca, a) && strictlyInside(ca, b)) || (pointInPolygon(cb, b) && strictlyInside(cb, a));
}

function bbox(poly: readonly Vec2[]): [number, number, number, number] {
  let x0 = Infinity;
  let z0 = Infinity;
  let x1 = -Infinity;
  let z1 = -Infinity;
  for (const [x, z] of poly) {
    x0 = Math.min(x0, x);
    z0 = Math.min(z0, z);
    x1 = Math.max(x1, x);
    z1 = Math.max(z1, z);
  }
  return [x0, z0, x1, z1];
}

// ------------------------------------------------------------------ media listing

export type MediaRole = 'painting-image' | 'object-model' | 'animation-model' | 'audio' | 'captions' | 'marker-image' | 'space-model' | 'texture' | 'environment';

export interface MediaReference {
  /** Where in the file the path is written. */
  path: PathSegment[];
  /** The media path as written (relative to the exhibition file, or https URL). */
  file: string;
  role: MediaRole;
  /** Index in artworks, for artwork media. */
  artwork?: number;
}

/** Every media path in an exhibition, with what it is supposed to be. */
export function listMedia(ex: ExhibitionData): MediaReference[] {
  const out: MediaReference[] = [];
  const add = (path: PathSegment[], file: string | undefined, role: MediaRole, artwork?: number): void => {
    if (file !== undefined) out.push(artwork === undefined ? { path, file, role } : { path, file, role, artwork });
  };
  if (ex.environment !== undefined) add(['environment'], ex.environment, 'environment');
  const space = ex.space;
  if (space.kind === 'model') add(['space', 'model'], space.model, 'space-model');
  else {
    for (const k of ['floor', 'walls', 'ceiling'] as const) add(['space', k, 'texture'], space[k]?.texture, 'texture');
    space.rooms.forEach((room, r) => {
      for (const k of ['floor', 'walls'] as const) add(['space', 'rooms', r, k, 'texture'], room[k]?.texture, 'texture');
    });
  }
  ex.artworks.forEach((a, i) => {
    if (a.kind === 'painting') {
      add(['artworks', i, 'image'], a.image, 'painting-image', i);
      add(['artworks', i, 'farImage'], a.farImage, 'painting-image', i);
    }
    if (a.kind === 'object') add(['artworks', i, 'model'], a.model, 'object-model', i);
    add(['artworks', i, 'animation', 'model'], a.animation?.model, 'animation-model', i);
    a.timeLapse?.states.forEach((st, k) => {
      // A state's media is checked like the work's own: same proportions, same catalogued size.
      if (a.kind === 'painting') add(['artworks', i, 'timeLapse', 'states', k, 'image'], st.image, 'painting-image', i);
      else add(['artworks', i, 'timeLapse', 'states', k, 'model'], st.model, 'object-model', i);
    });
    for (const [lang, n] of Object.entries(a.narration ?? {})) {
      add(['artworks', i, 'narration', lang, 'audio'], n.audio, 'audio', i);
      add(['artworks', i, 'narration', lang, 'captions'], n.captions, 'captions', i);
    }
  });
  ex.arReferences.markers.forEach((m, i) => add(['arReferences', 'markers', i, 'image'], m.image, 'marker-image'));
  return out;
}

// ------------------------------------------------------------------ semantic checks

class Collector {
  readonly problems: Problem[] = [];
  error(path: readonly PropertyKey[], message: string): void {
    this.problems.push({ path: formatPath(path), message, severity: 'error' });
  }
  warn(path: readonly PropertyKey[], message: string): void {
    this.problems.push({ path: formatPath(path), message, severity: 'warning' });
  }
}

/** A time-lapse: media of the work's kind, dates in order, nothing published for a restricted work. */
function checkTimeLapse(c: Collector, a: Artwork, base: PathSegment[], restricted: boolean): void {
  const states = a.timeLapse?.states ?? [];
  const path = [...base, 'timeLapse'];
  if (restricted) c.error(path, 'a restricted work is never shown, so it must not have a time-lapse (its states would be published); remove it');
  checkUniqueIds(c, states, [...path, 'states']);
  let withoutMedia = 0;
  let lastDate: string | undefined;
  states.forEach((st, k) => {
    const at = [...path, 'states', k];
    if (a.kind === 'painting' && st.model !== undefined) c.error([...at, 'model'], 'a painting\'s state is an image; use "image"');
    if (a.kind === 'object' && st.image !== undefined) c.error([...at, 'image'], 'an object\'s state is a 3D model; use "model"');
    if ((a.kind === 'painting' ? st.image : st.model) === undefined) withoutMedia++;
    if (st.date !== undefined) {
      if (lastDate !== undefined && st.date < lastDate) c.warn([...at, 'date'], `states are shown in the order given, but ${q(st.date)} is earlier than the state before it (${q(lastDate)})`);
      lastDate = st.date;
    }
  });
  if (withoutMedia > 1) c.warn(path, `${withoutMedia} states have no ${a.kind === 'painting' ? 'image' : 'model'} of their own, so they all show the work as it is now`);
}

function checkUniqueIds(c: Collector, items: readonly { id: string }[], base: PathSegment[]): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else c.error([...base, i, 'id'], `id ${q(item.id)} is used twice (also by ${formatPath([...base, first])}); ids must be unique`);
  });
}

function checkUnknownKeys(c: Collector, input: unknown): void {
  walk(Exhibition, input, [], (schema, value, path) => {
    const d = defOf(unwrap(schema));
    if (d.type !== 'object' || value === null || typeof value !== 'object' || Array.isArray(value)) return;
    const known = Object.keys(d.shape ?? {});
    for (const key of Object.keys(value)) {
      if (known.includes(key)) continue;
      const near = known.find((k) => k.toLowerCase() === key.toLowerCase()) ?? known.find((k) => levenshtein(k, key) <= 2);
      c.warn([...path, key], `unknown field ${q(key)} is ignored${near ? ` (did you mean ${q(near)}?)` : ''}`);
    }
  });
}

function checkLanguages(c: Collector, ex: ExhibitionData): void {
  const langs = ex.languages;
  const def = ex.defaultLanguage;
  if (!langs.includes(def)) c.error(['defaultLanguage'], `default language ${q(def)} is not one of the languages (${langs.join(', ')})`);
  langs.forEach((l, i) => {
    if (langs.indexOf(l) !== i) c.warn(['languages', i], `language ${q(l)} is listed twice`);
  });
  walk(Exhibition, ex, [], (schema, value, path) => {
    if (!isRecordOfStrings(schema) || value === null || typeof value !== 'object') return;
    const map = value as LangMap;
    const keys = Object.keys(map);
    if (map[def] === undefined) {
      c.error(path, `missing the text in the default language ${q(def)} (it has: ${keys.join(', ')})`);
    }
    for (const l of langs) {
      if (l !== def && map[l] === undefined) c.warn(path, `no ${q(l)} text; visitors reading ${q(l)} will see the ${q(def)} text`);
    }
    for (const k of keys) {
      if (!langs.includes(k)) c.warn([...path, k], `language ${q(k)} is not one of the exhibition's languages (${langs.join(', ')}), so this text is never shown`);
      else if ((map[k] as string).trim() === '') c.warn([...path, k], 'the text is empty');
    }
  });
}

function isHttpUrl(s: string): boolean {
  return /^https?:\/\/[^\s/]+/i.test(s);
}

function checkSpace(c: Collector, ex: ExhibitionData, roomById: Map<string, { room: Room | Omit<Room, 'height' | 'floor' | 'walls'>; index: number }>): void {
  const space = ex.space;
  const rooms = space.rooms;
  checkUniqueIds(c, rooms, ['space', 'rooms']);
  const valid = new Set<number>();
  rooms.forEach((room, r) => {
    const bad = polygonProblem(room.polygon);
    if (bad) {
      c.error(bad.index === undefined ? ['space', 'rooms', r, 'polygon'] : ['space', 'rooms', r, 'polygon', bad.index], bad.message);
    } else valid.add(r);
  });
  // Rooms overlapping each other (cheap bbox test first; skipped for huge plans).
  let budget = 4_000_000;
  const boxes = rooms.map((r) => bbox(r.polygon));
  for (let i = 0; i < rooms.length && budget > 0; i++) {
    for (let j = i + 1; j < rooms.length && budget > 0; j++) {
      if (!valid.has(i) || !valid.has(j)) continue;
      const a = boxes[i] as [number, number, number, number];
      const b = boxes[j] as [number, number, number, number];
      if (a[2] <= b[0] + 1e-3 || b[2] <= a[0] + 1e-3 || a[3] <= b[1] + 1e-3 || b[3] <= a[1] + 1e-3) continue;
      const ri = rooms[i] as Room;
      const rj = rooms[j] as Room;
      budget -= ri.polygon.length * rj.polygon.length;
      if (polygonsOverlap(ri.polygon, rj.polygon)) {
        c.warn(['space', 'rooms', j, 'polygon'], `room ${q(rj.id)} overlaps room ${q(ri.id)}; rooms should share walls, not floor`);
      }
    }
  }
  if (space.kind !== 'floorplan') return;

  const roomIds = rooms.map((r) => r.id);
  checkUniqueIds(c, space.doorways, ['space', 'doorways']);
  const adjacency = new Map<string, Set<string>>(roomIds.map((id) => [id, new Set<string>()]));
  space.doorways.forEach((door, d) => {
    const base: PathSegment[] = ['space', 'doorways', d];
    if (door.rooms.length === 2 && door.rooms[0] === door.rooms[1]) c.error([...base, 'rooms', 1], `names room ${q(door.rooms[0])} twice; a doorway connects two different rooms (or one room to the outside)`);
    door.rooms.forEach((id, k) => {
      const entry = roomById.get(id);
      if (!entry) {
        c.error([...base, 'rooms', k], `room ${q(id)} does not exist (${listIds(roomIds, 'rooms')})`);
        return;
      }
      if (!valid.has(entry.index)) return;
      const room = entry.room as Room;
      const poly = room.polygon;
      let best = { wall: -1, distance: Infinity, along: 0, length: 0 };
      for (let w = 0; w < poly.length; w++) {
        const [a, b] = wallOf(poly, w);
        const s = toSegment(door.position, a, b);
        if (s.distance < best.distance) best = { wall: w, ...s };
      }
      if (best.distance > space.wallThickness + 1e-6) {
        c.error(
          [...base, 'position'],
          `the doorway is not on a wall of room ${q(id)}: the nearest, wall ${best.wall}, is ${m2(best.distance)} away (walls are ${m2(space.wallThickness)} thick)`,
        );
        return;
      }
      const half = door.width / 2;
      if (door.width > best.length + 1e-6) {
        c.error([...base, 'width'], `the doorway (${m2(door.width)} wide) is wider than wall ${best.wall} of room ${q(id)} (${m2(best.length)} long)`);
      } else if (best.along - half < -1e-6 || best.along + half > best.length + 1e-6) {
        c.error(
          [...base, 'position'],
          `the doorway (${m2(door.width)} wide) runs past the end of wall ${best.wall} of room ${q(id)} (${m2(best.length)} long): its centre must be between ${m2(half)} and ${m2(best.length - half)} along the wall, it is at ${m2(best.along)}`,
        );
      }
      const ceiling = room.height ?? space.wallHeight;
      if (door.height > ceiling + 1e-6) c.error([...base, 'height'], `the doorway (${m2(door.height)} high) is taller than room ${q(id)} (${m2(ceiling)})`);
    });
    if (door.rooms.length === 2) {
      const [a, b] = door.rooms as [string, string];
      adjacency.get(a)?.add(b);
      adjacency.get(b)?.add(a);
    }
  });

  // Entrance, and which rooms can be reached from it.
  const entrance: [number, number] = [ex.entrance.position[0], ex.entrance.position[2]];
  const startRoom = rooms.find((r, i) => valid.has(i) && pointInPolygon(entrance, r.polygon));
  if (!startRoom) {
    if (valid.size === rooms.length) {
      c.error(['entrance', 'position'], `the entrance (x ${m2(entrance[0])}, z ${m2(entrance[1])}) is not inside any room`);
    }
    return;
  }
  if (distanceToBoundary(entrance, startRoom.polygon) < 0.2) {
    c.warn(['entrance', 'position'], `the entrance is within 20 cm of a wall of room ${q(startRoom.id)}; visitors start inside the wall`);
  }
  const reached = new Set<string>([startRoom.id]);
  const queue = [startRoom.id];
  while (queue.length) {
    const cur = queue.shift() as string;
    for (const next of adjacency.get(cur) ?? []) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  rooms.forEach((r, i) => {
    if (!reached.has(r.id) && roomIds.indexOf(r.id) === i) {
      c.warn(['space', 'rooms', i], `room ${q(r.id)} cannot be reached from the entrance (in room ${q(startRoom.id)}): no chain of doorways leads to it`);
    }
  });
}

interface WallSlot {
  index: number;
  artwork: Artwork;
  lo: number;
  hi: number;
  bottom: number;
  top: number;
  frame: number;
}

function artworkBounds(a: Artwork): { x: [number, number]; y: [number, number]; z?: [number, number] } {
  const { width, height, depth } = a.dimensions;
  if (a.kind === 'painting') return { x: [-width / 2, width / 2], y: [-height / 2, height / 2] };
  return { x: [-width / 2, width / 2], y: [0, height], ...(depth !== undefined ? { z: [-depth / 2, depth / 2] as [number, number] } : {}) };
}

function pointOnWork(a: Artwork, p: readonly [number, number, number]): boolean {
  const b = artworkBounds(a);
  const tolX = 0.05 * (b.x[1] - b.x[0]) + 0.01;
  const tolY = 0.05 * (b.y[1] - b.y[0]) + 0.01;
  if (p[0] < b.x[0] - tolX || p[0] > b.x[1] + tolX || p[1] < b.y[0] - tolY || p[1] > b.y[1] + tolY) return false;
  if (b.z) {
    const tolZ = 0.05 * (b.z[1] - b.z[0]) + 0.01;
    if (p[2] < b.z[0] - tolZ || p[2] > b.z[1] + tolZ) return false;
  }
  return true;
}

function sizeText(a: Artwork): string {
  const d = a.dimensions;
  return `${Number(d.width.toFixed(3))} × ${Number(d.height.toFixed(3))}${d.depth !== undefined ? ` × ${Number(d.depth.toFixed(3))}` : ''} m`;
}

const RESTRICTED_MEDIA = 'restricted media must not be published in the exhibition file; remove it';

function checkArtworks(c: Collector, ex: ExhibitionData, roomById: Map<string, { room: Room | Omit<Room, 'height' | 'floor' | 'walls'>; index: number }>): void {
  const space = ex.space;
  const rooms = space.rooms;
  const roomIds = rooms.map((r) => r.id);
  const zoneIds = ex.zones.map((z) => z.id);
  const artworkIds = new Set(ex.artworks.map((a) => a.id));
  const languages = ex.languages;
  checkUniqueIds(c, ex.artworks, ['artworks']);
  if (ex.artworks.length === 0) c.warn(['artworks'], 'the exhibition has no artworks');

  const accession = new Map<string, number>();
  const walls = new Map<string, WallSlot[]>();

  ex.artworks.forEach((a, i) => {
    const base: PathSegment[] = ['artworks', i];
    const restricted = a.sensitivity.level === 'restricted';

    const prevAcc = accession.get(a.accessionNumber);
    if (prevAcc === undefined) accession.set(a.accessionNumber, i);
    else c.warn([...base, 'accessionNumber'], `accession number ${q(a.accessionNumber)} is also used by ${formatPath(['artworks', prevAcc])} (${q(ex.artworks[prevAcc]?.id)})`);

    // Nested ids.
    checkUniqueIds(c, a.annotations, [...base, 'annotations']);
    if (a.conservation) {
      checkUniqueIds(c, a.conservation.reports, [...base, 'conservation', 'reports']);
      checkUniqueIds(c, a.conservation.treatments, [...base, 'conservation', 'treatments']);
    }
    if (a.timeLapse) checkTimeLapse(c, a, base, restricted);

    // Media according to sensitivity.
    const mediaKey = a.kind === 'painting' ? 'image' : 'model';
    const media = a.kind === 'painting' ? a.image : a.model;
    if (restricted) {
      if (media !== undefined) c.error([...base, mediaKey], RESTRICTED_MEDIA);
      if (a.kind === 'painting' && a.farImage !== undefined) c.error([...base, 'farImage'], RESTRICTED_MEDIA);
      if (a.narration !== undefined) c.error([...base, 'narration'], RESTRICTED_MEDIA);
      if (a.animation?.model !== undefined) c.error([...base, 'animation', 'model'], RESTRICTED_MEDIA);
      else if (a.animation !== undefined) c.error([...base, 'animation'], 'a restricted work is never shown, so it must not have an animation; remove it');
      if (a.annotations.length > 0) c.warn([...base, 'annotations'], 'annotations of a restricted work are never shown; consider removing them');
    } else if (media === undefined) {
      c.error([...base, mediaKey], a.kind === 'painting' ? 'a painting needs an image (only restricted works have none)' : 'an object needs a 3D model (only restricted works have none)');
    }

    // Sensitivity texts.
    const s = a.sensitivity;
    const def = ex.defaultLanguage;
    if (s.level === 'advisory' && s.notice[def] !== undefined && s.notice[def].trim() === '') c.error([...base, 'sensitivity', 'notice', def], 'the advisory notice is empty; visitors must be told what to expect');
    if (s.level === 'restricted') {
      if (s.statement[def] !== undefined && s.statement[def].trim() === '') c.error([...base, 'sensitivity', 'statement', def], "the community's statement is empty; it is shown instead of the work");
      if (s.community[def] !== undefined && s.community[def].trim() === '') c.error([...base, 'sensitivity', 'community', def], 'the owning community is not named');
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.contact) && !/^https:\/\/\S+$/.test(s.contact)) {
        c.warn([...base, 'sensitivity', 'contact'], `${q(s.contact)} is neither an email address nor an https:// web page`);
      }
    }
    // Per-mode protocol rules that cannot do what their authors meant.
    if (s.modes !== undefined && s.modes.length === 0 && !restricted) c.warn([...base, 'sensitivity', 'modes'], 'the work is shown in no mode; make it restricted (and remove its media) if it must not be seen');
    if (restricted && s.modes !== undefined) c.warn([...base, 'sensitivity', 'modes'], 'a restricted work is shown in no mode; modes has no effect');
    if (s.narration !== undefined && s.modes !== undefined) {
      for (const m of s.narration) if (!s.modes.includes(m)) c.warn([...base, 'sensitivity', 'narration'], `narration is allowed in ${q(m)} but the work is not shown there`);
    }

    // Narration.
    if (a.narration) {
      for (const lang of Object.keys(a.narration)) {
        if (!languages.includes(lang)) c.warn([...base, 'narration', lang], `narration language ${q(lang)} is not one of the exhibition's languages (${languages.join(', ')}), so it is never played`);
      }
      if (!restricted) {
        for (const lang of languages) {
          if (a.narration[lang] === undefined) c.warn([...base, 'narration'], `no ${q(lang)} narration (narration exists in ${Object.keys(a.narration).join(', ')})`);
        }
      }
    }

    // Animation.
    if (a.animation?.clip !== undefined && a.animation.model === undefined && a.kind === 'painting') {
      c.error([...base, 'animation', 'clip'], `a painting has no 3D model of its own, so clip ${q(a.animation.clip)} cannot play; give animation.model`);
    }

    // Rights.
    for (const k of ['work', 'media'] as const) {
      const url = a.rights[k].url;
      if (url !== undefined && !isHttpUrl(url)) c.error([...base, 'rights', k, 'url'], `${q(url)} is not a web address; use an https:// link`);
    }

    // Backstory: links and markup that will show literally.
    for (const [lang, text] of Object.entries(a.backstory)) {
      for (const id of artworkLinks(text)) {
        if (!artworkIds.has(id)) c.error([...base, 'backstory', lang], `links to artwork ${q(id)}, which does not exist`);
      }
      const html = /<\/?[a-zA-Z][^<>]*>/.exec(text);
      if (html) c.warn([...base, 'backstory', lang], `HTML such as ${q(html[0])} is not allowed and is shown as literal text; use *emphasis*, **strong** and [text](#artwork=id)`);
      const other = /\[[^\]\n]*\]\((?!#artwork=[a-z0-9][a-z0-9_-]*\))([^)\s]*)\)/.exec(text);
      if (other) c.warn([...base, 'backstory', lang], `link target ${q(other[1])} is not an artwork link (#artwork=id), so it is shown as plain text`);
    }

    // Annotations and condition areas on the work.
    a.annotations.forEach((an, k) => {
      if (!pointOnWork(a, an.position)) c.warn([...base, 'annotations', k, 'position'], `the point is outside the work (${sizeText(a)})`);
    });
    a.conservation?.reports.forEach((r, k) =>
      r.areas.forEach((area, j) => {
        if (!pointOnWork(a, area.position)) c.warn([...base, 'conservation', 'reports', k, 'areas', j, 'position'], `the area is centred outside the work (${sizeText(a)})`);
      }),
    );

    // Zone.
    if (a.zone !== undefined) {
      const zone = ex.zones.find((z) => z.id === a.zone);
      if (!zone) c.error([...base, 'zone'], `zone ${q(a.zone)} does not exist (${listIds(zoneIds, 'zones')})`);
      else if (zone.room !== undefined && a.placement.kind === 'wall' && a.placement.room !== zone.room) {
        c.warn([...base, 'zone'], `zone ${q(zone.id)} is room ${q(zone.room)}, but the work hangs in room ${q(a.placement.room)}`);
      }
    }

    // Placement.
    const p = a.placement;
    const { width, height } = a.dimensions;
    if (p.kind === 'wall') {
      const entry = roomById.get(p.room);
      if (!entry) {
        c.error([...base, 'placement', 'room'], `room ${q(p.room)} does not exist (${listIds(roomIds, 'rooms')})`);
        return;
      }
      const poly = entry.room.polygon;
      if (p.wall >= poly.length) {
        c.error([...base, 'placement', 'wall'], `wall ${p.wall} does not exist in room ${q(p.room)} (it has ${poly.length} walls, numbered 0–${poly.length - 1})`);
        return;
      }
      const [wa, wb] = wallOf(poly, p.wall);
      const len = dist(wa, wb);
      const half = width / 2;
      if (width > len + 1e-6) {
        c.error([...base, 'placement', 'wall'], `the work (${m2(width)} wide) is wider than wall ${p.wall} of room ${q(p.room)} (${m2(len)} long)`);
      } else if (p.offset - half < -1e-6 || p.offset + half > len + 1e-6) {
        c.error(
          [...base, 'placement', 'offset'],
          `offset ${m2(p.offset)} puts the work (${m2(width)} wide) past the ${p.offset - half < 0 ? 'start' : 'end'} of wall ${p.wall} of room ${q(p.room)} (${m2(len)} long); the offset must be between ${m2(half)} and ${m2(len - half)}`,
        );
      }
      const bottom = p.height - height / 2;
      const top = p.height + height / 2;
      if (bottom < -1e-6) c.error([...base, 'placement', 'height'], `the work (${m2(height)} high) centred at ${m2(p.height)} would reach ${m2(-bottom)} below the floor; the height must be at least ${m2(height / 2)}`);
      if (space.kind === 'floorplan') {
        const ceiling = (entry.room as Room).height ?? space.wallHeight;
        if (top > ceiling + 1e-6) {
          c.error([...base, 'placement', 'height'], `the top of the work would be at ${m2(top)}, above the ${m2(ceiling)} ceiling of room ${q(p.room)}; the height must be at most ${m2(ceiling - height / 2)}`);
        }
        // Doorways on the same wall.
        for (const door of space.doorways) {
          if (!door.rooms.includes(p.room)) continue;
          const s = toSegment(door.position, wa, wb);
          if (s.distance > space.wallThickness + 1e-6) continue;
          const dlo = s.along - door.width / 2;
          const dhi = s.along + door.width / 2;
          if (p.offset - half < dhi - 1e-6 && p.offset + half > dlo + 1e-6 && bottom < door.height - 1e-6) {
            c.error([...base, 'placement'], `the work hangs across doorway ${q(door.id)} on wall ${p.wall} of room ${q(p.room)}`);
          }
        }
      }
      const frame = a.kind === 'painting' && a.frame.style !== 'none' ? a.frame.width : 0;
      const key = `${p.room}\u0000${p.wall}`;
      const slot: WallSlot = { index: i, artwork: a, lo: p.offset - half, hi: p.offset + half, bottom, top, frame };
      const list = walls.get(key);
      if (list) list.push(slot);
      else walls.set(key, [slot]);
    } else if (space.kind === 'floorplan') {
      const plan: [number, number] = [p.position[0], p.position[2]];
      const room = space.rooms.find((r) => pointInPolygon(plan, r.polygon));
      if (!room) c.warn([...base, 'placement', 'position'], `the work (x ${m2(plan[0])}, z ${m2(plan[1])}) is outside every room`);
      else {
        const ceiling = room.height ?? space.wallHeight;
        if (a.kind === 'object') {
          const plinth = a.display === 'none' ? 0 : a.plinthHeight;
          const top = p.position[1] + plinth + height;
          if (top > ceiling + 1e-6) c.warn([...base, 'placement'], `the work${plinth > 0 ? ` on its ${m2(plinth)} ${a.display}` : ''} would reach ${m2(top)}, above the ${m2(ceiling)} ceiling of room ${q(room.id)}`);
        } else {
          if (p.position[1] - height / 2 < -1e-6) c.warn([...base, 'placement', 'position'], `the painting (${m2(height)} high) centred at ${m2(p.position[1])} would reach below the floor`);
          if (p.position[1] + height / 2 > ceiling + 1e-6) c.warn([...base, 'placement', 'position'], `the top of the painting would be at ${m2(p.position[1] + height / 2)}, above the ${m2(ceiling)} ceiling of room ${q(room.id)}`);
        }
      }
    }
  });

  // Works on the same wall must not overlap.
  for (const [key, slots] of walls) {
    const [room, wall] = key.split('\u0000') as [string, string];
    for (let x = 0; x < slots.length; x++) {
      for (let y = x + 1; y < slots.length; y++) {
        const a = slots[x] as WallSlot;
        const b = slots[y] as WallSlot;
        const vertical = a.bottom < b.top - 1e-6 && b.bottom < a.top - 1e-6;
        const later = a.index > b.index ? a : b;
        const earlier = later === a ? b : a;
        const where = `on wall ${wall} of room ${q(room)}`;
        if (vertical && a.lo < b.hi - 1e-6 && b.lo < a.hi - 1e-6) {
          c.error(['artworks', later.index, 'placement'], `overlaps ${q(earlier.artwork.id)} (${formatPath(['artworks', earlier.index])}) ${where}`);
        } else if (
          a.bottom - a.frame < b.top + b.frame - 1e-6 &&
          b.bottom - b.frame < a.top + a.frame - 1e-6 &&
          a.lo - a.frame < b.hi + b.frame - 1e-6 &&
          b.lo - b.frame < a.hi + a.frame - 1e-6
        ) {
          c.warn(['artworks', later.index, 'placement'], `its frame overlaps the frame of ${q(earlier.artwork.id)} (${formatPath(['artworks', earlier.index])}) ${where}`);
        }
      }
    }
  }
}

function checkZones(c: Collector, ex: ExhibitionData, roomById: Map<string, unknown>): void {
  const roomIds = ex.space.rooms.map((r) => r.id);
  checkUniqueIds(c, ex.zones, ['zones']);
  ex.zones.forEach((zone, i) => {
    if (zone.room !== undefined && !roomById.has(zone.room)) c.error(['zones', i, 'room'], `room ${q(zone.room)} does not exist (${listIds(roomIds, 'rooms')})`);
    if (zone.polygon) {
      const bad = polygonProblem(zone.polygon);
      if (bad) c.error(bad.index === undefined ? ['zones', i, 'polygon'] : ['zones', i, 'polygon', bad.index], bad.message);
    }
  });
}

function checkTours(c: Collector, ex: ExhibitionData): void {
  const ids = ex.artworks.map((a) => a.id);
  const idSet = new Set(ids);
  checkUniqueIds(c, ex.tours, ['tours']);
  ex.tours.forEach((tour, t) => {
    const seen = new Map<string, number>();
    tour.stops.forEach((stop, s) => {
      const path: PathSegment[] = ['tours', t, 'stops', s, 'artwork'];
      if (!idSet.has(stop.artwork)) {
        c.error(path, `artwork ${q(stop.artwork)} does not exist (${listIds(ids, 'artworks')})`);
        return;
      }
      const prev = tour.stops[s - 1];
      if (prev && prev.artwork === stop.artwork) c.error(path, `the same artwork (${q(stop.artwork)}) as the previous stop; remove one of them`);
      else if (seen.has(stop.artwork)) c.warn(path, `artwork ${q(stop.artwork)} is already stop ${(seen.get(stop.artwork) as number) + 1} of this tour`);
      if (!seen.has(stop.artwork)) seen.set(stop.artwork, s);
    });
  });
}

function checkAr(c: Collector, ex: ExhibitionData): void {
  checkUniqueIds(c, ex.arReferences.points, ['arReferences', 'points']);
  checkUniqueIds(c, ex.arReferences.markers, ['arReferences', 'markers']);
  ex.arReferences.markers.forEach((m, i) => {
    const base: PathSegment[] = ['arReferences', 'markers', i];
    const len = Math.hypot(...m.normal);
    const upLen = Math.hypot(...m.up);
    if (len < 1e-6) c.error([...base, 'normal'], 'the normal must not be zero; it is the direction the printed face looks');
    else if (Math.abs(len - 1) > 0.01) c.warn([...base, 'normal'], `the normal should be a unit vector (its length is ${Number(len.toFixed(3))})`);
    if (upLen < 1e-6) c.error([...base, 'up'], "'up' must not be zero");
    else if (len >= 1e-6) {
      const dot = (m.normal[0] * m.up[0] + m.normal[1] * m.up[1] + m.normal[2] * m.up[2]) / (len * upLen);
      if (Math.abs(dot) > 0.999) c.error([...base, 'up'], "'up' is parallel to the normal; it must point along the printed image's top edge");
    }
  });
}

function checkMediaPaths(c: Collector, ex: ExhibitionData): void {
  for (const ref of listMedia(ex)) {
    if (ref.file.includes('\\')) c.warn(ref.path, `${q(ref.file)} uses '\\'; separate folders with '/'`);
  }
  if (ex.licence.url !== undefined && !isHttpUrl(ex.licence.url)) c.error(['licence', 'url'], `${q(ex.licence.url)} is not a web address; use an https:// link`);
}

function semanticChecks(ex: ExhibitionData, input: unknown): Problem[] {
  const c = new Collector();
  checkUnknownKeys(c, input);
  checkLanguages(c, ex);
  const roomById = new Map<string, { room: Room | Omit<Room, 'height' | 'floor' | 'walls'>; index: number }>();
  ex.space.rooms.forEach((room, index) => {
    if (!roomById.has(room.id)) roomById.set(room.id, { room, index });
  });
  checkSpace(c, ex, roomById);
  checkZones(c, ex, roomById);
  checkArtworks(c, ex, roomById);
  checkTours(c, ex);
  checkAr(c, ex);
  checkMediaPaths(c, ex);
  return c.problems;
}

// ------------------------------------------------------------------ entry point

/**
 * Validates a parsed exhibition file. `ok` is true when there is no error (warnings may remain);
 * the exhibition then has the schema's defaults filled in.
 */
export function validateExhibition(json: unknown): ValidationResult {
  const parsed = Exhibition.safeParse(json);
  if (!parsed.success) return { ok: false, problems: schemaProblems(parsed.error.issues, json) };
  const problems = semanticChecks(parsed.data, json);
  if (problems.some((p) => p.severity === 'error')) return { ok: false, problems };
  return { ok: true, exhibition: parsed.data, problems };
}
