/**
 * In-gallery AR, on an emulated Meta Quest 3 (IWER) in `immersive-ar` standing in for a phone, in a synthetic room
 * (@iwer/sem's office_small capture). The test exhibition e2e/fixtures/ar-room.json is that room's floor plan in
 * twin coordinates a quarter turn and a shift away from the room's, with three floor-corner reference points.
 * Journey: enter AR, aim at each reference point and tap (controller select = screen tap), see labels at the real
 * works (within 5 cm), open one and read its backstory, play its overlay animation, realign, exit AR.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, waitForGallery, ROOT, SHOTS } from './support';
import { installQuest3, installRoom, lookAt, setHeadset, setController, button, pointingQuaternion, type Vec3 } from './xr/iwer';
import { apply, type RoomTransform } from '../src/modes/ar/registration';
import { artworkPose } from '../src/twin/layout';
import { headingToDir } from '../src/twin/floorplan';
import { Exhibition as ExhibitionSchema } from '../src/twin/schema';

const FILE = resolve(ROOT, 'e2e/fixtures/ar-room.json');
const URL_PATH = '/exhibitions/ar-room/exhibition.json';
const ex = ExhibitionSchema.parse(JSON.parse(readFileSync(FILE, 'utf8')));
/** How the fixture's twin sits in the captured room (measured from the capture's walls and floor). */
const TRUTH: RoomTransform = { yaw: Math.PI / 2, translation: [-1.253, 0.0488, 1.388] };
const dist = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

type ArState = {
  phase: string;
  inXR: boolean;
  frames: number;
  overlay: string;
  measured: Vec3[];
  registration?: { yaw: number; translation: Vec3; rms: number };
  anchored: boolean;
  hit?: Vec3;
  instruction: string;
  labels: { id: string; position: Vec3; anchor?: Vec3 }[];
  panel?: { artworkId: string; title: string; section?: string; narration?: string; pages?: number };
  animation: boolean;
};
const arState = (page: Page) => page.evaluate(() => window.museumTwin!.ar!() as ArState);

async function waitFrames(page: Page, n: number): Promise<void> {
  const start = (await arState(page)).frames;
  await page.waitForFunction((until) => ((window.museumTwin!.ar!() as { frames: number } | undefined)?.frames ?? 0) >= until, start + n, { timeout: 30_000 });
}

/** A screen tap: the right controller's select, pointing at `target` (or at the ceiling, away from any label). */
async function tap(page: Page, target?: Vec3): Promise<void> {
  const from: Vec3 = [0.2, 1.3, -0.2];
  const dir: Vec3 = target ? [target[0] - from[0], target[1] - from[1], target[2] - from[2]] : [0, 1, -0.2];
  await setController(page, 'right', from, pointingQuaternion(dir));
  await waitFrames(page, 2);
  await button(page, 'right', 'trigger', 1);
  await waitFrames(page, 2);
  await button(page, 'right', 'trigger', 0);
  await waitFrames(page, 2);
}

async function register(page: Page): Promise<void> {
  const status = page.locator('#status');
  const refs = ex.arReferences.points;
  for (const [i, ref] of refs.entries()) {
    const real = apply(TRUTH, ref.position);
    await lookAt(page, real);
    // The reticle (viewer-space hit test) settles on the real point.
    await page.waitForFunction((real) => {
      const h = (window.museumTwin!.ar!() as { hit?: number[] }).hit;
      return !!h && Math.hypot(h[0]! - real[0], h[1]! - real[1], h[2]! - real[2]) < 0.03;
    }, real, { timeout: 30_000 });
    await tap(page);
    if (i < refs.length - 1) await expect(status).toHaveAttribute('data-ar-points', String(i + 1));
  }
  await expect(status).toHaveAttribute('data-ar-phase', 'registered');
}

test.use({ viewport: { width: 640, height: 400 }, serviceWorkers: 'block' });

