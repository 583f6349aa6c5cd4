/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { exhibitions } from './src/build/exhibitions-plugin.ts';
import { xrProfiles } from './src/build/xr-profiles-plugin.ts';
import { headset } from './src/build/headset-plugin.ts';
import { offline } from './src/build/offline-plugin.ts';
import { decoders } from './src/build/decoders-plugin.ts';
import { csp } from './src/build/csp-plugin.ts';

export default defineConfig({
  plugins: [exhibitions(), xrProfiles(), decoders(), headset(), offline(), csp()],
  // One page, configured by its query string: a missing file is a real 404, never index.html.
  appType: 'mpa',
  build: {
    // OUT_DIR lets several builds (and their preview servers) share a checkout; the default is dist/.
    outDir: process.env.OUT_DIR ?? 'dist',
    // "assets" would collide with the exhibition folder's name in people's heads; the app's own files go here.
    assetsDir: 'app',
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // Two pages: the visit (index.html) and the curating view at /curate (curate.html, src/curate/).
    rollupOptions: { input: { main: 'index.html', curate: 'curate.html', whatIf: 'what-if.html' } },
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
