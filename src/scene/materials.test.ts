import { describe, expect, it } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { Texture } from '@babylonjs/core/Materials/Textures/texture';
import { MaterialLibrary } from './materials';

const oak = { color: '#8a6a43', texture: 'textures/oak.jpg' };
const plain = { color: '#ffffff' };

/** A library whose textures "arrive" at once as empty textures named by their URL; it records what was fetched. */
function library(hold = false, fail?: string) {
  const scene = new Scene(new NullEngine());
  const fetched: string[] = [];
  const problems: string[] = [];
  const lib = new MaterialLibrary(scene, (p) => `/x/${p}`, hold, (path, message) => problems.push(`${path}: ${message}`), async (url, s) => {
    fetched.push(url);
    if (url === fail) throw new Error('the server answered 404');
    const t = new Texture(null, s);
    t.name = url;
    return t;
  });
  return { lib, fetched, problems };
}
const arrived = () => new Promise((r) => setTimeout(r, 0));

describe('MaterialLibrary', () => {
  it('fetches a finish’s texture at once by default, and puts it on the material when it arrives', async () => {
    const { lib, fetched } = library();
    const m = lib.finish('floor', oak, plain);
    expect(fetched).toEqual(['/x/textures/oak.jpg']);
    await arrived();
    expect(m.albedoTexture?.name).toBe('/x/textures/oak.jpg');
  });

  it('holds textures back for in-gallery AR until asked, then fetches each once', async () => {
    const { lib, fetched } = library(true);
    const m = lib.finish('floor', oak, plain);
    expect(lib.finish('floor-2', oak, plain)).toBe(m);
    expect(fetched).toEqual([]);
    expect(m.albedoTexture).toBeNull();
    lib.loadTextures();
    await arrived();
    expect(fetched).toEqual(['/x/textures/oak.jpg']);
    expect(m.albedoTexture?.name).toBe('/x/textures/oak.jpg');
    // Later finishes load straight away.
    const stone = lib.finish('floor', { color: '#999999', texture: 'textures/stone.jpg' }, plain);
    await arrived();
    expect(stone.albedoTexture?.name).toBe('/x/textures/stone.jpg');
  });

  it('keeps the colour and names the file when a texture cannot be loaded', async () => {
    const { lib, problems } = library(false, '/x/textures/oak.jpg');
    const m = lib.finish('floor', oak, plain);
    await arrived();
    expect(m.albedoTexture).toBeNull();
    expect(problems).toEqual([expect.stringContaining("the surface texture 'textures/oak.jpg' could not be loaded (the server answered 404)")]);
  });
});
