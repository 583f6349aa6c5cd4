/**
 * Build-time (Node) Vite plugin for exhibition content. It lives in assets/ (not public/) because it is data,
 * not app files: served at /exhibitions/ in dev and copied there in the production build.
 */
import type { Plugin } from 'vite';
import { cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const ASSETS = resolve(ROOT, 'assets');
const URL_PREFIX = '/exhibitions/';

const MIME: Record<string, string> = {
  '.json': 'application/json',
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json',
  '.bin': 'application/octet-stream',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ktx2': 'image/ktx2',
  '.ogg': 'audio/ogg',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.vtt': 'text/vtt',
  '.hdr': 'application/octet-stream',
  '.env': 'application/octet-stream',
};

export function exhibitions(): Plugin {
  return {
    name: 'museum-twin-exhibitions',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
        if (!url.startsWith(URL_PREFIX)) return next();
        const file = normalize(join(ASSETS, url.slice(URL_PREFIX.length)));
        if (!file.startsWith(ASSETS) || !existsSync(file) || !statSync(file).isFile()) {
          res.statusCode = 404;
          res.end('Not found');
          return;
        }
        res.setHeader('Content-Type', MIME[extname(file).toLowerCase()] ?? 'application/octet-stream');
        res.end(readFileSync(file));
      });
    },
    writeBundle(options) {
      const outDir = options.dir ?? resolve(ROOT, 'dist');
      cpSync(ASSETS, join(outDir, URL_PREFIX), { recursive: true });
    },
  };
}
