import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { FIXTURE_MEDIA, minimalExhibition } from '../twin/fixtures';
import { validateExhibition } from '../twin/validate';
import { packExhibition, PackError, PACK_DEFAULTS } from './pack';
import type { PackReport } from './report';
import { bumpySphere, glbJson, noiseImage } from './test-media';
import { ktx2Pixels } from './ktx2-encode';

const VTT = 'WEBVTT\n\n00:00.000 --> 00:02.000\nMorning light.\n';
const OGG = Buffer.concat([Buffer.from('OggS'), Buffer.alloc(200, 1)]);

let root: string;
let src: string;
let out: string;
let report: PackReport;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'pack-'));
  src = path.join(root, 'source');
  out = path.join(root, 'packed');
  const files: Record<string, Buffer | Uint8Array | string> = {
    // 1.0 × 0.8 m at 2500 px: more than the painting needs at 1200 px per metre.
    [FIXTURE_MEDIA.sunriseImage]: await noiseImage(2500, 2000),
    [FIXTURE_MEDIA.harbourImage]: await noiseImage(600, 900, 'jpeg'),
    [FIXTURE_MEDIA.markerImage]: await noiseImage(64, 64),
    // Catalogued as 0.3 × 0.5 × 0.3 m.
    [FIXTURE_MEDIA.vaseModel]: await bumpySphere({ radius: 0.15, rings: 40, segments: 60, texture: [256, 256] }),
    [FIXTURE_MEDIA.audioEn]: OGG,
    [FIXTURE_MEDIA.captionsEn]: VTT,
    [FIXTURE_MEDIA.audioIt]: OGG,
    [FIXTURE_MEDIA.captionsIt]: VTT,
  };
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(src, rel)), { recursive: true });
    writeFileSync(path.join(src, rel), content);
  }
  const ex = minimalExhibition();
  // The catalogue matches the stand-in model (a sphere, 0.3 m across and about 0.32 m tall).
  const vase = ex.artworks.find((a) => a.kind === 'object')!;
  vase.dimensions = { width: 0.3, height: 0.32, depth: 0.3 };
  // The stand-in has no animation clip to name.
  delete vase.animation;
  writeFileSync(path.join(src, 'exhibition.json'), JSON.stringify(ex, null, 2));
  report = await packExhibition(path.join(src, 'exhibition.json'), out);
  // Packing (images at every level, models, the USDZ copy) takes seconds; more on a busy machine.
}, 60_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('packExhibition', () => {
  it('writes an exhibition that validates and names the packed files', () => {
    const text = readFileSync(path.join(out, 'exhibition.json'), 'utf8');
    const r = validateExhibition(JSON.parse(text));
    expect(r.ok).toBe(true);
    const ex = JSON.parse(text);
    const sunrise = ex.artworks.find((a: { id: string }) => a.id === 'sunrise');
    expect(sunrise.image).toBe('images/sunrise.webp');
    expect(sunrise.farImage).toBe('images/sunrise.far.webp');
    for (const a of report.assets) expect(existsSync(path.join(out, a.packed)), a.packed).toBe(true);
  });

  it("sizes painting images to the work's true size, and writes a small far-view copy", async () => {
    const sunrise = await sharp(path.join(out, 'images/sunrise.webp')).metadata();
    expect([sunrise.width, sunrise.height, sunrise.format]).toEqual([PACK_DEFAULTS.paintingDensity, 0.8 * PACK_DEFAULTS.paintingDensity, 'webp']);
    const far = await sharp(path.join(out, 'images/sunrise.far.webp')).metadata();
    expect(Math.max(far.width!, far.height!)).toBe(PACK_DEFAULTS.farSide);
  });

  it('compresses models with meshopt and copies narration and captions byte for byte', () => {
    const glb = readFileSync(path.join(out, FIXTURE_MEDIA.vaseModel));
    expect(glbJson(glb).extensionsUsed).toContain('EXT_meshopt_compression');
    for (const f of [FIXTURE_MEDIA.audioEn, FIXTURE_MEDIA.captionsEn, FIXTURE_MEDIA.markerImage]) {
      expect(readFileSync(path.join(out, f)).equals(readFileSync(path.join(src, f))), f).toBe(true);
    }
  });

  it('reports every file with totals that add up', () => {
    const before = report.assets.reduce((s, a) => s + a.bytesBefore, 0) + report.exhibitionBytes.before;
    // What a visit downloads; the USDZ copies for AR Quick Look are counted apart.
    const extras = (quickLook: boolean) => report.assets.reduce((s, a) => s + (a.extras ?? []).reduce((t, e) => t + (!!e.quickLook === quickLook ? e.bytes : 0), 0), 0);
    const after = report.assets.reduce((s, a) => s + a.bytesAfter, 0) + extras(false) + report.exhibitionBytes.after;
    expect(report.totals.bytesBefore).toBe(before);
    expect(report.totals.bytesAfter).toBe(after);
    expect(report.totals.quickLookBytes).toBe(extras(true));
    expect(report.totals.quickLookBytes).toBeGreaterThan(0);
    expect(report.totals.ratio).toBeCloseTo(after / before, 10);
    expect(report.totals.bytesAfter).toBeLessThan(report.totals.bytesBefore);
    // Each source file once, though the exhibition names it where it is used.
    expect(new Set(report.assets.map((a) => a.source)).size).toBe(report.assets.length);
  });

  it('refuses to write over its source, and names the problems of an invalid exhibition', async () => {
    await expect(packExhibition(path.join(src, 'exhibition.json'), src)).rejects.toThrow(/own folder/);
    const bad = path.join(root, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...minimalExhibition(), artworks: 'none' }));
    const e = await packExhibition(bad, path.join(root, 'bad-out')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PackError);
    expect((e as PackError).problems.some((p) => p.path === 'artworks')).toBe(true);
  });

  it('with ktx2 on, names a KTX2 copy of each painting that decodes at the packed image size (to whole blocks)', async () => {
    // A low density keeps the encoding quick.
    const r = await packExhibition(path.join(src, 'exhibition.json'), path.join(root, 'ktx2'), { ktx2: true, paintingDensity: 200 });
    const ex = JSON.parse(readFileSync(r.out, 'utf8'));
    expect(validateExhibition(ex).ok).toBe(true);
    const sunrise = ex.artworks.find((a: { id: string }) => a.id === 'sunrise');
    expect(sunrise.compressedImage).toBe('images/sunrise.ktx2');
    expect(sunrise.farImage).toBe('images/sunrise.far.webp');
    const px = await ktx2Pixels(readFileSync(path.join(root, 'ktx2', sunrise.compressedImage)));
    const webp = await sharp(path.join(root, 'ktx2', sunrise.image)).metadata();
    // Rounded to whole 4-px blocks.
    expect(Math.abs(px.width - webp.width!)).toBeLessThanOrEqual(2);
    expect(Math.abs(px.height - webp.height!)).toBeLessThanOrEqual(2);
    expect([px.width % 4, px.height % 4]).toEqual([0, 0]);
    // Without the option nothing is encoded.
    expect(JSON.parse(readFileSync(path.join(out, 'exhibition.json'), 'utf8')).artworks.some((a: { compressedImage?: string }) => a.compressedImage)).toBe(false);
  });

  it('gives two source files that would pack to the same name different names', async () => {
    const ex = JSON.parse(readFileSync(path.join(src, 'exhibition.json'), 'utf8'));
    const harbour = ex.artworks.find((a: { id: string }) => a.id === 'harbour');
    harbour.image = 'images/sunrise.jpg';
    writeFileSync(path.join(src, 'images/sunrise.jpg'), readFileSync(path.join(src, FIXTURE_MEDIA.harbourImage)));
    writeFileSync(path.join(src, 'twins.json'), JSON.stringify(ex));
    const r = await packExhibition(path.join(src, 'twins.json'), path.join(root, 'twins'));
    const names = r.assets.filter((a) => a.role === 'painting-image').map((a) => a.packed);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['images/sunrise.webp', 'images/sunrise-2.webp']));
  });
});
