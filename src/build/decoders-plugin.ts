/**
 * Build-time (Node) Vite plugin: serves the decoders listed in decoder-files.ts from their npm packages at
 * `/decoders/…` in development and emits them into the build, where the service worker precaches them with
 * the rest of the app (they are small: about 280 KB together).
 */
import type { Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DECODERS_PATH, DECODER_FILES, KTX2_TRANSCODER } from '../twin/decoder-files.ts';
import { basisWithoutEval } from './basis-csp.ts';

const NODE_MODULES = resolve(import.meta.dirname, '../../node_modules');

/** A decoder's file as the app serves it (the Basis transcoder made CSP-safe: basis-csp.ts). */
export function decoderSource(from: string): Buffer {
  const bytes = readFileSync(resolve(NODE_MODULES, from));
  return from.endsWith(`/${KTX2_TRANSCODER.js}`) ? Buffer.from(basisWithoutEval(bytes.toString('utf8'))) : bytes;
}

export function decoders(): Plugin {
  const prefix = `/${DECODERS_PATH}`;
  return {
    name: 'museum-twin-decoders',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0] ?? '';
        if (!url.startsWith(prefix)) return next();
        const d = DECODER_FILES.find((f) => f.name === url.slice(prefix.length));
        if (!d) {
          res.statusCode = 404;
          res.end('Not found');
          return;
        }
        res.setHeader('Content-Type', d.type);
        res.end(decoderSource(d.from));
      });
    },
    generateBundle() {
      for (const d of DECODER_FILES) this.emitFile({ type: 'asset', fileName: `${DECODERS_PATH}${d.name}`, source: decoderSource(d.from) });
    },
  };
}
