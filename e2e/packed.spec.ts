/**
 * A packed exhibition looks the same as its source: `npm run pack`'s pipeline writes the default exhibition
 * (meshopt-compressed, simplified models with MSFT_lod levels, WebP textures and paintings) and the app renders
 * both from fixed viewpoints; the views must compare at SSIM ≥ 0.97. The packed models decode with the app's
 * own decoders (one of them Draco-encoded): the suite-wide check in support.ts fails the test on any request to
 * another host. The pack is kept between runs while its inputs (the exhibition's files, the app's sources and the
 * lockfile) are unchanged: packing the default exhibition is the slow part of this journey in Node.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, relative, resolve, sep } from 'node:path';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { ssim } from 'ssim.js';
import { test, expect, waitForGallery, defaultExhibition, ROOT, SHOTS } from './support';
import { packExhibition } from '../src/pipeline/pack';
import { pipelineIO } from '../src/pipeline/model';
import { dequantize, draco } from '@gltf-transform/functions';
import type { PackReport } from '../src/pipeline/report';
import { artworkPose, viewpoint } from '../src/twin/layout';
import { dirToHeading } from '../src/twin/floorplan';
import { validateExhibition } from '../src/twin/validate';

const PACKED_DIR = resolve(ROOT, 'e2e/.output/packed-default');
const PACKED_URL = '/exhibitions/packed-default/';
const MIN_SSIM = 0.97;
const MIME: Record<string, string> = { '.json': 'application/json', '.glb': 'model/gltf-binary', '.webp': 'image/webp', '.jpg': 'image/jpeg', '.png': 'image/png', '.ogg': 'audio/ogg', '.vtt': 'text/vtt' };

const checked = validateExhibition(defaultExhibition());
if (!checked.ok) throw new Error('the default exhibition is invalid');
const ex = checked.exhibition;

type View = { name: string; position: [number, number, number]; heading: number; target?: [number, number, number]; work?: string };

/** Where the views are taken from: the entrance, and looking at works whose media the pipeline changed most. */
function viewpoints(): View[] {
  const out: View[] = [{ name: 'entrance', position: ex.entrance.position, heading: ex.entrance.heading }];
  for (const id of ['head-of-a-young-man', 'three-waters', 'celadon-vase', 'bottles-and-a-blue-bowl', 'portrait-of-count-rovere']) {
    const art = ex.artworks.find((a) => a.id === id)!;
    const v = viewpoint(ex, art, artworkPose(ex, art));
    out.push({ name: id, work: id, position: [v.eye[0], 0, v.eye[2]], heading: dirToHeading([v.target[0] - v.eye[0], v.target[2] - v.eye[2]]), target: v.target });
  }
  return out;
}

type Rgba = { data: Uint8ClampedArray; width: number; height: number };

/** The canvas, and a square around the work's centre on screen (where a change would show). */
interface Shot {
  whole: Rgba;
  work?: Rgba;
}

let report: PackReport;

test.describe.configure({ mode: 'serial' });
// Routes below serve the packed copy; a service worker would answer before them.
test.use({ serviceWorkers: 'block' });

/** Every file under `dir` (sorted), for the pack's cache key. */
function filesUnder(dir: string, keep: (f: string) => boolean): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => resolve(d.parentPath, d.name))
    .filter(keep)
    .sort();
}

/** What the pack depends on: the source exhibition's files, the app's own code and the locked dependencies. */
function packKey(): string {
  const hash = createHash('sha256');
  const files = [
    ...filesUnder(resolve(ROOT, 'assets/default'), () => true),
    ...filesUnder(resolve(ROOT, 'src'), (f) => f.endsWith('.ts') && !f.endsWith('.test.ts')),
    resolve(ROOT, 'package-lock.json'),
  ];
  for (const f of files) hash.update(relative(ROOT, f)).update('\0').update(readFileSync(f)).update('\0');
  return hash.digest('hex');
}

