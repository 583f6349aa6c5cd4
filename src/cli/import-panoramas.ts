// Adds a folder of 360° photographs to an exhibition's rooms, cut into tiles every device can upload:
//   npm run import:panoramas -- <folder of 360° photos> --exhibition <dir> [--placement <file.json>]
// Prints a line per photo imported and per photo that could not be (by file name); exits 1 when none imported
// and some failed, 2 for a usage mistake. See .notes/readme-panoramas.md for the placement file.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { importPanoramas } from '../pipeline/import/panorama/import';

const USAGE = 'usage: npm run import:panoramas -- <folder of 360° photos> --exhibition <dir> [--placement <file.json>]';

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { exhibition: { type: 'string' }, placement: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const [folder, ...extra] = parsed.positionals;
  if (!folder || extra.length || !parsed.values.exhibition) {
    console.error(USAGE);
    return 2;
  }
  const dir = path.resolve(parsed.values.exhibition);
  try {
    const result = await importPanoramas(path.resolve(folder), dir, parsed.values.placement && path.resolve(parsed.values.placement), (line) => console.log(line));
    for (const p of result.problems) console.error(`${p.where}: ${p.message}`);
    console.log(`${result.imported.length} panorama(s) imported into ${path.join(dir, 'exhibition.json')}; ${result.problems.length} problem(s)`);
    return result.imported.length === 0 && result.problems.length > 0 ? 1 : 0;
  } catch (e) {
    console.error(`cannot import panoramas: ${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
