/**
 * Security headers on every response of the server: the Content-Security-Policy (src/twin/content-policy.ts),
 * who may frame the app, no MIME sniffing, a short referrer and the Permissions-Policy for WebXR.
 * Configured from the environment: VITE_TRUSTED_ORIGINS (as the build) and MUSEUM_FRAME_ANCESTORS.
 */
import type { FastifyInstance } from 'fastify';
import { PERMISSIONS_POLICY, contentSecurityPolicy } from '../twin/content-policy';
import { parseOriginList } from '../twin/trusted-origins';

export interface SecurityOptions {
  trustedOrigins?: readonly string[];
  /** CSP frame-ancestors sources; default 'self'. */
  frameAncestors?: readonly string[];
  /** Leave the CSP out (Vite's development server injects what a strict policy refuses); other headers stay. */
  csp?: boolean;
}

/** The headers, by name. */
export function securityHeaders(options: SecurityOptions = {}): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  if (options.csp !== false) {
    headers['Content-Security-Policy'] = contentSecurityPolicy({ trustedOrigins: options.trustedOrigins, frameAncestors: options.frameAncestors });
  }
  // For browsers without CSP frame-ancestors; only the two values it can say.
  const fa = options.frameAncestors ?? ["'self'"];
  if (fa.length === 1 && fa[0] === "'self'") headers['X-Frame-Options'] = 'SAMEORIGIN';
  else if (fa.length === 1 && fa[0] === "'none'") headers['X-Frame-Options'] = 'DENY';
  return headers;
}

const FRAME_SOURCE = /^('self'|'none'|https:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?)$/i;

/**
 * Options from the environment. Entries that are not an origin (or 'self'/'none' for frame ancestors) are
 * refused with a message, so that a typo cannot open the policy (a ";" would start a new directive).
 */
export function securityOptionsFromEnv(env: Record<string, string | undefined> = process.env): SecurityOptions {
  const trusted = parseOriginList(env.VITE_TRUSTED_ORIGINS);
  if (trusted.invalid.length) throw new Error(`VITE_TRUSTED_ORIGINS: ${trusted.invalid.map((s) => `'${s}'`).join(', ')} is not an origin such as https://media.museum.example`);
  const frame = (env.MUSEUM_FRAME_ANCESTORS ?? '').split(/[\s,]+/).filter(Boolean);
  const bad = frame.filter((s) => !FRAME_SOURCE.test(s));
  if (bad.length) throw new Error(`MUSEUM_FRAME_ANCESTORS: ${bad.map((s) => `"${s}"`).join(', ')} is not 'self', 'none' or an https:// origin`);
  return { trustedOrigins: trusted.origins, ...(frame.length ? { frameAncestors: frame } : {}) };
}

/** Adds the headers to every response (an onSend hook, so 404s and files served by plugins get them too). */
export function registerSecurity(app: FastifyInstance, options: SecurityOptions = securityOptionsFromEnv()): Record<string, string> {
  const headers = securityHeaders(options);
  app.addHook('onSend', async (_req, reply, payload) => {
    for (const [name, value] of Object.entries(headers)) if (!reply.hasHeader(name)) reply.header(name, value);
    return payload;
  });
  // Responses that leave Fastify's reply (a hijacked one, such as Vite's in development) set these themselves.
  return headers;
}
