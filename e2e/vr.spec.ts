/**
 * The VR walkthrough, on an emulated Meta Quest 3 (IWER) in headless Chromium: enter VR, teleport onto the
 * floor (and not onto a wall), snap turn, point at a work and pull the trigger to open its panel, close it,
 * follow a tour from the wrist menu, and exit back to the preview where the visitor stood.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, waitForGallery, viewer, serveFixture, defaultExhibition, ROOT, SHOTS } from './support';
import { installQuest3, aimAt, setController, thumbstick, frames, press, button, type Vec3 } from './xr/iwer';
import { headingToDir, pointInPolygon, roomEdges } from '../src/twin/floorplan';
import { artworkPose } from '../src/twin/layout';
import { headingDelta, stopPose } from '../src/modes/vr/logic';
import { Exhibition as ExhibitionSchema, type Exhibition, type Vec2 } from '../src/twin/schema';

const DEFAULT_FILE = resolve(ROOT, 'assets/default/exhibition.json');
// The default exhibition once it exists; until then, a small gallery of our own.
const useDefault = existsSync(DEFAULT_FILE);
const FIXTURE_URL = '/e2e-fixtures/vr-gallery.json';
const ex: Exhibition = useDefault
  ? ExhibitionSchema.parse(defaultExhibition())
  : ExhibitionSchema.parse(JSON.parse(readFileSync(resolve(ROOT, 'e2e/fixtures/vr-gallery.json'), 'utf8')));
const en = (m: Record<string, string> | undefined) => (m ? (m.en ?? Object.values(m)[0]!) : '');

test.use({ viewport: { width: 640, height: 400 } });
test.use({ serviceWorkers: 'block' });

async function open(page: Page): Promise<void> {
  if (!useDefault) await serveFixture(page, FIXTURE_URL, 'vr-gallery.json');
  await page.goto(useDefault ? '/?lang=en' : `/?lang=en&exhibition=${FIXTURE_URL}`);
  await waitForGallery(page);
}

type XrPose = { position: Vec3; heading: number; room?: string; inXR: boolean; frames: number };
const xrViewer = (page: Page) => page.evaluate(() => window.museumTwin!.xrViewer!() as XrPose);
/** A named control of a VR panel or menu, once the GUI has laid it out (it has no place until its first frame). */
async function xrControl(page: Page, name: string): Promise<Vec3> {
  let point: Vec3 | undefined;
  await expect
    .poll(async () => (point = (await page.evaluate((n) => window.museumTwin!.xrControl!(n), name)) as Vec3 | undefined), { message: `VR control '${name}'` })
    .toBeTruthy();
  return point!;
}
const planDistance = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[2] - b[2]);

function insideWithMargin(p: Vec2, poly: Vec2[], m: number): boolean {
  return [p, [p[0] + m, p[1]], [p[0] - m, p[1]], [p[0], p[1] + m], [p[0], p[1] - m]].every((q) => pointInPolygon(q as Vec2, poly));
}

function distanceToSegment(p: Vec2, a: Vec2, b: Vec2): number {
  const ab = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * ab[0]! + (p[1] - a[1]) * ab[1]!) / Math.max(1e-9, ab[0]! ** 2 + ab[1]! ** 2)));
  return Math.hypot(p[0] - (a[0] + t * ab[0]!), p[1] - (a[1] + t * ab[1]!));
}

/** A clear floor point 1–2 m from the visitor, in their room, with no work on the way. */
function floorTarget(v: XrPose): Vec3 {
  const room = ex.space.rooms.find((r) => pointInPolygon([v.position[0], v.position[2]], r.polygon))!;
  const objects = ex.artworks.filter((a) => a.kind === 'object').map((a) => artworkPose(ex, a).position);
  const here: Vec2 = [v.position[0], v.position[2]];
  for (const dist of [1.8, 1.4, 2.2, 1.1]) {
    for (const turn of [0, 25, -25, 50, -50, 80, -80]) {
      const d = headingToDir(v.heading + turn);
      const p: Vec2 = [here[0] + d[0] * dist, here[1] + d[1] * dist];
      if (!insideWithMargin(p, room.polygon, 0.8)) continue;
      if (objects.some((o) => distanceToSegment([o[0], o[2]], here, p) < 1.0)) continue;
      return [p[0], v.position[1], p[1]];
    }
  }
  throw new Error('no clear floor near the visitor');
}

