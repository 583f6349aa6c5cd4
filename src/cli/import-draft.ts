// The folder import for an exhibition's draft, as its own process: the server (src/server/import-routes.ts) runs it
// for a folder dropped in the curating view, so decoding and resizing every image never holds up the server's
// other requests, and the server keeps to the twin layer.
//   tsx src/cli/import-draft.ts <folder> --batch-dir <dir> --prefix <path/> [--languages en,it]
// Prints one line of JSON: {works, problems} (src/pipeline/import/into-draft.ts), or {error} and exits 1.
import { importIntoDraft } from '../pipeline/import/into-draft';
import { draftArgs, runDraftProcess } from './draft-process';

runDraftProcess(async () => {
  const a = draftArgs(process.argv.slice(2), ['languages']);
  if (!a) {
    console.log(JSON.stringify({ error: 'usage: tsx src/cli/import-draft.ts <folder> --batch-dir <dir> --prefix <path/> [--languages en,it]' }));
    return 2;
  }
  const languages = (a.options.languages ?? 'en').split(',').filter(Boolean);
  const result = await importIntoDraft(a.folder, { languages, batchDir: a.batchDir, prefix: a.prefix, log: (line) => console.error(line) });
  console.log(JSON.stringify(result));
  return 0;
});
