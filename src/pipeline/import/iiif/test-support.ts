/** A local http server for the importers' tests: the fetching paths run against it, never the outside network. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Served {
  body: string | Uint8Array;
  type: string;
  status?: number;
}

export interface TestServer {
  url: string;
  /** What was asked for, path and query. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves `files` by path; `{{base}}` in a text body becomes the server's own URL (so fixtures can link). */
export async function serveFiles(files: Record<string, Served | ((path: string) => Served)>): Promise<TestServer> {
  const requests: string[] = [];
  let base = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname + url.search);
    const entry = files[url.pathname] ?? Object.entries(files).find(([k]) => k.endsWith('*') && url.pathname.startsWith(k.slice(0, -1)))?.[1];
    const served = typeof entry === 'function' ? entry(url.pathname) : entry;
    if (!served) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const body = typeof served.body === 'string' ? served.body.replaceAll('{{base}}', base) : served.body;
    res.writeHead(served.status ?? 200, { 'content-type': served.type }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: base, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A box model `[w, h, d]` in its own units, its minimum corner at `at` (Voyager scans are seldom centred). */
export async function boxGlb([w, h, d]: [number, number, number], at: [number, number, number] = [0, 0, 0]): Promise<Uint8Array> {
  const { Document, NodeIO } = await import('@gltf-transform/core');
  const doc = new Document();
  const buffer = doc.createBuffer();
  const [x0, y0, z0] = at;
  const [x1, y1, z1] = [x0 + w, y0 + h, z0 + d];
  const p = [[x0, y0, z0], [x1, y0, z0], [x1, y1, z0], [x0, y1, z0], [x0, y0, z1], [x1, y0, z1], [x1, y1, z1], [x0, y1, z1]].flat();
  const idx = [0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 3, 6, 2, 3, 7, 6, 0, 4, 7, 0, 7, 3, 1, 2, 6, 1, 6, 5];
  const prim = doc
    .createPrimitive()
    .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array(p)).setBuffer(buffer))
    .setIndices(doc.createAccessor().setType('SCALAR').setArray(new Uint16Array(idx)).setBuffer(buffer))
    .setMaterial(doc.createMaterial('clay').setBaseColorFactor([0.7, 0.45, 0.3, 1]));
  doc.createScene('scan').addChild(doc.createNode('scan').setMesh(doc.createMesh('scan').addPrimitive(prim)));
  return new NodeIO().writeBinary(doc);
}
