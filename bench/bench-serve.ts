/**
 * `npm run bench`'s building and serving: commands run in the project, outputs remade only when what makes them
 * changed, and one static server over the build, the bench pages and the benchmark's exhibitions that notes every
 * file it sends (the bytes a visit costs, and which scripts were fetched by when).
 */
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileIn, sendFile } from './static-files';

export const ROOT = resolve(import.meta.dirname, '..');

/** Runs a command in the project; throws with the command when it fails. */
export function run(cmd: string, args: string[], env: Record<string, string> = {}): void {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

/** The newest modification time under the given paths (files or folders). */
function newest(paths: string[]): number {
  let t = 0;
  const walk = (p: string): void => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) for (const f of readdirSync(p)) walk(join(p, f));
    else t = Math.max(t, s.mtimeMs);
  };
  for (const p of paths) walk(p);
  return t;
}

/** Whether an output must be made again: missing, or older than what makes it. */
export const stale = (output: string, inputs: string[]): boolean => !existsSync(output) || statSync(output).mtimeMs < newest(inputs);

/** One file sent by the bench server. */
export interface Served {
  url: string;
  bytes: number;
  at: number;
}

/** A static server over URL prefixes mounted on folders (first match wins); it notes what it sends. */
export function serve(port: number, mounts: [string, string[]][]): { server: Server; log: Served[] } {
  const served: Served[] = [];
  const server = createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    for (const [prefix, dirs] of mounts) {
      if (!url.startsWith(prefix)) continue;
      let rel = url.slice(prefix.length);
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      for (const dir of dirs) {
        const file = fileIn(dir, rel);
        if (!file) continue;
        served.push({ url, bytes: sendFile(res, file), at: Date.now() });
        return;
      }
    }
    res.writeHead(404);
    res.end('Not found');
  });
  server.listen(port, '127.0.0.1');
  return { server, log: served };
}
