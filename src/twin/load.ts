/**
 * Fetching an exhibition file: network, HTTP and JSON failures become readable problems,
 * then the validator decides whether the file can be shown.
 */
import type { Exhibition } from './schema';
import { validateExhibition, type Problem } from './validate';

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

export async function loadExhibition(url: string, fetcher: typeof fetch = fetch): Promise<LoadedExhibition> {
  const absolute = new URL(url, globalThis.location?.href ?? 'http://localhost/').href;
  let response: Response;
  try {
    response = await fetcher(absolute, { cache: 'no-cache' });
  } catch (e) {
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
  const text = await response.text();
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
  return { exhibition: result.exhibition, url: absolute, warnings: result.problems };
}

/** A media path from the exhibition file, as a URL the browser can fetch. */
export function mediaUrl(exhibitionUrl: string, path: string): string {
  return new URL(path, exhibitionUrl).href;
}
