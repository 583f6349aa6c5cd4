// Validates an exhibition file and its media:
//   npm run validate -- path/to/exhibition.json [--json]
// Prints one line per problem, then a summary; exits 1 if there is any error, 0 otherwise
// (2 for a usage mistake).
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkMedia } from '../pipeline/media-check';
import { formatProblem, parseJsonText, validateExhibition, type Problem } from '../twin/validate';

const USAGE = 'usage: npm run validate -- path/to/exhibition.json [--json]';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const rest = argv.filter((a) => a !== '--json');
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const unknown = rest.filter((a) => a.startsWith('--'));
  if (rest.length !== 1 || unknown.length > 0) {
    console.error(unknown.length ? `unknown option ${unknown.join(', ')}\n${USAGE}` : USAGE);
    return 2;
  }
  let file = path.resolve(rest[0] as string);

  const report = (problems: Problem[], summary: string): number => {
    const errors = problems.filter((p) => p.severity === 'error').length;
    const warnings = problems.length - errors;
    if (json) {
      console.log(JSON.stringify({ file, ok: errors === 0, errors, warnings, problems }, null, 2));
    } else {
      for (const p of problems) console.log(p.severity === 'warning' ? `warning: ${formatProblem(p)}` : formatProblem(p));
      console.log(summary || `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
    }
    return errors > 0 ? 1 : 0;
  };

  // Read the file (a folder means its exhibition.json).
  let text: string;
  try {
    if ((await stat(file)).isDirectory()) file = path.join(file, 'exhibition.json');
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    return report([{ path: '(file)', severity: 'error', message: `cannot read ${file}: ${why}` }], '');
  }

  const parsed = parseJsonText(text);
  if (!parsed.ok) return report(parsed.problems, '');

  const result = validateExhibition(parsed.value);
  if (!result.ok) return report(result.problems, '');

  const ex = result.exhibition;
  const problems = [...result.problems, ...(await checkMedia(ex, path.dirname(file)))];
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (errors > 0) return report(problems, '');
  const title = ex.title[ex.defaultLanguage] ?? Object.values(ex.title)[0] ?? ex.id;
  const tail = warnings > 0 ? ` (${plural(warnings, 'warning')})` : '';
  return report(
    problems,
    `OK: ${title} — ${plural(ex.artworks.length, 'artwork')}, ${plural(ex.space.rooms.length, 'room')}, ${plural(ex.tours.length, 'tour')}${tail}`,
  );
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`validate: unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exitCode = 1;
  },
);
