import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importIiif } from './index';
import { boxGlb, serveFiles, type Served, type TestServer } from './test-support';

const fixture = (name: string): Served => ({ body: readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'), type: 'application/ld+json' });
const jpeg = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 160 } } }).jpeg().toBuffer();

let server: TestServer;
let out: string;

beforeAll(async () => {
  const glb = await boxGlb([0.3, 0.45, 0.3]);
  const letter = await sharp({ create: { width: 600, height: 800, channels: 3, background: '#d8cfb0' } }).png().toBuffer();
  const images = new Map<string, Buffer>();
  for (const w of [1105]) images.set(`${w},`, await jpeg(w, Math.round((w * 3200) / 4000)));
  server = await serveFiles({
    '/manifests/harbour.json': fixture('harbour.json'),
    '/manifests/letter-p2.json': fixture('letter-p2.json'),
    '/manifests/vase.json': fixture('vase.json'),
    '/collection.json': fixture('collection.json'),
    // The Image API answers only the size this importer should ask for; any other is a 400.
    '/iiif/harbour/*': (path) => {
      const size = /\/full\/([^/]+)\/0\/default\.jpg$/.exec(path)?.[1] ?? '';
      const img = images.get(size);
      return img ? { body: img, type: 'image/jpeg' } : { body: 'bad size', type: 'text/plain', status: 400 };
    },
    '/img/letter.png': { body: letter, type: 'image/png' },
    '/img/error-page.jpg': { body: '<html><body>Sorry, this image is unavailable</body></html>', type: 'text/html' },
    '/models/vase.glb': { body: glb, type: 'model/gltf-binary' },
    '/huge.json': { body: `{"type":"Manifest","label":{"en":["${'x'.repeat(9 * 1024 * 1024)}"]}}`, type: 'application/json' },
  });
  out = mkdtempSync(join(tmpdir(), 'iiif-import-'));
});

afterAll(async () => {
  await server.close();
  rmSync(out, { recursive: true, force: true });
});

