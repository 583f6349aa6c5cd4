/**
 * Fetching an exhibition file: network, HTTP and JSON failures become readable problems,
 * then the validator decides whether the file can be shown.
 */
import type { Exhibition } from './schema';
import { formatPath, listMedia, validateExhibition, type Problem } from './validate';
import { mediaPathProblem, mediaUrlOrThrow, resolveMediaPath } from './media-path';
import { checkExhibitionOrigin, trustedOrigins } from './trusted-origins';
import { FETCH_LIMITS, FetchLimitError, fetchLimited, type FetchLimit, type LimitedResponse } from './fetch-limits';

export class ExhibitionError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = 'ExhibitionError';
  }
}

export interface LoadedExhibition {
  exhibition: Exhibition;
  /** Absolute URL of the exhibition file; media paths resolve against it. */
  url: string;
  /** Warnings the validator found; the exhibition still shows. */
  warnings: Problem[];
}

/**
 * Downloads and validates an exhibition. With `origins` (the app passes its own and the trusted ones), a file
 * on any other origin is refused before anything is fetched, and so is media on another origin.
 */
export async function loadExhibition(
  url: string,
  fetcher: typeof fetch = fetch,
  origins: readonly string[] | undefined = trustedOrigins(),
  limit: FetchLimit = FETCH_LIMITS.exhibition,
): Promise<LoadedExhibition> {
  const page = globalThis.location?.href ?? 'http://localhost/';
  const absolute = new URL(url, page).href;
  if (origins !== undefined) {
    const decision = checkExhibitionOrigin(url, page, origins);
    if (!decision.ok) {
      throw new ExhibitionError(
        `This app does not show exhibitions from ${decision.origin}: it loads them only from its own address and the museum's trusted origins. The link may not come from the museum.`,
        absolute,
      );
    }
  }
  let response: LimitedResponse;
  try {
    // A deadline and a size cap (fetch-limits.ts): a trickling or endless server cannot hang the visit.
    response = await fetchLimited(absolute, limit, { cache: 'no-cache' }, fetcher);
  } catch (e) {
    if (e instanceof FetchLimitError) throw new ExhibitionError(`The exhibition could not be downloaded from ${absolute}: ${e.message}.`, absolute);
    throw new ExhibitionError(
      `The exhibition could not be downloaded from ${absolute}: the network is unreachable or the server refused the connection.`,
      absolute,
    );
  }
  if (!response.ok) {
    throw new ExhibitionError(
      response.status === 404
        ? `There is no exhibition at ${absolute} (the server answered 404 Not Found).`
        : `The server could not send the exhibition at ${absolute} (HTTP ${response.status} ${response.statusText}).`,
      absolute,
    );
  }
  const text = response.text();
  performance.mark('twin:exhibition-fetched');
  if ((response.headers.get('content-type') ?? '').includes('text/html') || /^\s*<(!doctype|html)/i.test(text)) {
    throw new ExhibitionError(`There is no exhibition at ${absolute} (the server answered with a web page, not an exhibition file).`, absolute);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ExhibitionError(
      `The exhibition file at ${absolute} is not valid JSON: ${(e as Error).message}.`,
      absolute,
    );
  }
  performance.mark('twin:exhibition-parsed');
  const result = validateExhibition(json);
  if (!result.ok) {
    const errors = result.problems.filter((p) => p.severity === 'error');
    throw new ExhibitionError(
      `The exhibition file at ${absolute} has ${errors.length} problem${errors.length === 1 ? '' : 's'} and cannot be shown.`,
      absolute,
      errors,
    );
  }
  if (origins !== undefined) {
    const refused: Problem[] = [];
    for (const ref of listMedia(result.exhibition)) {
      const r = resolveMediaPath(ref.file, absolute, origins);
      if (!r.ok) refused.push({ path: formatPath(ref.path), message: `'${ref.file}' is refused: ${r.reason}`, severity: 'error' });
    }
    if (refused.length > 0) {
      throw new ExhibitionError(`The exhibition file at ${absolute} names media the app may not load (${refused.length}).`, absolute, refused);
    }
  }
  return { exhibition: result.exhibition, url: absolute, warnings: result.problems };
}

/**
 * A media path from the exhibition file, as a URL the browser can fetch: inside the exhibition's folder or on a
 * trusted origin (twin/media-path.ts), else it throws. loadExhibition has refused such files already.
 */
export function mediaUrl(exhibitionUrl: string, path: string): string {
  const origins = trustedOrigins();
  // Outside the app (CLI, tests) a well-formed https address on any origin is taken as written.
  if (origins === undefined && /^https:\/\//i.test(path) && mediaPathProblem(path) === undefined) return new URL(path).href;
  return mediaUrlOrThrow(path, exhibitionUrl, origins ?? []);
}
