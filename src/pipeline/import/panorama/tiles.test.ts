import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanoramaLevel } from '../../../twin/panorama';
import { cutPanorama, levelWidths, NotEquirectangular, tileGrid } from './tiles';
import { meanColour, QUADRANTS, quadrantPhoto } from './test-photos';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pano-tiles-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Within a JPEG's error of a flat colour. */
const near = (got: number[], want: readonly number[]) => got.forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThan(12));

describe('the levels of a panorama', () => {
  it('a 12K photograph: a 1024 px preview, 4096 and 8192 px levels, and its own 12288 px cut 6 × 3 into 2048 px tiles', () => {
    expect(levelWidths(12288)).toEqual([1024, 4096, 8192, 12288]);
    expect(tileGrid(12288, 6144)).toEqual({ columns: 6, rows: 3 });
    expect(tileGrid(1024, 512)).toEqual({ columns: 1, rows: 1 });
    // A small photo is its own preview.
    expect(levelWidths(800)).toEqual([800]);
    expect(levelWidths(5000)).toEqual([1024, 4096, 5000]);
  });

  it('cuts each level into tiles no larger than the limit, each from its own part of the photo, lowest level first', async () => {
    const photo = await quadrantPhoto(1200, 600);
    const out = path.join(dir, 'hall');
    const cut = await cutPanorama(photo, out, dir, 'hall.jpg', { previewWidth: 300, levelWidths: [600], maxTile: 256 });
    expect(cut.pixels).toEqual([1200, 600]);
    expect(cut.levels.map((l) => [l.width, l.columns, l.rows, l.tiles.length])).toEqual([
      [300, 2, 1, 2],
      [600, 3, 2, 6],
      [1200, 5, 3, 15],
    ]);
    // Paths are relative to the exhibition's folder, with '/'.
    expect(cut.levels[0]!.tiles[0]).toBe('hall/0-0-0.jpg');
    for (const level of cut.levels) {
      expect(PanoramaLevel.safeParse(level).success).toBe(true);
      for (const t of level.tiles) {
        const m = await sharp(path.join(dir, t)).metadata();
        expect(Math.max(m.width, m.height)).toBeLessThanOrEqual(256);
      }
    }
    // The sharpest level's corner tiles hold the photo's corners.
    const top = cut.levels[2]!;
    near(await meanColour(path.join(dir, top.tiles[0]!)), QUADRANTS.topLeft);
    near(await meanColour(path.join(dir, top.tiles[4]!)), QUADRANTS.topRight);
    near(await meanColour(path.join(dir, top.tiles[10]!)), QUADRANTS.bottomLeft);
    near(await meanColour(path.join(dir, top.tiles[14]!)), QUADRANTS.bottomRight);
    // The preview's tile widths add up to the level's width.
    const widths = await Promise.all(cut.levels[0]!.tiles.map(async (t) => (await sharp(path.join(dir, t)).metadata()).width));
    expect(widths.reduce((a, b) => a + b, 0)).toBe(300);
  });

  it('a photo that is not 2:1 is refused, naming it', async () => {
    const photo = await quadrantPhoto(300, 200);
    await expect(cutPanorama(photo, path.join(dir, 'bad'), dir, 'lobby.jpg')).rejects.toThrow(new NotEquirectangular('lobby.jpg is 300 × 200 px: a 360° photograph is 2:1 (equirectangular), e.g. 400 × 200'));
  });
});
