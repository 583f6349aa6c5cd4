import { usdzBesideModel } from '../../twin/media-path';
/**
 * What an iPhone can do instead of WebXR AR: Apple's AR Quick Look, which opens a USDZ model in the visitor's room
 * from a link `<a rel="ar" href="….usdz"><img></a>` (Safari on iOS and iPadOS only). Detected by feature, not by
 * the user agent: the browser says it supports the `ar` link relation (`a.relList.supports('ar')`) and has no
 * WebXR `immersive-ar`. Babylon-free, like support.ts: it runs at start-up; the USDZ is made on demand (usdz.ts).
 *
 * Apple's rules for the link (https://webkit.org/blog/8421/viewing-augmented-reality-assets-in-safari-for-ios/):
 * the anchor's only child is an `<img>` (or `<picture>`), or Safari follows the link as a download; options go in
 * the URL's fragment (`allowsContentScaling=0` keeps the work at its true size).
 */

/** Whether links with `rel="ar"` open AR Quick Look in this document's browser (Safari on iOS/iPadOS 12+). */
export function supportsQuickLook(doc: Pick<Document, 'createElement'> = document): boolean {
  try {
    const rel = doc.createElement('a').relList as DOMTokenList | undefined;
    return !!rel?.supports?.('ar');
  } catch {
    return false;
  }
}

/**
 * The Quick Look address of a USDZ (a blob: or same-origin URL): its fragment keeps the work at true size and
 * names the page it came from, for Quick Look's share sheet. Any fragment the URL had is replaced.
 */
export function quickLookHref(usdz: string, page?: string): string {
  const url = usdz.split('#')[0]!;
  const options = new URLSearchParams({ allowsContentScaling: '0' });
  if (page) options.set('canonicalWebPageURL', page);
  return `${url}#${options.toString()}`;
}

/** What a Quick Look link shows: the image is its only child, so its text is the image's alternative text. */
export interface QuickLookLinkSpec {
  usdz: string;
  page?: string;
  /** The link's accessible name ("View «Ivy amphora» in your room"). */
  label: string;
  /** The picture inside the link (a thumbnail of the work, or the AR glyph). */
  image: string;
}

/** Builds `<a rel="ar">` for a USDZ, following Apple's rule that its only child is an `<img>`. */
export function quickLookLink(doc: Pick<Document, 'createElement'>, spec: QuickLookLinkSpec): HTMLAnchorElement {
  const a = doc.createElement('a');
  a.rel = 'ar';
  a.href = quickLookHref(spec.usdz, spec.page);
  a.className = 'quick-look';
  const img = doc.createElement('img');
  img.src = spec.image;
  img.alt = spec.label;
  a.append(img);
  return a;
}

/** Works whose model AR Quick Look can show: objects with a published model (paintings have none). */
export function quickLookModel(art: { kind: string; model?: string }): string | undefined {
  return art.kind === 'object' ? art.model : undefined;
}


/** What the server must call a USDZ for Safari to hand it to Quick Look. */
const USDZ_MEDIA_TYPE = 'model/vnd.usdz+zip';

/**
 * The packed USDZ beside `modelUrl` when the server has it (asked with HEAD, within `timeoutMs`), else undefined:
 * the app then makes one on the phone. Never throws: a missing or unreachable file only means "convert it here".
 */
export async function packedUsdz(modelUrl: string, fetcher: typeof fetch = fetch, timeoutMs = 10_000): Promise<string | undefined> {
  const url = usdzBesideModel(modelUrl);
  try {
    const r = await fetcher(url, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
    return r.ok && (r.headers.get('content-type') ?? '').startsWith(USDZ_MEDIA_TYPE) ? url : undefined;
  } catch {
    return undefined;
  }
}
