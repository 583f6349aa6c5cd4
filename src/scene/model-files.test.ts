/**
 * A .gltf's own files under the download limits, on Babylon's NullEngine against a real local HTTP server: the
 * hostile answers (a buffer declared far over the cap, a texture over the image cap, a web page in place of a
 * buffer, a file on another server) are refused with a message naming the model and the file; an honest .gltf loads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { Logger } from '@babylonjs/core/Misc/logger';
import '@babylonjs/loaders/glTF/2.0';
import { loadModelLimited } from './limited-load';
import { ModelFileError } from './model-files';
import { FETCH_LIMITS, FetchLimitError } from '../twin/fetch-limits';
import { TRIANGLE, glb, triangleGltf } from './model-testing';
import { serveFiles } from '../twin/serve-testing';

const gltf = (bufferUri: string, imageUri?: string): string => JSON.stringify(triangleGltf(bufferUri, imageUri));

let server: Awaited<ReturnType<typeof serveFiles>>;
let base = '';
let asked: string[] = [];

beforeAll(async () => {
  server = await serveFiles({
    '/ok/vase.gltf': (res) => res.writeHead(200, { 'content-type': 'model/gltf+json' }).end(gltf('vase.bin')),
    '/ok/vase.bin': (res) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(TRIANGLE),
    // A buffer whose server says it is far over the model cap (nothing more is sent).
    '/huge/vase.gltf': (res) => res.writeHead(200).end(gltf('vase.bin')),
    '/huge/vase.bin': (res) => res.writeHead(200, { 'content-length': String(FETCH_LIMITS.model.maxBytes + 1) }).write('x'),
    // A texture over the image cap.
    '/texture/vase.gltf': (res) => res.writeHead(200).end(gltf('vase.bin', 'skin.png')),
    '/texture/vase.bin': (res) => res.writeHead(200).end(TRIANGLE),
    '/texture/skin.png': (res) => res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(FETCH_LIMITS.image.maxBytes + 1) }).write('x'),
    // A GLB that names its texture by address: the same limits.
    '/glb/vase.glb': (res) => res.writeHead(200, { 'content-type': 'model/gltf-binary' }).end(glb(triangleGltf(undefined, 'skin.png'))),
    '/glb/skin.png': (res) => res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(FETCH_LIMITS.image.maxBytes + 1) }).write('x'),
    // A single-page host's answer for a missing buffer.
    '/page/vase.gltf': (res) => res.writeHead(200).end(gltf('vase.bin')),
    '/page/vase.bin': (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>Not here'),
    // Buffers on another server, and above the model's folder.
    '/elsewhere/vase.gltf': (res) => res.writeHead(200).end(gltf('https://attacker.invalid/vase.bin')),
    '/climb/vase.gltf': (res) => res.writeHead(200).end(gltf('../ok/vase.bin')),
  });
  base = server.base;
  asked = server.asked;
  // Babylon logs each failed load as an error as well as rejecting: the test reads the rejection.
  Logger.LogLevels = Logger.NoneLogLevel;
});

afterAll(async () => {
  // Babylon's default (a setter only: nothing to read back).
  Logger.LogLevels = Logger.AllLogLevel;
  await server.close();
});

async function load(path: string) {
  const scene = new Scene(new NullEngine());
  try {
    return await loadModelLimited(`${base}${path}`, scene);
  } finally {
    scene.dispose();
  }
}

/** The error a load ends with; a limit's refusal stays a FetchLimitError (the gallery words it as one). */
async function refusal(path: string, limit = true): Promise<string> {
  const e: unknown = await load(path).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(limit ? FetchLimitError : ModelFileError);
  return (e as Error).message;
}

describe("a .gltf's own files under the limits", () => {
  it('loads an honest .gltf with its buffer through the limits', async () => {
    const scene = new Scene(new NullEngine());
    const container = await loadModelLimited(`${base}/ok/vase.gltf`, scene);
    expect(container.meshes.map((m) => m.getTotalVertices())).toContain(3);
    expect(asked).toContain('/ok/vase.bin');
    scene.dispose();
  });

  it('refuses a buffer over the model cap, before reading it', async () => {
    expect(await refusal('/huge/vase.gltf')).toContain(`${base}/huge/vase.bin is larger than 200 MB, the most allowed for a model`);
  });

  it('refuses a texture over the image cap', async () => {
    expect(await refusal('/texture/vase.gltf')).toContain(`${base}/texture/skin.png is larger than 40 MB, the most allowed for an image`);
  });

  it('refuses a texture over the image cap that a GLB names by address', async () => {
    expect(await refusal('/glb/vase.glb')).toContain(`${base}/glb/skin.png is larger than 40 MB, the most allowed for an image`);
  });

  it('refuses a web page answered in place of a buffer', async () => {
    expect(await refusal('/page/vase.gltf')).toContain(`${base}/page/vase.bin came back as a web page (text/html), not a model`);
  });

  it('never asks another server or a folder above the model, and says why', async () => {
    expect(await refusal('/elsewhere/vase.gltf', false)).toContain(
      "the model 'vase.gltf' names the file 'https://attacker.invalid/vase.bin', which was refused: https://attacker.invalid is not one of the origins",
    );
    asked.length = 0;
    expect(await refusal('/climb/vase.gltf', false)).toContain("the model 'vase.gltf' names the file '../ok/vase.bin', which was refused: a media path must stay inside the exhibition folder");
    expect(asked).toEqual(['/climb/vase.gltf']);
  });
});
