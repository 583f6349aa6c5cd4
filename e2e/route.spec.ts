/**
 * Personal visit: favourites kept at home become a route; its link opens the same route in a fresh browser; the
 * route is rehearsed in VR and followed in AR (arrows on the real floor toward the next stop, ticked off on arrival).
 */
import { test, expect, waitForGallery, defaultExhibition, SHOTS } from './support';
import { AR_ROOM, AR_ROOM_URL, ROOM_TRUTH, arState, dist, registerOnPoints, serveFixtures, waitFrames } from './helpers/ar';
import { frames, installQuest3, installRoom, lookAt, sceneToLocal, setHeadset, type Vec3 } from './xr/iwer';
import { enterVr, planDistance, xrViewer } from './helpers/vr';
import { apply } from '../src/modes/ar/registration';
import { encodeRouteLink } from '../src/twin/route/link';
import { planRoute } from '../src/twin/route/plan';
import { headingToDir } from '../src/twin/floorplan';
import sharp from 'sharp';

test.use({ serviceWorkers: 'block' });
// Two page loads and a second browser on software WebGL: minutes, not the default 90 s, on a busy shared machine.
test.describe.configure({ timeout: 480_000 });

const ex = defaultExhibition();
const en = (m: Record<string, string>) => m.en ?? Object.values(m)[0]!;
const title = (id: string) => en(ex.artworks.find((a) => a.id === id)!.title);
// Two open works in different rooms (the gallery and the cabinet), so the route walks through doorways.
const KEEP = ['red-rhythm', 'the-apothecarys-daughter'];