describe('a IIIF Presentation 3 manifest', () => {
  it('becomes one work with its texts in every language, its rights and its real size', async () => {
    const r = await importIiif(`${server.url}/manifests/harbour.json`, { out });
    expect(r.works).toHaveLength(1);
    const w = r.works[0]!;
    expect(w.kind).toBe('painting');
    expect(w.title).toEqual({ en: 'The Harbour at Dawn', it: "Il porto all'alba" });
    expect(w.creator?.name).toEqual({ en: 'Maria Rossi' });
    expect(w.date).toEqual({ en: 'c. 1885', it: '1885 circa' });
    expect(w.medium).toEqual({ en: 'Oil on canvas', it: 'Olio su tela' });
    expect(w.accessionNumber).toBe('1987.12');
    expect(w.sourceId).toBe('1987.12');
    expect(w.creditLine).toEqual({ en: 'Gift of the Rossi family, 1987' });
    expect(w.rights).toBe('http://creativecommons.org/publicdomain/zero/1.0/');
    expect(w.dimensions!.height).toBeCloseTo(0.737, 6);
    expect(w.dimensions!.width).toBeCloseTo(0.921, 6);
    expect(r.languages).toEqual(['en', 'it']);
    expect(r.title).toEqual({ en: 'The Harbour at Dawn', it: "Il porto all'alba" });
  });

  it('keeps the summary as safe rich text: emphasis kept, scripts and link targets gone', async () => {
    const w = (await importIiif(`${server.url}/manifests/harbour.json`, { out })).works[0]!;
    expect(w.description!.en).toBe(
      'A view of the harbour as the *fishing boats* return.\n\nPainted **en plein air** in one morning.\n\n**Provenance**: Bought from the artist, 1886',
    );
    expect(w.description!.it).toBe('Una veduta del porto al ritorno delle barche.');
    expect(JSON.stringify(w)).not.toMatch(/<|alert|javascript/);
  });

  it('fetches the image through its Image API at a size that suits the work (1200 px a metre), stored locally', async () => {
    const before = server.requests.length;
    const r = await importIiif(`${server.url}/manifests/harbour.json`, { out });
    expect(server.requests.slice(before)).toContain('/iiif/harbour/full/1105,/0/default.jpg');
    const file = r.works[0]!.mediaFile!;
    expect(file.startsWith(out)).toBe(true);
    const meta = await sharp(file).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1105, 884]);
    expect(r.problems).toEqual([{ where: 'manifest metadata[6]', message: 'a metadata entry needs a label and a value; skipped' }]);
  });

  it('reads a manifest from a file, its image beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iiif-file-'));
    writeFileSync(join(dir, 'scan.png'), await sharp({ create: { width: 300, height: 200, channels: 4, background: '#ffffff80' } }).png().toBuffer());
    const manifest = {
      type: 'Manifest',
      id: 'https://example.org/m/1',
      label: { de: ['Skizze'] },
      items: [{ type: 'Canvas', id: 'c', width: 300, height: 200, items: [{ type: 'AnnotationPage', items: [{ type: 'Annotation', motivation: 'painting', body: { id: 'scan.png', type: 'Image', format: 'image/png' } }] }] }],
    };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const r = await importIiif(join(dir, 'manifest.json'), { out: dir });
    expect(r.works[0]!.title).toEqual({ de: 'Skizze' });
    expect(r.languages).toEqual(['de']);
    expect((await sharp(r.works[0]!.mediaFile!).metadata()).format).toBe('png');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('a IIIF collection', () => {
  it('imports every usable manifest and names the place of each one it cannot use', async () => {
    const r = await importIiif(`${server.url}/collection.json`, { out });
    expect(r.title).toEqual({ en: 'Harbours and letters' });
    expect(r.works.map((w) => w.title.en)).toEqual(['The Harbour at Dawn', 'A page, not a picture', 'Vase with handles', 'A letter home']);
    const [harbour, page, vase, letter] = r.works;
    expect(harbour!.mediaFile).toBeDefined();
    // The page's canvas carries the physical-dimensions service: 1000 × 0.05 cm.
    expect(page!.dimensions).toEqual({ width: 0.5, height: 0.5 });
    expect(page!.mediaFile).toBeUndefined();
    expect(vase!.kind).toBe('object');
    expect(readFileSync(vase!.mediaFile!).subarray(0, 4).toString()).toBe('glTF');
    expect(vase!.rights).toBe('http://rightsstatements.org/vocab/InC/1.0/');
    expect(letter!.kind).toBe('painting');
    const where = (w: string) => r.problems.find((p) => p.where === w)?.message;
    expect(where('collection items[1]')).toMatch(/missing\.json answered 404/);
    expect(where('collection items[2] manifest items[0].body')).toMatch(/^not an image \(text\/html/);
    expect(where('collection items[3] manifest metadata Dimensions')).toMatch(/'H\. 45 cm' gives no height × width/);
    expect(where('collection items[5]')).toBe('not a manifest or collection reference; skipped');
  });
});

describe('a IIIF Presentation 2 manifest', () => {
  it('is upgraded with @iiif/parser: label without its HTML, catalogue size in inches, licence and attribution kept', async () => {
    const r = await importIiif(`${server.url}/manifests/letter-p2.json`, { out });
    const w = r.works[0]!;
    expect(w.title).toEqual({ en: 'A letter home' });
    expect(w.dimensions!.height).toBeCloseTo(29 * 0.0254, 6);
    expect(w.dimensions!.width).toBeCloseTo(36.25 * 0.0254, 6);
    expect(w.accessionNumber).toBe('L-17');
    expect(w.rights).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(w.creditLine).toEqual({ en: 'Private collection' });
    expect(w.description).toEqual({ en: 'Written from the front in 1917.' });
    expect((await sharp(w.mediaFile!).metadata()).height).toBe(800);
  });
});

describe('bad input', () => {
  it('a malformed manifest file: one message naming the file, no works', async () => {
    const file = join(out, 'broken.json');
    writeFileSync(file, '{"type": "Manifest", "label": ');
    const r = await importIiif(file, { out });
    expect(r.works).toEqual([]);
    expect(r.problems[0]!.message).toMatch(/broken\.json is not valid JSON/);
  });

  it('a huge manifest is refused before it is read whole', async () => {
    const r = await importIiif(`${server.url}/huge.json`, { out });
    expect(r.works).toEqual([]);
    expect(r.problems[0]!.message).toMatch(/huge\.json is .*more than the 8 MB allowed/);
  });

  it('an unreachable server is named', async () => {
    const r = await importIiif('http://127.0.0.1:9/manifest.json', { out });
    expect(r.problems[0]!.message).toMatch(/127\.0\.0\.1:9\/manifest\.json is unreachable/);
  });

  it('a document that is not a manifest or collection says what it is', async () => {
    const file = join(out, 'canvas.json');
    writeFileSync(file, JSON.stringify({ type: 'Canvas', id: 'x' }));
    const r = await importIiif(file, { out });
    expect(r.problems).toEqual([{ where: 'type', message: "'Canvas' is not a IIIF Manifest or Collection" }]);
  });
});
