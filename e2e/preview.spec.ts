/**
 * The pre-visit preview, as a visitor meets it in a desktop browser, on one page (loading the gallery is the slow
 * part): each check starts where the one before left the visit, as a visitor's next step would. Keyboard-only use
 * and switching language are walked in accessibility.spec.ts and languages.spec.ts.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, waitForGallery, viewer, serveFixture, canvasStats, defaultExhibition, SHOTS, ROOT } from './support';
import { nextFrames, settled } from './helpers/frames';
import { sharedPage } from './helpers/shared-page';
import { en, literally } from './helpers/text';
import { distanceToSegment, pointInPolygon } from '../src/twin/geometry';
import { headingToDir } from '../src/twin/floorplan';
import { parseWebVtt } from '../src/twin/webvtt';

test.use({ serviceWorkers: 'block' });

const ex = defaultExhibition();

/** Closes the work's panel, if one is open, so the next check on the shared page starts from the gallery. */
async function closePanel(page: Page): Promise<void> {
  if (await page.locator('#panel').isVisible()) await page.locator('#panel .close').click();
  await expect(page.locator('#panel')).toBeHidden();
}

/** Opens a work as a link inside the page does (the app follows the address's #artwork=…). */
async function follow(page: Page, id: string): Promise<void> {
  await page.evaluate((id) => (location.hash = `artwork=${id}`), id);
}

