/**
 * Fuzz test of the exhibition validator and loader: random mutations of the default exhibition (keys deleted or
 * duplicated, wrong types, huge numbers, NaN-ish and hostile strings, deep nesting, truncated JSON text), with a
 * fixed seed so a failure is reproducible. The promise under test: bad input never throws out of the validator
 * (it returns problems or a valid model) and never hangs the loader (it resolves or rejects with ExhibitionError).
 * Bounded by a case count and a time budget, whichever comes first (CI has two cores).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateExhibition, listMedia } from './validate';
import { ExhibitionError, loadExhibition } from './load';
import { seededRandom } from './random';

const TEXT = readFileSync(resolve(import.meta.dirname, '../../assets/default/exhibition.json'), 'utf8');
const FULL = JSON.parse(TEXT) as Record<string, unknown>;
/**
 * The default exhibition cut to its first tour and the works that tour visits: the same structure at a quarter
 * of the size, so the budget holds thousands of cases. One case in five mutates the full file.
 */
const SMALL = ((): Record<string, unknown> => {
  const tour = (FULL.tours as { stops: { artwork: string }[] }[])[0]!;
  const all = FULL.artworks as { id: string }[];
  const ids = new Set(tour.stops.map((s) => s.artwork));
  // Backstories link to other works: keep those too, until nothing kept links outside.
  for (let grew = true; grew; ) {
    grew = false;
    const text = JSON.stringify(all.filter((a) => ids.has(a.id)));
    for (const a of all) {
      if (!ids.has(a.id) && text.includes(a.id)) {
        ids.add(a.id);
        grew = true;
      }
    }
  }
  return { ...structuredClone(FULL), tours: [structuredClone(tour)], artworks: all.filter((a) => ids.has(a.id)) };
})();
const SEED = 0x5eed_2026;
/**
 * Per test: stop after this many cases or this long, whichever comes first. The suite runs a short pass (it must
 * stay fast on two cores); `npm run fuzz` runs a long one (FUZZ_CASES, FUZZ_BUDGET_MS) with the same seed.
 */
const CASES = Number(process.env.FUZZ_CASES ?? 450);
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 10_000);


const HOSTILE: unknown[] = [
  'NaN', 'Infinity', '-Infinity', '1e999', '-0', '', ' ', '\u0000', '\t javascript:alert(1)', 'data:text/html,<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>', '../../../etc/passwd', '..\\..\\windows', '/\\evil.example/x.glb', 'https://evil.example/x.glb',
  '__proto__', 'constructor', '\u202e\u0645txt.gpj', '😀'.repeat(500), 'x'.repeat(100_000), '%00', '{{7*7}}', '${process.exit()}',
  NaN, Infinity, -Infinity, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e308, -1e308, 2 ** 53 + 1, -1, 0, 1.5, true, false, null,
  [], {}, [null], { __proto__: { polluted: true } }, JSON.parse('{"__proto__": {"polluted": true}}'), { constructor: { prototype: { x: 1 } } },
];

type Path = (string | number)[];

/** Every container path in the value (objects and arrays), to pick mutation sites from. */
function containers(v: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (v !== null && typeof v === 'object') {
    out.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => containers(x, [...path, i], out));
    else for (const [k, x] of Object.entries(v)) containers(x, [...path, k], out);
  }
  return out;
}

const FULL_SITES = containers(FULL);
const SMALL_SITES = containers(SMALL);

