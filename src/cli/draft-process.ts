/**
 * What the two draft-import processes share (src/cli/import-draft.ts, src/cli/panorama-draft.ts; the server runs
 * them): their arguments, parsed by Node's `util.parseArgs`, and the one line of JSON they print when they fail.
 */
import { parseArgs } from 'node:util';

export interface DraftArgs {
  folder: string;
  batchDir: string;
  prefix: string;
  /** The process's own options (`--language`, `--languages`), as given. */
  options: Record<string, string | undefined>;
}

/** `<folder> --batch-dir <dir> --prefix <path/>` and the `extra` string options; undefined when one is missing. */
export function draftArgs(args: string[], extra: readonly string[]): DraftArgs | undefined {
  const options = Object.fromEntries(['batch-dir', 'prefix', ...extra].map((name) => [name, { type: 'string' as const }]));
  const { values, positionals } = parseArgs({ args, options, allowPositionals: true });
  const strings = values as Record<string, string | undefined>;
  const [folder] = positionals;
  const batchDir = strings['batch-dir'];
  const prefix = strings.prefix;
  if (!folder || !batchDir || !prefix) return undefined;
  return { folder, batchDir, prefix, options: strings };
}

/** Runs a draft process: its exit code, or `{error}` printed and 1 when it throws. */
export function runDraftProcess(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.log(JSON.stringify({ error: e instanceof Error ? e.message : String(e) }));
      process.exitCode = 1;
    },
  );
}
