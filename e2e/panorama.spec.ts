/**
 * 360° photographs of the rooms: a fixture room (e2e/fixtures/panorama/) gets a generated 4096 × 2048 photo through
 * the real importer (`importPanoramas`: heading from its XMP GPano, cut into a 1024 px preview and 2048 px tiles).
 * The photo is ten bands of colour around, and an orange painting where the twin's violet painting hangs, as seen
 * from where it was "taken". In the preview: choose the viewpoint marker → the visitor stands there and the photo
 * shows, aligned (the screen's centre and a point to its left show the photo's colours for those directions, the
 * painting's screen point shows the photo's painting) → back to the twin. Then the same in emulated VR (IWER).
 */
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { resolve, join } from 'node:path';
import sharp from 'sharp';
import type { Page } from '@playwright/test';
import { test, expect, ROOT, SHOTS } from './support';
import { sharedPage } from './helpers/shared-page';
import { installQuest3, aimAt, frames, press, setController } from './xr/iwer';
import { importPanoramas } from '../src/pipeline/import/panorama/import';
import { gpanoXmp } from '../src/pipeline/import/panorama/test-photos';
import { imagePoint } from '../src/twin/panorama';
import { artworkPose } from '../src/twin/layout';
import { headingToDir } from '../src/twin/floorplan';
import { Exhibition as ExhibitionSchema } from '../src/twin/schema';
import type { PanoramaHookState } from '../src/app/panorama';

const FIXTURE = resolve(ROOT, 'e2e/fixtures/panorama');
const URL_PATH = '/e2e-fixtures/panorama/';
const PHOTO = { width: 4096, height: 2048, heading: 60, lens: [4, 1.6, 3.5] as const };
/** Ten bands around (36° each), then the ceiling and floor rows, then the photo's painting. */
const BANDS = [[200, 30, 30], [30, 160, 40], [40, 60, 220], [230, 220, 40], [200, 40, 200], [40, 200, 210], [120, 60, 20], [250, 250, 250], [20, 90, 60], [90, 90, 150]] as const;
const ORANGE = [255, 140, 0] as const;
const VIOLET = [112, 48, 160] as const;
const PALETTE: [string, readonly number[]][] = [...BANDS.map((b, i) => [`band ${i}`, b] as [string, readonly number[]]), ['orange', ORANGE]];
/** The visitor camera's vertical field of view (src/modes/preview/visitor-camera.ts). */
const PREVIEW_FOV = 1.05;

let dir: string;
let photo: { data: Buffer; width: number; height: number };

test.use({ viewport: { width: 640, height: 400 } });

/** The room's photograph: bands, ceiling, floor and the painting where the lens saw it. */
async function makePhoto(): Promise<Buffer> {
  const ex = ExhibitionSchema.parse(JSON.parse(readFileSync(join(FIXTURE, 'exhibition.json'), 'utf8')));
  const pose = artworkPose(ex, ex.artworks[0]!);
  const { width: W, height: H, heading, lens } = PHOTO;
  const corner = (dx: number, dy: number) => imagePoint(heading, [pose.position[0] + dx - lens[0], pose.position[1] + dy - lens[1], pose.position[2] - lens[2]]);
  const a = corner(-0.7, 0.5);
  const b = corner(0.7, -0.5);
  const data = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++) {
    const v = (y + 0.5) / H;
    for (let x = 0; x < W; x++) {
      const u = (x + 0.5) / W;
      const c = u >= a.u && u <= b.u && v >= a.v && v <= b.v ? ORANGE : v < 0.2 ? [225, 225, 225] : v > 0.75 ? [60, 50, 45] : BANDS[Math.floor(u * 10)]!;
      data.set(c, (y * W + x) * 3);
    }
  }
  photo = { data, width: W, height: H };
  return sharp(data, { raw: { width: W, height: H, channels: 3 } })
    .jpeg({ quality: 92 })
    .withXmp(gpanoXmp({ heading, fullWidth: W, fullHeight: H }))
    .toBuffer();
}

/** The photo's colour in the direction a plan heading (pitch 0) looks. */
function photoColour(heading: number): number[] {
  const d = headingToDir(heading);
  const { u, v } = imagePoint(PHOTO.heading, [d[0], 0, d[1]]);
  const x = Math.min(photo.width - 1, Math.floor(u * photo.width));
  const y = Math.floor(v * photo.height);
  return [...photo.data.subarray((y * photo.width + x) * 3, (y * photo.width + x) * 3 + 3)];
}

