/** What a drop is (a collection folder or 360° photographs), and waiting until the Undo is stored. */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { allSent, isPhotoDrop, type FolderFile } from './import-drop';

const files = (...paths: string[]): FolderFile[] => paths.map((path) => ({ path, file: new File(['x'], path.split('/').pop()!) }));

describe('a drop on the curating view', () => {
  it('is 360° photographs when it holds JPEG or PNG files only (hidden files aside), else a collection folder', () => {
    expect(isPhotoDrop(files('hall.jpg', 'Door.JPEG', 'stairs.png', '.DS_Store'))).toBe(true);
    expect(isPhotoDrop(files('works.csv', 'river.jpg'))).toBe(false);
    expect(isPhotoDrop(files('river.jpg', 'vessel.glb'))).toBe(false);
    expect(isPhotoDrop(files('scan.tiff'))).toBe(false);
    expect(isPhotoDrop(files('.DS_Store'))).toBe(false);
  });
});

describe('allSent', () => {
  it('resolves once the provider has no change on its way, not before', async () => {
    const provider = Object.assign(new EventEmitter(), { hasUnsyncedChanges: true });
    let done = false;
    const sent = allSent(provider).then(() => (done = true));
    provider.emit('unsyncedChanges', { number: 1 });
    await Promise.resolve();
    expect(done).toBe(false);
    provider.hasUnsyncedChanges = false;
    provider.emit('unsyncedChanges', { number: 0 });
    await sent;
    expect(done).toBe(true);
    await allSent(provider); // nothing on its way: at once
  });
});
