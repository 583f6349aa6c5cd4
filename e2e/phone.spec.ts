/** The preview on a phone, one visit on one page (loading the gallery is the slow part): touch to walk, the panel as a bottom sheet. */
import { test, expect, waitForGallery, viewer, defaultExhibition, SHOTS } from './support';
import { settled } from './helpers/frames';
import { sharedPage } from './helpers/shared-page';

const ex = defaultExhibition();

test.describe('one visit on a phone', () => {
  /** Where a fresh visit stands: the next check starts there again, as on a fresh page. */
  let entrance: { position: [number, number, number]; heading: number } | undefined;
  const visit = sharedPage(test, { viewport: { width: 390, height: 760 }, hasTouch: true, isMobile: true });
  // The first check loads the gallery (about 20 s idle): room for a machine shared with other runs.
  test.describe.configure({ timeout: 180_000 });

  test('tapping the floor walks there, and the joystick walks too', async () => {
    const page = visit();
    await page.goto('/');
    await waitForGallery(page, false);
    await expect(page.locator('#joystick')).toBeVisible();
    const start = await viewer(page);
    entrance = start;
    const box = (await page.locator('#gallery-canvas').boundingBox())!;
    // The floor a few metres ahead, below the middle of the view.
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height * 0.8);
    await expect
      .poll(async () => {
        const v = await viewer(page);
        return Math.hypot(v.position[0] - start.position[0], v.position[2] - start.position[2]);
      }, { timeout: 20_000 })
      .toBeGreaterThan(0.5);
    const afterTap = await viewer(page);
    expect(afterTap.room).toBe(start.room);

    // Push the joystick forward for a moment.
    const stick = (await page.locator('#joystick').boundingBox())!;
    const cx = stick.x + stick.width / 2;
    const cy = stick.y + stick.height / 2;
    await page.locator('#joystick').dispatchEvent('pointerdown', { pointerId: 7, clientX: cx, clientY: cy, isPrimary: true, pointerType: 'touch' });
    await page.locator('#joystick').dispatchEvent('pointermove', { pointerId: 7, clientX: cx, clientY: cy - 40, isPrimary: true, pointerType: 'touch' });
    await expect
      .poll(async () => {
        const v = await viewer(page);
        return Math.hypot(v.position[0] - afterTap.position[0], v.position[2] - afterTap.position[2]);
      }, { timeout: 20_000 })
      .toBeGreaterThan(0.3);
    await page.locator('#joystick').dispatchEvent('pointerup', { pointerId: 7, isPrimary: true, pointerType: 'touch' });
  });

  test('a work opens in a bottom sheet with the work still in view above it', async () => {
    const page = visit();
    const art = ex.artworks.find((a) => a.kind === 'object' && a.sensitivity.level === 'open')!;
    // Back where a fresh visit stands (the walk above left the visitor elsewhere), then a link to the work,
    // followed within the page; every work's media in place before the look.
    await page.evaluate(({ p, h }) => window.museumTwin!.place(p, h), { p: entrance!.position, h: entrance!.heading });
    await page.evaluate((id) => (location.hash = `artwork=${id}`), art.id);
    await waitForGallery(page);
    await expect(page.locator('#panel h2')).toHaveText(art.title.en!);
    // The glide to the work has ended.
    await settled(page);
    const panel = (await page.locator('#panel').boundingBox())!;
    // The glide may start after the panel opens (a link within the page): wait until it has brought the work in view.
    await expect
      .poll(async () => {
        const p = (await page.evaluate((id) => window.museumTwin!.screenPoint(id), art.id))!;
        return p.visible && p.y > 0 && p.y < panel.y;
      }, { message: 'the work in view above the bottom sheet', timeout: 20_000 })
      .toBe(true);
    await page.screenshot({ path: `${SHOTS}/phone-work.png` });
  });
});