/** The mean colour of a 7 × 7 px square of the page around a point. */
async function pixel(file: string, x: number, y: number): Promise<number[]> {
  // (sharp's stats() reads the whole input, not the extract: average the raw pixels.)
  const { data, info } = await sharp(file).extract({ left: Math.round(x) - 3, top: Math.round(y) - 3, width: 7, height: 7 }).raw().toBuffer({ resolveWithObject: true });
  const sum = [0, 0, 0];
  for (let i = 0; i < data.length; i += info.channels) for (let k = 0; k < 3; k++) sum[k]! += data[i + k]!;
  return sum.map((v) => Math.round(v / (data.length / info.channels)));
}

/** Which of the photo's colours a pixel is nearest to. */
function colourName(c: number[]): string {
  const dist = (p: readonly number[]) => Math.hypot(...p.map((v, k) => v - c[k]!));
  return PALETTE.reduce((best, p) => (dist(p[1]) < dist(best[1]) ? p : best))[0];
}

const panorama = (page: Page) => page.evaluate(() => window.museumTwin!.panorama!()!) as Promise<PanoramaHookState>;

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'e2e-panorama-'));
  const photos = join(dir, 'photos');
  const show = join(dir, 'show');
  await cp(FIXTURE, show, { recursive: true });
  await sharp({ create: { width: 700, height: 500, channels: 3, background: { r: VIOLET[0], g: VIOLET[1], b: VIOLET[2] } } }).png().toFile(join(show, 'violet.png'));
  await mkdir(photos);
  await writeFile(join(photos, 'hall.jpg'), await makePhoto());
  const r = await importPanoramas(photos, show, join(show, 'placement.json'));
  expect(r.problems).toEqual([]);
  expect(r.imported).toMatchObject([{ id: 'hall', heading: 60, headingFrom: 'gpano', tiles: 3 }]);
});