/** A point on a wall of the visitor's room, away from doorways, roughly ahead. */
function wallTarget(v: XrPose): Vec3 {
  const room = ex.space.rooms.find((r) => pointInPolygon([v.position[0], v.position[2]], r.polygon))!;
  const doors = ex.space.kind === 'floorplan' ? ex.space.doorways : [];
  const f = headingToDir(v.heading);
  let best: { p: Vec2; score: number } | undefined;
  for (const e of roomEdges(room)) {
    for (const t of [0.2, 0.35, 0.5, 0.65, 0.8]) {
      const p: Vec2 = [e.a[0] + e.dir[0] * e.length * t, e.a[1] + e.dir[1] * e.length * t];
      if (doors.some((d) => Math.hypot(d.position[0] - p[0], d.position[1] - p[1]) < d.width / 2 + 0.8)) continue;
      const to = [p[0] - v.position[0], p[1] - v.position[2]];
      const dist = Math.hypot(to[0]!, to[1]!);
      if (dist < 1.2) continue;
      const score = (to[0]! * f[0] + to[1]! * f[1]) / dist - dist * 0.02;
      if (!best || score > best.score) best = { p, score };
    }
  }
  return [best!.p[0], 1.1, best!.p[1]];
}

test('without a headset, VR is not offered and the page says why', async ({ page }) => {
  await open(page);
  await expect(page.locator('#status')).toHaveAttribute('data-vr', /no-headset|no-webxr/);
  await expect(page.locator('#vr-button')).toBeHidden();
  await expect(page.locator('#vr-note')).toBeVisible();
  await expect(page.locator('#vr-note')).toContainText(/VR unavailable: (no VR headset found|this browser has no WebXR)/);
});

