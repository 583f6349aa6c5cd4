/** The photo dome's geometry, level choice and tiles under the download limits, on Babylon's NullEngine. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { VertexBuffer } from '@babylonjs/core/Buffers/buffer';
import { imageDirection, type Panorama } from '../twin/panorama';
import { FETCH_LIMITS } from '../twin/fetch-limits';
import { PanoramaDome, sharpLevel, spherePatch } from './panorama-dome';

const levels = [1024, 4096, 8192, 12288].map((w) => ({ width: w, height: w / 2, columns: Math.ceil(w / 2048), rows: Math.ceil(w / 4096), tiles: [] }));

describe('the photo dome', () => {
  it('loads the sharpest level the device takes, never more', () => {
    expect(sharpLevel(levels, 8192)).toBe(2);
    expect(sharpLevel(levels, 4096)).toBe(1);
    expect(sharpLevel(levels, 16384)).toBe(3);
    // A device below every level still gets the first.
    expect(sharpLevel(levels, 512)).toBe(0);
  });

  it("puts a tile's corners where the twin looks for those image points, around the eye, and follows the camera", () => {
    const scene = new Scene(new NullEngine());
    const b = { u0: 0.25, u1: 0.5, v0: 0, v1: 0.5 };
    const mesh = spherePatch('t', scene, 60, b);
    const pos = mesh.getVerticesData(VertexBuffer.PositionKind)!;
    const uv = mesh.getVerticesData(VertexBuffer.UVKind)!;
    const n = pos.length / 3;
    // The first vertex is the tile's top-left: image (u0, v0), texture (0, 1) as the texture loads flipped.
    const r = Math.hypot(pos[0]!, pos[1]!, pos[2]!);
    const d0 = imageDirection(60, b.u0, b.v0);
    [0, 1, 2].forEach((k) => expect(pos[k]! / r).toBeCloseTo(d0[k]!, 5));
    expect([uv[0], uv[1]]).toEqual([0, 1]);
    // The last is the bottom-right: image (u1, v1) on the horizon, texture (1, 0).
    const dn = imageDirection(60, b.u1, b.v1);
    [0, 1, 2].forEach((k) => expect(pos[(n - 1) * 3 + k]! / r).toBeCloseTo(dn[k]!, 5));
    expect([uv[(n - 1) * 2], uv[(n - 1) * 2 + 1]]).toEqual([1, 0]);
    expect(mesh.infiniteDistance).toBe(true);
    expect(mesh.isPickable).toBe(false);
    scene.dispose();
  });
});

describe("the photo dome's tiles under the download limits", () => {
  let server: Server;
  let base = '';
  const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = new URL(req.url!, 'http://x').pathname;
      if (path === '/pano/0.jpg' || path === '/pano/3.jpg') return void res.writeHead(200, { 'content-type': 'image/jpeg' }).end(JPEG);
      // A tile whose server declares it far over the image cap (nothing more comes).
      if (path === '/pano/1.jpg') return void res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(FETCH_LIMITS.image.maxBytes + 1) }).write('x');
      // A single-page host's answer for a missing tile.
      if (path === '/pano/2.jpg') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>Gallery');
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // Node has no image decoder: a decoded tile is a stand-in bitmap (NullEngine uploads nothing).
    vi.stubGlobal('createImageBitmap', async () => ({ width: 2048, height: 2048, close() {} }));
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('shows the tiles that arrive whole and names each refused one, with why', async () => {
    const scene = new Scene(new NullEngine());
    const panorama = {
      id: 'doorway',
      position: [0, 0],
      height: 1.6,
      heading: 0,
      pixels: [8192, 4096],
      levels: [{ width: 8192, height: 4096, columns: 4, rows: 2, tiles: ['pano/0.jpg', 'pano/1.jpg', 'pano/2.jpg', 'pano/3.jpg', 'pano/4.jpg', 'pano/5.jpg', 'pano/6.jpg', 'pano/7.jpg'] }],
    } as unknown as Panorama;
    const problems: [string, string][] = [];
    const dome = new PanoramaDome(scene, panorama, { heading: 0, pitch: 0 }, {
      maxWidth: 8192,
      resolve: (p) => `${base}/${p}`,
      onProblem: (file, message) => problems.push([file, message]),
      requestRender: () => undefined,
    });
    await dome.sharp;
    expect(dome.loaded.get(0)).toBe(2);
    expect(scene.meshes.filter((m) => m.metadata?.kind === 'panorama-tile')).toHaveLength(2);
    const said = new Map(problems);
    expect(said.get('pano/1.jpg')).toBe(`the panorama tile could not be loaded (${base}/pano/1.jpg is larger than 40 MB, the most allowed for an image)`);
    expect(said.get('pano/2.jpg')).toBe(
      `the panorama tile could not be loaded (${base}/pano/2.jpg came back as a web page (text/html), not an image: the server probably answered a missing file with a page)`,
    );
    expect(said.get('pano/4.jpg')).toBe('the panorama tile could not be loaded (HTTP 404)');
    expect(problems).toHaveLength(6);
    dome.dispose();
    scene.dispose();
  });
});
