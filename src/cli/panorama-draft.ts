// 360° photographs dropped in the curating view, made into panoramas for the draft, as their own process: the
// server (src/server/import-routes.ts) runs it, so decoding and cutting a 12K photo never holds up the server's
// other requests, and the server keeps to the twin layer. The cutting is npm run import:panoramas' own (photo.ts).
//   tsx src/cli/panorama-draft.ts <folder of photos> --batch-dir <dir> --prefix <path/> [--language en]
// Prints one line of JSON: {panoramas, problems} (src/pipeline/import/panorama/into-draft.ts), or {error} and exits 1.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { panoramasIntoDraft } from '../pipeline/import/panorama/into-draft';
import { draftArgs, runDraftProcess } from './draft-process';

runDraftProcess(async () => {
  const a = draftArgs(process.argv.slice(2), ['language']);
  if (!a) {
    console.log(JSON.stringify({ error: 'usage: tsx src/cli/panorama-draft.ts <folder of photos> --batch-dir <dir> --prefix <path/> [--language en]' }));
    return 2;
  }
  const entries = (await readdir(a.folder, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const photos = entries
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
    .map((source) => ({ source, file: path.relative(a.folder, source).split(path.sep).join('/') }));
  const language = a.options.language;
  const result = await panoramasIntoDraft(photos, { batchDir: a.batchDir, prefix: a.prefix, ...(language ? { language } : {}), log: (line) => console.error(line) });
  console.log(JSON.stringify(result));
  return 0;
});
