/**
 * The app's own files. In development Vite runs in middleware mode inside this server, so the project's Vite
 * plugins (exhibitions at /exhibitions/, decoders, controller profiles) and hot reload work as with `vite`;
 * in production the built folder is served with @fastify/static. Either way a missing file is a real 404,
 * never the page (the app is configured by its query string, not by client-side routes).
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { ROOT } from './config';

/** Handles a request that no server route took, or calls `next`. */
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface DevFiles {
  readonly middleware: Middleware;
  close(): Promise<void>;
}

/** Vite's dev server without its own HTTP server: hot reload rides on this server's upgrades. */
export async function startViteMiddleware(httpServer: Server): Promise<DevFiles> {
  const { createServer } = await import('vite'); // only in development: production never loads Vite
  const vite = await createServer({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    appType: 'mpa',
    server: { middlewareMode: true, ws: { server: httpServer } },
  });
  return { middleware: (req, res, next) => vite.middlewares(req, res, next), close: () => vite.close() };
}

/** The built app (`npm run build`): correct types, caching that suits revisioned files, 404 for the rest. */
export async function registerBuiltFiles(app: FastifyInstance, distDir: string, e2eHooks: boolean): Promise<void> {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(`There is no built app in ${distDir}: run \`npm run build\` first (or \`npm start\` for development).`);
  }
  await app.register(fastifyStatic, {
    root: distDir,
    prefix: '/',
    index: ['index.html'],
    wildcard: true,
    cacheControl: false, // set below, per kind of file
    // Revisioned files (app/…-hash.js) may be kept a year; everything else is checked on each visit.
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', /[\\/]app[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  // The curating view (src/curate/) is its own page, built as curate.html; its address is /curate.
  app.get('/curate', (_req, reply) => reply.header('Cache-Control', 'no-cache').sendFile('curate.html'));

  if (e2eHooks) {
    // The update-prompt journey: a browser holding the cookie museum-twin-next-build=<n> gets a service worker
    // that differs by one comment, as if a new build had been deployed (as src/build/offline-plugin.ts does
    // for `vite preview`). Only with MUSEUM_E2E_HOOKS=on, which the e2e config sets.
    app.addHook('onRequest', async (req, reply) => {
      const build = /(?:^|;\s*)museum-twin-next-build=(\w+)/.exec(req.headers.cookie ?? '')?.[1];
      if (!build || req.url.split('?')[0] !== '/sw.js') return;
      const sw = readFileSync(join(distDir, 'sw.js'), 'utf8');
      return reply.type('text/javascript').header('Cache-Control', 'no-cache').send(`${sw}\n// next build ${build}\n`);
    });
  }
}
