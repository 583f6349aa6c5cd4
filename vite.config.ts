/// <reference types="vitest/config" />
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { exhibitions } from './src/build/exhibitions-plugin.ts';
import { xrProfiles } from './src/build/xr-profiles-plugin.ts';
import { headset } from './src/build/headset-plugin.ts';
import { offline } from './src/build/offline-plugin.ts';
import { decoders } from './src/build/decoders-plugin.ts';
import { csp } from './src/build/csp-plugin.ts';
import { brdfTables } from './src/build/brdf-tables-plugin.ts';
import { firstChunks } from './src/build/first-chunks.ts';

/**
 * Unit-test files that mock modules or stub globals (`vi.mock`, `vi.doMock`, `vi.stubGlobal`): each runs in a fresh
 * module graph. Found by reading the files, so a new mocking test is isolated without anyone listing it.
 */
const ISOLATED = readdirSync('src', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => `src/${f}`)
  .filter((f) => /\bvi\.(mock|doMock|stubGlobal)\(/.test(readFileSync(f, 'utf8')));

export default defineConfig({
  plugins: [exhibitions(), xrProfiles(), decoders(), headset(), offline(), csp(), brdfTables()],
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
    rollupOptions: {
      input: { main: 'index.html', curate: 'curate.html', whatIf: 'what-if.html' },
      // What each page loads at once, in a few files rather than about 140 (first-chunks.ts).
      output: { codeSplitting: firstChunks({ main: resolve('index.html'), curate: resolve('curate.html'), whatIf: resolve('what-if.html') }) },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  test: {
    environment: 'node',
    testTimeout: 30_000,
    // Most files share their worker's modules (isolate: false): Babylon and the server's libraries are imported
    // once per worker instead of once per file, which halves the unit suite's CPU time. Files that mock modules
    // or stub globals run isolated, so their mocks never reach another file.
    projects: [
      { extends: true, test: { name: 'shared', include: ['src/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED, isolate: true } },
    ],
    // CI reads the totals from a JSON report as well as the console.
    reporters: process.env.VITEST_JSON ? ['default', 'json'] : ['default'],
    outputFile: process.env.VITEST_JSON ? { json: process.env.VITEST_JSON } : undefined,
  },
});
