/** The documentation must not lie: the README's example validates, and the published JSON Schema is current. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateExhibition } from './validate';
import { exhibitionJsonSchema } from './json-schema';

const root = resolve(import.meta.dirname, '../..');

describe('documentation', () => {
  it("the README's example exhibition validates with no errors", () => {
    const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
    const block = /```json\n([\s\S]*?)\n```/.exec(readme);
    expect(block).not.toBeNull();
    const result = validateExhibition(JSON.parse(block![1]!));
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('public/schema/exhibition.schema.json matches src/twin/schema.ts (run `npm run schema`)', () => {
    const published = JSON.parse(readFileSync(resolve(root, 'public/schema/exhibition.schema.json'), 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(exhibitionJsonSchema())));
  });
});