test('AR: register the twin to the room, labels on the real works, backstory, animation, realign, exit', async ({ page }) => {
  test.setTimeout(180_000);
  await installQuest3(page, { stereo: false });
  await installRoom(page, 'office_small');
  await page.route((u) => u.pathname === URL_PATH, (r) => r.fulfill({ path: FILE, contentType: 'application/json' }));
  await page.goto(`/?lang=en&exhibition=${URL_PATH}`);
  await waitForGallery(page);
  const status = page.locator('#status');
  await expect(status).toHaveAttribute('data-ar', 'supported');
  await expect(page.locator('#ar-button')).toBeVisible();
  await expect(page.locator('#ar-button')).toHaveText('Enter AR');

  await page.locator('#ar-button').click();
  await expect(status).toHaveAttribute('data-xr', 'running', { timeout: 30_000 });
  await expect(status).toHaveAttribute('data-mode', 'ar');
  await expect(status).toHaveAttribute('data-ar-phase', 'aiming');
  expect((await arState(page)).instruction).toContain(ex.arReferences.points[0]!.name.en!);

  await register(page);
  let s = await arState(page);
  expect(s.registration!.rms).toBeLessThan(0.05);
  expect(Math.abs(Math.atan2(Math.sin(s.registration!.yaw - TRUTH.yaw), Math.cos(s.registration!.yaw - TRUTH.yaw)))).toBeLessThan(0.03);
  expect(s.instruction).toMatch(/Aligned \(error \d+\.\d cm\)/);
  await expect(status).toHaveAttribute('data-ar-anchor', /held|none/, { timeout: 20_000 });

  // Labels by the real works: each label's leader line ends where the work really is (within 5 cm).
  // Step into the far corner by the desk and look back across the room: all three works are ahead.
  await setHeadset(page, [0.9, 1.6, -0.9]);
  await lookAt(page, [-0.5, 1.0, 0.8]);
  await page.waitForFunction(() => ((window.museumTwin!.ar!() as { labels: unknown[] }).labels.length ?? 0) >= 3, null, { timeout: 30_000 });
  await waitFrames(page, 12);
  s = await arState(page);
  expect(s.labels.length).toBe(3);
  expect(s.labels.length).toBeLessThanOrEqual(5);
  for (const l of s.labels) {
    const art = ex.artworks.find((a) => a.id === l.id)!;
    const pose = artworkPose(ex, art);
    // Just above the image (8 cm out from the wall) or the object.
    const out = art.kind === 'painting' ? 0.08 : 0;
    const f = headingToDir(pose.heading);
    const top = art.kind === 'painting' ? pose.position[1] + art.dimensions.height / 2 + 0.04 : pose.position[1] + (art.display === 'none' ? 0 : art.plinthHeight) + art.dimensions.height + 0.04;
    const expected = apply(TRUTH, [pose.position[0] + f[0] * out, top, pose.position[2] + f[1] * out]);
    expect(dist(l.anchor!, expected), `${l.id} anchor`).toBeLessThan(0.05);
    // The label floats above its work.
    expect(Math.hypot(l.position[0] - expected[0], l.position[2] - expected[2])).toBeLessThan(0.05);
    expect(l.position[1]).toBeGreaterThan(expected[1]);
  }
  await page.screenshot({ path: resolve(SHOTS, 'ar-labels.png') });
  const stats = (await page.evaluate(() => window.museumTwin!.arStats!())) as { drawCalls: number };
  console.log('AR draw calls', JSON.stringify(stats));
  expect(stats.drawCalls).toBeLessThan(50);

  // Tap the amphora's label: its backstory opens (GUI panel: IWER has no DOM overlay).
  const amphora = s.labels.find((l) => l.id === 'ivy-amphora')!;
  expect(amphora).toBeTruthy();
  await tap(page, amphora.position);
  await expect(status).toHaveAttribute('data-ar-panel', 'ivy-amphora');
  s = await arState(page);
  expect(s.overlay).toBe('gui');
  expect(s.panel!.title).toBe(ex.artworks.find((a) => a.id === 'ivy-amphora')!.title.en);
  await page.screenshot({ path: resolve(SHOTS, 'ar-panel.png') });
  // Its story, on the panel's Story tab.
  const storyTab = (await page.evaluate(() => window.museumTwin!.arControl!('tab:story')))!;
  expect(storyTab).toBeTruthy();
  await tap(page, storyTab);
  await expect.poll(async () => (await arState(page)).panel?.section).toBe('story');
  expect((await arState(page)).panel!.pages).toBeGreaterThanOrEqual(1);
  await expect(status).toHaveAttribute('data-ar-labels', 'ivy-amphora');

  // Its overlay animation plays on the real object, and pauses.
  await page.evaluate(() => window.museumTwin!.arAct!('animation', 'ivy-amphora'));
  await expect(status).toHaveAttribute('data-ar-animation', 'ivy-amphora:playing', { timeout: 30_000 });
  await page.evaluate(() => window.museumTwin!.arAct!('animation', 'ivy-amphora'));
  await expect(status).toHaveAttribute('data-ar-animation', 'ivy-amphora:paused');

  // An advisory work shows its notice first (the panel's acknowledge button), as everywhere else.
  const urn = s.labels.find((l) => l.id === 'cinerary-urn')!;
  await page.evaluate(() => window.museumTwin!.arAct!('tap'));
  await expect(status).toHaveAttribute('data-ar-panel', '');
  await expect.poll(async () => (await arState(page)).labels.length).toBe(3);
  await tap(page, (await arState(page)).labels.find((l) => l.id === 'cinerary-urn')!.position ?? urn.position);
  await expect(status).toHaveAttribute('data-ar-panel', 'cinerary-urn');
  expect(await page.evaluate(() => window.museumTwin!.arControl!('acknowledge'))).toBeTruthy();

  // Realign: registration starts again, and works again.
  await page.evaluate(() => window.museumTwin!.arAct!('tap'));
  await expect(status).toHaveAttribute('data-ar-panel', '');
  await waitFrames(page, 3);
  const realign = (await page.evaluate(() => window.museumTwin!.arControl!('realign')))!;
  expect(realign).toBeTruthy();
  await tap(page, realign);
  await setHeadset(page, [0, 1.6, 0]);
  await expect(status).toHaveAttribute('data-ar-phase', 'aiming');
  await expect(status).toHaveAttribute('data-ar-labels', '');
  await register(page);
  expect((await arState(page)).registration!.rms).toBeLessThan(0.05);

  // Exit: back in the preview, the twin as it was.
  await waitFrames(page, 3);
  // The HUD's Exit AR button (a GUI button acts on release, and then the session ends).
  const exit = (await page.evaluate(() => window.museumTwin!.arControl!('exit')))!;
  const from: Vec3 = [0.2, 1.3, -0.2];
  await setController(page, 'right', from, pointingQuaternion([exit[0] - from[0], exit[1] - from[1], exit[2] - from[2]]));
  await waitFrames(page, 2);
  await button(page, 'right', 'trigger', 1);
  await waitFrames(page, 2);
  await button(page, 'right', 'trigger', 0);
  await expect(status).toHaveAttribute('data-xr', 'ended');
  await expect(status).toHaveAttribute('data-mode', 'preview');
  await expect(page.locator('#ar-overlay')).toBeHidden();
  // The twin is the preview's again: drawn in colour, not as an occluder.
  expect(await page.evaluate(() => (window.museumTwin!.scene() as { getMeshByName: (n: string) => { material?: { name: string } } | null }).getMeshByName('walls:office')?.material?.name)).not.toBe('ar-occluder');
});