/** A Draco-encoded copy of a packed model (its meshopt geometry decoded, then encoded with Draco). */
async function dracoCopy(file: string): Promise<Buffer> {
  const io = await pipelineIO();
  const doc = await io.read(file);
  await doc.transform(dequantize(), draco());
  for (const e of doc.getRoot().listExtensionsUsed()) if (e.extensionName === 'EXT_meshopt_compression' || e.extensionName === 'KHR_mesh_quantization') e.dispose();
  return Buffer.from(await io.writeBinary(doc));
}

const DRACO_WORK = 'pharmacy-jar';
let dracoGlb: Buffer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const key = packKey();
  const kept = `${PACKED_DIR}.json`;
  const before = existsSync(kept) ? (JSON.parse(readFileSync(kept, 'utf8')) as { key: string; report: PackReport }) : undefined;
  if (before?.key === key && existsSync(resolve(PACKED_DIR, 'exhibition.json'))) report = before.report;
  else {
    rmSync(PACKED_DIR, { recursive: true, force: true });
    report = await packExhibition(resolve(ROOT, 'assets/default/exhibition.json'), PACKED_DIR);
    writeFileSync(kept, JSON.stringify({ key, report }));
  }
  dracoGlb = await dracoCopy(resolve(PACKED_DIR, `objects/${DRACO_WORK}.glb`));
});

async function servePacked(page: Page): Promise<void> {
  await page.route(
    (u) => u.pathname.startsWith(PACKED_URL),
    (r) => {
      const file = resolve(PACKED_DIR, decodeURIComponent(new URL(r.request().url()).pathname.slice(PACKED_URL.length)));
      if (!file.startsWith(PACKED_DIR + sep) || !existsSync(file)) return r.fulfill({ status: 404, body: 'Not found' });
      return r.fulfill({ path: file, contentType: MIME[extname(file)] ?? 'application/octet-stream' });
    },
  );
}

/** Triangles of a work's meshes that are drawn now (enabled and visible). */
async function trianglesOf(page: Page, id: string): Promise<number> {
  return page.evaluate((id) => {
    const scene = window.museumTwin!.scene() as { meshes: { metadata?: { artworkId?: string }; isEnabled(): boolean; isVisible: boolean; getTotalIndices(): number; parent: unknown }[] };
    let tris = 0;
    for (const m of scene.meshes) {
      let node: { metadata?: { artworkId?: string }; parent?: unknown } | undefined = m;
      let owner: string | undefined;
      while (node && !owner) {
        owner = node.metadata?.artworkId;
        node = node.parent as typeof node;
      }
      if (owner === id && m.isEnabled() && m.isVisible) tris += m.getTotalIndices() / 3;
    }
    return tris;
  }, id);
}

const headTriangles = new Map<string, number>();

const CROP = 200;

async function rgba(png: Buffer, crop?: { left: number; top: number; width: number; height: number }): Promise<Rgba> {
  const img = crop ? sharp(png).extract(crop) : sharp(png);
  const { data, info } = await img.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
}

/** Renders each viewpoint; returns the canvas and the work's surroundings as raw RGBA. */
async function views(page: Page, exhibitionUrl: string, label: string): Promise<Map<string, Shot>> {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`/?exhibition=${exhibitionUrl}`);
  await waitForGallery(page);
  const out = new Map<string, Shot>();
  const box = (await page.locator('#gallery-canvas').boundingBox())!;
  for (const v of viewpoints()) {
    await page.evaluate(({ position, heading, target }) => {
      window.museumTwin!.place(position, heading);
      if (!target) return;
      // Look at the work's centre (place() keeps the gaze level).
      const cam = (window.museumTwin!.scene() as { activeCamera: { position: { clone(): { set(x: number, y: number, z: number): unknown } }; setTarget(t: unknown): void } }).activeCamera;
      const t = cam.position.clone();
      t.set(...target);
      cam.setTarget(t);
    }, v);
    // A few rendered frames after the move: the view has settled (culling, LOD swaps).
    await page.evaluate(
      () =>
        new Promise<void>((done) => {
          const scene = window.museumTwin!.scene() as { onAfterRenderObservable: { add(f: () => void): unknown; remove(o: unknown): void } };
          let n = 0;
          const o = scene.onAfterRenderObservable.add(() => {
            if (++n < 8) return;
            scene.onAfterRenderObservable.remove(o);
            done();
          });
        }),
    );
    if (v.name === 'head-of-a-young-man') headTriangles.set(label, await trianglesOf(page, v.name));
    const png = await page.screenshot({ path: `${SHOTS}/packed-${label}-${v.name}.png`, clip: box });
    const shot: Shot = { whole: await rgba(png) };
    if (v.work) {
      const p = (await page.evaluate((id) => window.museumTwin!.screenPoint(id), v.work))!;
      expect(p.visible, `${v.work} in view`).toBe(true);
      const w = Math.round(box.width);
      const h = Math.round(box.height);
      const left = Math.max(0, Math.min(w - CROP, Math.round(p.x - box.x - CROP / 2)));
      const top = Math.max(0, Math.min(h - CROP, Math.round(p.y - box.y - CROP / 2)));
      shot.work = await rgba(png, { left, top, width: Math.min(CROP, w), height: Math.min(CROP, h) });
    }
    out.set(v.name, shot);
  }
  return out;
}

