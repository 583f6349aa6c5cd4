import { describe, expect, it } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { MaterialLibrary } from './materials';

const oak = { color: '#8a6a43', texture: 'textures/oak.jpg' };
const plain = { color: '#ffffff' };

describe('MaterialLibrary', () => {
  it('fetches a finish’s texture at once by default', () => {
    const lib = new MaterialLibrary(new Scene(new NullEngine()), (p) => `/x/${p}`);
    const m = lib.finish('floor', oak, plain);
    expect(m.albedoTexture?.name).toBe('/x/textures/oak.jpg');
  });

  it('holds textures back for in-gallery AR until asked, then fetches each once', () => {
    const lib = new MaterialLibrary(new Scene(new NullEngine()), (p) => `/x/${p}`, true);
    const m = lib.finish('floor', oak, plain);
    expect(lib.finish('floor-2', oak, plain)).toBe(m);
    expect(m.albedoTexture).toBeNull();
    lib.loadTextures();
    expect(m.albedoTexture?.name).toBe('/x/textures/oak.jpg');
    // Later finishes load straight away.
    const stone = lib.finish('floor', { color: '#999999', texture: 'textures/stone.jpg' }, plain);
    expect(stone.albedoTexture?.name).toBe('/x/textures/stone.jpg');
  });
});