test('without WebXR AR, Enter AR is not offered', async ({ page }) => {
  await page.route((u) => u.pathname === URL_PATH, (r) => r.fulfill({ path: FILE, contentType: 'application/json' }));
  await page.goto(`/?lang=en&exhibition=${URL_PATH}`);
  await waitForGallery(page, false);
  const status = page.locator('#status');
  // Headless Chromium has navigator.xr but no AR.
  await expect(status).toHaveAttribute('data-ar', /no-ar|no-webxr/);
  await expect(page.locator('#ar-button')).toBeHidden();
});

test('AR with a DOM overlay (as on a phone): the page panel shows the backstory, favourite and animation', async ({ page }) => {
  test.setTimeout(150_000);
  await installQuest3(page, { stereo: false });
  await installRoom(page, 'office_small');
  // IWER has no DOM overlay: report one, as Chrome on Android does, so the phone's panel path runs.
  await page.addInitScript(() => {
    const proto = (globalThis as unknown as { IWER: { XRSession: { prototype: object } } }).IWER.XRSession.prototype;
    Object.defineProperty(proto, 'domOverlayState', { get: () => ({ type: 'screen' }), configurable: true });
  });
  await page.route((u) => u.pathname === URL_PATH, (r) => r.fulfill({ path: FILE, contentType: 'application/json' }));
  await page.goto(`/?lang=en&exhibition=${URL_PATH}`);
  await waitForGallery(page);
  const status = page.locator('#status');
  await page.locator('#ar-button').click();
  await expect(status).toHaveAttribute('data-ar-overlay', 'dom', { timeout: 30_000 });
  await expect(page.locator('#ar-overlay .ar-instruction')).toContainText(ex.arReferences.points[0]!.name.en!);
  await register(page);
  await expect(page.locator('#ar-overlay .ar-instruction')).toContainText(/Aligned \(error \d+\.\d cm\)/);
  await setHeadset(page, [0.9, 1.6, -0.9]);
  await lookAt(page, [-0.5, 1.0, 0.8]);
  await page.waitForFunction(() => (window.museumTwin!.ar!() as { labels: { id: string }[] }).labels.some((l) => l.id === 'ivy-amphora'), null, { timeout: 30_000 });
  await tap(page, (await arState(page)).labels.find((l) => l.id === 'ivy-amphora')!.position);
  const panel = page.locator('#ar-panel');
  await expect(panel).toBeVisible();
  await expect(panel.locator('h2')).toHaveText(ex.artworks.find((a) => a.id === 'ivy-amphora')!.title.en!);
  await expect(panel.locator('.story')).toContainText(ex.artworks.find((a) => a.id === 'ivy-amphora')!.backstory.en!.split(/[*\n[]/)[0]!.slice(0, 30));
  await expect(panel.locator('section.narration')).toBeVisible();
  // IWER lays its own full-window layer over the page; on a phone the DOM overlay is on top. Tap the buttons directly.
  await panel.locator('button.favourite').dispatchEvent('click');
  await expect(panel.locator('button.favourite')).toHaveAttribute('aria-pressed', 'true');
  await panel.locator('button.animation').dispatchEvent('click');
  await expect(status).toHaveAttribute('data-ar-animation', 'ivy-amphora:playing', { timeout: 30_000 });
  await page.screenshot({ path: resolve(SHOTS, 'ar-dom-panel.png') });
  await panel.locator('button.close').dispatchEvent('click');
  await expect(panel).toBeHidden();
  await page.locator('#ar-overlay .ar-exit').dispatchEvent('click');
  await expect(status).toHaveAttribute('data-mode', 'preview');
});
