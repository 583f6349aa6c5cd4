/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { xrProfiles } from './src/modes/vr/xr-profiles-plugin.ts';
import { headset } from './src/modes/vr/headset-plugin.ts';
import { offline } from './src/offline/vite-plugin.ts';
import { decoders } from './src/scene/decoders-plugin.ts';

const ASSETS = resolve(import.meta.dirname, 'assets');
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
};

/**
 * Exhibition content lives in assets/ (not public/) because it is data, not app files:
 * served at /exhibitions/ in dev and copied there in the production build.
 */
function exhibitions(): Plugin {
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
      const outDir = options.dir ?? resolve(import.meta.dirname, 'dist');
      cpSync(ASSETS, join(outDir, URL_PREFIX), { recursive: true });
    },
  };
}

export default defineConfig({
  plugins: [exhibitions(), xrProfiles(), decoders(), headset(), offline()],
  // One page, configured by its query string: a missing file is a real 404, never index.html.
  appType: 'mpa',
  build: {
    // OUT_DIR lets several builds (and their preview servers) share a checkout; the default is dist/.
    outDir: process.env.OUT_DIR ?? 'dist',
    // "assets" would collide with the exhibition folder's name in people's heads; the app's own files go here.
    assetsDir: 'app',
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // CI reads the totals from a JSON report as well as the console.
    reporters: process.env.VITEST_JSON ? ['default', 'json'] : ['default'],
    outputFile: process.env.VITEST_JSON ? { json: process.env.VITEST_JSON } : undefined,
  },
});
