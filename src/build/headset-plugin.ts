/**
 * Build-time (Node) Vite plugin for trying the app on a real headset or phone: with `vite --mode headset`
 * (`npm run headset`) the dev server listens on the local network over HTTPS with a self-signed certificate
 * (WebXR needs a secure context) and prints each network URL with a QR code to open on the device.
 * In any other mode it does nothing.
 */
import type { Plugin, ViteDevServer } from 'vite';
import { getCertificate } from '@vitejs/plugin-basic-ssl';
import { renderUnicodeCompact } from 'uqr';
import { resolve } from 'node:path';

export function headset(): Plugin {
  let enabled = false;
  return {
    name: 'museum-twin-headset',
    async config(_config, env) {
      enabled = env.mode === 'headset' && env.command === 'serve';
      if (!enabled) return;
      const cert = await getCertificate(resolve('node_modules/.vite/basic-ssl'), 'museum-twin', ['localhost']);
      return { server: { host: '0.0.0.0', https: { cert, key: cert } }, preview: { host: '0.0.0.0', https: { cert, key: cert } } };
    },
    configureServer(server: ViteDevServer) {
      if (!enabled) return;
      server.httpServer?.once('listening', () => {
        setTimeout(() => {
          const urls = server.resolvedUrls?.network ?? [];
          const say = (s: string) => server.config.logger.info(s);
          if (!urls.length) say('\n  No network address found: connect this computer and the headset to the same network.\n');
          for (const url of urls) {
            say(`\n  Open on the headset (same network; accept the self-signed certificate once): ${url}\n`);
            say(renderUnicodeCompact(url, { border: 1 }));
          }
        }, 100);
      });
    },
  };
}