test('a visitor walks the exhibition in VR and comes back to the preview where they stood', async ({ page }) => {
  test.setTimeout(300_000);
  await installQuest3(page);
  await open(page);
  const status = page.locator('#status');
  const start = await viewer(page);

  await test.step('enter VR: the session runs, at the preview’s place (the entrance)', async () => {
    await expect(page.locator('#vr-button')).toBeVisible();
    await expect(page.locator('#vr-note')).toBeHidden();
    await page.locator('#vr-button').click();
    await expect(status).toHaveAttribute('data-xr', 'running', { timeout: 60_000 });
    await expect(status).toHaveAttribute('data-mode', 'vr');
    expect(await page.evaluate(() => !!(window as unknown as { __iwer: { activeSession?: unknown } }).__iwer.activeSession)).toBe(true);
    // Keep the left hand (and its wrist menu) out of the right hand's way for now.
    await setController(page, 'left', [-0.5, 0.9, 0.25]);
    await frames(page, 3);
    const v = await xrViewer(page);
    expect(v.inXR).toBe(true);
    expect(planDistance(v.position, start.position)).toBeLessThan(0.1);
    expect(v.position[1]).toBeCloseTo(start.position[1], 1);
    expect(Math.abs(headingDelta(v.heading, start.heading))).toBeLessThan(2);
    const stats = await page.evaluate(() => window.museumTwin!.xrStats!());
    test.info().annotations.push({ type: 'vr-stats-entrance', description: JSON.stringify(stats) });
  });

  await test.step('teleport: pointing at the floor moves the visitor there', async () => {
    const v = await xrViewer(page);
    const target = floorTarget(v);
    await aimAt(page, 'right', target);
    await frames(page, 2);
    await thumbstick(page, 'right', 0, -1);
    await frames(page, 6);
    await thumbstick(page, 'right', 0, 0);
    await expect(status).toHaveAttribute('data-vr-teleports', '1');
    await frames(page, 2);
    const after = await xrViewer(page);
    expect(planDistance(after.position, target)).toBeLessThan(0.25);
    expect(after.position[1]).toBeCloseTo(target[1], 1);
    expect(Math.abs(headingDelta(after.heading, v.heading))).toBeLessThan(2);
  });

  await test.step('teleport: pointing at a wall does not move the visitor', async () => {
    const v = await xrViewer(page);
    await aimAt(page, 'right', wallTarget(v));
    await frames(page, 2);
    await thumbstick(page, 'right', 0, -1);
    await frames(page, 6);
    await thumbstick(page, 'right', 0, 0);
    await frames(page, 6);
    await expect(status).toHaveAttribute('data-vr-teleports', '1');
    const after = await xrViewer(page);
    expect(planDistance(after.position, v.position)).toBeLessThan(0.05);
  });

  await test.step('snap turn: the heading changes by the configured angle', async () => {
    await expect(status).toHaveAttribute('data-vr-snap', '45');
    const v = await xrViewer(page);
    await thumbstick(page, 'right', 1, 0);
    await expect(status).toHaveAttribute('data-vr-turns', '1');
    await thumbstick(page, 'right', 0, 0);
    await frames(page, 2);
    const right = await xrViewer(page);
    expect(headingDelta(v.heading, right.heading)).toBeCloseTo(45, 0);
    expect(planDistance(right.position, v.position)).toBeLessThan(0.05);
    await thumbstick(page, 'right', -1, 0);
    await expect(status).toHaveAttribute('data-vr-turns', '2');
    await thumbstick(page, 'right', 0, 0);
    await frames(page, 2);
    expect(Math.abs(headingDelta(v.heading, (await xrViewer(page)).heading))).toBeLessThan(1);
  });

  const v0 = await xrViewer(page);
  const room = v0.room;
  const painting = ex.artworks
    .filter((a) => a.kind === 'painting' && a.sensitivity.level === 'open')
    .map((a) => ({ a, pose: artworkPose(ex, a) }))
    .filter((w) => w.pose.room === room)
    .sort((m, n) => planDistance(m.pose.position, v0.position) - planDistance(n.pose.position, v0.position))[0]!;
  expect(painting, `an open painting in room ${room}`).toBeTruthy();

  await test.step('point at a work and pull the trigger: its panel opens with its title', async () => {
    await aimAt(page, 'right', painting.pose.position);
    await frames(page, 3);
    await expect(status).toHaveAttribute('data-hovered', painting.a.id);
    await press(page, 'right', 'trigger');
    await expect(status).toHaveAttribute('data-selected', painting.a.id);
    const panel = await page.evaluate(() => window.museumTwin!.xrPanel!() as { title: string; artworkId: string });
    expect(panel.artworkId).toBe(painting.a.id);
    expect(panel.title).toBe(en(painting.a.title));
    await frames(page, 3);
    await page.screenshot({ path: `${SHOTS}/vr-panel.png` });
  });

  await test.step('the panel’s close button closes it; pointing away and pulling the trigger does too', async () => {
    const close = await xrControl(page, 'close');
    expect(close).toBeTruthy();
    await aimAt(page, 'right', close!);
    await frames(page, 3);
    await press(page, 'right', 'trigger');
    await expect(status).toHaveAttribute('data-selected', '');
    expect(await page.evaluate(() => window.museumTwin!.xrPanel!())).toBeUndefined();
    // Open it again, then point at the floor and pull the trigger.
    await aimAt(page, 'right', painting.pose.position);
    await frames(page, 2);
    await press(page, 'right', 'trigger');
    await expect(status).toHaveAttribute('data-selected', painting.a.id);
    const v = await xrViewer(page);
    await aimAt(page, 'right', [v.position[0], v.position[1], v.position[2]], [0.2, 1.3, -0.2]);
    await frames(page, 2);
    await press(page, 'right', 'trigger');
    await expect(status).toHaveAttribute('data-selected', '');
  });

  const tour = ex.tours[0]!;
  await test.step('a tour from the wrist menu: each stop takes the visitor to the next work, panel open', async () => {
    // Raise the left hand: its menu floats above the wrist.
    await setController(page, 'left', [-0.15, 1.0, -0.35]);
    await frames(page, 3);
    const startButton = await xrControl(page, `tour:${tour.id}`);
    expect(startButton).toBeTruthy();
    await aimAt(page, 'right', startButton!, [0.15, 1.2, -0.2]);
    await frames(page, 3);
    await press(page, 'right', 'trigger');
    await expect(status).toHaveAttribute('data-tour-stop', '0');
    const first = ex.artworks.find((a) => a.id === tour.stops[0]!.artwork)!;
    const expected0 = stopPose(ex, first);
    await expect.poll(async () => planDistance((await xrViewer(page)).position, expected0.position)).toBeLessThan(0.1);
    await expect(status).toHaveAttribute('data-selected', first.id);

    await frames(page, 3);
    const next = await xrControl(page, 'tour:next');
    expect(next).toBeTruthy();
    await aimAt(page, 'right', next!, [0.15, 1.2, -0.2]);
    await frames(page, 3);
    await press(page, 'right', 'trigger');
    await expect(status).toHaveAttribute('data-tour-stop', '1');
    const second = ex.artworks.find((a) => a.id === tour.stops[1]!.artwork)!;
    const expected1 = stopPose(ex, second);
    await expect.poll(async () => planDistance((await xrViewer(page)).position, expected1.position)).toBeLessThan(0.1);
    const at1 = await xrViewer(page);
    expect(Math.abs(headingDelta(at1.heading, expected1.heading))).toBeLessThan(3);
    await expect(status).toHaveAttribute('data-selected', second.id);
    const panel = await page.evaluate(() => window.museumTwin!.xrPanel!() as { title: string });
    expect(panel.title).toBe(en(second.title));
    const stats = await page.evaluate(() => window.museumTwin!.xrStats!());
    test.info().annotations.push({ type: 'vr-stats-stop-2', description: JSON.stringify(stats) });
    // Heart it: the same favourites as the preview's (IndexedDB).
    const heart = await xrControl(page, 'favourite');
    expect(heart).toBeTruthy();
    await aimAt(page, 'right', heart!);
    await frames(page, 3);
    await press(page, 'right', 'trigger');
    await expect(page.locator('#favourites-count')).toHaveText('1');
    await page.screenshot({ path: `${SHOTS}/vr-tour-stop.png` });
  });

  await test.step('exit VR: the preview is back where the visitor was, tour and all', async () => {
    const last = await xrViewer(page);
    await frames(page, 2);
    const exit = await xrControl(page, 'exit');
    expect(exit).toBeTruthy();
    await aimAt(page, 'right', exit!, [0.15, 1.2, -0.2]);
    await frames(page, 3);
    // The GUI acts on release; the frame loop stops once the session ends, so no frame waits after it.
    await button(page, 'right', 'trigger', 1);
    await frames(page, 2);
    await button(page, 'right', 'trigger', 0);
    await expect(status).toHaveAttribute('data-mode', 'preview');
    await expect(status).toHaveAttribute('data-xr', 'ended');
    const back = await viewer(page);
    expect(planDistance(back.position, last.position), JSON.stringify({ back, last })).toBeLessThan(0.3);
    expect(Math.abs(headingDelta(back.heading, last.heading))).toBeLessThan(5);
    await expect(page.locator('#tour-bar')).toBeVisible();
    await expect(status).toHaveAttribute('data-tour-stop', '1');
    await expect(page.locator('#panel h2')).toHaveText(en(ex.artworks.find((a) => a.id === tour.stops[1]!.artwork)!.title));
    await page.screenshot({ path: `${SHOTS}/vr-back-in-preview.png` });
  });
});