test('the packed default exhibition is at most 40% of the source bytes, and validates', async () => {
  expect(report.totals.ratio, `packed ${report.totals.bytesAfter} of ${report.totals.bytesBefore} bytes`).toBeLessThanOrEqual(0.4);
  const models = report.assets.filter((a) => a.action === 'model');
  expect(models.length).toBeGreaterThan(0);
  for (const m of models) for (const t of m.texturesAfter ?? []) expect(Math.max(t.width, t.height)).toBeLessThanOrEqual(2048);
});

test('packed and source look the same from fixed viewpoints (SSIM ≥ 0.97), a Draco model among them, with no request to another host', async ({ page, requests }) => {
  test.setTimeout(360_000);
  await servePacked(page);
  const source = await views(page, '/exhibitions/default/exhibition.json', 'source');
  // One packed model Draco-encoded instead (registered last: this route wins), so one load shows both decoders.
  await page.route((u) => u.pathname === `${PACKED_URL}objects/${DRACO_WORK}.glb`, (r) => r.fulfill({ body: dracoGlb, contentType: 'model/gltf-binary' }));
  const packed = await views(page, `${PACKED_URL}exhibition.json`, 'packed');
  // The packed models really were meshopt-compressed and decoded by the app's own decoder.
  expect(requests.some((u) => new URL(u).pathname === '/decoders/meshopt_decoder.js')).toBe(true);
  expect(await page.evaluate(() => window.museumTwin!.problems())).toEqual([]);
  await test.step("a Draco-compressed model decodes with the app's own Draco decoder", async () => {
    expect(await page.evaluate((id) => window.museumTwin!.workState(id), DRACO_WORK)).toBe('ready');
    const paths = requests.map((u) => new URL(u).pathname);
    expect(paths).toContain('/decoders/draco_wasm_wrapper_gltf.js');
    expect(paths).toContain('/decoders/draco_decoder_gltf.wasm');
  });
  // The work with levels of detail shows its full detail once loaded.
  const packedHeadTriangles = headTriangles.get('packed') ?? 0;
  const head = report.assets.find((a) => a.source === 'objects/head-of-a-young-man.glb')!;
  expect(head.lodTriangles?.length).toBeGreaterThan(0);
  expect(packedHeadTriangles, 'triangles drawn for head-of-a-young-man in front of it').toBeGreaterThanOrEqual(head.trianglesAfter!);
  const scores: Record<string, number> = {};
  for (const [name, a] of source) {
    const b = packed.get(name)!;
    scores[name] = Number(ssim(a.whole, b.whole).mssim.toFixed(4));
    // The same crop in both: the work's screen position is the same, or the test fails on the whole view anyway.
    if (a.work && b.work) scores[`${name} (the work)`] = Number(ssim(a.work, b.work).mssim.toFixed(4));
  }
  console.log('SSIM per viewpoint:', JSON.stringify(scores));
  for (const [name, score] of Object.entries(scores)) expect(score, `SSIM at ${name}: ${score} (packed vs source; needs ≥ ${MIN_SSIM})`).toBeGreaterThanOrEqual(MIN_SSIM);
});
