/**
 * The gallery builds the works of rooms within reach of the visitor, and no others until the visitor comes near or
 * one of them is asked for (src/scene/room-builds.ts): a thousand works do not fill the heap with every room's
 * meshes and materials. On Babylon's NullEngine, with media held back (nothing is fetched).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { FreeCamera } from '@babylonjs/core/Cameras/freeCamera';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { Exhibition } from '../twin/schema';
import { validateExhibition } from '../twin/validate';
import { centroid } from '../twin/geometry';
import { planExhibition } from '../cli/generated-exhibition';
import { installSilentCanvas } from './canvas-testing';
import { buildGallery, LOAD_HOPS } from './gallery';

// gallery.ts points Babylon at the app's decoders as it loads, under the page's base URL: Node has no page.
vi.hoisted(() => {
  (globalThis as { document?: unknown }).document = { baseURI: 'http://127.0.0.1:9/' };
});
beforeAll(() => {
  delete (globalThis as { document?: unknown }).document;
  installSilentCanvas();
});

const template = Exhibition.parse(JSON.parse(readFileSync(new URL('../../assets/default/exhibition.json', import.meta.url), 'utf8')));
/** Some turns of the event loop: the gallery builds a room per task. */
const ticks = async (n = 20) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0));
};

describe('works built by room', () => {
  it('builds only the rooms within reach, then a room as the visitor comes near or a work of it is asked for', async () => {
    // Five rooms in an enfilade, 18 works each (rooms 1 to 5; the visitor enters room 1).
    const result = validateExhibition(planExhibition(template, { works: 90 }).exhibition);
    if (!result.ok) throw new Error('the generated exhibition is not valid');
    const ex = result.exhibition;
    if (ex.space.kind !== 'floorplan') throw new Error('floor plan expected');
    const rooms = ex.space.rooms.map((r) => r.id);
    expect(rooms).toHaveLength(5);
    const roomOf = (id: string) => ex.artworks.find((a) => a.id === id)!.placement;
    const built: string[] = [];
    const g = await buildGallery(new NullEngine(), { exhibition: ex, url: 'http://127.0.0.1:9/g/exhibition.json', warnings: [] }, {
      onProgress: () => undefined,
      onProblem: () => undefined,
      labelText: (a) => ({ title: a.id, lines: [] }),
      texts: { unavailable: 'unavailable', restricted: 'restricted' },
      holdMedia: true,
      onRoomBuilt: (room) => built.push(room),
    });
    const nodes = () => g.scene.transformNodes.filter((n) => n.name.startsWith('artwork:')).length;
    const perRoom = 18;
    expect(LOAD_HOPS).toBe(2);
    expect(nodes()).toBe(3 * perRoom);
    const camera = new FreeCamera('visitor', new Vector3(ex.entrance.position[0], 1.6, ex.entrance.position[2]), g.scene);
    g.scene.activeCamera = camera;
    g.scene.render();
    await ticks();
    // After the first frame, rooms 4 and 5 (three and four doorways away) still wait.
    expect(nodes()).toBe(3 * perRoom);
    expect(built).toEqual([]);

    // Asking for a work of room 5 (a link, a search) builds its room at once.
    const far = ex.artworks.at(-1)!;
    expect(g.works.get(far.id)?.artwork.id).toBe(far.id);
    expect(nodes()).toBe(4 * perRoom);
    expect(built).toEqual([rooms[4]]);
    expect(roomOf(far.id)).toBeDefined();

    // The visitor walks into room 3: room 4 comes within reach and is built in a task of its own.
    const [x, z] = centroid(ex.space.rooms[2]!.polygon);
    camera.position.set(x, 1.6, z);
    g.scene.render();
    expect(nodes()).toBe(4 * perRoom);
    await ticks();
    expect(nodes()).toBe(5 * perRoom);
    expect(built).toEqual([rooms[4], rooms[3]]);
    g.scene.dispose();
  });
});
