/**
 * Bench-only pages (never part of the app's bundle): the Babylon Viewer, and the exporter that
 * merges an exhibition into one GLB. Built by `npm run bench` into dist-bench-app/bench-pages/.
 */
import { defineConfig } from 'vite';
import { resolve } from 'node:path';

export default defineConfig({
  root: import.meta.dirname,
  base: '/bench-pages/',
  appType: 'mpa',
  logLevel: 'warn',
  build: {
    outDir: process.env.BENCH_PAGES_OUT ?? resolve(import.meta.dirname, '../../dist-bench-app/bench-pages'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 8000,
    rollupOptions: { input: { viewer: resolve(import.meta.dirname, 'viewer.html'), export: resolve(import.meta.dirname, 'export.html') } },
  },
});
