import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { registerSecurity, securityHeaders, securityOptionsFromEnv } from './security';

describe('security headers', () => {
  it('a strict policy: scripts from the app only, no eval, no inline, framing by the app only', () => {
    const h = securityHeaders();
    const csp = h['Content-Security-Policy']!;
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).not.toMatch(/'unsafe-eval'|'unsafe-inline'|\*/);
    expect(csp).toContain("connect-src 'self' blob: data:;");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(h['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(h['Permissions-Policy']).toContain('xr-spatial-tracking=(self)');
    expect(h['X-Frame-Options']).toBe('SAMEORIGIN');
  });

  it('adds the trusted origins to what the page may load, and the configured frame ancestors', () => {
    const h = securityHeaders(securityOptionsFromEnv({ VITE_TRUSTED_ORIGINS: 'https://media.museum.example', MUSEUM_FRAME_ANCESTORS: 'https://www.museum.example' }));
    expect(h['Content-Security-Policy']).toContain("img-src 'self' blob: data: https://media.museum.example;");
    expect(h['Content-Security-Policy']).toContain('frame-ancestors https://www.museum.example');
    expect(h['X-Frame-Options']).toBeUndefined();
    expect(securityHeaders({ frameAncestors: ["'none'"] })['X-Frame-Options']).toBe('DENY');
  });

  it('refuses settings that would open the policy', () => {
    expect(() => securityOptionsFromEnv({ MUSEUM_FRAME_ANCESTORS: "'self'; script-src *" })).toThrow('MUSEUM_FRAME_ANCESTORS');
    expect(() => securityOptionsFromEnv({ VITE_TRUSTED_ORIGINS: 'https://a.example/; script-src *' })).toThrow('VITE_TRUSTED_ORIGINS');
  });

  it('every response of the server carries them, 404s included', async () => {
    const app = Fastify();
    registerSecurity(app, {});
    app.get('/x', async () => ({ ok: true }));
    for (const url of ['/x', '/missing']) {
      const r = await app.inject({ url });
      expect(r.headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(r.headers['x-content-type-options'], url).toBe('nosniff');
    }
    await app.close();
  });
});
