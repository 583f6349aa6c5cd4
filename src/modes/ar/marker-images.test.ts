/**
 * Marker images under the image limits, against a real local HTTP server: an honest marker is tracked; one answered
 * with a web page, one over the size limit and a missing one are left out with their reasons, and the tracked
 * images map back to the right markers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerResponse } from 'node:http';
import { serveFiles, type ServedFiles } from '../../twin/serve-testing';
import { loadMarkerImages } from './marker-images';
import { FETCH_LIMITS } from '../../twin/fetch-limits';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

let server: ServedFiles;
let base = '';
beforeAll(async () => {
  const png = (res: ServerResponse) => res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
  server = await serveFiles({
    '/m/entrance.png': png,
    '/m/office.png': png,
    '/m/portal.png': (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Sign in to the Wi-Fi</title>'),
    '/m/huge.png': (res) => res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(FETCH_LIMITS.image.maxBytes + 1) }).write(PNG),
  });
  base = server.base;
});
afterAll(() => server.close());

const marker = (id: string, image: string, widthMetres = 0.2) => ({ id, name: { en: id }, image, widthMetres, position: [0, 1.5, 0] as [number, number, number], normal: [0, 0, 1] as [number, number, number], up: [0, 1, 0] as [number, number, number] });

describe('loadMarkerImages', () => {
  it('tracks the markers whose images came within the limits, and names each one left out and why', async () => {
    const decoded: number[] = [];
    const result = await loadMarkerImages(
      [marker('entrance', 'm/entrance.png', 0.3), marker('portal', 'm/portal.png'), marker('huge', 'm/huge.png'), marker('gone', 'm/gone.png'), marker('office', 'm/office.png', 0.25)],
      (p) => `${base}/${p}`,
      async (blob) => {
        decoded.push(blob.size);
        return { width: 1, height: 1, close() {} } as ImageBitmap;
      },
    );
    // Image i of the tracker is marker i of `markers`: what registration reads back.
    expect(result.markers.map((m) => m.id)).toEqual(['entrance', 'office']);
    expect(result.images.map((i) => i.estimatedRealWorldWidth)).toEqual([0.3, 0.25]);
    expect(decoded).toEqual([PNG.length, PNG.length]);
    const refused = Object.fromEntries(result.refused.map((r) => [r.marker.id, r.reason]));
    expect(Object.keys(refused)).toEqual(['portal', 'huge', 'gone']);
    expect(refused.portal).toMatch(/web page/);
    expect(refused.huge).toMatch(/larger than|limit|MB/i);
    expect(refused.gone).toMatch(/404/);
  });
});
