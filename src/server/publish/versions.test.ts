import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listVersions, publishedExhibitionPath, writeVersion } from './versions';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'versions-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('published versions', () => {
  it('numbers versions 1, 2… and serves the latest, leaving no temporary folder', () => {
    expect(publishedExhibitionPath(dir, 'show')).toBeUndefined();
    writeVersion(dir, 'show', { title: 'first' }, 'ana', new Date('2026-12-06T10:00:00Z'));
    const v2 = writeVersion(dir, 'show', { title: 'second' }, 'bo');
    expect(v2.version).toBe(2);
    const latest = publishedExhibitionPath(dir, 'show')!;
    expect(latest).toBe(join(dir, 'published', 'show', '2', 'exhibition.json'));
    expect(JSON.parse(readFileSync(latest, 'utf8'))).toEqual({ title: 'second' });
    expect(listVersions(dir, 'show')).toEqual([
      { version: 2, publishedAt: v2.publishedAt, publishedBy: 'bo' },
      { version: 1, publishedAt: '2026-12-06T10:00:00.000Z', publishedBy: 'ana' },
    ]);
    expect(readdirSync(join(dir, 'published', 'show')).sort()).toEqual(['1', '2']);
  });

  it('refuses an id that could leave the data folder', () => {
    expect(() => writeVersion(dir, '../escape', {}, 'ana')).toThrow(/not an exhibition id/);
    expect(existsSync(join(dir, 'escape'))).toBe(false);
  });
});