function at(root: unknown, path: Path): unknown {
  let v = root;
  for (const k of path) {
    // An earlier mutation may have replaced or removed a container on the way.
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

function deep(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

/** One to four mutations of a fresh copy of the default exhibition. */
function mutate(rand: () => number): unknown {
  const full = rand() < 0.2;
  const root = structuredClone(full ? FULL : SMALL);
  const sites = full ? FULL_SITES : SMALL_SITES;
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const n = 1 + Math.floor(rand() * 4);
  for (let m = 0; m < n; m++) {
    const host = at(root, pick(sites));
    if (host === null || typeof host !== 'object') continue; // an earlier mutation replaced it
    const keys: (string | number)[] = Array.isArray(host) ? host.map((_, i) => i) : Object.keys(host);
    if (keys.length === 0) continue;
    const key = pick(keys);
    const h = host as Record<string | number, unknown>;
    switch (Math.floor(rand() * 7)) {
      case 0: // delete
        if (Array.isArray(host)) host.splice(key as number, 1);
        else delete h[key];
        break;
      case 1: // duplicate (an id or a whole item twice)
        if (Array.isArray(host)) host.push(structuredClone(host[key as number]));
        else h[`${String(key)}${rand() < 0.5 ? '' : '_copy'}`] = structuredClone(h[key]);
        break;
      case 2: // a hostile or wrong-typed value
        h[key] = structuredClone(pick(HOSTILE));
        break;
      case 3: // wrong type: the value wrapped or flattened
        h[key] = rand() < 0.5 ? [h[key]] : typeof h[key] === 'object' ? JSON.stringify(h[key]) : { value: h[key] };
        break;
      case 4: // huge or negative numbers
        h[key] = pick([1e300, -1e300, 2 ** 31, -(2 ** 31), 1e-320, -5]);
        break;
      case 5: // deep nesting
        h[key] = deep(50 + Math.floor(rand() * 1000));
        break;
      default: // a swapped value from elsewhere in the file
        h[key] = structuredClone(at(root, pick(sites)));
    }
  }
  return root;
}

/** The validator's contract: a result, never an exception; ok means a model with its media listable. */
function checkValidator(json: unknown): 'ok' | 'problems' {
  const result = validateExhibition(json);
  if (result.ok) {
    expect(result.exhibition.id).toBeTypeOf('string');
    expect(Array.isArray(listMedia(result.exhibition))).toBe(true);
    return 'ok';
  }
  expect(result.problems.length).toBeGreaterThan(0);
  for (const p of result.problems) {
    expect(p.message).toBeTypeOf('string');
    expect(p.message.length).toBeGreaterThan(0);
  }
  return 'problems';
}

describe('fuzz: exhibition validator', () => {
  it('starts from valid files (the cut-down default included)', () => {
    expect(validateExhibition(structuredClone(FULL)).ok).toBe(true);
    expect(validateExhibition(structuredClone(SMALL)).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('returns problems or a valid model for every mutated exhibition, never throws', () => {
    const rand = seededRandom(SEED);
    const start = performance.now();
    const seen = { ok: 0, problems: 0 };
    let i = 0;
    for (; i < CASES && performance.now() - start < BUDGET_MS; i++) {
      const json = mutate(rand);
      try {
        seen[checkValidator(json)]++;
      } catch (e) {
        throw new Error(`case ${i} (seed ${SEED}): ${(e as Error).stack}`);
      }
    }
    // Both outcomes occur: the mutations reach past the first schema check.
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen.problems).toBeGreaterThan(0);
    expect(i).toBeGreaterThan(100);
    console.log(`fuzz validator: ${i} cases in ${(performance.now() - start).toFixed(0)} ms (${seen.ok} valid, ${seen.problems} with problems)`);
  }, BUDGET_MS + 30_000);
});

describe('fuzz: exhibition loader', () => {
  /** A fetch that answers with the given text, as the server would. */
  const serve = (body: string): typeof fetch => async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });

  async function checkLoad(body: string): Promise<'loaded' | 'refused'> {
    // No hang: a load that takes longer than this is a failure of its own.
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('load hung')), 2000));
    try {
      await Promise.race([loadExhibition('http://museum.test/exhibitions/default/exhibition.json', serve(body), ['http://museum.test']), timeout]);
      return 'loaded';
    } catch (e) {
      if (e instanceof ExhibitionError) {
        expect(e.message.length).toBeGreaterThan(0);
        return 'refused';
      }
      throw e;
    }
  }

  it('resolves or refuses with a readable error for truncated JSON text, never throws anything else or hangs', async () => {
    const rand = seededRandom(SEED + 1);
    const start = performance.now();
    const seen = { loaded: 0, refused: 0 };
    let i = 0;
    for (; i < CASES / 3 && performance.now() - start < BUDGET_MS; i++) {
      // Truncated text, sometimes with junk after the cut, sometimes a byte flipped.
      const cut = Math.floor(rand() * TEXT.length);
      const r = rand();
      const body =
        r < 0.5 ? TEXT.slice(0, cut) : r < 0.75 ? TEXT.slice(0, cut) + String(HOSTILE[Math.floor(rand() * 20)]) : TEXT.slice(0, cut) + String.fromCharCode(Math.floor(rand() * 128)) + TEXT.slice(cut + 1);
      try {
        seen[await checkLoad(body)]++;
      } catch (e) {
        throw new Error(`case ${i} (seed ${SEED + 1}, cut ${cut}): ${(e as Error).stack}`);
      }
    }
    expect(seen.refused).toBeGreaterThan(0);
    expect(i).toBeGreaterThan(50);
    console.log(`fuzz loader (text): ${i} cases in ${(performance.now() - start).toFixed(0)} ms (${seen.loaded} loaded, ${seen.refused} refused)`);
  }, BUDGET_MS + 30_000);

  it('resolves or refuses with a readable error for mutated exhibitions', async () => {
    const rand = seededRandom(SEED + 2);
    const start = performance.now();
    const seen = { loaded: 0, refused: 0 };
    let i = 0;
    for (; i < CASES / 3 && performance.now() - start < BUDGET_MS; i++) {
      const body = JSON.stringify(mutate(rand));
      try {
        seen[await checkLoad(body)]++;
      } catch (e) {
        throw new Error(`case ${i} (seed ${SEED + 2}): ${(e as Error).stack}`);
      }
    }
    expect(seen.loaded).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
    console.log(`fuzz loader (model): ${i} cases in ${(performance.now() - start).toFixed(0)} ms (${seen.loaded} loaded, ${seen.refused} refused)`);
  }, BUDGET_MS + 30_000);
});
