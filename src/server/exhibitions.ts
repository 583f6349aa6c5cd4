/**
 * The exhibitions this server keeps a live twin of, read once at start with the project's validator
 * (the same rules as `npm run validate`): a file that cannot be shown cannot be monitored either.
 */
import { readFile } from 'node:fs/promises';
import type { Exhibition } from '../twin/schema';
import { formatProblem, parseJsonText, validateExhibition } from '../twin/validate';
import { ConfigError } from './config';

export interface ServedExhibition {
  readonly id: string;
  readonly file: string;
  readonly exhibition: Exhibition;
}

/** Loads and validates each file; throws a ConfigError naming the file and its problems. */
export async function loadExhibitions(files: readonly string[]): Promise<Map<string, ServedExhibition>> {
  const out = new Map<string, ServedExhibition>();
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      throw new ConfigError(`The exhibition file ${file} cannot be read: ${(e as Error).message}`);
    }
    const json = parseJsonText(text);
    if (!json.ok) throw new ConfigError(`The exhibition file ${file} is not valid JSON: ${json.problems.map(formatProblem).join('; ')}`);
    const result = validateExhibition(json.value);
    if (!result.ok) {
      const errors = result.problems.filter((p) => p.severity === 'error').map(formatProblem);
      throw new ConfigError(`The exhibition file ${file} has ${errors.length} problem(s):\n  ${errors.join('\n  ')}`);
    }
    const id = result.exhibition.id;
    if (out.has(id)) throw new ConfigError(`Two exhibition files have the id '${id}': ${out.get(id)!.file} and ${file}`);
    out.set(id, { id, file, exhibition: result.exhibition });
  }
  return out;
}
