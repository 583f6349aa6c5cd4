/**
 * The benchmarks' static file serving: a build folder (or several mounts) as a museum's static hosting serves it,
 * with the content types the app's files need. One place, so every benchmark serves the same way.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json',
  '.bin': 'application/octet-stream',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ktx2': 'image/ktx2',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.hdr': 'application/octet-stream',
  '.env': 'application/octet-stream',
  '.ogg': 'audio/ogg',
  '.vtt': 'text/vtt',
};

/** A file's bytes as a 200 response (no caching: each load of a benchmark fetches again). */
export function sendFile(res: import('node:http').ServerResponse, file: string): number {
  const body = readFileSync(file);
  res.writeHead(200, { 'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream', 'Content-Length': body.length, 'Cache-Control': 'no-cache' });
  res.end(body);
  return body.length;
}

/** A regular file inside `dir` for a URL path, or undefined (outside it, missing, a folder). */
export function fileIn(dir: string, rel: string): string | undefined {
  const file = normalize(join(dir, rel));
  return file.startsWith(dir) && existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/** The build folder (relative to the project) served as static files on 127.0.0.1:`port`. */
export function serveBuild(dir: string, port: number): Promise<Server> {
  const root = resolve(ROOT, dir);
  if (!existsSync(join(root, 'index.html'))) throw new Error(`there is no build in ${dir}: run \`OUT_DIR=${dir} npx vite build\` first`);
  const server = createServer((req, res) => {
    let rel = decodeURIComponent((req.url ?? '/').split(/[?#]/)[0] ?? '/');
    if (rel.endsWith('/')) rel += 'index.html';
    const file = fileIn(root, rel);
    if (file) sendFile(res, file);
    else res.writeHead(404).end('Not found');
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}
