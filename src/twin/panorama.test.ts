/* eslint-disable @typescript-eslint/no-explicit-any -- tests break fixtures freely */
import { describe, expect, it } from 'vitest';
import { minimalExhibition } from './fixtures';
import { formatProblem, listMedia, validateExhibition } from './validate';
import { imageDirection, imagePoint, panoramaFiles, panoramaLevels, tileOrder, headingTowards, Panorama } from './panorama';

const tiled = {
  id: 'hall-east',
  name: { en: 'From the east door', it: "Dalla porta est" },
  position: [2, 3],
  heading: 90,
  pixels: [12288, 6144],
  levels: [
    { width: 1024, height: 512, columns: 1, rows: 1, tiles: ['pano/hall-east/0.jpg'] },
    { width: 4096, height: 2048, columns: 2, rows: 1, tiles: ['pano/hall-east/1-0-0.jpg', 'pano/hall-east/1-0-1.jpg'] },
  ],
};

/** The valid fixture with these panoramas in its first room. */
function withPanoramas(...panoramas: unknown[]): any {
  const ex: any = structuredClone(minimalExhibition());
  ex.space.rooms[0].panoramas = panoramas;
  return ex;
}

const errors = (json: unknown) => validateExhibition(json).problems.filter((p) => p.severity === 'error').map(formatProblem);

describe('panoramas in the format', () => {
  it('a room may carry tiled panoramas and one-image panoramas, with defaults for height and heading', () => {
    const one = { id: 'small', position: [1, 1], pixels: [4000, 2000], image: 'pano/small.jpg' };
    const r = validateExhibition(withPanoramas(tiled, one));
    expect(r.problems.map(formatProblem)).toEqual([]);
    if (!r.ok) return;
    const [a, b] = r.exhibition.space.rooms[0]!.panoramas!;
    expect(a!.heading).toBe(90);
    expect(b!.height).toBe(1.6);
    expect(b!.heading).toBe(0);
    expect(panoramaLevels(b!)).toEqual([{ width: 4000, height: 2000, columns: 1, rows: 1, tiles: ['pano/small.jpg'] }]);
  });

  it('a photograph that is not 2:1 is an error that names the panorama, at its place in the file', () => {
    const bad = { ...tiled, id: 'cropped', pixels: [6000, 4000] };
    expect(errors(withPanoramas(bad))).toContainEqual(expect.stringMatching(/^space\.rooms\[0\]\.panoramas\[0\]\.pixels: .*'cropped' is 6000 × 4000 px: a 360° photograph is 2:1/));
  });

  it('tiles larger than 2048 px, a wrong tile count and a level not 2:1 are each reported where they are', () => {
    const bad = {
      ...tiled,
      levels: [
        { width: 8192, height: 4096, columns: 2, rows: 1, tiles: ['a.jpg', 'b.jpg'] },
        { width: 2048, height: 1024, columns: 2, rows: 1, tiles: ['a.jpg'] },
        { width: 2048, height: 2048, columns: 1, rows: 1, tiles: ['a.jpg'] },
      ],
    };
    const found = errors(withPanoramas(bad));
    expect(found).toContainEqual(expect.stringMatching(/panoramas\[0\]\.levels\[0\]\.columns: tiles of 4096 × 4096 px are larger than 2048 px/));
    expect(found).toContainEqual(expect.stringMatching(/panoramas\[0\]\.levels\[1\]\.tiles: 2 columns × 1 rows need 2 tiles, not 1/));
    expect(found).toContainEqual(expect.stringMatching(/panoramas\[0\]\.levels\[2\]\.height: a level is 2048 × 2048 px/));
  });

  it('a panorama with neither image nor tiles, and a media path outside the folder, are errors', () => {
    const found = errors(withPanoramas({ id: 'empty', position: [0, 0], pixels: [200, 100] }, { id: 'far', position: [0, 0], pixels: [200, 100], image: '../x.jpg' }));
    expect(found).toContainEqual(expect.stringMatching(/panoramas\[0\]\.image: panorama 'empty' needs an image or levels/));
    expect(found).toContainEqual(expect.stringMatching(/panoramas\[1\]\.image: .*inside the exhibition folder/));
  });

  it('lists every tile of every panorama once, for offline saves', () => {
    const ex = validateExhibition(withPanoramas(tiled, { id: 'again', position: [0, 0], pixels: [200, 100], image: 'pano/hall-east/0.jpg' }));
    if (!ex.ok) throw new Error('invalid');
    expect(panoramaFiles(ex.exhibition)).toEqual(['pano/hall-east/0.jpg', 'pano/hall-east/1-0-0.jpg', 'pano/hall-east/1-0-1.jpg']);
  });
});

