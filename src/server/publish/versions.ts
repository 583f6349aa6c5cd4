/**
 * Published versions of an exhibition: <dataDir>/published/<id>/<N>/exhibition.json beside version.json
 * (who, when). A version is written whole into a temporary folder, each file fsynced, then the folder renamed
 * to its number (one atomic step; the parent folder fsynced after), so a visitor never reads half a publish
 * and a crash leaves either the whole version or none.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export interface PublishedVersion {
  readonly version: number;
  readonly publishedAt: string;
  readonly publishedBy: string;
}

const ID = /^[a-z0-9][a-z0-9_-]{0,79}$/;

function exhibitionDir(dataDir: string, id: string): string {
  if (!ID.test(id)) throw new Error(`'${id}' is not an exhibition id`);
  return join(dataDir, 'published', id);
}

/** Version numbers present, ascending. */
function numbers(dataDir: string, id: string): number[] {
  const dir = exhibitionDir(dataDir, id);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => /^[1-9]\d*$/.test(n) && existsSync(join(dir, n, 'exhibition.json')))
    .map(Number)
    .sort((a, b) => a - b);
}

/** The latest published exhibition.json of `id`, or undefined when none has been published. */
export function publishedExhibitionPath(dataDir: string, id: string): string | undefined {
  const latest = numbers(dataDir, id).at(-1);
  return latest === undefined ? undefined : join(exhibitionDir(dataDir, id), String(latest), 'exhibition.json');
}

/** Every published version, newest first. */
export function listVersions(dataDir: string, id: string): PublishedVersion[] {
  const dir = exhibitionDir(dataDir, id);
  return numbers(dataDir, id)
    .reverse()
    .map((n) => {
      try {
        return JSON.parse(readFileSync(join(dir, String(n), 'version.json'), 'utf8')) as PublishedVersion;
      } catch {
        return { version: n, publishedAt: '', publishedBy: '' };
      }
    });
}

function writeSynced(file: string, text: string): void {
  const fd = openSync(file, 'wx');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes version N+1 of `id` atomically and returns it. Two publishes at once get two numbers. */
export function writeVersion(dataDir: string, id: string, exhibition: unknown, publishedBy: string, now = new Date()): PublishedVersion {
  const dir = exhibitionDir(dataDir, id);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.tmp-${randomBytes(6).toString('hex')}`);
  mkdirSync(tmp);
  try {
    for (let attempt = 0; attempt < 20; attempt++) {
      const version: PublishedVersion = { version: (numbers(dataDir, id).at(-1) ?? 0) + 1, publishedAt: now.toISOString(), publishedBy };
      if (attempt === 0) writeSynced(join(tmp, 'exhibition.json'), `${JSON.stringify(exhibition, null, 2)}\n`);
      rmSync(join(tmp, 'version.json'), { force: true });
      writeSynced(join(tmp, 'version.json'), `${JSON.stringify(version)}\n`);
      syncDir(tmp);
      try {
        renameSync(tmp, join(dir, String(version.version)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOTEMPTY' || (e as NodeJS.ErrnoException).code === 'EEXIST') continue; // taken meanwhile
        throw e;
      }
      syncDir(dir);
      return version;
    }
    throw new Error(`could not find a free version number for ${id}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
