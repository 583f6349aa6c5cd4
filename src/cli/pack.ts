// Writes an optimised copy of an exhibition and prints what it did, file by file:
//   npm run pack -- path/to/exhibition.json out-dir [--json report.json] [--ktx2]
// --ktx2 also writes each painting as KTX2 (Basis Universal) for GPUs that keep it compressed (slow: seconds a painting).
// Exits 1 when the exhibition cannot be packed (each problem on its own line), 2 for a usage mistake.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { packExhibition, PackError } from '../pipeline/pack';
import { formatReport } from '../pipeline/report';
import { formatProblem } from '../twin/validate';

const USAGE = 'usage: npm run pack -- path/to/exhibition.json out-dir [--json report.json] [--ktx2]';

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const args = [...argv];
  let jsonOut: string | undefined;
  const j = args.indexOf('--json');
  if (j >= 0) {
    jsonOut = args[j + 1];
    args.splice(j, 2);
    if (!jsonOut) {
      console.error(USAGE);
      return 2;
    }
  }
  const k = args.indexOf('--ktx2');
  if (k >= 0) args.splice(k, 1);
  if (args.length !== 2 || args.some((a) => a.startsWith('--'))) {
    console.error(USAGE);
    return 2;
  }
  const [source, out] = args as [string, string];
  try {
    const report = await packExhibition(path.resolve(source), path.resolve(out), { ktx2: k >= 0 }, (line) => console.error(line));
    console.log(formatReport(report));
    console.log(`\nwrote ${path.relative(process.cwd(), report.out) || report.out} in ${(report.ms / 1000).toFixed(1)} s; packed size ${(report.totals.ratio * 100).toFixed(1)}% of the source`);
    if (jsonOut) await writeFile(jsonOut, `${JSON.stringify(report, null, 2)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof PackError) {
      console.error(`cannot pack: ${e.message}`);
      for (const p of e.problems) console.error(`  ${formatProblem(p)}`);
      return 1;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
