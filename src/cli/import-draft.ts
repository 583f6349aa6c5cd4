// The folder import for an exhibition's draft, as its own process: the server (src/server/import-routes.ts) runs it
// for a folder dropped in the curating view, so decoding and resizing every image never holds up the server's
// other requests, and the server keeps to the twin layer.
//   tsx src/cli/import-draft.ts <folder> --batch-dir <dir> --prefix <path/> [--languages en,it]
// Prints one line of JSON: {works, problems} (src/pipeline/import/into-draft.ts), or {error} and exits 1.
import { importIntoDraft } from '../pipeline/import/into-draft';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]): Promise<number> {
  const folder = args[0];
  const batchDir = option(args, '--batch-dir');
  const prefix = option(args, '--prefix');
  if (!folder || folder.startsWith('--') || !batchDir || !prefix) {
    console.log(JSON.stringify({ error: 'usage: tsx src/cli/import-draft.ts <folder> --batch-dir <dir> --prefix <path/> [--languages en,it]' }));
    return 2;
  }
  const languages = (option(args, '--languages') ?? 'en').split(',').filter(Boolean);
  const result = await importIntoDraft(folder, { languages, batchDir, prefix, log: (line) => console.error(line) });
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
