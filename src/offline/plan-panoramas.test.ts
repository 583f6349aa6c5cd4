import { describe, expect, it } from 'vitest';
import { minimalExhibition } from '../twin/fixtures';
import { validateExhibition } from '../twin/validate';
import { offlineFiles } from './plan';

const URL0 = 'http://127.0.0.1:4173/exhibitions/show/exhibition.json';

describe('offline saves of an exhibition with panoramas', () => {
  it('include every tile of every level of every panorama, once each, beside the exhibition', () => {
    const input = structuredClone(minimalExhibition()) as { space: { rooms: Record<string, unknown>[] } };
    input.space.rooms[0]!.panoramas = [
      {
        id: 'hall',
        position: [4, 3],
        pixels: [8192, 4096],
        levels: [
          { width: 1024, height: 512, columns: 1, rows: 1, tiles: ['panoramas/hall/0-0-0.jpg'] },
          { width: 4096, height: 2048, columns: 2, rows: 1, tiles: ['panoramas/hall/1-0-0.jpg', 'panoramas/hall/1-0-1.jpg'] },
        ],
      },
    ];
    input.space.rooms[1]!.panoramas = [{ id: 'door', position: [9, 3], pixels: [2000, 1000], image: 'panoramas/hall/0-0-0.jpg' }];
    const r = validateExhibition(input);
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
    const files = offlineFiles(r.exhibition, URL0);
    const pano = files.filter((f) => f.includes('/panoramas/'));
    expect(pano).toEqual([
      'http://127.0.0.1:4173/exhibitions/show/panoramas/hall/0-0-0.jpg',
      'http://127.0.0.1:4173/exhibitions/show/panoramas/hall/1-0-0.jpg',
      'http://127.0.0.1:4173/exhibitions/show/panoramas/hall/1-0-1.jpg',
    ]);
    // Still the exhibition first and nothing twice.
    expect(files[0]).toBe(URL0);
    expect(new Set(files).size).toBe(files.length);
  });
});
