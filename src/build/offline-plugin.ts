/**
 * The service worker and web app manifest (vite-plugin-pwa, injectManifest): src/offline/sw.ts is built with
 * the precache list of the app's own revisioned files. Exhibition content (/exhibitions/) and the large
 * controller profiles (/xr-input/) stay out of the precache: exhibitions are saved on demand.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin, PluginOption } from 'vite';

export function offline(): PluginOption {
  return [nextBuildForTests(), VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src/offline',
    filename: 'sw.ts',
    registerType: 'prompt',
    // src/offline/register.ts registers it with workbox-window.
    injectRegister: false,
    manifestFilename: 'manifest.webmanifest',
    manifest: {
      name: 'Museum twin',
      short_name: 'Museum twin',
      description: "Walk through a museum exhibition's digital twin, online or offline.",
      theme_color: '#1f1c19',
      background_color: '#1f1c19',
      display: 'standalone',
      start_url: '.',
      scope: '.',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    injectManifest: {
      globPatterns: ['**/*.{js,mjs,css,html,wasm,svg,png,webmanifest,hdr,env}'],
      globIgnores: ['exhibitions/**', 'xr-input/**', 'schema/**', 'sw.js'],
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    },
    devOptions: { enabled: false },
  })];
}

/**
 * `vite preview` only: a browser holding the cookie `museum-twin-next-build=<n>` gets a service worker that
 * differs by one comment, as if a new build had been deployed (the e2e update-prompt journey). Static hosting
 * of dist/ never sees this.
 */
function nextBuildForTests(): Plugin {
  return {
    name: 'museum-twin-next-build-for-tests',
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const build = /(?:^|;\s*)museum-twin-next-build=(\w+)/.exec(req.headers.cookie ?? '')?.[1];
        if (!build || (req.url ?? '').split('?')[0] !== '/sw.js') return next();
        const file = resolve(server.config.root, server.config.build.outDir, 'sw.js');
        res.setHeader('Content-Type', 'text/javascript');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(`${readFileSync(file, 'utf8')}\n// next build ${build}\n`);
      });
    },
  };
}

