/**
 * Build-time (Node) Vite plugin: writes the Content-Security-Policy into the built index.html as a `<meta>`,
 * for static hosting where no header can be set. The server (src/server/security.ts) sends the same policy
 * as a header, with frame-ancestors, which a `<meta>` policy cannot carry.
 */
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from '../twin/content-policy.ts';
import { parseOriginList } from '../twin/trusted-origins.ts';

export function csp(): Plugin {
  return {
    name: 'museum-twin-csp',
    // The development server injects inline scripts of its own; the policy is for what ships.
    apply: 'build',
    // zod compiles fast validators with `new Function`, which the policy forbids; its probe for that is caught but
    // still reported as a violation. Its jitless mode skips both, set where zod makes its config so that it holds
    // before any schema is built, whatever the chunks' order. (Node, the CLI and the server keep the compiled ones.)
    transform(code, id) {
      if (!/[\\/]zod[\\/]v4[\\/]core[\\/]core\.js$/.test(id)) return null;
      const patched = code.replace('(_a.__zod_globalConfig = {})', '(_a.__zod_globalConfig = { jitless: true })');
      if (patched === code) this.error("zod's core.js no longer makes its config as csp-plugin.ts expects: set jitless another way");
      return { code: patched, map: null };
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const trusted = parseOriginList(process.env.VITE_TRUSTED_ORIGINS);
        if (trusted.invalid.length) throw new Error(`VITE_TRUSTED_ORIGINS: ${trusted.invalid.map((s) => `'${s}'`).join(', ')} is not an origin such as https://media.museum.example`);
        if (!ctx.bundle) return [];
        const policy = contentSecurityPolicy({ trustedOrigins: trusted.origins, forMeta: true });
        // First in <head>: a policy applies only to what comes after it.
        return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }];
      },
    },
  };
}
