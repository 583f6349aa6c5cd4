/**
 * Test services come from Debian packages, installed on first use so a fresh machine runs the tests unattended.
 * A package that cannot be installed is an error that fails the test (never a skip: a skipped integration test
 * would pass `.ci/run` without ever having talked to the real service).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Last lines of a failed command's output, for an error a person can act on. */
export function tail(e: unknown, lines = 6): string {
  const err = e as { stderr?: string; stdout?: string; message?: string };
  const text = `${err.stderr ?? ''}\n${err.stdout ?? ''}`.trim() || err.message || String(e);
  return text.split('\n').slice(-lines).join('\n');
}

const isRoot = (): boolean => process.getuid?.() === 0;

async function aptGet(args: readonly string[]): Promise<void> {
  const [cmd, pre] = isRoot() ? ['apt-get', []] : ['sudo', ['-n', 'apt-get']];
  await run(cmd, [...pre, '-o', 'DPkg::Lock::Timeout=300', ...args], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    maxBuffer: 32 * 1024 * 1024,
    timeout: 600_000,
  });
}

/**
 * Returns `find()` once it finds the program, installing the Debian package `pkg` first when it does not
 * (`apt-get install -y`, then `apt-get update` and again). Throws "<pkg> could not be installed: …" otherwise.
 */
export async function ensurePackage<T>(pkg: string, find: () => T | undefined): Promise<T> {
  const found = find();
  if (found !== undefined) return found;
  try {
    try {
      await aptGet(['install', '-y', '--no-install-recommends', pkg]);
    } catch {
      await aptGet(['update']);
      await aptGet(['install', '-y', '--no-install-recommends', pkg]);
    }
  } catch (e) {
    const how = isRoot() ? '' : ' (not root: install it, or allow passwordless sudo for apt-get)';
    throw new Error(`${pkg} could not be installed${how}: ${tail(e)}`);
  }
  const after = find();
  if (after === undefined) throw new Error(`${pkg} could not be installed: apt-get succeeded but its programs are not where expected`);
  return after;
}
