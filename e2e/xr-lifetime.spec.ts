/**
 * Every way an immersive session ends puts the visitor back where they stood, with their open work; and
 * entering and leaving VR and AR many times leaves the scene as it was. On an emulated Meta Quest 3 (IWER) in the
 * AR room (both buttons are offered there), one view as a phone has.
 *
 * One page for the journeys, in order: the twenty rounds first, on the page as it loaded (what "as they were"
 * means), then each way out, each from the work open and the visitor in the office's corner.
 */
import type { Page } from '@playwright/test';
import { test, expect, viewer } from './support';
import { en } from './helpers/text';
import { sharedPage } from './helpers/shared-page';
import { settled } from './helpers/frames';
import { AR_ROOM } from './helpers/ar';
import { enterXr, heapAfterGc, leaveXr, openRoomSmall, sceneCounts, type XrKind } from './helpers/xr-lifetime';
import type { SceneCounts } from '../src/modes/xr/lifetime';
import { frames, setHeadset } from './xr/iwer';

const shared = sharedPage(test);

/** The shared page in the AR room, opened on first use. */
async function roomPage(): Promise<Page> {
  const page = shared();
  if (page.url() === 'about:blank') {
    // The room loads in whichever journey comes first: more time for it on a busy machine.
    test.setTimeout(test.info().timeout + 180_000);
    page.on('pageerror', (e) => console.log(`[page error] ${e.message}\n${e.stack ?? ''}`));
    // A controller model that failed to load says so (src/modes/xr/controller-models.ts): shown beside a failure.
    page.on('console', (m) => {
      if (/controller/i.test(m.text())) console.log(`[page ${m.type()}] ${m.text()}`);
    });
    await page.setViewportSize({ width: 480, height: 320 });
    await openRoomSmall(page);
  }
  return page;
}

const WORK = AR_ROOM.artworks[1]!;
/** Somewhere in the office away from the world origin (a corner of the room) and from the work. */
const STAND: [number, number, number] = [1.7, 0, 1.8];
const STAND_HEADING = 200;
/**
 * Most heap one VR or AR session may leave, on average over forty. Before camera-cache.ts each kept 330–560 kB;
 * after it, 206 kB over twelve sessions on a loaded machine, none of it a session's mode, camera or session manager
 * (checked above): nearly all V8's compiled code, which grows as more of the XR code is optimised (docs/security.md).
 */
const HEAP_PER_SESSION = 250_000;
const planDistance = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0]! - b[0]!, a[2]! - b[2]!);

/** Opens the work in the preview, then walks to STAND: the page's state a session must not lose. */
async function walkAndOpen(page: Page): Promise<void> {
  // The headset back where a session starts (the journey before may have moved it).
  await setHeadset(page, [0, 1.6, 0]);
  await page.evaluate((id) => (location.hash = `#artwork=${id}`), WORK.id);
  await expect(page.locator('#status')).toHaveAttribute('data-selected', WORK.id);
  await settled(page);
  await page.evaluate(([p, h]) => window.museumTwin!.place(p, h), [STAND, STAND_HEADING] as const);
  await settled(page);
}

