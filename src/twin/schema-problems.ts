/**
 * Zod issues to plain-English problems: reads the schema (schema.ts) to say what was expected
 * at a path, and walks a value along its schema for the checks that need to.
 */
import { z } from 'zod';
import { Exhibition, FORMAT, FORMAT_VERSION } from './schema';
import { describe, formatPath, q, type PathSegment, type Problem } from './problems';

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

export const defOf = (s: unknown): LooseDef => (s as { _zod: { def: LooseDef } })._zod.def;

/** unwrap() per schema node: the walks below ask it once per value, and a 1000-work file has ~10⁵ values. */
const unwrapped = new WeakMap<object, unknown>();

export function unwrap(s: unknown): unknown {
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

export function isRecordOfStrings(s: unknown): boolean {
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
export function walk(schema: unknown, value: unknown, path: PathSegment[], visit: Visit): void {
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

export function levenshtein(a: string, b: string): number {
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

export function schemaProblems(issues: readonly z.core.$ZodIssue[], input: unknown): Problem[] {
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

