/**
 * Which origins the app loads exhibitions and media from: its own, plus those the museum lists at build time
 * (`VITE_TRUSTED_ORIGINS`, read by src/app.ts). Anyone can make a link with `?exhibition=`; without this rule
 * such a link could show a fake exhibition under the museum's name.
 */

/** Parses "https://a.example, https://cdn.example:8443" (commas or spaces); entries that are not origins are listed apart. */
export function parseOriginList(text: string | undefined): { origins: string[]; invalid: string[] } {
  const origins: string[] = [];
  const invalid: string[] = [];
  for (const entry of (text ?? '').split(/[\s,]+/).filter(Boolean)) {
    let url: URL | undefined;
    try {
      url = new URL(entry);
    } catch {
      url = undefined;
    }
    // An origin is scheme, host and port only; a path would suggest a folder rule this list does not make.
    const bare = url !== undefined && (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === entry.replace(/\/$/, '');
    if (!bare || url === undefined) invalid.push(entry);
    else if (!origins.includes(url.origin)) origins.push(url.origin);
  }
  return { origins, invalid };
}

export type OriginDecision = { ok: true; url: string } | { ok: false; url: string; origin: string };

/** Whether an `?exhibition=` address may be loaded: on the page's own origin or a trusted one (origins compared, never prefixes). */
export function checkExhibitionOrigin(address: string, pageHref: string, trusted: readonly string[]): OriginDecision {
  const url = new URL(address, pageHref);
  const own = new URL(pageHref).origin;
  if (url.origin === own || trusted.includes(url.origin)) return { ok: true, url: url.href };
  // Schemes without a host (data:, blob:, javascript:) have the origin "null": name the scheme instead.
  return { ok: false, url: url.href, origin: url.origin === 'null' ? url.protocol : url.origin };
}

let configured: readonly string[] | undefined;

/** Set once by the app at start: its own origin and the configured trusted ones. */
export function setTrustedOrigins(origins: readonly string[]): void {
  configured = [...origins];
}

/** The origins set by the app; undefined outside the app (CLI, tests), where nothing is restricted by origin. */
export function trustedOrigins(): readonly string[] | undefined {
  return configured;
}
