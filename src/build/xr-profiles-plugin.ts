/**
 * Build-time (Node) Vite plugin: serves a handful of WebXR controller profiles from
 * `@webxr-input-profiles/assets` at `/xr-input/profiles/…`, so Babylon loads controller models from the
 * app's own origin instead of a CDN. Only the profiles listed here are copied (a few MB, not the
 * package's ~100 MB), with a profilesList.json naming just them. `generic-trigger` is always included:
 * Babylon falls back to it for any controller it does not know, so no controller ever sends it elsewhere.
 */
import type { Plugin } from 'vite';
import { cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize, resolve } from 'node:path';

/** Meta Quest 3 / 3S, Quest 2, Quest Pro (via v3), older Quests, hands, and the universal fallback. */
export const XR_PROFILES = ['meta-quest-touch-plus', 'oculus-touch-v3', 'oculus-touch-v2', 'generic-hand', 'generic-trigger'] as const;
export const XR_PROFILES_PATH = 'xr-input';

function profilesRoot(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('@webxr-input-profiles/assets/package.json');
  return resolve(dirname(pkg), 'dist/profiles');
}

function profilesList(root: string): string {
  const all = JSON.parse(readFileSync(join(root, 'profilesList.json'), 'utf8')) as Record<string, unknown>;
  return JSON.stringify(Object.fromEntries(XR_PROFILES.filter((id) => id in all).map((id) => [id, all[id]])), null, 2);
}

export function xrProfiles(): Plugin {
  const prefix = `/${XR_PROFILES_PATH}/profiles/`;
  return {
    name: 'museum-twin-xr-profiles',
    configureServer(server) {
      const root = profilesRoot();
      server.middlewares.use((req, res, next) => {
        const url = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
        if (!url.startsWith(prefix)) return next();
        const rest = url.slice(prefix.length);
        if (rest === 'profilesList.json') {
          res.setHeader('Content-Type', 'application/json');
          res.end(profilesList(root));
          return;
        }
        const id = rest.split('/')[0] ?? '';
        const file = normalize(join(root, rest));
        if (!(XR_PROFILES as readonly string[]).includes(id) || !file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
          res.statusCode = 404;
          res.end('Not found');
          return;
        }
        res.setHeader('Content-Type', file.endsWith('.json') ? 'application/json' : 'model/gltf-binary');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      const root = profilesRoot();
      this.emitFile({ type: 'asset', fileName: `${XR_PROFILES_PATH}/profiles/profilesList.json`, source: profilesList(root) });
    },
    writeBundle(options) {
      const root = profilesRoot();
      const out = join(options.dir ?? resolve('dist'), XR_PROFILES_PATH, 'profiles');
      for (const id of XR_PROFILES) cpSync(join(root, id), join(out, id), { recursive: true });
    },
  };
}