test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test.describe('360° photographs', () => {
  const shared = sharedPage(test);

  test('choose the viewpoint: the photo shows aligned with the twin, and back; then the same in VR', async () => {
    test.setTimeout(240_000);
    const page = shared();
    page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
    await page.route((u) => u.pathname.startsWith(URL_PATH), (r) => r.fulfill({ path: join(dir, 'show', decodeURIComponent(new URL(r.request().url()).pathname.slice(URL_PATH.length))) }));
    await installQuest3(page, { display: 0.5 });
    await page.goto(`/?lang=en&exhibition=${URL_PATH}exhibition.json`);
    await page.waitForFunction(() => window.museumTwin?.ready === true && !!window.museumTwin.panorama?.(), null, { timeout: 120_000 });
    await expect(page.locator('#status')).toHaveAttribute('data-media', 'done', { timeout: 120_000 });
    const canvas = (await page.locator('#gallery-canvas').boundingBox())!;
    const centre = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
    /** The twin's painting at the screen's centre, as first seen: back in the twin, it is there again. */
    let twin: number[] = [];
    let xr = canvas;
    const likeTwin = (c: number[]) => Math.hypot(...c.map((v, i) => v - twin[i]!));

    await test.step('preview: the marker shows where the photo was taken; choosing it stands the visitor there and the photo fades in', async () => {
      const before = await panorama(page);
      expect(before.shown).toBeUndefined();
      const marker = before.markers.find((m) => m.id === 'hall')!;
      expect(marker.visible).toBe(true);
      const twinShot = `${SHOTS}/panorama-preview-twin.png`;
      await page.screenshot({ path: twinShot });
      twin = await pixel(twinShot, centre.x, centre.y);
      expect(colourName(twin), 'the twin shows its own painting ahead, not the photo').not.toBe('orange');
      await page.mouse.click(marker.x, marker.y);
      await expect.poll(async () => (await panorama(page)).opacity, { timeout: 60_000 }).toBe(1);
      // The sharp level (two 2048 px tiles) follows the preview.
      await expect.poll(async () => (await panorama(page)).level, { timeout: 60_000 }).toBe(1);
      const v = await page.evaluate(() => window.museumTwin!.viewer());
      expect(Math.hypot(v.position[0] - 4, v.position[2] - 3.5)).toBeLessThan(0.1);
      await expect(page.locator('.panorama-bar .panorama-caption')).toHaveText('360° photograph: Middle of the hall · © Test photographer');
    });

    await test.step('preview: the photo is aligned with the twin (its painting where the twin has it, its colours where they look)', async () => {
      const shot = `${SHOTS}/panorama-preview-photo.png`;
      await page.screenshot({ path: shot });
      const v = await page.evaluate(() => window.museumTwin!.viewer());
      expect(colourName(await pixel(shot, centre.x, centre.y)), "the screen's centre").toBe(colourName(photoColour(v.heading)));
      const work = (await page.evaluate(() => window.museumTwin!.screenPoint('violet')))!;
      expect(colourName(await pixel(shot, work.x, work.y)), "the twin painting's screen point shows the photo's painting").toBe('orange');
      // A quarter of the way in from the left edge: the direction to the left of the heading by the camera's angle.
      const aspect = canvas.width / canvas.height;
      const left = (Math.atan(Math.tan(PREVIEW_FOV / 2) * aspect * 0.5) * 180) / Math.PI;
      expect(colourName(await pixel(shot, canvas.x + canvas.width * 0.25, centre.y)), 'left of centre (not mirrored)').toBe(colourName(photoColour(v.heading - left)));
    });

    await test.step('preview: back to the twin', async () => {
      await page.locator('.panorama-bar .panorama-back').click();
      await expect.poll(async () => (await panorama(page)).shown, { timeout: 30_000 }).toBeUndefined();
      const shot = `${SHOTS}/panorama-preview-back.png`;
      await page.screenshot({ path: shot });
      expect(likeTwin(await pixel(shot, centre.x, centre.y)), 'the twin painting again').toBeLessThan(45);
      await expect(page.locator('.panorama-bar button[data-panorama="hall"]')).toHaveText('360° photo: Middle of the hall');
    });

    await test.step('VR: point at the marker and pull the trigger; the photo shows around the headset, aligned', async () => {
      await page.evaluate(() => window.museumTwin!.place([4, 0, 6], 0));
      await page.locator('#vr-button').click();
      await expect(page.locator('#status')).toHaveAttribute('data-xr', 'running', { timeout: 60_000 });
      // The left hand down, so the wrist menu stays out of the view.
      await setController(page, 'left', [-0.5, 0.9, 0.25]);
      await frames(page, 3);
      // The headset's view fills the page's canvas now.
      xr = (await page.locator('#gallery-canvas').boundingBox())!;
      const marker = (await panorama(page)).markers.find((m) => m.id === 'hall')!;
      await aimAt(page, 'right', marker.world);
      await frames(page, 3);
      await press(page, 'right', 'trigger');
      await expect.poll(async () => (await panorama(page)).opacity, { timeout: 60_000 }).toBe(1);
      await frames(page, 3);
      const me = (await page.evaluate(() => window.museumTwin!.xrViewer!()))!;
      expect(Math.hypot(me.position[0] - 4, me.position[2] - 3.5)).toBeLessThan(0.1);
      const shot = `${SHOTS}/panorama-vr-photo.png`;
      await page.screenshot({ path: shot });
      // Two eyes side by side: the centre of the left eye's half looks along the headset's heading.
      expect(colourName(await pixel(shot, xr.x + xr.width / 4, xr.y + xr.height / 2)), "the left eye's centre").toBe(colourName(photoColour(me.heading)));
    });

    await test.step('VR: the floating "Back to the 3D twin" button goes back to the twin', async () => {
      const back = (await panorama(page)).vrBack!;
      expect(back).toBeTruthy();
      await aimAt(page, 'right', back);
      await frames(page, 3);
      await press(page, 'right', 'trigger');
      await expect.poll(async () => (await panorama(page)).shown, { timeout: 30_000 }).toBeUndefined();
      await frames(page, 3);
      const shot = `${SHOTS}/panorama-vr-back.png`;
      await page.screenshot({ path: shot });
      expect(colourName(await pixel(shot, xr.x + xr.width / 4, xr.y + xr.height / 2)), 'the twin again, not the photo').not.toBe('orange');
      await page.evaluate(() => window.museumTwin!.xrExit!());
      await expect(page.locator('#status')).toHaveAttribute('data-mode', 'preview');
    });
  });
});
