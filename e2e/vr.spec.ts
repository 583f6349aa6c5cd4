/**
 * The VR walkthrough, on an emulated Meta Quest 3 (IWER) in headless Chromium: enter VR, teleport onto the
 * floor (and not onto a wall), snap turn, point at a work and pull the trigger to open its panel, close it,
 * follow a tour from the wrist menu, and exit back to the preview where the visitor stood.
 *
 * The journeys with a headset share one page (the default exhibition loads once) and draw on a small emulated
 * display: what they check (poses, panels, controls, draw calls) does not depend on the pixels.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, viewer, defaultExhibition, ROOT, SHOTS } from './support';
import { checkBudget, README_FIGURES } from './helpers/vr-budget';
import { panelTurnsTowardTheVisitor, refusesATeleportOntoAWall, snapTurns, teleportsOntoTheFloor } from './helpers/vr-moves';
import { en } from './helpers/text';
import { sharedPage } from './helpers/shared-page';
import { openHeadsetGallery } from './helpers/headset-page';
import { aimAndPull, enterVr, expectFacingAndReadable, floorTarget, lowerMenu, MENU_HAND, planDistance, pressControl, raiseMenu, xrControl, xrPanel, xrViewer } from './helpers/vr';
import { aimAt, setController, setHeadset, thumbstick, frames, press, button, useHands, aimHandAt, pinch, type Vec3 } from './xr/iwer';
import { headingToDir } from '../src/twin/floorplan';
import { artworkPose } from '../src/twin/layout';
import { headingDelta, stopPose, storyPages } from '../src/modes/vr/logic';
import { parseWebVtt } from '../src/twin/webvtt';
import { Exhibition as ExhibitionSchema, type Exhibition } from '../src/twin/schema';

const ex: Exhibition = ExhibitionSchema.parse(defaultExhibition());

test.use({ viewport: { width: 640, height: 400 } });
test.use({ serviceWorkers: 'block' });

test.describe('with an emulated Meta Quest 3', () => {
  const shared = sharedPage(test);
  /** Every request of the headset's page, from its first load on. */
  const requests: string[] = [];
  let entrance: { position: Vec3; heading: number } | undefined;

  /** The shared page with the headset on, opened on first use: one gallery load for every journey below. */
  async function headsetPage(): Promise<Page> {
    const page = shared();
    if (page.url() === 'about:blank') {
      // The gallery loads in whichever journey comes first: up to six minutes more on a busy machine.
      test.setTimeout(test.info().timeout + 360_000);
      page.on('request', (r) => requests.push(r.url()));
      await openHeadsetGallery(page);
      entrance = await viewer(page);
    }
    return page;
  }

  /** The preview with no tour and no open work (the journey before may leave both): where the next one begins. */
  async function nothingOpen(page: Page): Promise<void> {
    const status = page.locator('#status');
    if ((await status.getAttribute('data-mode')) !== 'preview') {
      await page.evaluate(() => window.museumTwin!.xrExit!());
      await expect(status).toHaveAttribute('data-mode', 'preview');
    }
    const end = page.locator('#tour-bar .tour-end');
    if (await end.isVisible()) await end.click();
    const close = page.locator('#panel button.close');
    if (await close.isVisible()) await close.click();
    await expect(page.locator('#tour-bar')).toBeHidden();
    await expect(status).toHaveAttribute('data-selected', '');
  }

  test('a visitor walks the exhibition in VR and comes back to the preview where they stood', async () => {
    test.setTimeout(300_000);
    const page = await headsetPage();
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
      await checkBudget(page, 'the entrance', README_FIGURES.entrance);
    });

    await test.step('teleport: pointing at the floor moves the visitor there', () => teleportsOntoTheFloor(page, ex));
    await test.step('teleport: pointing at a wall does not move the visitor', () => refusesATeleportOntoAWall(page, ex));
    await test.step('snap turn: the heading changes by the configured angle', () => snapTurns(page));

    const v0 = await xrViewer(page);
    const room = v0.room;
    const painting = ex.artworks
      .filter((a) => a.kind === 'painting' && a.sensitivity.level === 'open')
      .map((a) => ({ a, pose: artworkPose(ex, a) }))
      .filter((w) => w.pose.room === room)
      .sort((m, n) => planDistance(m.pose.position, v0.position) - planDistance(n.pose.position, v0.position))[0]!;
    expect(painting, `an open painting in room ${room}`).toBeTruthy();

    await test.step('point at a work and pull the trigger: its panel opens with its title', async () => {
      await aimAndPull(page, painting.pose.position, { hovered: painting.a.id });
      await expect(status).toHaveAttribute('data-selected', painting.a.id);
      const panel = (await xrPanel(page))!;
      expect(panel.artworkId).toBe(painting.a.id);
      expect(panel.title).toBe(en(painting.a.title));
      await expectFacingAndReadable(page);
      await frames(page, 3);
      await page.screenshot({ path: `${SHOTS}/vr-panel.png` });
    });

    await test.step('the panel turns toward the visitor as they move, and stays readable', () => panelTurnsTowardTheVisitor(page));

    await test.step('the panel’s close button closes it; pointing away and pulling the trigger does too', async () => {
      await pressControl(page, 'close');
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
      await pressControl(page, `tour:${tour.id}`, MENU_HAND);
      await expect(status).toHaveAttribute('data-tour-stop', '0');
      const first = ex.artworks.find((a) => a.id === tour.stops[0]!.artwork)!;
      const expected0 = stopPose(ex, first);
      await expect.poll(async () => planDistance((await xrViewer(page)).position, expected0.position)).toBeLessThan(0.1);
      await expect(status).toHaveAttribute('data-selected', first.id);
      await expectFacingAndReadable(page);
      await checkBudget(page, `${tour.id} stop 1`, README_FIGURES.tourStop);

      await frames(page, 3);
      await pressControl(page, 'tour:next', MENU_HAND);
      await expect(status).toHaveAttribute('data-tour-stop', '1');
      const second = ex.artworks.find((a) => a.id === tour.stops[1]!.artwork)!;
      const expected1 = stopPose(ex, second);
      await expect.poll(async () => planDistance((await xrViewer(page)).position, expected1.position)).toBeLessThan(0.1);
      const at1 = await xrViewer(page);
      expect(Math.abs(headingDelta(at1.heading, expected1.heading))).toBeLessThan(3);
      await expect(status).toHaveAttribute('data-selected', second.id);
      const panel = (await xrPanel(page))!;
      expect(panel.title).toBe(en(second.title));
      await expectFacingAndReadable(page);
      await checkBudget(page, `${tour.id} stop 2`, README_FIGURES.tourStop);
      // Heart it: the same favourites as the preview's (IndexedDB).
      await pressControl(page, 'favourite');
      await expect(page.locator('#favourites-count')).toHaveText('1');
      await page.screenshot({ path: `${SHOTS}/vr-tour-stop.png` });
    });

    const lastStop = tour.stops.length - 1;
    await test.step('every tour stop stays within the draw-call and triangle budget (A moves on)', async () => {
      for (let i = 2; i <= lastStop; i++) {
        await press(page, 'right', 'a-button');
        await expect(status).toHaveAttribute('data-tour-stop', String(i));
        const art = ex.artworks.find((a) => a.id === tour.stops[i]!.artwork)!;
        const expected = stopPose(ex, art);
        await expect.poll(async () => planDistance((await xrViewer(page)).position, expected.position)).toBeLessThan(0.1);
        await expect(status).toHaveAttribute('data-selected', art.id);
        await expectFacingAndReadable(page);
        await checkBudget(page, `${tour.id} stop ${i + 1}`, README_FIGURES.tourStop);
      }
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
      await expect(status).toHaveAttribute('data-tour-stop', String(lastStop));
      await expect(page.locator('#panel h2')).toHaveText(en(ex.artworks.find((a) => a.id === tour.stops[lastStop]!.artwork)!.title));
      await page.screenshot({ path: `${SHOTS}/vr-back-in-preview.png` });
    });
  });

  test('in VR a work’s details, story pages, narration with captions and community protocols are the preview’s', async () => {
    test.setTimeout(300_000);
    // A room with a narrated work that has details and a story of several pages, an advisory work and a restricted one.
    const inRoom = (room: string | undefined) => ex.artworks.filter((a) => artworkPose(ex, a).room === room);
    const narrated = ex.artworks.find(
      (a) =>
        a.sensitivity.level === 'open' &&
        a.narration?.en &&
        a.annotations.length >= 2 &&
        storyPages(en(a.backstory)).length > 1 &&
        inRoom(artworkPose(ex, a).room).some((b) => b.sensitivity.level === 'advisory') &&
        inRoom(artworkPose(ex, a).room).some((b) => b.sensitivity.level === 'restricted'),
    );
    expect(narrated, 'a room with a narrated, annotated work, an advisory work and a restricted one').toBeTruthy();
    const room = artworkPose(ex, narrated!).room;
    const advisory = inRoom(room).find((a) => a.sensitivity.level === 'advisory')!;
    const restricted = inRoom(room).find((a) => a.sensitivity.level === 'restricted')!;

    const page = await headsetPage();
    const status = page.locator('#status');
    await nothingOpen(page);
    // Stand where a tour would stop for the narrated work, then put the headset on.
    const stand = stopPose(ex, narrated!);
    await page.evaluate(({ p, h }) => window.museumTwin!.place(p, h), { p: stand.position, h: stand.heading });
    await enterVr(page);
    expect(planDistance((await xrViewer(page)).position, stand.position)).toBeLessThan(0.1);
    const art = narrated!;

    await test.step('point at the work and pull the trigger: its panel opens', async () => {
      await aimAndPull(page, await xrControl(page, `work:${art.id}`), { hovered: art.id });
      await expect(status).toHaveAttribute('data-selected', art.id);
      const p = (await xrPanel(page))!;
      expect(p.view).toBe('work');
      expect(p.body).toContain(en(art.label));
      await expectFacingAndReadable(page);
    });

    await test.step('details are hotspots on the work: selecting one shows its text', async () => {
      for (const a of art.annotations.slice(0, 2).reverse()) {
        await pressControl(page, `hotspot:${art.id}:${a.id}`);
        await expect.poll(async () => (await xrPanel(page))?.annotation).toBe(a.id);
        const p = (await xrPanel(page))!;
        expect(p.section).toBe('details');
        expect(p.body).toContain(en(a.title));
        expect(p.body).toContain(en(a.text));
        expect(p.artworkId).toBe(art.id);
      }
      await frames(page, 2);
      await page.screenshot({ path: `${SHOTS}/vr-hotspot.png` });
    });

    await test.step('the story reads in pages, forward and back', async () => {
      const pages = storyPages(en(art.backstory));
      await pressControl(page, 'tab:story');
      await expect.poll(async () => (await xrPanel(page))?.section).toBe('story');
      let p = (await xrPanel(page))!;
      expect(p.pages).toBe(pages.length);
      expect(p.page).toBe(0);
      expect(p.body).toBe(pages[0]);
      await pressControl(page, 'page:next');
      await expect.poll(async () => (await xrPanel(page))?.page).toBe(1);
      p = (await xrPanel(page))!;
      expect(p.body).toBe(pages[1]);
      await pressControl(page, 'page:previous');
      await expect.poll(async () => (await xrPanel(page))?.page).toBe(0);
      expect((await xrPanel(page))!.body).toBe(pages[0]);
    });

    await test.step('narration plays with its captions in the panel, and pauses', async () => {
      const n = art.narration!.en!;
      const cues = parseWebVtt(readFileSync(resolve(ROOT, 'assets/default', n.captions), 'utf8')).cues.map((c) => c.text);
      await pressControl(page, 'narration');
      await expect.poll(async () => (await xrPanel(page))?.narration).toBe('playing');
      await expect.poll(async () => (await xrPanel(page))?.caption, { timeout: 20_000 }).not.toBe('');
      const p = (await xrPanel(page))!;
      expect(cues).toContain(p.caption);
      expect(requests.some((u) => u.endsWith(n.audio))).toBe(true);
      expect(requests.some((u) => u.endsWith(n.captions))).toBe(true);
      await frames(page, 2);
      await page.screenshot({ path: `${SHOTS}/vr-narration.png` });
      await pressControl(page, 'narration');
      await expect.poll(async () => (await xrPanel(page))?.narration).toBe('paused');
      await pressControl(page, 'close');
      await expect(status).toHaveAttribute('data-selected', '');
    });

    await test.step('an advisory work shows its notice first, then the work once acknowledged', async () => {
      if (advisory.sensitivity.level !== 'advisory') throw new Error('advisory');
      await pressControl(page, `work:${advisory.id}`);
      await expect(status).toHaveAttribute('data-selected', advisory.id);
      let p = (await xrPanel(page))!;
      expect(p.view).toBe('notice');
      expect(p.body).toBe(en(advisory.sensitivity.notice));
      expect(p.narration).toBe('none');
      await frames(page, 2);
      await page.screenshot({ path: `${SHOTS}/vr-advisory.png` });
      await pressControl(page, 'acknowledge');
      await expect.poll(async () => (await xrPanel(page))?.view).toBe('work');
      p = (await xrPanel(page))!;
      expect(p.body).toContain(en(advisory.label));
      await pressControl(page, 'close');
      await expect(status).toHaveAttribute('data-selected', '');
    });

    await test.step('a restricted work shows only its community’s statement, and its media is never requested', async () => {
      if (restricted.sensitivity.level !== 'restricted') throw new Error('restricted');
      await pressControl(page, `work:${restricted.id}`);
      await expect(status).toHaveAttribute('data-selected', restricted.id);
      const p = (await xrPanel(page))!;
      expect(p.view).toBe('restricted');
      expect(p.body).toContain(en(restricted.sensitivity.statement));
      expect(p.body).toContain(restricted.sensitivity.contact);
      expect(p.body).not.toContain(en(restricted.backstory).slice(0, 40));
      expect(p.narration).toBe('none');
      // Its community's labels are on the panel, as in the preview.
      expect(restricted.sensitivity.labels?.length, 'the default restricted work carries a community label').toBeTruthy();
      expect(await page.evaluate(() => window.museumTwin!.xrControl!('labels'))).toBeDefined();
      // No story, details or narration controls on its panel.
      for (const name of ['tab:story', 'tab:details', 'narration']) {
        expect(await page.evaluate((n) => window.museumTwin!.xrControl!(n), name), name).toBeUndefined();
      }
      await frames(page, 2);
      await page.screenshot({ path: `${SHOTS}/vr-restricted.png` });
      expect(requests.filter((u) => u.includes(restricted.id))).toEqual([]);
    });
  });

  test('comfort in VR: snap angle, smooth movement and seated mode', async () => {
    test.setTimeout(300_000);
    const page = await headsetPage();
    const status = page.locator('#status');
    // At the entrance, nothing open, as a visitor who has just put the headset on.
    await nothingOpen(page);
    await page.evaluate(({ p, h }) => window.museumTwin!.place(p, h), { p: entrance!.position, h: entrance!.heading });
    await enterVr(page);

    await test.step('the snap-turn setting changes the turn', async () => {
      await expect(status).toHaveAttribute('data-vr-snap', '45');
      await raiseMenu(page);
      await pressControl(page, 'snap', MENU_HAND);
      await expect(status).toHaveAttribute('data-vr-snap', '60');
      await lowerMenu(page);
      const v = await xrViewer(page);
      // A new session counts its turns from none.
      await thumbstick(page, 'right', 1, 0);
      await expect(status).toHaveAttribute('data-vr-turns', '1');
      await thumbstick(page, 'right', 0, 0);
      await frames(page, 2);
      expect(headingDelta(v.heading, (await xrViewer(page)).heading)).toBeCloseTo(60, 0);
      await thumbstick(page, 'right', -1, 0);
      await expect(status).toHaveAttribute('data-vr-turns', '2');
      await thumbstick(page, 'right', 0, 0);
      await frames(page, 2);
      expect(Math.abs(headingDelta(v.heading, (await xrViewer(page)).heading))).toBeLessThan(1);
    });

    await test.step('smooth movement: the left stick walks the visitor forward', async () => {
      await raiseMenu(page);
      await pressControl(page, 'smooth', MENU_HAND);
      await expect(status).toHaveAttribute('data-vr-smooth', 'on');
      await lowerMenu(page);
      const v = await xrViewer(page);
      await thumbstick(page, 'left', 0, -1);
      await expect.poll(async () => planDistance((await xrViewer(page)).position, v.position), { timeout: 30_000 }).toBeGreaterThan(0.5);
      await thumbstick(page, 'left', 0, 0);
      await frames(page, 3);
      const after = await xrViewer(page);
      // Forward is where the visitor looks.
      const d = headingToDir(v.heading);
      const moved = [after.position[0] - v.position[0], after.position[2] - v.position[2]];
      expect((moved[0]! * d[0] + moved[1]! * d[1]) / Math.hypot(moved[0]!, moved[1]!)).toBeGreaterThan(0.9);
      expect(after.position[1]).toBeCloseTo(v.position[1], 1);
      // Still stopped: no drift once the stick is released.
      await frames(page, 6);
      expect(planDistance((await xrViewer(page)).position, after.position)).toBeLessThan(0.05);
      // The right stick still snap-turns, by the chosen angle.
      const turns = Number((await status.getAttribute('data-vr-turns')) ?? '0');
      await thumbstick(page, 'right', 1, 0);
      await expect(status).toHaveAttribute('data-vr-turns', String(turns + 1));
      await thumbstick(page, 'right', 0, 0);
      await frames(page, 2);
      expect(headingDelta(after.heading, (await xrViewer(page)).heading)).toBeCloseTo(60, 0);
      await thumbstick(page, 'right', -1, 0);
      await expect(status).toHaveAttribute('data-vr-turns', String(turns + 2));
      await thumbstick(page, 'right', 0, 0);
      await frames(page, 2);
      await raiseMenu(page);
      await pressControl(page, 'smooth', MENU_HAND);
      await expect(status).toHaveAttribute('data-vr-smooth', 'off');
    });

    await test.step('seated mode raises a seated visitor’s eyes to standing height, and keeps them there after a teleport', async () => {
      // The visitor sits down: the headset is 1.15 m above the real floor.
      await setHeadset(page, [0, 1.15, 0]);
      await frames(page, 3);
      expect((await xrViewer(page)).eyeHeight).toBeCloseTo(1.15, 1);
      await pressControl(page, 'seated', MENU_HAND);
      await expect(status).toHaveAttribute('data-vr-seated', 'on');
      await expect.poll(async () => (await xrViewer(page)).eyeHeight).toBeCloseTo(1.6, 1);
      const v = await xrViewer(page);
      expect(v.position[1]).toBeCloseTo(0, 1);
      await lowerMenu(page);
      const target = floorTarget(ex, v);
      await aimAt(page, 'right', target, [0.2, 0.85, -0.3]);
      await frames(page, 2);
      await thumbstick(page, 'right', 0, -1);
      await frames(page, 6);
      await thumbstick(page, 'right', 0, 0);
      // This session's first teleport (each session counts from none).
      await expect(status).toHaveAttribute('data-vr-teleports', '1');
      await frames(page, 2);
      const after = await xrViewer(page);
      expect(planDistance(after.position, target)).toBeLessThan(0.3);
      expect(after.eyeHeight).toBeCloseTo(1.6, 1);
      expect(after.position[1]).toBeCloseTo(0, 1);
      await raiseMenu(page);
      await pressControl(page, 'seated', MENU_HAND);
      await expect(status).toHaveAttribute('data-vr-seated', 'off');
      await expect.poll(async () => (await xrViewer(page)).eyeHeight).toBeCloseTo(1.15, 1);
      await setHeadset(page, [0, 1.6, 0]);
      await lowerMenu(page);
    });
  });

  test('with tracked hands, a pinch selects the work pointed at', async () => {
    test.setTimeout(200_000);
    const page = await headsetPage();
    const status = page.locator('#status');
    // Still in the headset after the comfort settings (or putting it on, run alone).
    if ((await status.getAttribute('data-xr')) !== 'running') await enterVr(page);
    {
      const v = await xrViewer(page);
      const work = ex.artworks
        .filter((a) => a.kind === 'painting' && a.sensitivity.level === 'open' && artworkPose(ex, a).room === v.room)
        .map((a) => ({ a, pose: artworkPose(ex, a) }))
        .sort((m, n) => planDistance(m.pose.position, v.position) - planDistance(n.pose.position, v.position))[0]!;
      await useHands(page, true);
      await frames(page, 6);
      await aimHandAt(page, 'right', work.pose.position);
      await frames(page, 4);
      await expect(status).toHaveAttribute('data-hovered', work.a.id);
      await pinch(page, 'right');
      await expect(status).toHaveAttribute('data-selected', work.a.id);
      await frames(page, 2);
      await page.screenshot({ path: `${SHOTS}/vr-hands.png` });
      await useHands(page, false);
    }
  });
});
