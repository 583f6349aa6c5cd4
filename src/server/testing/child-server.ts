/**
 * The server as a real child process (`npm run serve`'s command), for tests that kill it with SIGKILL.
 * Each test folder gets its own data and a stub dist/ (the API is under test, not the app's files).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../config';

export interface ChildServers {
  /** Starts `main.ts --production` on a free port and resolves with its URL once it listens. */
  start(): Promise<{ child: ChildProcess; url: string }>;
  /** The data folder every start shares (so a restart finds what the killed server wrote). */
  readonly dataDir: string;
  /** Kills whatever still runs and removes the folder. */
  cleanUp(): void;
}

export function childServers(prefix: string, env: Record<string, string>): ChildServers {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const dist = join(dir, 'dist');
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>test</title>');
  const dataDir = join(dir, 'data');
  const children: ChildProcess[] = [];
  return {
    dataDir,
    start() {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--production'], {
        cwd: ROOT,
        env: { ...process.env, PORT: '0', MUSEUM_DATA_DIR: dataDir, OUT_DIR: dist, MUSEUM_SIMULATOR: 'off', MUSEUM_MQTT_PORT: '0', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let out = '';
      return new Promise((resolve, reject) => {
        child.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          const url = /at (http:\/\/[\d.]+:\d+)\//.exec(out)?.[1];
          if (url) resolve({ child, url });
        });
        child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
        child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening:\n${out}`)));
      });
    },
    cleanUp() {
      for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
