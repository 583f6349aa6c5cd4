import { describe, expect, it } from 'vitest';
import { checkExhibitionOrigin, parseOriginList } from './trusted-origins';
import { ExhibitionError, loadExhibition } from './load';
import { minimalExhibition } from './fixtures';

const PAGE = 'https://museum.example/twin/?exhibition=x';

describe('the trusted origins list', () => {
  it('reads origins separated by commas or spaces, and sets apart what is not an origin', () => {
    expect(parseOriginList('https://a.example, https://cdn.example:8443  http://localhost:5173/')).toEqual({
      origins: ['https://a.example', 'https://cdn.example:8443', 'http://localhost:5173'],
      invalid: [],
    });
    expect(parseOriginList('https://a.example/folder, a.example, ftp://x.example, javascript:alert(1)').invalid).toEqual([
      'https://a.example/folder',
      'a.example',
      'ftp://x.example',
      'javascript:alert(1)',
    ]);
    expect(parseOriginList(undefined)).toEqual({ origins: [], invalid: [] });
  });
});

describe('which exhibitions may load', () => {
  it("accepts the page's own origin, relative or absolute", () => {
    expect(checkExhibitionOrigin('/exhibitions/spring/exhibition.json', PAGE, []).ok).toBe(true);
    expect(checkExhibitionOrigin('https://museum.example/e.json', PAGE, []).ok).toBe(true);
  });

  it('accepts a trusted origin and refuses any other, naming it', () => {
    expect(checkExhibitionOrigin('https://partner.example/e.json', PAGE, ['https://partner.example']).ok).toBe(true);
    expect(checkExhibitionOrigin('https://evil.example/e.json', PAGE, ['https://partner.example'])).toEqual({
      ok: false,
      url: 'https://evil.example/e.json',
      origin: 'https://evil.example',
    });
  });

  it('compares origins, not the start of the address', () => {
    for (const address of [
      'https://museum.example.evil.test/e.json',
      'https://museum.example@evil.test/e.json',
      'http://museum.example/e.json',
      'https://museum.example:444/e.json',
      '//evil.test/e.json',
    ]) {
      expect(checkExhibitionOrigin(address, PAGE, []).ok, address).toBe(false);
    }
  });

  it('names the scheme of an address without a host', () => {
    expect(checkExhibitionOrigin('data:application/json,{}', PAGE, [])).toMatchObject({ ok: false, origin: 'data:' });
  });
});

describe('loading under the rule', () => {
  const serve = (body: unknown): typeof fetch => (async () => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })) as typeof fetch;

  it('refuses an exhibition on another origin without fetching it', async () => {
    let fetched = false;
    const spy = (async () => {
      fetched = true;
      return new Response('{}');
    }) as typeof fetch;
    const error = await loadExhibition('https://evil.example/e.json', spy, ['http://localhost']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExhibitionError);
    expect((error as Error).message).toContain('does not show exhibitions from https://evil.example');
    expect(fetched).toBe(false);
  });

  it('refuses an exhibition whose media lives on an origin that is not trusted, listing each file', async () => {
    const ex = minimalExhibition() as ReturnType<typeof minimalExhibition> & { artworks: { image?: string }[] };
    ex.artworks[0]!.image = 'https://tracker.example/pixel.jpg';
    const error = (await loadExhibition('http://localhost/e.json', serve(ex), ['http://localhost']).catch((e: unknown) => e)) as ExhibitionError;
    expect(error).toBeInstanceOf(ExhibitionError);
    expect(error.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      "artworks[0].image: 'https://tracker.example/pixel.jpg' is refused: https://tracker.example is not one of the origins this app may load media from",
    ]);
    const ok = await loadExhibition('http://localhost/e.json', serve(ex), ['http://localhost', 'https://tracker.example']);
    expect(ok.exhibition.id).toBe(ex.id);
  });
});
