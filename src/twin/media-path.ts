/**
 * The one rule for media references (images, models, audio, captions, textures, markers): a reference is a
 * path that stays inside the exhibition's own folder, or an https:// address on an allowed origin.
 *
 * Used by the schema (form only, no base URL known), the loader and the offline saver (against the exhibition
 * file's URL and the trusted origins) and the pack pipeline (against the source folder as a file: URL). The
 * WHATWG URL parser does the normalising (it folds `.`/`..`, `%2e%2e` and backslashes the way browsers do);
 * the form check refuses what a parser and a web server may read differently before it gets there.
 */

/** Why a reference is refused, in words an exhibition author understands; undefined when its form is fine. */
export function mediaPathProblem(ref: string): string | undefined {
  if (ref.length === 0) return 'a media path must not be empty';
  if (ref !== ref.trim()) return 'a media path must not begin or end with a space';
  // Browsers drop tabs and new lines inside URLs, so "java\tscript:" would become a scheme.
  if (/[\u0000-\u001f\u007f-\u009f]/.test(ref)) return 'a media path must not contain control characters (tab, new line…)';
  if (/[\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/.test(ref)) return 'a media path must not contain invisible or direction-changing characters';
  if (ref.includes('\\')) return "a media path must not contain '\\'; separate folders with '/'";
  // Encoded dots, slashes, backslashes and control characters mean one thing to the URL parser and another
  // to a server that decodes them: no real file name needs them.
  if (/%(2e|2f|5c|[01][0-9a-f]|7f)/i.test(ref)) return "a media path must not contain encoded '.', '/', '\\' or control characters";
  if (ref.startsWith('//')) return 'a media path must not start with "//" (that names another server); use an https:// URL';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(ref)?.[1];
  if (scheme !== undefined) {
    if (scheme.toLowerCase() !== 'https') return 'a media path is relative to the exhibition file or an https:// URL';
    let url: URL;
    try {
      url = new URL(ref);
    } catch {
      return 'a media path is relative to the exhibition file or an https:// URL';
    }
    if (url.username !== '' || url.password !== '') return 'a media URL must not carry a user name or password';
    if (!/^https:\/\/[^/]/i.test(ref)) return 'a media URL is written https://host/path';
    return undefined;
  }
  if (ref.startsWith('/')) return 'a media path is relative to the exhibition file; it must not start with "/"';
  // Any base works: ".." that climbs above the folder climbs above every folder. (.invalid is reserved, RFC 2606: a parsing base, never fetched.)
  const folder = 'https://exhibition.invalid/folder/';
  if (!new URL(ref, folder).href.startsWith(folder)) return 'a media path must stay inside the exhibition folder (no "..")';
  return undefined;
}

export type MediaPathResult = { ok: true; url: string } | { ok: false; reason: string };

/**
 * Resolves a media reference against the exhibition file's absolute URL. Ok when the result lies inside the
 * exhibition's folder, or when the reference is an https URL whose origin is in `allowedOrigins`.
 */
export function resolveMediaPath(ref: string, exhibitionUrl: string, allowedOrigins: readonly string[] = []): MediaPathResult {
  const problem = mediaPathProblem(ref);
  if (problem !== undefined) return { ok: false, reason: problem };
  const folder = new URL('./', exhibitionUrl);
  const url = new URL(ref, folder);
  const insideFolder = url.protocol === folder.protocol && url.host === folder.host && url.pathname.startsWith(folder.pathname);
  if (insideFolder) return { ok: true, url: url.href };
  if (url.protocol === 'https:' && allowedOrigins.some((o) => sameOrigin(o, url.origin))) return { ok: true, url: url.href };
  return { ok: false, reason: `${url.origin} is not one of the origins this app may load media from` };
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** A refused media reference, as thrown by callers that cannot go on without the file. */
export class MediaPathError extends Error {
  constructor(
    readonly ref: string,
    readonly reason: string,
  ) {
    super(`media path '${ref}' refused: ${reason}`);
    this.name = 'MediaPathError';
  }
}

/** resolveMediaPath for callers that must stop on a refused reference. */
export function mediaUrlOrThrow(ref: string, exhibitionUrl: string, allowedOrigins: readonly string[] = []): string {
  const r = resolveMediaPath(ref, exhibitionUrl, allowedOrigins);
  if (!r.ok) throw new MediaPathError(ref, r.reason);
  return r.url;
}

/** The Quick Look copy `npm run pack` writes beside an object's model (src/pipeline/usdz.ts): same name, `.usdz`. */
export const usdzPathFor = (model: string): string => model.replace(/\.[^./]*$/, '') + '.usdz';

/** The same beside a model's absolute address (its fragment dropped): what the iPhone guide and offline saves ask for. */
export function usdzBesideModel(modelUrl: string): string {
  const url = new URL(modelUrl);
  url.pathname = usdzPathFor(url.pathname);
  url.hash = '';
  return url.href;
}