describe('panoramas among the media', () => {
  it('every tile of every level, and a one-image panorama, is listed (so pack copies them and the media check opens them)', () => {
    const one = { id: 'small', position: [1, 1], pixels: [4000, 2000], image: 'pano/small.jpg' };
    const r = validateExhibition(withPanoramas(tiled, one));
    if (!r.ok) throw new Error('valid');
    const listed = listMedia(r.exhibition).filter((m) => m.role === 'panorama');
    expect(listed.map((m) => m.file)).toEqual(['pano/hall-east/0.jpg', 'pano/hall-east/1-0-0.jpg', 'pano/hall-east/1-0-1.jpg', 'pano/small.jpg']);
    expect(listed[2]!.path).toEqual(['space', 'rooms', 0, 'panoramas', 0, 'levels', 1, 'tiles', 1]);
  });
});

describe('aligning the photograph with the room', () => {
  const close = (a: number[], b: number[]) => a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 6));

  it("the image's centre looks along the heading; its right edge behind; its top straight up", () => {
    close(imageDirection(0, 0.5, 0.5), [0, 0, -1]);
    close(imageDirection(90, 0.5, 0.5), [1, 0, 0]);
    // A quarter to the right of the centre is 90° clockwise seen from above: from −z to +x.
    close(imageDirection(0, 0.75, 0.5), [1, 0, 0]);
    close(imageDirection(0, 0, 0.5), [0, 0, 1]);
    close(imageDirection(0, 0.3, 0), [0, 1, 0]);
  });

  it('a work seen from the lens is found at the image point that looks at it (round trip)', () => {
    const lens: [number, number, number] = [2, 1.6, 3];
    const work: [number, number, number] = [5, 1.5, -1];
    const dir: [number, number, number] = [work[0] - lens[0], work[1] - lens[1], work[2] - lens[2]];
    const { u, v } = imagePoint(37, dir);
    const back = imageDirection(37, u, v);
    const n = Math.hypot(...dir);
    close(back, dir.map((d) => d / n));
    // Slightly below the horizon (the work's centre is lower than the lens).
    expect(v).toBeGreaterThan(0.5);
  });

  it('headingTowards agrees with imageDirection', () => {
    const h = headingTowards([0, 0], [3, -3]);
    expect(h).toBeCloseTo(45, 6);
    close(imageDirection(h, 0.5, 0.5), [Math.SQRT1_2, 0, -Math.SQRT1_2]);
  });

  it('loads first the tiles where the visitor looks', () => {
    const level = { columns: 4, rows: 2 };
    // Looking along the panorama's heading, level: the two centre columns of the upper and lower rows first.
    expect(tileOrder(level, 90, 90).slice(0, 4).sort()).toEqual([1, 2, 5, 6]);
    // Looking 90° to the right of it: the right-most column comes first.
    expect(tileOrder(level, 0, 90).slice(0, 2).sort()).toEqual([3, 7]);
    // Looking up: the upper row first.
    expect(tileOrder(level, 0, 0, 60).slice(0, 4).sort()).toEqual([0, 1, 2, 3]);
    expect(tileOrder(level, 0, 0)).toHaveLength(8);
  });

  it('the schema is usable on its own (the importer writes it)', () => {
    expect(Panorama.safeParse(tiled).success).toBe(true);
  });
});
