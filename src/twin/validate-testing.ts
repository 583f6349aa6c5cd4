/**
 * For the validator's tests (validate*.test.ts): the valid fixture to break one way per test, and assertions on the
 * problems it then reports.
 */
import { minimalExhibition } from './fixtures';
import { formatProblem, validateExhibition, type Problem } from './validate';

/** A fresh, loosely typed copy of the valid fixture, to break one way per test. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests break fixtures freely
export const fixture = (): any => structuredClone(minimalExhibition());

export function problemsOf(json: unknown): Problem[] {
  return validateExhibition(json).problems;
}

const listed = (problems: readonly Problem[]): string => problems.map((p) => `  ${p.severity}: ${formatProblem(p)}`).join('\n') || '  (none)';

/** Asserts a problem with exactly this path, whose message contains `part`. */
export function expectProblem(json: unknown, path: string, part: string, severity: 'error' | 'warning' = 'error'): Problem {
  const problems = problemsOf(json);
  const hit = problems.find((p) => p.path === path && p.message.includes(part) && p.severity === severity);
  if (!hit) throw new Error(`expected ${severity} at ${path} containing "${part}", got:\n${listed(problems)}`);
  return hit;
}

/** Asserts that the exhibition has no errors (warnings allowed). */
export function expectNoErrors(json: unknown): void {
  const errors = problemsOf(json).filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(`expected no errors, got:\n${listed(errors)}`);
}
