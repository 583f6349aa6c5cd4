// 360° photographs dropped in the curating view, made into panoramas for the draft, as their own process: the
// server (src/server/import-routes.ts) runs it, so decoding and cutting a 12K photo never holds up the server's
// other requests, and the server keeps to the twin layer. The cutting is npm run import:panoramas' own (photo.ts).
//   tsx src/cli/panorama-draft.ts <folder of photos> --batch-dir <dir> --prefix <path/> [--language en]
// Prints one line of JSON: {panoramas, problems} (src/pipeline/import/panorama/into-draft.ts), or {error} and exits 1.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { panoramasIntoDraft } from '../pipeline/import/panorama/into-draft';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]): Promise<number> {
  const folder = args[0];
  const batchDir = option(args, '--batch-dir');
  const prefix = option(args, '--prefix');
  if (!folder || folder.startsWith('--') || !batchDir || !prefix) {
    console.log(JSON.stringify({ error: 'usage: tsx src/cli/panorama-draft.ts <folder of photos> --batch-dir <dir> --prefix <path/> [--language en]' }));
    return 2;
  }
  const entries = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const photos = entries
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
    .map((source) => ({ source, file: path.relative(folder, source).split(path.sep).join('/') }));
  const language = option(args, '--language');
  const result = await panoramasIntoDraft(photos, { batchDir, prefix, ...(language ? { language } : {}), log: (line) => console.error(line) });
  console.log(JSON.stringify(result));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.log(JSON.stringify({ error: e instanceof Error ? e.message : String(e) }));
    process.exitCode = 1;
  },
);