test.describe('one visit to the default exhibition', () => {
  const visit = sharedPage(test);
  // The first check loads the gallery (about 20 s idle): room for a machine shared with other runs.
  test.describe.configure({ timeout: 180_000 });

  test('the default exhibition opens as a rendered, lit gallery; without a headset, VR is not offered and the page says why', async () => {
    const page = visit();
    await page.goto('/');
    await waitForGallery(page);
    await expect(page.locator('#exhibition-title')).toHaveText(en(ex.title));
    const { stdev, mean } = await canvasStats(page, 'preview-entrance');
    // A blank, black or single-colour canvas has almost no spread; a lit room with works has plenty.
    expect(stdev).toBeGreaterThan(10);
    expect(mean).toBeGreaterThan(50);
    expect(mean).toBeLessThan(235);
    expect(await page.evaluate(() => window.museumTwin!.problems())).toEqual([]);
    // This browser has no headset (the VR journeys emulate one): VR is not offered, and the page says why.
    await expect(page.locator('#status')).toHaveAttribute('data-vr', /no-headset|no-webxr/);
    await expect(page.locator('#vr-button')).toBeHidden();
    await expect(page.locator('#vr-note')).toBeVisible();
    await expect(page.locator('#vr-note')).toContainText(/VR unavailable: (no VR headset found|this browser has no WebXR)/);
  });

  test('walking into a wall keeps the visitor inside the room', async () => {
    const page = visit();
    const start = await viewer(page);
    const room = ex.space.rooms.find((r) => r.id === start.room)!;
    expect(room).toBeTruthy();
    // Face a wall with no doorway in it and keep walking into it.
    const n = room.polygon.length;
    const wall = room.polygon
      .map((a, i) => [a, room.polygon[(i + 1) % n]!] as const)
      .find(([a, b]) => ex.space.kind === 'floorplan' && !ex.space.doorways.some((d) => distanceToSegment(d.position, a, b) < 0.5))!;
    const [a, b] = wall;
    const mid: [number, number] = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
    const heading = (Math.atan2(mid[0] - start.position[0], -(mid[1] - start.position[2])) * 180) / Math.PI;
    await page.evaluate(([p, h]) => window.museumTwin!.place(p as [number, number, number], h as number), [start.position, heading] as const);
    await page.locator('#gallery-canvas').focus();
    await page.keyboard.down('w');
    await page.waitForFunction(
      ([mx, mz]) => {
        const v = window.museumTwin!.viewer();
        return Math.hypot(v.position[0] - mx!, v.position[2] - mz!) < 0.8;
      },
      mid,
      { timeout: 30_000 },
    );
    // Keep pushing for a while (frames, not seconds: software WebGL is slow): the wall must hold.
    await nextFrames(page, 40);
    await page.keyboard.up('w');
    const end = await viewer(page);
    expect(pointInPolygon([end.position[0], end.position[2]], room.polygon)).toBe(true);
    expect(end.position[1]).toBeGreaterThan(-0.2);
    expect(end.position[1]).toBeLessThan(0.3);
    await page.screenshot({ path: `${SHOTS}/preview-wall.png` });
    // Back where the visit started, for the checks that follow.
    await page.evaluate(([p, h]) => window.museumTwin!.place(p as [number, number, number], h as number), [start.position, start.heading] as const);
  });

  test('clicking a work glides to it and opens its story', async () => {
    const page = visit();
    const box = (await page.locator('#gallery-canvas').boundingBox())!;
    const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const here = (await viewer(page)).room;
    const inRoom = ex.artworks.filter((a) => a.kind === 'painting' && a.sensitivity.level === 'open' && a.placement.kind === 'wall' && a.placement.room === here);
    const candidates = await page.evaluate((ids) => ids.map((id) => ({ id, p: window.museumTwin!.screenPoint(id) })), inRoom.map((a) => a.id));
    const visible = candidates
      .filter((c) => c.p && c.p.visible && c.p.x > box.x + 20 && c.p.x < box.x + box.width - 20 && c.p.y > box.y + 20 && c.p.y < box.y + box.height - 20)
      .sort((m, n) => Math.hypot(m.p!.x - centre.x, m.p!.y - centre.y) - Math.hypot(n.p!.x - centre.x, n.p!.y - centre.y));
    expect(visible.length).toBeGreaterThan(0);
    const target = visible[0]!;
    const before = await viewer(page);
    await page.mouse.click(target.p!.x, target.p!.y);
    const art = ex.artworks.find((a) => a.id === target.id)!;
    await expect(page.locator('#panel h2')).toHaveText(en(art.title));
    await expect(page.locator('#panel')).toContainText(en(art.creator.name));
    await expect(page.locator('#panel .story')).not.toBeEmpty();
    await page.waitForFunction((x) => {
      const v = window.museumTwin!.viewer();
      return Math.hypot(v.position[0] - x[0], v.position[2] - x[2]) > 0.3;
    }, before.position);
    await settled(page);
    await page.screenshot({ path: `${SHOTS}/preview-work-open.png` });
    await page.keyboard.press('Escape');
    await expect(page.locator('#panel')).toBeHidden();
  });

  test('search finds a work by its creator and opens it', async () => {
    const page = visit();
    const art = ex.artworks.find((a) => a.sensitivity.level === 'open' && a.kind === 'painting')!;
    const creator = en(art.creator.name);
    await page.getByRole('combobox', { name: 'Search works' }).fill(creator.split(' ').pop()!);
    const option = page.getByRole('option', { name: literally(en(art.title)) });
    await expect(option).toBeVisible();
    await option.click();
    await expect(page.locator('#panel h2')).toHaveText(en(art.title));
    await page.getByRole('combobox', { name: 'Search works' }).fill('zzzz-no-such-work');
    await expect(page.locator('#search-results')).toContainText('No work matches');
    await page.getByRole('combobox', { name: 'Search works' }).fill('');
    await closePanel(page);
  });

  test('a tour leads from stop to stop', async () => {
    const page = visit();
    const tour = ex.tours[0]!;
    await page.getByRole('button', { name: 'Tours' }).click();
    await page.locator(`[data-tour="${tour.id}"]`).getByRole('button', { name: 'Start tour' }).click();
    const first = ex.artworks.find((a) => a.id === tour.stops[0]!.artwork)!;
    const second = ex.artworks.find((a) => a.id === tour.stops[1]!.artwork)!;
    await expect(page.locator('#tour-bar')).toContainText(`Stop 1 of ${tour.stops.length}`);
    await expect(page.locator('#panel h2')).toHaveText(en(first.title));
    await settled(page);
    const atFirst = await viewer(page);
    await page.locator('#tour-bar').getByRole('button', { name: 'Next' }).click();
    await expect(page.locator('#tour-bar')).toContainText(`Stop 2 of ${tour.stops.length}`);
    await expect(page.locator('#panel h2')).toHaveText(en(second.title));
    await page.waitForFunction((x) => {
      const v = window.museumTwin!.viewer();
      return Math.hypot(v.position[0] - x[0], v.position[2] - x[2]) > 0.5;
    }, atFirst.position);
    await page.locator('#tour-bar').getByRole('button', { name: 'Previous' }).click();
    await expect(page.locator('#panel h2')).toHaveText(en(first.title));
    await page.screenshot({ path: `${SHOTS}/preview-tour.png` });
    await page.locator('#tour-bar').getByRole('button', { name: 'End tour' }).click();
    await expect(page.locator('#tour-bar')).toBeHidden();
    await closePanel(page);
  });

  test('the floor plan takes the visitor to a room and opens a work', async () => {
    const page = visit();
    const start = await viewer(page);
    const other = ex.space.rooms.find((r) => r.id !== start.room)!;
    const room = page.locator(`#map [data-room="${other.id}"]`);
    await expect(room).toHaveAccessibleName(`Go to ${en(other.name)}`);
    await room.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await viewer(page)).room, { timeout: 20_000 }).toBe(other.id);
    const art = ex.artworks.find((a) => a.sensitivity.level === 'open' && a.kind === 'object')!;
    await page.locator(`#map [data-artwork="${art.id}"]`).click();
    await expect(page.locator('#panel h2')).toHaveText(en(art.title));
    await expect(page.locator(`#map [data-artwork="${art.id}"]`)).toHaveClass(/selected/);
  });

  test("a model's textures are as fine as its size on screen asks: close up finer, rooms away at the smallest level", async () => {
    const page = visit();
    // The visitor steps up to the object the floor plan opened, 0.9 m in front of it.
    const near = ex.artworks.find((a) => a.sensitivity.level === 'open' && a.kind === 'object' && a.placement.kind === 'pose')!;
    if (near.placement.kind !== 'pose') throw new Error('the default exhibition stands its objects at poses');
    const { position: p, heading } = near.placement;
    const [dx, dz] = headingToDir(heading);
    await page.evaluate(([x, z, h]) => window.museumTwin!.place([x!, 0, z!], h!), [p[0] + dx * 0.9, p[2] + dz * 0.9, (heading + 180) % 360]);
    const models = ex.artworks.filter((a) => a.kind === 'object' && a.model && a.sensitivity.level === 'open').map((a) => a.id);
    /** The longest side of every texture on a work's model now, as the GPU holds it, and how far the work is, m. */
    const textures = (id: string) =>
      page.evaluate((id) => {
        type Node = { getAbsolutePosition(): { subtract(o: unknown): { length(): number } }; getChildMeshes(): { material?: { getActiveTextures(): { getSize(): { width: number; height: number } }[] } | null }[] };
        const scene = window.museumTwin!.scene() as { getTransformNodeByName(n: string): Node | null; activeCamera: { globalPosition: unknown } };
        const origin = scene.getTransformNodeByName(`artwork-origin:${id}`)!;
        const sides = origin.getChildMeshes().flatMap((m) => m.material?.getActiveTextures() ?? []).map((t) => Math.max(t.getSize().width, t.getSize().height));
        return { sides, distance: origin.getAbsolutePosition().subtract(scene.activeCamera.globalPosition).length() };
      }, id);
    const all = await Promise.all(models.map(async (id) => ({ id, ...(await textures(id)) })));
    const far = all.reduce((a, b) => (b.distance > a.distance ? b : a));
    expect(far.distance).toBeGreaterThan(10);
    // Rooms away it is held at the smallest level (256 px), not its 1024 px file; the one close up rises to the
    // level its size on screen asks for, finer than that.
    await expect.poll(async () => Math.max(...(await textures(far.id)).sides), { timeout: 20_000 }).toBe(256);
    await expect
      .poll(async () => {
        const l = await page.evaluate((id) => window.museumTwin!.imageLevel!(id), near.id);
        const wanted = l ? l.sizes.findIndex((s) => s >= l.pixels) : -1;
        return l && l.shown >= (wanted < 0 ? l.sizes.length - 1 : wanted) ? l.sizes[l.shown] : undefined;
      }, { timeout: 20_000 })
      .toBeGreaterThan(256);
    const opened = await page.evaluate((id) => window.museumTwin!.imageLevel!(id), near.id);
    expect(Math.max(...(await textures(near.id)).sides)).toBe(opened!.sizes[opened!.shown]);
    await page.screenshot({ path: `${SHOTS}/preview-model-close.png` });
  });

  test('narration plays with its captions, and an overlay animation plays on its object', async () => {
    const page = visit();
    await closePanel(page);
    const narrated = ex.artworks.find((a) => a.narration?.en && a.sensitivity.level === 'open')!;
    await follow(page, narrated.id);
    await expect(page.locator('#panel h2')).toHaveText(en(narrated.title));
    await page.locator('#panel audio').evaluate((a: HTMLAudioElement) => a.play());
    const cues = parseWebVtt(readFileSync(`${ROOT}/assets/default/${narrated.narration!.en!.captions}`, 'utf8')).cues;
    await expect(page.getByTestId('captions')).toHaveText(cues[0]!.text.replace(/\s+/g, ' '), { timeout: 20_000 });
    await page.locator('#panel audio').evaluate((a: HTMLAudioElement) => a.pause());

    // The whole visit so far (every work's media loaded) never fetched the animation: only Play does.
    const animated = ex.artworks.find((a) => a.kind === 'object' && a.animation?.model && a.sensitivity.level === 'open')!;
    await follow(page, animated.id);
    await expect(page.locator('#panel h2')).toHaveText(en(animated.title));
    expect(visit.requests.some((u) => u.endsWith(animated.animation!.model!))).toBe(false);
    await page.getByRole('button', { name: 'Play animation' }).click();
    await expect(page.getByRole('button', { name: 'Pause animation' })).toHaveAttribute('aria-pressed', 'true');
    expect(visit.requests.some((u) => u.endsWith(animated.animation!.model!))).toBe(true);
    await nextFrames(page, 10);
    await page.screenshot({ path: `${SHOTS}/preview-animation.png` });
    await page.getByRole('button', { name: 'Pause animation' }).click();
  });

  test('a favourite and the graphics quality are kept across a reload; a deep link opens its work, and the link can be copied', async () => {
    const page = visit();
    const art = ex.artworks.find((a) => a.sensitivity.level === 'open')!;
    const linked = ex.artworks.find((a) => a.kind === 'object' && a.sensitivity.level === 'open')!;
    await test.step('a work is added to the favourites', async () => {
      await closePanel(page);
      await follow(page, art.id);
      await expect(page.locator('#panel h2')).toHaveText(en(art.title));
      await page.getByRole('button', { name: 'Add to favourites' }).click();
      await expect(page.getByRole('button', { name: 'Remove from favourites' })).toHaveAttribute('aria-pressed', 'true');
      await expect(page.locator('#favourites-count')).toHaveText('1');
    });
    const look = () => page.evaluate(() => window.museumTwin!.look!());
    await test.step('the visitor picks a graphics quality in the header: the gallery is drawn at it at once', async () => {
      // Automatic is the plain tier on a software renderer (the device decides: quality-tier.ts).
      await expect(page.locator('#graphics-quality')).toHaveValue('auto');
      expect(await look()).toMatchObject({ quality: 'plain', lightmaps: 0, shadows: false });
      await page.locator('#graphics-quality').selectOption('baked');
      const baked = await look();
      expect(baked).toMatchObject({ quality: 'baked', shadows: false });
      expect(baked?.lightmaps).toBeGreaterThan(0);
    });
    await test.step('a deep link opens its work on a new visit, and the link can be copied', async () => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      // Leave the page, then arrive by the link: a fresh load, not a jump within the page.
      await page.goto('about:blank');
      await page.goto(`/#artwork=${linked.id}`);
      await waitForGallery(page, false);
      await expect(page.locator('#panel h2')).toHaveText(en(linked.title));
      await page.getByRole('button', { name: 'Copy link' }).click();
      await expect(page.getByRole('button', { name: 'Link copied' })).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`#artwork=${linked.id}`);
      await settled(page);
      await page.screenshot({ path: `${SHOTS}/preview-deep-link.png` });
    });
    await test.step('the graphics quality picked is still in effect after the reload, and Automatic gives it back', async () => {
      await expect(page.locator('#graphics-quality')).toHaveValue('baked');
      expect(await look()).toMatchObject({ quality: 'baked' });
      await page.locator('#graphics-quality').selectOption('auto');
      expect(await look()).toMatchObject({ quality: 'plain', lightmaps: 0 });
    });
    await test.step('the favourite is still there after the reload', async () => {
      await expect(page.locator('#favourites-count')).toHaveText('1');
      await page.locator('#favourites-button').click();
      await expect(page.locator('#drawer')).toContainText(en(art.title));
      await page.locator('#drawer').getByRole('button', { name: en(art.title) }).click();
      await expect(page.locator('#panel h2')).toHaveText(en(art.title));
    });
  });

  // Other exhibitions, on the same page.
  test('an exhibition with a missing model still opens, with a placeholder and a listed problem', async () => {
    const page = visit();
    await serveFixture(page, '/exhibitions/fixture/exhibition.json', 'missing-model.json');
    await page.route((u) => u.pathname.endsWith('/corrupt.glb'), (r) => r.fulfill({ body: 'this is not a glb', contentType: 'model/gltf-binary' }));
    await page.goto('/?exhibition=/exhibitions/fixture/exhibition.json');
    await waitForGallery(page);
    expect(await page.evaluate(() => window.museumTwin!.workState('lost-vase'))).toBe('placeholder');
    expect(await page.evaluate(() => window.museumTwin!.workState('corrupt-head'))).toBe('placeholder');
    await page.locator('#problems-button').click();
    await expect(page.locator('#drawer')).toContainText("artworks[0].model: file 'models/does-not-exist.glb' not found");
    await expect(page.locator('#drawer')).toContainText("artworks[1].model: file 'models/corrupt.glb' is not a valid glTF/GLB model");
    await expect(page.locator('#drawer')).toContainText("artworks[2].image: file 'images/missing.jpg' not found");
    // Hostile strings are shown as text and never run.
    await expect(page.locator('.works-list')).toContainText('<img src=x onerror="window.__pwned=1">Blank Canvas');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // Everything else works: the panel of the lost vase opens.
    await page.locator('.works-list').getByRole('button', { name: /The Lost Vase/ }).click();
    await expect(page.locator('#panel h2')).toHaveText('The Lost Vase');
    const { stdev } = await canvasStats(page, 'preview-missing-model');
    expect(stdev).toBeGreaterThan(8);
  });

  test('an invalid exhibition file shows a readable error page naming its problems', async () => {
    const page = visit();
    await serveFixture(page, '/exhibitions/broken/exhibition.json', 'invalid.json');
    await page.goto('/?exhibition=/exhibitions/broken/exhibition.json');
    const error = page.getByRole('alert');
    await expect(error.getByRole('heading', { name: 'This exhibition cannot be shown' })).toBeVisible();
    await expect(error).toContainText('id');
    await expect(error).toContainText('artworks[0].kind');
    await expect(error.getByRole('link', { name: 'Open the default exhibition instead' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/preview-invalid.png` });
  });

  test('an exhibition that is not there says so', async () => {
    const page = visit();
    await page.goto('/?exhibition=/exhibitions/nowhere/exhibition.json');
    await expect(page.getByRole('alert')).toContainText('There is no exhibition at');
  });
});
