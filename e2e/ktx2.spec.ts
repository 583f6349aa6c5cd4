/**
 * KTX2 paintings: a painting packed as KTX2 (Basis ETC1S, `npm run pack -- --ktx2`'s encoder) decodes with the
 * app's own transcoder under the production CSP and is drawn the right way up (red sky above, blue sea below);
 * a broken KTX2 copy falls back to its JPEG with a problem entry; and when the transcoder itself cannot load,
 * every painting shows its JPEG, each with a problem entry. One small two-room gallery, one shared page.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { test, expect, waitForGallery, ROOT, SHOTS } from './support';
import { sharedPage } from './helpers/shared-page';
import { encodePaintingKtx2 } from '../src/pipeline/ktx2-encode';
import { artworkPose, viewpoint } from '../src/twin/layout';
import { dirToHeading } from '../src/twin/floorplan';
import { Exhibition as ExhibitionSchema, type Exhibition } from '../src/twin/schema';

const BASE = '/e2e-fixtures/ktx2/';
let dir: string;
let ex: Exhibition;

/** A painting that shows a flip: red above, blue below. */
async function painting(width: number, height: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="50%" fill="#d02818"/><rect y="50%" width="100%" height="50%" fill="#1838c8"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ktx2-e2e-'));
  mkdirSync(join(dir, 'images'));
  const json = JSON.parse(readFileSync(resolve(ROOT, 'e2e/fixtures/vr-gallery.json'), 'utf8')) as Exhibition;
  // Paintings only: the bowl (a model) is not what this journey is about.
  json.artworks = json.artworks.filter((a) => a.kind === 'painting');
  json.tours = [];
  // Its backstory links to the bowl.
  for (const a of json.artworks) a.backstory = { en: 'Painted in one winter.' };
  const jpeg = await painting(560, 400);
  writeFileSync(join(dir, 'images/north-light.jpg'), jpeg);
  writeFileSync(join(dir, 'images/west-wall.jpg'), await painting(300, 400));
  writeFileSync(join(dir, 'images/north-light.ktx2'), (await encodePaintingKtx2(jpeg, 560)).bytes);
  // Not KTX2 at all: what a misconfigured server might send.
  writeFileSync(join(dir, 'images/west-wall.ktx2'), '<html>Not found</html>');
  for (const a of json.artworks) if (a.kind === 'painting') a.compressedImage = `images/${a.id}.ktx2`;
  writeFileSync(join(dir, 'exhibition.json'), JSON.stringify(json));
  ex = ExhibitionSchema.parse(json);
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

const page = sharedPage(test, { viewport: { width: 640, height: 400 } });
// Two loads of a small gallery in software WebGL, on a machine other runs share.
test.setTimeout(240_000);

async function open(p: Page): Promise<void> {
  await p.route((u) => u.pathname.startsWith(BASE), (r) => r.fulfill({ path: join(dir, new URL(r.request().url()).pathname.slice(BASE.length)) }));
  await p.goto(`/?lang=en&exhibition=${BASE}exhibition.json`);
  await waitForGallery(p, true);
}

/** What each painting's material shows: the texture's file and whether the GPU holds it compressed. */
function textures(p: Page) {
  return p.evaluate(() => {
    type Tex = { name: string; getInternalTexture(): { format: number; _extension?: string } | null };
    const scene = window.museumTwin!.scene() as { materials: { name: string; albedoTexture?: Tex | null }[] };
    const out: Record<string, { file: string; extension?: string; format?: number }> = {};
    for (const m of scene.materials) {
      const t = m.albedoTexture;
      const file = t?.name.split('#')[0] ?? '';
      const id = /images\/([a-z-]+)\./.exec(file)?.[1];
      if (t && id) out[id] = { file: file.slice(file.lastIndexOf('/') + 1), extension: t.getInternalTexture()?._extension, format: t.getInternalTexture()?.format };
    }
    return out;
  });
}

/** The colour drawn just above and just below the painting's centre, seen from where a visitor stands to look at it. */
async function aboveAndBelow(p: Page, id: string, say: (s: string) => void = () => {}): Promise<{ above: number[]; below: number[] }> {
  const art = ex.artworks.find((a) => a.id === id)!;
  const v = viewpoint(ex, art, artworkPose(ex, art));
  await p.evaluate(({ eye, heading }) => window.museumTwin!.place(eye, heading), { eye: [v.eye[0], 0, v.eye[2]] as [number, number, number], heading: dirToHeading([v.target[0] - v.eye[0], v.target[2] - v.eye[2]]) });
  await p.waitForFunction((id) => window.museumTwin!.screenPoint(id)?.visible === true, id);
  const c = (await p.evaluate((id) => window.museumTwin!.screenPoint(id), id))!;
  const box = (await p.locator('#gallery-canvas').boundingBox())!;
  const shot = sharp(await p.screenshot({ clip: box, path: join(SHOTS, `ktx2-${id}.png`) }));
  const { data, info } = await shot.raw().toBuffer({ resolveWithObject: true });
  const at = (y: number) => {
    // screenPoint is in page pixels; the shot starts at the canvas's corner.
    const i = (Math.round(y - box.y) * info.width + Math.round(c.x - box.x)) * info.channels;
    return [data[i]!, data[i + 1]!, data[i + 2]!];
  };
  say(`${id}: centre ${Math.round(c.x)},${Math.round(c.y)}`);
  return { above: at(c.y - 25), below: at(c.y + 25) };
}

test('a KTX2 painting decodes with the app’s own transcoder and is drawn the right way up; a broken copy falls back to its JPEG', async ({}, info) => {
  const p = page();
  await open(p);
  const t = await textures(p);
  const problems = await p.evaluate(() => window.museumTwin!.problems());
  expect(t['north-light']?.file, JSON.stringify(problems)).toBe('north-light.ktx2');
  expect(t['north-light']?.extension).toBe('.ktx2');
  // SwiftShader has ETC2 and S3TC: the painting stays compressed (not RGBA8, Babylon's format 5).
  const caps = await p.evaluate(() => {
    const c = (window.museumTwin!.scene() as { getEngine(): { getCaps(): Record<string, unknown> } }).getEngine().getCaps();
    return { etc2: !!c.etc2, s3tc: !!c.s3tc, bptc: !!c.bptc, astc: !!c.astc };
  });
  info.annotations.push({ type: 'compressed formats', description: JSON.stringify(caps) });
  if (caps.etc2 || caps.s3tc) expect(t['north-light']?.format).not.toBe(5);
  const { above, below } = await aboveAndBelow(p, 'north-light');
  expect(above[0]!, `above ${above}`).toBeGreaterThan(above[2]! + 30);
  expect(below[2]!, `below ${below}`).toBeGreaterThan(below[0]! + 30);
  // The broken copy: the JPEG is shown, and the problem names the file.
  expect(t['west-wall']?.file).toBe('west-wall.jpg');
  const kProblems = problems.filter((x) => x.path.endsWith('.compressedImage'));
  expect(kProblems.map((x) => x.message)).toEqual([expect.stringMatching(/west-wall\.ktx2.*not a KTX2 file.*image is shown instead/)]);
});

test('when the transcoder cannot load, every painting shows its JPEG with a problem entry', async () => {
  const p = page();
  // The context's routes cover the transcoder's worker too.
  await p.context().route((u) => u.pathname.endsWith('/decoders/basis_transcoder.wasm'), (r) => r.fulfill({ status: 404, body: 'Not found' }));
  await p.reload();
  await waitForGallery(p, true);
  const t = await textures(p);
  expect(t['north-light']?.file).toBe('north-light.jpg');
  expect(t['west-wall']?.file).toBe('west-wall.jpg');
  const problems = await p.evaluate(() => window.museumTwin!.problems());
  // In the order the paintings' loads failed, which is not theirs in the file: sorted by their KTX2 file.
  const kProblems = problems.filter((x) => x.path.endsWith('.compressedImage')).map((x) => x.message).sort();
  expect(kProblems).toEqual(['north-light', 'west-wall'].map((id) => expect.stringMatching(new RegExp(`${id}\\.ktx2.*transcoder.*404.*image is shown instead`))));
  const { above, below } = await aboveAndBelow(p, 'north-light');
  expect(above[0]!).toBeGreaterThan(above[2]! + 30);
  expect(below[2]!).toBeGreaterThan(below[0]! + 30);
});
