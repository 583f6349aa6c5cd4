import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkMedia } from '../pipeline/media-check';
import type { Exhibition } from '../twin/schema';
import { formatProblem, parseJsonText, validateExhibition, type Problem } from '../twin/validate';

const dir = fileURLToPath(new URL('../../assets/default/', import.meta.url));
const file = path.join(dir, 'exhibition.json');

const errorsOf = (problems: Problem[]): string[] => problems.filter((p) => p.severity === 'error').map(formatProblem);

describe('the default exhibition (assets/default/exhibition.json)', () => {
  let problems: Problem[] = [];
  let exhibition: Exhibition | undefined;
  let media: Problem[] = [];

  beforeAll(async () => {
    const parsed = parseJsonText(readFileSync(file, 'utf8'));
    if (!parsed.ok) {
      problems = parsed.problems;
      return;
    }
    const result = validateExhibition(parsed.value);
    problems = result.problems;
    if (result.ok) {
      exhibition = result.exhibition;
      media = await checkMedia(result.exhibition, dir);
    }
  }, 120_000);

  it('validates with no errors', () => {
    expect(errorsOf(problems)).toEqual([]);
    expect(exhibition).toBeDefined();
  });

  it('has media that all exist and decode (no media errors)', () => {
    expect(errorsOf(media)).toEqual([]);
  });

  it('has at least 3 rooms, 24 works (12 paintings, 8 objects) and a tour', () => {
    const ex = exhibition as Exhibition;
    expect(ex.space.rooms.length).toBeGreaterThanOrEqual(3);
    expect(ex.artworks.length).toBeGreaterThanOrEqual(24);
    expect(ex.artworks.filter((a) => a.kind === 'painting').length).toBeGreaterThanOrEqual(12);
    expect(ex.artworks.filter((a) => a.kind === 'object').length).toBeGreaterThanOrEqual(8);
    expect(ex.tours.length).toBeGreaterThanOrEqual(1);
  });

  it('has an advisory work and a restricted work', () => {
    const ex = exhibition as Exhibition;
    expect(ex.artworks.some((a) => a.sensitivity.level === 'advisory')).toBe(true);
    expect(ex.artworks.some((a) => a.sensitivity.level === 'restricted')).toBe(true);
  });

  it('is in English and Italian everywhere', () => {
    const ex = exhibition as Exhibition;
    expect(ex.languages).toEqual(expect.arrayContaining(['en', 'it']));
    const missing = problems.filter((p) => /^(no '(en|it)' text|missing the text in the default language)/.test(p.message));
    expect(missing.map(formatProblem)).toEqual([]);
  });
});
