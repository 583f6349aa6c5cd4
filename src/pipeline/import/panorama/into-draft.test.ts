/** Dropped 360° photographs made ready for a draft: cut as the CLI cuts them, each bad one named with why. */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { panoramasIntoDraft } from './into-draft';
import { panoramaFromPhoto } from './photo';
import { gpanoXmp, quadrantPhoto } from './test-photos';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pano-draft-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const write = async (name: string, bytes: Buffer | string) => {
  const source = path.join(dir, 'in', name);
  await mkdir(path.dirname(source), { recursive: true });
  await writeFile(source, bytes);
  return { source, file: name };
};

describe('360° photographs for a draft', () => {
  it('cuts each usable photo under the batch, its heading from GPano, and names each other photo with why', async () => {
    const photos = [
      await write('Hall East.jpg', await quadrantPhoto(400, 200, gpanoXmp({ heading: 80, fullWidth: 400, fullHeight: 200 }))),
      await write('door.png', await sharp(await quadrantPhoto(200, 100)).png().toBuffer()),
      await write('wide.jpg', await quadrantPhoto(300, 200)),
      await write('half.jpg', await quadrantPhoto(400, 200, gpanoXmp({ fullWidth: 800, fullHeight: 400, croppedWidth: 400, croppedHeight: 200 }))),
      await write('fake.jpg', await sharp(await quadrantPhoto(200, 100)).webp().toBuffer()),
      await write('broken.jpg', 'not a photograph'),
    ];
    const batchDir = path.join(dir, 'batch');
    const r = await panoramasIntoDraft(photos, { batchDir, prefix: 'imports/B/', language: 'en' });
    expect(r.panoramas.map((p) => [p.file, p.panorama.id, p.panorama.name, p.panorama.heading, p.headingFrom, p.panorama.pixels])).toEqual([
      ['Hall East.jpg', 'hall-east', { en: 'Hall East' }, 80, 'gpano', [400, 200]],
      ['door.png', 'door', { en: 'door' }, 0, 'default', [200, 100]],
    ]);
    expect(r.panoramas[0]!.panorama.levels).toEqual([{ width: 400, height: 200, columns: 1, rows: 1, tiles: ['imports/B/panoramas/hall-east/0-0-0.jpg'] }]);
    expect(existsSync(path.join(batchDir, 'panoramas/hall-east/0-0-0.jpg'))).toBe(true);
    const why = Object.fromEntries(r.problems.map((p) => [p.where, p.message]));
    expect(why['wide.jpg']).toBe('is 300 × 200 px: a 360° photograph is 2:1 (equirectangular), e.g. 400 × 200');
    expect(why['half.jpg']).toBe('not a whole 360° photograph: it covers 400 of 800 px around (a partial panorama)');
    expect(why['fake.jpg']).toBe('is a WEBP image: a 360° photograph is taken as JPEG or PNG');
    expect(why['broken.jpg']).toMatch(/^cannot be read as an image \(/);
    // Nothing is left behind of a photo that could not be used.
    expect((await readdir(path.join(batchDir, 'panoramas'))).sort()).toEqual(['door', 'hall-east']);
  });

  it('refuses a photo of more pixels than an upload may have, from its header, before decoding it', async () => {
    // The upload's cap is 16384 × 8192; a smaller cap shows the same check without a 134-megapixel file.
    const photo = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#888' } }).jpeg().toBuffer();
    const capped = await panoramaFromPhoto(photo, 'huge.jpg', path.join(dir, 'capped'), dir, { maxPixels: 1_000_000 });
    expect(capped).toEqual({ ok: false, message: 'is 2000 × 1000 px, more than the 1 megapixels a 360° photograph may have here' });
    expect(existsSync(path.join(dir, 'capped'))).toBe(false);
  });
});
