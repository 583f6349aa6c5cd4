/**
 * A work's overlay animation (a separate GLB) under the model download limits, on Babylon's NullEngine against a
 * real local HTTP server: an honest GLB plays; one over the cap or answered with a web page is refused with a
 * message naming the file and the limit, and the work and the scene are left as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import { Logger } from '@babylonjs/core/Misc/logger';
import '@babylonjs/loaders/glTF/2.0';
import { OverlayPlayer } from './overlay';
import type { SceneArtwork } from './artworks';
import { FETCH_LIMITS, FetchLimitError } from '../twin/fetch-limits';
import { glb, triangleGltf } from './model-testing';
import { serveFiles } from '../twin/serve-testing';

let server: Awaited<ReturnType<typeof serveFiles>>;

beforeAll(async () => {
  server = await serveFiles({
    '/ex/anim/assembly.glb': (res) => res.writeHead(200, { 'content-type': 'model/gltf-binary' }).end(glb(triangleGltf(undefined))),
    '/ex/anim/huge.glb': (res) => res.writeHead(200, { 'content-length': String(FETCH_LIMITS.model.maxBytes + 1) }).write('glTF'),
    '/ex/anim/portal.glb': (res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Sign in to the Wi-Fi</title>'),
  });
  Logger.LogLevels = Logger.NoneLogLevel;
});

afterAll(async () => {
  // Babylon's default (a setter only: nothing to read back).
  Logger.LogLevels = Logger.AllLogLevel;
  await server.close();
});

/** A loaded work whose animation is the separate GLB at `model`. */
function work(scene: Scene, model: string): SceneArtwork {
  const origin = new TransformNode('vase', scene);
  return { artwork: { id: 'vase', animation: { model, loop: true } }, origin, state: 'ready', animations: [] } as unknown as SceneArtwork;
}

describe('an overlay animation under the download limits', () => {
  it('plays an honest GLB, placed on the work', async () => {
    const scene = new Scene(new NullEngine());
    const w = work(scene, 'anim/assembly.glb');
    const player = new OverlayPlayer(scene, w, (p) => `${server.base}/ex/${p}`);
    expect(await player.toggle()).toBe(true);
    expect(scene.meshes.some((m) => m.getTotalVertices() === 3 && m.isDescendantOf(w.origin))).toBe(true);
    scene.dispose();
  });

  for (const [file, words] of [
    ['huge.glb', 'is larger than 200 MB, the most allowed for a model'],
    ['portal.glb', 'came back as a web page (text/html; charset=utf-8), not a model'],
  ] as const) {
    it(`refuses ${file} with a message naming it, and leaves the scene as it was`, async () => {
      const scene = new Scene(new NullEngine());
      const w = work(scene, `anim/${file}`);
      const before = scene.meshes.length;
      const player = new OverlayPlayer(scene, w, (p) => `${server.base}/ex/${p}`);
      const e: unknown = await player.toggle().catch((x: unknown) => x);
      expect(e).toBeInstanceOf(FetchLimitError);
      expect((e as Error).message).toBe(`${server.base}/ex/anim/${file} ${words}${file === 'portal.glb' ? ': the server probably answered a missing file with a page' : ''}`);
      expect(player.playing).toBe(false);
      expect(scene.meshes.length).toBe(before);
      scene.dispose();
    });
  }
});