test('favourites become a planned route, and its link opens the same stops in a fresh browser', async ({ page, browser, baseURL }) => {
  await page.goto('/');
  await waitForGallery(page, false);
  for (const id of KEEP) {
    await page.evaluate((hash) => (location.hash = hash), `#artwork=${id}`);
    await expect(page.locator('#panel h2')).toHaveText(title(id));
    await page.getByRole('button', { name: 'Add to favourites' }).click();
    await expect(page.getByRole('button', { name: 'Remove from favourites' })).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(page.locator('#favourites-count')).toHaveText('2');

  await page.getByRole('button', { name: 'Plan my visit' }).click();
  const drawer = page.locator('#drawer');
  await drawer.getByLabel('Time I have').selectOption('45');
  await drawer.locator(`.route-must input[data-artwork="${KEEP[1]}"]`).check();
  await drawer.getByRole('button', { name: 'Plan the route' }).click();

  const stops = drawer.locator('.route-stops > li');
  await expect(stops).toHaveCount(2);
  // The must-see work is marked; each stop has directions in words with metres.
  await expect(drawer.locator(`.route-stops > li[data-artwork="${KEEP[1]}"]`)).toContainText('Must see');
  await expect(drawer.locator('.route-summary')).toHaveText(/^2 stops · \d+ m walking \(\d+ min at a museum pace of 0\.8 m\/s\) · \d+ min in all$/);
  await expect(drawer.locator('.route-directions li').first()).toHaveText(/(Through the doorway (on your left|on your right|ahead|behind you) into .+|The work is .+), \d+ m$/);
  const order = await stops.evaluateAll((els) => els.map((e) => e.getAttribute('data-artwork')));
  expect([...order].sort()).toEqual([...KEEP].sort());

  // The floor plan shows the numbered stops and the walking line.
  await expect(page.locator('#map-svg .route-stop')).toHaveCount(2);
  expect(await page.locator('#map-svg .route-line').count()).toBeGreaterThan(0);
  await expect(drawer.locator('svg.route-qr')).toBeVisible();
  const link = await drawer.locator('input.route-link').inputValue();
  expect(link).toMatch(/#route=[A-Za-z0-9_-]+$/);
  expect(link.length).toBeLessThan(1200);
  // A tall window, so the whole planned route fits in one picture of the drawer.
  await page.setViewportSize({ width: 900, height: 1600 });
  await drawer.screenshot({ path: `${SHOTS}/route-drawer.png` });
  await page.setViewportSize({ width: 900, height: 540 });
  await page.locator('#map').screenshot({ path: `${SHOTS}/route-floor-plan.png` });

  // A fresh browser (no favourites, no storage) opens the link: the same stops, in the same order.
  const other = await browser.newContext({ baseURL, serviceWorkers: 'block', viewport: { width: 900, height: 540 } });
  const phone = await other.newPage();
  await phone.goto(link.replace(/^https?:\/\/[^/]+/, ''));
  await waitForGallery(phone, false);
  await expect(phone.locator('#favourites-count')).toHaveText('0');
  const opened = phone.locator('#drawer .route-stops > li');
  await expect(opened).toHaveCount(2);
  expect(await opened.evaluateAll((els) => els.map((e) => e.getAttribute('data-artwork')))).toEqual(order);

  // Follow it: stop 1 of 2, then Next to stop 2, each work opening in the preview.
  await phone.locator('#drawer').getByRole('button', { name: 'Follow the route' }).click();
  const bar = phone.locator('#route-bar');
  await expect(bar.locator('.route-progress')).toHaveText(/^Stop 1 of 2, \d+ min left$/);
  await expect(phone.locator('#panel h2')).toHaveText(title(order[0]!));
  await bar.getByRole('button', { name: 'Next' }).click();
  await expect(bar.locator('.route-progress')).toHaveText(/^Stop 2 of 2, \d+ min left$/);
  await expect(phone.locator('#panel h2')).toHaveText(title(order[1]!));
  await expect(phone.locator('#map-svg .route-stop.current')).toHaveAttribute('data-stop', '2');
  await phone.screenshot({ path: `${SHOTS}/route-following.png` });
  await other.close();
});

test('a garbled or stale route link says what it could not use, and the page still works', async ({ page }) => {
  const payload = Buffer.from(JSON.stringify({ v: 1, x: 'another-exhibition', s: ['red-rhythm', 'no-such-work'], b: 30 })).toString('base64url');
  await page.goto(`/#route=${payload}`);
  // What the link could not use is said as soon as the drawer has the route (no need to wait for the gallery here).
  const drawer = page.locator('#drawer');
  await expect(drawer.locator('.route-notes')).toContainText('This route was made for another exhibition (another-exhibition)', { timeout: 60_000 });
  await expect(drawer.locator('.route-notes')).toContainText('No longer in the exhibition: no-such-work.');
  await expect(drawer.locator('.route-stops > li')).toHaveCount(1);

  await page.goto('about:blank');
  await page.goto('/#route=%%%garbage');
  await waitForGallery(page, false);
  await expect(page.locator('#drawer .route-notes')).toContainText('The route link could not be read; plan a new route.');
  await expect(page.locator('#exhibition-title')).toHaveText(en(ex.title));
});

test('the route rehearsed in VR and followed in AR: arrows toward the next stop, each stop ticked off on arrival', async ({ page }) => {
  // The AR room (one small room, three works), on an emulated Quest 3 with one view standing in the captured office.
  const stops = ['ivy-amphora', 'cinerary-urn', 'saint-ravo-calms-the-waters'];
  const link = encodeRouteLink({ exhibition: AR_ROOM.id, stops, mustSee: [], budget: 60, stepFree: false, avoidCrowded: false, notes: {} });
  // The app plans a shared route in its order: the same legs and places as here.
  const route = planRoute(AR_ROOM, { favourites: stops, budget: 60, keepOrder: true });
  const place = (i: number): Vec3 => [route.stops[i]!.place.position[0], 0, route.stops[i]!.place.position[1]];
  await page.setViewportSize({ width: 640, height: 400 });
  await installQuest3(page, { stereo: false });
  await installRoom(page, 'office_small');
  await serveFixtures(page);
  await page.goto(`/?lang=en&exhibition=${AR_ROOM_URL}#${link}`);
  await waitForGallery(page);
  const status = page.locator('#status');
  const drawer = page.locator('#drawer');
  await expect(drawer.locator('.route-stops > li')).toHaveCount(3);
  await drawer.locator('header button').click();
  await expect(drawer).toBeHidden();

  await test.step('VR rehearsal: the next stop shown (arrows and its ring), ticked off on arriving there', async () => {
    // VR starts where the preview stands: the room's far corner, away from every stop.
    await page.evaluate(() => window.museumTwin!.place([2.2, 0, 2.1], 270));
    await page.locator('#vr-button').click();
    await expect(status).toHaveAttribute('data-xr', 'running', { timeout: 60_000 });
    await expect(status).toHaveAttribute('data-route-next', stops[0]!);
    await expect(status).toHaveAttribute('data-route-ticked', '0');
    await expect(status).toHaveAttribute('data-route-arrows', /^[1-9]\d*$/);
    // Walk (the headset moves in the room) to where one stands to look at the amphora.
    const v = await page.evaluate(() => window.museumTwin!.xrViewer!()!);
    const local = sceneToLocal(place(0), v);
    await setHeadset(page, [local[0], 1.6, local[2]]);
    await frames(page, 6);
    await expect(status).toHaveAttribute('data-route-ticked', '1');
    await expect(status).toHaveAttribute('data-route-next', stops[1]!);
    await page.evaluate(() => window.museumTwin!.xrExit!());
    await expect(status).toHaveAttribute('data-mode', 'preview');
    // The floor plan ticks the amphora off too.
    await expect(page.locator('#map-svg .route-stop.ticked')).toHaveCount(1);
  });

  await test.step('AR: once registered, arrows on the real floor lead to the next stop; arriving ticks it off', async () => {
    // Where a visitor starts in the real room (its middle, clear of the urn).
    await setHeadset(page, [0, 1.6, 0]);
    await page.locator('#ar-button').click();
    await expect(status).toHaveAttribute('data-xr', 'running', { timeout: 60_000 });
    await expect(status).toHaveAttribute('data-ar-phase', 'aiming');
    // Not registered yet: no arrows (they would lie anywhere).
    await waitFrames(page, 6);
    expect((await arState(page)).route?.arrows).toEqual([]);
    await registerOnPoints(page);
    await waitFrames(page, 12);
    const r = (await arState(page)).route!;
    expect(r.next).toBe(stops[1]);
    expect(r.ticked).toEqual([0]);
    expect(r.arrows.length).toBeGreaterThan(1);
    // On the real floor where the twin says (within 5 cm: the registration's error), the last one pointing at the stop.
    r.arrows.forEach((a, i) => {
      const real = apply(ROOM_TRUTH, a.position);
      expect(dist(r.world[i]!, real)).toBeLessThan(0.05);
      expect(Math.abs(r.world[i]![1] - ROOM_TRUTH.translation[1])).toBeLessThan(0.06);
    });
    const last = r.arrows.at(-1)!;
    const dir = headingToDir(last.heading);
    const to = [place(1)[0] - last.position[0], place(1)[2] - last.position[2]];
    expect((dir[0] * to[0]! + dir[1] * to[1]!) / Math.hypot(to[0]!, to[1]!)).toBeGreaterThan(0.95);
    // The ring lies where one stands to look at the urn.
    expect(Math.hypot(r.ring![0] - place(1)[0], r.ring![2] - place(1)[2])).toBeLessThan(0.01);
    const ring = apply(ROOM_TRUTH, r.ring!);
    // Look down at the arrows and the ring, as a visitor holding the phone would.
    await lookAt(page, [(ring[0] + r.world[0]![0]) / 2, 0, (ring[2] + r.world[0]![2]) / 2]);
    await waitFrames(page, 6);
    const shot = `${SHOTS}/route-ar-arrows.png`;
    await page.screenshot({ path: shot });
    // The arrows are seen (amber chevrons on the grey room, many pixels), not only placed.
    const { data, info } = await sharp(shot).raw().toBuffer({ resolveWithObject: true });
    let amber = 0;
    for (let i = 0; i < data.length; i += info.channels) if (data[i]! > 200 && data[i + 1]! > 110 && data[i + 1]! < 200 && data[i + 2]! < 90) amber++;
    expect(amber, 'amber arrow pixels').toBeGreaterThan(400);

    const stand = apply(ROOM_TRUTH, place(1));
    await setHeadset(page, [stand[0], 1.6, stand[2]]);
    await expect(status).toHaveAttribute('data-route-ticked', '2');
    await expect(status).toHaveAttribute('data-route-next', stops[2]!);
    await page.evaluate(() => window.museumTwin!.xrExit!());
    await expect(status).toHaveAttribute('data-mode', 'preview');
    await expect(page.locator('#map-svg .route-stop.ticked')).toHaveCount(2);
  });
});

test('a building of two levels: the floor plan shows one level at a time, a step-free route takes the lift, the stairs in 3D (preview and VR) take the visitor up and down; a visitor’s own story shared and opened', async ({ page }) => {
  // e2e/fixtures/route-levels.json: two rooms a floor, stairs in the first and a lift in the last (src/twin/route/sample.ts).
  const link = encodeRouteLink({ exhibition: 'route-levels', stops: ['w0', 'w5'], mustSee: [], budget: 60, stepFree: true, avoidCrowded: false, notes: {} });
  // An emulated headset (one view) for the level change in VR; the preview works as without one.
  await installQuest3(page, { stereo: false });
  await serveFixtures(page);
  await page.goto(`/?lang=en&exhibition=/e2e-fixtures/route-levels.json#${link}`);
  await waitForGallery(page, false);
  const drawer = page.locator('#drawer');
  await expect(drawer.locator('.route-stops > li')).toHaveCount(2);
  // Step-free: up by the lift, never the stairs.
  await expect(drawer.locator('.route-stops')).toContainText('Take the lift');
  await expect(drawer.locator('.route-stops')).not.toContainText('stairs');
  await drawer.locator('header button').click();

  const levels = page.locator('#map .route-levels');
  await expect(levels.getByRole('button')).toHaveText(['Ground floor', 'Upper gallery']);
  await expect(levels.getByRole('button', { name: 'Ground floor' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('#map-svg polygon[data-room="g0"]')).toBeVisible();
  await expect(page.locator('#map-svg polygon[data-room="u0"]')).toBeHidden();
  await expect(page.locator('#map-svg circle.work[data-artwork="w5"]')).toBeHidden();
  // The first stop is downstairs; the second is drawn on its own level only.
  await expect(page.locator('#map-svg .route-stop')).toHaveCount(1);
  await expect(page.locator('#map-svg .route-stop')).toHaveAttribute('data-artwork', 'w0');

  await levels.getByRole('button', { name: 'Upper gallery' }).click();
  await expect(levels.getByRole('button', { name: 'Upper gallery' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('#status')).toHaveAttribute('data-map-level', 'upper');
  await expect(page.locator('#map-svg polygon[data-room="u0"]')).toBeVisible();
  await expect(page.locator('#map-svg polygon[data-room="g0"]')).toBeHidden();
  await expect(page.locator('#map-svg circle.work[data-artwork="w5"]')).toBeVisible();
  await expect(page.locator('#map-svg .route-stop')).toHaveAttribute('data-artwork', 'w5');
  await page.locator('#map').screenshot({ path: `${SHOTS}/route-levels-plan.png` });

  // In 3D the upper rooms stand 5 m up. Stepping onto the stairs' marked floor takes the visitor up; the plan follows.
  const viewer = () => page.evaluate(() => window.museumTwin!.viewer());
  await levels.getByRole('button', { name: 'Ground floor' }).click();
  // The climb ends at the stairs' head, feet on the upper floor; the heights seen on the way say it was a climb, not a cut.
  const heights: number[] = [];
  const arrived = (at: Vec3) =>
    expect
      .poll(
        async () => {
          const v = await viewer();
          heights.push(v.position[1]);
          return Math.hypot(v.position[0] - at[0], v.position[1] - at[1], v.position[2] - at[2]);
        },
        { timeout: 30_000, intervals: [100] },
      )
      .toBeLessThan(0.1);
  await page.evaluate(() => window.museumTwin!.place([2.2, 0, 2.1], 90));
  await arrived([2, 5, 4]);
  expect((await viewer()).room).toBe('u0');
  expect(heights.filter((h) => h > 0.5 && h < 4.5).length, `heights on the way up: ${heights.join(', ')}`).toBeGreaterThan(0);
  await expect(page.locator('#status')).toHaveAttribute('data-view-level', 'upper');
  await expect(levels.getByRole('button', { name: 'Upper gallery' })).toHaveAttribute('aria-pressed', 'true');
  // Upstairs, 4 m from the stairs' upper end and facing it: tapping it takes the visitor down again.
  await page.evaluate(() => window.museumTwin!.place([2, 5, 8], 0));
  await expect.poll(async () => (await viewer()).room).toBe('u0');
  await page.locator('canvas').first().screenshot({ path: `${SHOTS}/route-levels-upstairs.png` });
  const pad = await page.evaluate(() => {
    type Mat = { m: ArrayLike<number> };
    type M = { name: string; getAbsolutePosition(): { x: number; y: number; z: number } };
    const scene = window.museumTwin!.scene() as { meshes: M[]; activeCamera: { getViewMatrix(): Mat; getProjectionMatrix(): Mat }; getEngine(): { getRenderingCanvas(): HTMLCanvasElement } };
    const p = scene.meshes.find((m) => m.name === 'link:stairs:1')!.getAbsolutePosition();
    // From the camera where it stands now (not the last frame's matrix); Babylon's row vectors: clip = [x y z 1] × V × P.
    const times = (v: number[], m: ArrayLike<number>) => [0, 1, 2, 3].map((c) => v[0]! * m[c]! + v[1]! * m[4 + c]! + v[2]! * m[8 + c]! + v[3]! * m[12 + c]!);
    const cam = scene.activeCamera;
    const clip = times(times([p.x, p.y, p.z, 1], cam.getViewMatrix().m), cam.getProjectionMatrix().m);
    const rect = scene.getEngine().getRenderingCanvas().getBoundingClientRect();
    return { x: rect.left + ((clip[0]! / clip[3]! + 1) / 2) * rect.width, y: rect.top + ((1 - clip[1]! / clip[3]!) / 2) * rect.height };
  });
  await page.mouse.click(pad.x, pad.y);
  await arrived([2, 0, 2]);
  expect((await viewer()).room).toBe('g0');
  await expect(levels.getByRole('button', { name: 'Ground floor' })).toHaveAttribute('aria-pressed', 'true');

  await test.step('VR: stepping onto the stairs’ foot in the headset lands the visitor on the upper level', async () => {
    const status = page.locator('#status');
    await expect(status).toHaveAttribute('data-view-level', 'ground');
    // VR begins where the preview stands: on the stairs' foot, where the tap down left the visitor.
    await enterVr(page);
    const v = await xrViewer(page);
    expect(planDistance(v.position, [2, 0, 2])).toBeLessThan(0.3);
    // Walk (the headset moves in the room) off the marked floor, so that it may take the visitor again, then back onto it.
    const off = sceneToLocal([5, 0, 5], v);
    await setHeadset(page, [off[0], 1.6, off[2]]);
    await frames(page, 4);
    await expect(status).toHaveAttribute('data-view-level', 'ground');
    const on = sceneToLocal([2, 0, 2], v);
    await setHeadset(page, [on[0], 1.6, on[2]]);
    await expect(status).toHaveAttribute('data-view-level', 'upper');
    await expect(status).toHaveAttribute('data-view-link', 'stairs');
    // Feet on the upper floor (5 m), at the stairs' head.
    await expect.poll(async () => (await xrViewer(page)).position[1]).toBeGreaterThan(4.9);
    const up = await xrViewer(page);
    expect(up.position[1]).toBeLessThan(5.1);
    expect(planDistance(up.position, [2, 5, 4])).toBeLessThan(0.2);
    await page.evaluate(() => window.museumTwin!.xrExit!());
    await expect(status).toHaveAttribute('data-mode', 'preview');
  });

  // Make your own: the two works as a story, upstairs first, titled, with a note in the visitor's words.
  await page.getByRole('button', { name: 'Plan my visit' }).click();
  const story = drawer.locator('.story-editor');
  await story.getByLabel('Title of your story').fill('Up and down');
  await story.getByRole('button', { name: 'Move Work 5 earlier' }).click();
  await expect(story.getByRole('button', { name: 'Move Work 5 later' })).toBeFocused();
  await story.getByLabel('Your note on Work 5').fill('Look *up* <b>here</b>');
  await story.getByRole('button', { name: 'Share my story' }).click();
  await expect(drawer.locator('.story-heading')).toHaveText('A visitor’s story: Up and down');
  expect(await drawer.locator('.route-stops > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-artwork')))).toEqual(['w5', 'w0']);
  const storyLink = await drawer.locator('input.route-link').inputValue();
  expect(storyLink.length).toBeLessThan(1200);

  // Someone else opens it: a tour in the visitor's order, their note beside the museum's text, never as HTML.
  await page.goto('about:blank');
  await page.goto(storyLink.replace(/^https?:\/\/[^/]+/, ''));
  await waitForGallery(page, false);
  await expect(drawer.locator('.story-heading')).toHaveText('A visitor’s story: Up and down');
  await drawer.getByRole('button', { name: 'Follow the route' }).click();
  const note = page.locator('#route-bar .story-note');
  await expect(note).toContainText('Visitor’s note');
  await expect(note.locator('em')).toHaveText('up');
  await expect(note).toContainText('<b>here</b>');
  await expect(note.locator('b')).toHaveCount(0);
  await expect(page.locator('#panel h2')).toHaveText('Work 5');
  await expect.poll(async () => (await viewer()).position[1]).toBeGreaterThan(4.9);
  await page.screenshot({ path: `${SHOTS}/route-story.png` });
});
