import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalExhibition } from '../../../twin/fixtures';
import { validateExhibition } from '../../../twin/validate';
import { idFromFile, importPanoramas } from './import';
import { gpanoXmp, quadrantPhoto } from './test-photos';

let dir: string;
let exhibitionDir: string;
let photos: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'pano-import-'));
  exhibitionDir = path.join(dir, 'show');
  photos = path.join(dir, 'photos');
  await mkdir(exhibitionDir);
  await mkdir(photos);
  await writeFile(path.join(exhibitionDir, 'exhibition.json'), JSON.stringify(minimalExhibition()));
  // Named after a room, no placement: the room's centre, the heading from GPano (turned by the plan's north).
  await writeFile(path.join(photos, 'hall.jpg'), await quadrantPhoto(2048, 1024, gpanoXmp({ heading: 80, fullWidth: 2048, fullHeight: 1024 })));
  // Placed by the file; its heading wins over GPano.
  await writeFile(path.join(photos, 'Gallery Door.JPG'), await quadrantPhoto(400, 200, gpanoXmp({ heading: 10, fullWidth: 400, fullHeight: 200 })));
  // Bad input: a 3:2 photo, a partial panorama, one with no place, one placed outside its room, not an image.
  await writeFile(path.join(photos, 'cropped.jpg'), await quadrantPhoto(300, 200));
  await writeFile(path.join(photos, 'half.jpg'), await quadrantPhoto(400, 200, gpanoXmp({ fullWidth: 800, fullHeight: 400, croppedWidth: 400, croppedHeight: 200 })));
  await writeFile(path.join(photos, 'lobby.jpg'), await quadrantPhoto(400, 200));
  await writeFile(path.join(photos, 'outside.jpg'), await quadrantPhoto(400, 200));
  await writeFile(path.join(photos, 'broken.jpg'), 'not a jpeg');
  await writeFile(
    path.join(dir, 'placement.json'),
    JSON.stringify({
      north: 10,
      panoramas: [
        { file: 'Gallery Door.JPG', room: 'gallery', position: [9, 3], height: 1.4, heading: 270, name: { en: 'From the door', it: 'Dalla porta' } },
        { file: 'outside.jpg', room: 'gallery', position: [2, 3] },
        { file: 'half.jpg', room: 'hall', position: [2, 2] },
        { file: 'cropped.jpg', room: 'hall', position: [3, 2] },
        { file: 'broken.jpg', room: 'hall', position: [3, 3] },
        { file: 'missing.jpg', room: 'hall' },
      ],
    }),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('importing a folder of 360° photographs', () => {
  it('places each usable photo, cuts it into tiles, reports each other one by name, and the exhibition still validates', async () => {
    const r = await importPanoramas(photos, exhibitionDir, path.join(dir, 'placement.json'));
    expect(r.imported.map((i) => [i.file, i.room, i.id, i.heading, i.headingFrom])).toEqual([
      ['Gallery Door.JPG', 'gallery', 'gallery-door', 270, 'placement'],
      ['hall.jpg', 'hall', 'hall', 90, 'gpano'],
    ]);
    const byWhere = Object.fromEntries(r.problems.map((p) => [p.where, p.message]));
    expect(byWhere).toEqual({
      'placement missing.jpg': `no such photo in ${photos}`,
      'broken.jpg': expect.stringContaining('cannot be read as an image'),
      'cropped.jpg': 'is 300 × 200 px: a 360° photograph is 2:1 (equirectangular), e.g. 400 × 200',
      'half.jpg': 'not a whole 360° photograph: it covers 400 of 800 px around (a partial panorama)',
      'lobby.jpg': 'no placement: add it to the placement file (room, position), or name the file after a room',
      'outside.jpg': "position [2, 3] is outside room 'gallery'",
    });
    const written = JSON.parse(await readFile(path.join(exhibitionDir, 'exhibition.json'), 'utf8'));
    const v = validateExhibition(written);
    expect(v.problems.filter((p) => p.severity === 'error')).toEqual([]);
    if (!v.ok) return;
    const hall = v.exhibition.space.rooms.find((x) => x.id === 'hall')!.panoramas!;
    expect(hall).toHaveLength(1);
    expect(hall[0]).toMatchObject({ id: 'hall', position: [4, 3], height: 1.6, heading: 90, pixels: [2048, 1024] });
    expect(hall[0]!.levels!.map((l) => `${l.width}:${l.columns}x${l.rows}`)).toEqual(['1024:1x1', '2048:1x1']);
    const door = v.exhibition.space.rooms.find((x) => x.id === 'gallery')!.panoramas![0]!;
    expect(door).toMatchObject({ position: [9, 3], height: 1.4, name: { en: 'From the door' } });
    for (const l of [...hall[0]!.levels!, ...door.levels!]) for (const t of l.tiles) expect(existsSync(path.join(exhibitionDir, t))).toBe(true);
    // Nothing is left of the photos that failed.
    expect(existsSync(path.join(exhibitionDir, 'panoramas', 'cropped'))).toBe(false);
  });

  it('importing again replaces a panorama of the same id instead of adding a second', async () => {
    await importPanoramas(photos, exhibitionDir, path.join(dir, 'placement.json'));
    const written = JSON.parse(await readFile(path.join(exhibitionDir, 'exhibition.json'), 'utf8'));
    expect(written.space.rooms[0].panoramas).toHaveLength(1);
  });

  it('a placement file that is not one says where', async () => {
    await writeFile(path.join(dir, 'bad-placement.json'), JSON.stringify({ panoramas: [{ file: 'hall.jpg', room: 'Hall!' }] }));
    await expect(importPanoramas(photos, exhibitionDir, path.join(dir, 'bad-placement.json'))).rejects.toThrow(/bad-placement\.json: panoramas\.0\.room: an id is/);
  });

  it('makes ids from file names', () => {
    expect(idFromFile('Hall East.JPG')).toBe('hall-east');
    expect(idFromFile('Sala è grande.jpg')).toBe('sala-e-grande');
    expect(idFromFile('__.jpg')).toBe('pano-__');
    expect(idFromFile('---.jpg')).toBe('pano-photo');
  });
});

describe('an empty folder', () => {
  it('says there are no photographs in it', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'pano-empty-'));
    const r = await importPanoramas(empty, exhibitionDir);
    expect(r).toEqual({ imported: [], problems: [{ where: empty, message: 'no photographs here (JPEG, PNG, WebP or TIFF)' }] });
    await rm(empty, { recursive: true, force: true });
  });
});