async function expectStateKept(page: Page): Promise<void> {
  await expect(page.locator('#status')).toHaveAttribute('data-selected', WORK.id);
  await expect(page.locator('#panel h2')).toHaveText(en(WORK.title));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

test('entering and leaving VR and AR twenty times leaves the scene’s meshes, materials, textures, frame observers and heap as they were', async () => {
  test.setTimeout(400_000);
  const page = await roomPage();
  const initial = await sceneCounts(page);
  const cycle = async (i: number) => {
    for (const kind of ['vr', 'ar'] as XrKind[]) {
      await enterXr(page, kind);
      await leaveXr(page, i % 2 ? 'outside' : 'exit');
    }
  };
  // One round first: the modes' code is loaded and their shaders compiled once for the page, as they should be,
  // and Babylon's shared utility layers (the pointer's overlay scenes, one per scene for good) are made.
  const things = ({ observers: _, retained: __, ...rest }: SceneCounts) => rest;
  await cycle(0);
  await expect.poll(async () => things(await sceneCounts(page)), { message: 'after one VR and one AR session' }).toEqual(things(initial));
  const warm = await sceneCounts(page);
  const heapBefore = await heapAfterGc(page);
  const started = Date.now();
  for (let i = 1; i <= 20; i++) await cycle(i);
  const seconds = (Date.now() - started) / 1000;
  await expect.poll(async () => things(await sceneCounts(page)), { message: 'after twenty VR and AR sessions' }).toEqual(things(initial));
  const after = await sceneCounts(page);
  // Babylon's experiences no longer stay on the scene's disposal (src/modes/xr/experience.ts): no observer grows.
  // None more than after the first round (some, such as the engine's end-of-frame ones for texture uploads still
  // queued, come and go on their own, so fewer is fine).
  for (const [name, n] of Object.entries(after.observers)) expect(n, `${name} observers after twenty rounds`).toBeLessThanOrEqual(warm.observers[name]!);
  const heapAfter = await heapAfterGc(page);
  const perSession = (heapAfter - heapBefore) / 40;
  console.log(`[xr-lifetime] 20 rounds of VR and AR in ${seconds.toFixed(1)} s; heap ${(heapBefore / 1e6).toFixed(2)} MB -> ${(heapAfter / 1e6).toFixed(2)} MB (${(perSession / 1e3).toFixed(1)} kB a session)`);
  test.info().annotations.push({ type: 'xr-lifetime heap growth a session (bytes)', description: String(Math.round(perSession)) });
  // Every session's mode, experience, camera and session manager is garbage once collected (lifetime.ts watches
  // them weakly): before camera-cache.ts, each mesh's level-of-detail cache kept every session's camera.
  expect((await sceneCounts(page)).retained, 'what the sessions left reachable after a garbage collection').toEqual([]);
  // And the heap grows less than it did when every session was kept.
  expect(perSession, 'heap growth a session (bytes)').toBeLessThan(HEAP_PER_SESSION);
  await expect(page.locator('#vr-button')).toBeEnabled();
  await expect(page.locator('#ar-button')).toBeEnabled();
});

for (const how of ['outside', 'exit'] as const) {
  test(`leaving VR (${how === 'outside' ? 'the session ended from outside, as by the headset menu' : 'the mode’s own Exit'}) returns the preview to where the visitor stood`, async () => {
    const page = await roomPage();
    await walkAndOpen(page);
    await enterXr(page, 'vr');
    // Step about half a metre in the real room: the visitor now stands elsewhere in the twin.
    await setHeadset(page, [0.4, 1.6, -0.5]);
    await frames(page, 20);
    const last = (await page.evaluate(() => window.museumTwin!.xrViewer!()))!;
    expect(planDistance(last.position, STAND), 'moved in VR').toBeGreaterThan(0.3);
    await leaveXr(page, how);
    await settled(page);
    const back = await viewer(page);
    expect(planDistance(back.position, last.position), JSON.stringify({ back, last })).toBeLessThan(0.3);
    expect(planDistance(back.position, [0, 0, 0]), 'not at the world origin').toBeGreaterThan(1);
    await expectStateKept(page);
  });
}

test('leaving AR from outside the app returns the preview to where the visitor stood, the twin as it was', async () => {
  const page = await roomPage();
  await walkAndOpen(page);
  const before = await viewer(page);
  await enterXr(page, 'ar');
  await leaveXr(page, 'outside');
  await settled(page);
  const back = await viewer(page);
  expect(planDistance(back.position, before.position), JSON.stringify({ back, before })).toBeLessThan(0.05);
  expect(Math.abs(back.heading - before.heading)).toBeLessThan(1);
  await expectStateKept(page);
});
