import { describe, expect, it } from 'vitest';
import { packedUsdz, quickLookHref, quickLookLink, quickLookModel, supportsQuickLook } from './quick-look';
import { usdzBesideModel } from '../../twin/media-path';

/** Just what the module touches of a document: anchors whose relList answers like the given browser. */
function documentWith(relAr: boolean | 'no-supports' | 'throws') {
  return {
    createElement(tag: string) {
      const children: unknown[] = [];
      const el: Record<string, unknown> = { tagName: tag.toUpperCase(), children, append: (...c: unknown[]) => children.push(...c) };
      if (tag === 'a') {
        if (relAr === 'throws') Object.defineProperty(el, 'relList', { get: () => { throw new TypeError('no'); } });
        else el.relList = relAr === 'no-supports' ? {} : { supports: (t: string) => relAr && t === 'ar' };
      }
      return el;
    },
  } as unknown as Document;
}

describe('AR Quick Look detection', () => {
  it("is found where the browser supports the 'ar' link relation (Safari on iPhone)", () => {
    expect(supportsQuickLook(documentWith(true))).toBe(true);
  });
  it('is not found elsewhere, nor where relList cannot answer', () => {
    expect(supportsQuickLook(documentWith(false))).toBe(false);
    expect(supportsQuickLook(documentWith('no-supports'))).toBe(false);
    expect(supportsQuickLook(documentWith('throws'))).toBe(false);
  });
});

describe('AR Quick Look link', () => {
  it('keeps the work at true size and names the page, replacing any fragment', () => {
    const href = quickLookHref('blob:https://museum.example/1234#x=1', 'https://museum.example/?ar#artwork=vase');
    const [url, fragment] = href.split('#');
    expect(url).toBe('blob:https://museum.example/1234');
    const options = new URLSearchParams(fragment);
    expect(options.get('allowsContentScaling')).toBe('0');
    expect(options.get('canonicalWebPageURL')).toBe('https://museum.example/?ar#artwork=vase');
  });
  it("is an <a rel=\"ar\"> whose only child is an <img> carrying the link's name (Apple's rule)", () => {
    const a = quickLookLink(documentWith(true), { usdz: 'blob:x/1', label: 'View «Vase» in your room', image: 'data:image/svg+xml,x' }) as unknown as {
      rel: string;
      href: string;
      children: { tagName: string; alt: string; src: string }[];
    };
    expect(a.rel).toBe('ar');
    expect(a.href).toBe('blob:x/1#allowsContentScaling=0');
    expect(a.children).toHaveLength(1);
    expect(a.children[0]).toMatchObject({ tagName: 'IMG', alt: 'View «Vase» in your room', src: 'data:image/svg+xml,x' });
  });
  it('is offered for objects with a model, not for paintings or restricted objects', () => {
    expect(quickLookModel({ kind: 'object', model: 'objects/vase.glb' })).toBe('objects/vase.glb');
    expect(quickLookModel({ kind: 'object' })).toBeUndefined();
    expect(quickLookModel({ kind: 'painting' })).toBeUndefined();
  });
});

describe('the packed USDZ', () => {
  const model = 'https://museum.example/exhibitions/default/objects/vase.glb';
  const answering = (status: number, type: string, seen: { url?: string; method?: string } = {}) =>
    (async (url: string, init?: RequestInit) => {
      Object.assign(seen, { url, method: init?.method });
      return new Response(null, { status, headers: { 'content-type': type } });
    }) as unknown as typeof fetch;

  it('lies beside the model, with the same name', () => {
    expect(usdzBesideModel(model)).toBe('https://museum.example/exhibitions/default/objects/vase.usdz');
    expect(usdzBesideModel('https://m.example/a.b/vase.v2.gltf#x')).toBe('https://m.example/a.b/vase.v2.usdz');
  });
  it('is linked when the server has it as a USDZ (asked with HEAD, nothing downloaded)', async () => {
    const seen: { url?: string; method?: string } = {};
    expect(await packedUsdz(model, answering(200, 'model/vnd.usdz+zip', seen))).toBe('https://museum.example/exhibitions/default/objects/vase.usdz');
    expect(seen).toEqual({ url: 'https://museum.example/exhibitions/default/objects/vase.usdz', method: 'HEAD' });
  });
  it('is not used when missing, served as something else, or unreachable: the phone converts the model instead', async () => {
    expect(await packedUsdz(model, answering(404, 'text/plain'))).toBeUndefined();
    // A server that answers every path with its page.
    expect(await packedUsdz(model, answering(200, 'text/html'))).toBeUndefined();
    expect(await packedUsdz(model, (async () => Promise.reject(new TypeError('offline'))) as unknown as typeof fetch)).toBeUndefined();
    const never = ((_u: string, init?: RequestInit) => new Promise((_, reject) => init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason)))) as unknown as typeof fetch;
    expect(await packedUsdz(model, never, 20)).toBeUndefined();
  });
});
