// Brings a collection in as a walkable exhibition:
//   npm run import -- <folder | manifest.json | manifest URL | scene.svx.json> [--out <dir>] [--language <code>] [--title <text>]
// A folder holds images and 3D models with a spreadsheet (.csv or .xlsx) of the works; a .json file or URL is a IIIF
// Manifest or Collection; a .svx.json file is a Smithsonian Voyager scene. Prints every problem with its place
// ("row 12, Dimensions: '??' is not a size") and a summary. Exits 0 when an exhibition was written and validates,
// 1 when none could be, 2 for a usage mistake.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { importFolder } from '../pipeline/import/folder';
import type { ImportOptions, ImportProblem, SourceImport } from '../pipeline/import/imported-work';
import { layoutExhibition } from '../pipeline/import/layout';
import { checkWorkMedia, writeExhibition } from '../pipeline/import/media';
import { PackError } from '../pipeline/pack';
import { formatProblem } from '../twin/validate';

const USAGE = 'usage: npm run import -- <folder | manifest.json | manifest URL | scene.svx.json> [--out <dir>] [--language <code>] [--title <text>]';
/** Problems printed one by one; past this many, a count (a 50,000-row sheet may have a problem on every row). */
const SHOWN = 200;

type Source = 'folder' | 'iiif' | 'voyager';

async function sourceKind(source: string): Promise<Source | string> {
  if (/^https?:\/\//i.test(source)) return 'iiif';
  const info = await stat(source).catch(() => undefined);
  if (!info) return `${source} not found`;
  if (info.isDirectory()) return 'folder';
  if (/\.svx\.json$/i.test(source)) return 'voyager';
  if (/\.json$/i.test(source)) return 'iiif';
  if (/\.(csv|xlsx)$/i.test(source)) return `give the folder that holds ${path.basename(source)} and its images and models, not the spreadsheet itself`;
  return `${source} is neither a folder, a IIIF manifest (.json or URL) nor a Voyager scene (.svx.json)`;
}

/** The IIIF and Voyager importers are loaded only when asked for (a folder import needs neither). */
async function importOther(kind: 'iiif' | 'voyager', source: string, opts: ImportOptions): Promise<SourceImport> {
  const name = kind === 'iiif' ? 'IIIF' : 'Voyager';
  let mod: Record<string, unknown>;
  try {
    mod = (await import(kind === 'iiif' ? '../pipeline/import/iiif/index' : '../pipeline/import/voyager/index')) as Record<string, unknown>;
  } catch (e) {
    throw new UsageError(`the ${name} import is not available in this build (${(e as Error).message.split('\n')[0]})`);
  }
  const fn = mod[kind === 'iiif' ? 'importIiif' : 'importVoyager'];
  if (typeof fn !== 'function') throw new UsageError(`the ${name} import is not available in this build`);
  return (fn as (s: string, o: ImportOptions) => Promise<SourceImport>)(source, opts);
}

class UsageError extends Error {}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value\n${USAGE}`);
  args.splice(i, 2);
  return value;
}

const size = (bytes: number): string => (bytes < 1e6 ? `${Math.max(1, Math.round(bytes / 1e3))} kB` : `${(bytes / 1e6).toFixed(1)} MB`);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function printProblems(problems: ImportProblem[]): void {
  for (const p of problems.slice(0, SHOWN)) console.log(`${p.where}: ${p.message}`);
  if (problems.length > SHOWN) console.log(`… and ${problems.length - SHOWN} more problems like these`);
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const args = [...argv];
  const out = option(args, '--out');
  const language = option(args, '--language');
  const title = option(args, '--title');
  if (args.length !== 1 || args[0]!.startsWith('--')) throw new UsageError(args.find((a) => a.startsWith('--')) ? `unknown option ${args.find((a) => a.startsWith('--'))}\n${USAGE}` : USAGE);
  if (language !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language)) throw new UsageError(`--language ${language}: give a language tag such as "en" or "it"`);
  const source = args[0]!;
  const kind = await sourceKind(source);
  if (kind !== 'folder' && kind !== 'iiif' && kind !== 'voyager') throw new UsageError(kind);
  const name = path.basename(source.replace(/[/\\]+$/, '')).replace(/(\.svx)?\.json$/i, '') || 'imported';
  const outDir = path.resolve(out ?? `${name.replace(/[^\w.-]+/g, '-')}-exhibition`);
  if (kind === 'folder' && outDir === path.resolve(source)) throw new UsageError('--out must not be the source folder itself; the source is never overwritten');
  const log = (line: string): void => console.error(line);

  const t0 = performance.now();
  log(`reading ${source}`);
  const imported =
    kind === 'folder' ? await importFolder(source, { ...(language ? { language } : {}), ignore: [outDir] }) : await importOther(kind, source, { out: outDir, log });
  const problems = [...imported.problems];
  const works = await checkWorkMedia(imported.works, problems);
  const languages = language ? [language, ...(imported.languages ?? []).filter((l) => l !== language)] : imported.languages;
  const layout = layoutExhibition(works, {
    title: title ? { [languages?.[0] ?? 'en']: title } : (imported.title ?? { [languages?.[0] ?? 'en']: name.replace(/[-_]+/g, ' ') }),
    ...(languages ? { languages } : {}),
  });
  problems.push(...layout.problems);
  const placed = layout.exhibition.artworks.length;
  if (placed === 0) {
    printProblems(problems);
    console.log(`nothing to import: none of the ${plural(imported.works.length, 'work')} found could be used (${plural(problems.length, 'problem')} above)`);
    return 1;
  }
  log(`laid out ${plural(placed, 'work')} in ${plural((layout.exhibition.space.rooms?.length ?? 0), 'room')}; writing media to ${outDir}`);
  let written;
  try {
    written = await writeExhibition(layout, outDir, log);
  } catch (e) {
    if (!(e instanceof PackError)) throw e;
    printProblems(problems);
    console.log(`the exhibition could not be written: ${e.message}`);
    for (const p of e.problems) console.log(`  ${formatProblem(p)}`);
    return 1;
  }
  printProblems(problems);
  // "no 'it' text" on every field of every work says one thing: the source has no Italian for them. Said once.
  const missing = new Map<string, number>();
  for (const p of written.problems) {
    const lang = /^no '([^']+)' text;/.exec(p.message)?.[1];
    if (lang && p.severity === 'warning') missing.set(lang, (missing.get(lang) ?? 0) + 1);
    else console.log(`${p.severity === 'warning' ? 'warning: ' : ''}exhibition.json ${formatProblem(p)}`);
  }
  for (const [lang, n] of missing) console.log(`warning: ${plural(n, 'text')} have no '${lang}' version; visitors reading '${lang}' see the default language there`);
  const errors = written.problems.filter((p) => p.severity === 'error').length;
  const rel = path.relative(process.cwd(), written.file) || written.file;
  console.log(
    `imported ${plural(placed, 'work')} in ${plural((layout.exhibition.space.rooms?.length ?? 0), 'room')} (${plural(problems.length, 'problem')} in the source) → ${rel}, ` +
      `${size(written.report.totals.bytesAfter)}, in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
      (errors ? `${plural(errors, 'error')} in the result` : 'it validates'),
  );
  console.log(`open it: npm run dev, then /?exhibition=<its URL>; check it again any time with npm run validate -- ${rel}`);
  return errors ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      console.error(e.message);
      process.exitCode = 2;
    } else {
      console.error(`import: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    }
  },
);
