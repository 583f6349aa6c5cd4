import { describe, expect, it } from 'vitest';
import { mediaPathProblem, mediaUrlOrThrow, resolveMediaPath } from './media-path';

const EX = 'https://museum.example/exhibitions/spring/exhibition.json';

describe('media path form', () => {
  it.each([
    'images/sunrise.jpg',
    'sunrise.jpg',
    './models/vase.glb',
    'audio/room 1.ogg',
    'images/a/../b.jpg',
    'images/sunrise.jpg?v=2',
    'https://cdn.museum.example/works/vase.glb',
  ])('accepts %j', (ref) => {
    expect(mediaPathProblem(ref)).toBeUndefined();
  });

  it.each([
    ['images\\sunrise.jpg', "'\\'"],
    ['..\\..\\secret.png', "'\\'"],
    [' images/sunrise.jpg', 'space'],
    ['images/sunrise.jpg\n', 'space'],
    ['\u00a0images/sunrise.jpg', 'space'],
    ['java\tscript:alert(1)', 'control characters'],
    ['java\nscript:alert(1)', 'control characters'],
    ['images/\u0000.jpg', 'control characters'],
    ['images/\u202egpj.exe', 'invisible'],
    ['javascript:alert(1)', 'https:// URL'],
    ['JavaScript:alert(1)', 'https:// URL'],
    ['data:image/svg+xml,<svg/>', 'https:// URL'],
    ['http://evil.example/a.jpg', 'https:// URL'],
    ['file:///etc/passwd', 'https:// URL'],
    ['blob:https://museum.example/1', 'https:// URL'],
    ['//evil.example/a.jpg', '"//"'],
    ['https://user:pw@cdn.example/a.jpg', 'user name'],
    ['https:evil.example/a.jpg', 'https://host/path'],
    ['/etc/passwd', 'must not start with "/"'],
    ['../secret.png', 'inside the exhibition folder'],
    ['images/../../secret.png', 'inside the exhibition folder'],
    ['%2e%2e/secret.png', 'encoded'],
    ['.%2E/secret.png', 'encoded'],
    ['images%2f..%2f..%2fsecret.png', 'encoded'],
    ['images%5c..%5csecret.png', 'encoded'],
    ['images/%00.png', 'encoded'],
  ])('refuses %j', (ref, part) => {
    expect(mediaPathProblem(ref)).toContain(part);
  });
});

describe('resolving a media path against the exhibition file', () => {
  it('resolves a path inside the folder', () => {
    expect(resolveMediaPath('images/sunrise.jpg', EX)).toEqual({ ok: true, url: 'https://museum.example/exhibitions/spring/images/sunrise.jpg' });
  });

  it('refuses a path that leaves the folder, however it is written', () => {
    for (const ref of ['../autumn/secret.jpg', '/exhibitions/autumn/a.jpg', '%2e%2e/a.jpg', '..\\a.jpg', 'java\tscript:alert(1)']) {
      expect(resolveMediaPath(ref, EX).ok, ref).toBe(false);
    }
  });

  it('accepts an https URL inside the folder, or on an allowed origin only', () => {
    expect(resolveMediaPath('https://museum.example/exhibitions/spring/a.jpg', EX).ok).toBe(true);
    expect(resolveMediaPath('https://museum.example/exhibitions/autumn/a.jpg', EX).ok).toBe(false);
    expect(resolveMediaPath('https://cdn.example/a.jpg', EX)).toEqual({ ok: false, reason: 'https://cdn.example is not one of the origins this app may load media from' });
    expect(resolveMediaPath('https://cdn.example/a.jpg', EX, ['https://cdn.example'])).toEqual({ ok: true, url: 'https://cdn.example/a.jpg' });
    // An origin is scheme, host and port: a look-alike host or another port is another origin.
    expect(resolveMediaPath('https://cdn.example.evil.test/a.jpg', EX, ['https://cdn.example']).ok).toBe(false);
    expect(resolveMediaPath('https://cdn.example:8443/a.jpg', EX, ['https://cdn.example']).ok).toBe(false);
  });

  it('works on a file: folder too (the pack pipeline)', () => {
    expect(resolveMediaPath('images/a.jpg', 'file:///home/m/spring/exhibition.json')).toEqual({ ok: true, url: 'file:///home/m/spring/images/a.jpg' });
    expect(resolveMediaPath('../a.jpg', 'file:///home/m/spring/exhibition.json').ok).toBe(false);
  });

  it('throws a readable error for a caller that cannot go on', () => {
    expect(() => mediaUrlOrThrow('../a.jpg', EX)).toThrow("media path '../a.jpg' refused: a media path must stay inside the exhibition folder");
  });
});
