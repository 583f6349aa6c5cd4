/**
 * The in-gallery link (`?ar`) on an iPhone: Safari there has no WebXR, but it opens `<a rel="ar">` links to USDZ
 * models in AR Quick Look. Chromium stands in for Safari: the iPhone's screen, touch and user agent (Playwright's
 * device), no `navigator.xr`, and `a.relList.supports('ar')` true, which is how the app detects Quick Look.
 *
 * One page (the small AR test room): no AR button, the guide instead (works near you, a work's panel), and the
 * chosen object's Quick Look link with a real USDZ behind it. The same page is an old tab after a new deploy:
 * the USDZ exporter's lazy chunk is first answered 404, as a chunk of a build no longer on the server; the page
 * says so and offers a reload, and after the reload the link comes. An object whose USDZ `npm run pack` wrote
 * beside its model is linked to that file.
 */
import { devices } from '@playwright/test';
import { resolve } from 'node:path';
import { test, expect, waitForGallery, SHOTS } from './support';
import { AR_ROOM, AR_ROOM_URL, FIXTURES, serveFixtures } from './helpers/ar';
import { modelFileToUsdz } from '../src/pipeline/usdz';
import { en } from './helpers/text';

const AR_ROOM_TITLE_URN = en(AR_ROOM.artworks.find((a) => a.id === 'cinerary-urn')!.title);

const iPhone = devices['iPhone 13'];
// The iPhone's screen at one device pixel per CSS pixel: software WebGL is bound by pixels.
test.use({ userAgent: iPhone.userAgent, viewport: iPhone.viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 1, serviceWorkers: 'block' });

test('an iPhone gets the gallery guide and AR Quick Look instead of WebXR; an old tab whose chunk is gone offers a reload', async ({ page }) => {
  test.setTimeout(180_000); // the small room loads twice (the reload is the recovery under test)
  await page.addInitScript(() => {
    // Safari on iOS: no WebXR at all, and the `ar` link relation supported.
    Object.defineProperty(Navigator.prototype, 'xr', { get: () => undefined, configurable: true });
    const supports = DOMTokenList.prototype.supports;
    DOMTokenList.prototype.supports = function (token: string) {
      return token === 'ar' || supports.call(this, token);
    };
  });
  await serveFixtures(page);
  // The urn as `npm run pack` leaves it: its USDZ beside its GLB, made by the pack's own step; the other objects have none.
  const urnUsdz = (await modelFileToUsdz(resolve(FIXTURES, 'ar-room/objects/cinerary-urn.glb'), { maxTexture: 2048 })).bytes;
  await page.route(/\.usdz$/, (r) =>
    r.request().url().endsWith('/ar-room/objects/cinerary-urn.usdz')
      ? r.fulfill({ body: Buffer.from(urnUsdz), contentType: 'model/vnd.usdz+zip' })
      : r.fulfill({ status: 404, body: 'Not found' }),
  );
  // The old build's exporter chunk is no longer on the server (until the reload below).
  let gone = true;
  const usdzChunk = (u: URL) => /\/app\/usdz-[^/]+\.js$/.test(u.pathname);
  await page.route(usdzChunk, (r) => (gone ? r.fulfill({ status: 404, body: 'Not found' }) : r.fallback()));

  await page.goto(`/?ar&exhibition=${AR_ROOM_URL}`);
  await waitForGallery(page, false);
  await expect(page.locator('#status')).toHaveAttribute('data-ar', 'ios');
  await expect(page.locator('#ar-button')).toBeHidden();
  await expect(page.locator('#vr-button')).toBeHidden();
  const guide = page.locator('#phone-guide');
  await expect(guide).toBeVisible();
  await expect(page.locator('#status')).toHaveAttribute('data-phone-guide', 'quick-look');
  // Works near you: the room's three works, each opening its panel (the story and narration).
  const near = guide.locator('.phone-guide-near button');
  await expect(near).toHaveCount(3);
  await guide.locator('[data-artwork="ivy-amphora"]').click();
  await expect(page.locator('#panel')).toBeVisible();
  await expect(page.locator('#panel-title')).toHaveText('Neck Amphora with Ivy Frieze');

  // The exporter's chunk is gone: the link cannot be made, the page says why and offers a reload.
  const room = page.locator('#phone-guide-room');
  await expect(room).toContainText('cannot be shown in your room');
  const stale = page.locator('#app-stale');
  await expect(stale).toBeVisible();
  await expect(near).toHaveCount(3); // the rest of the page goes on

  // The visitor reloads: the new build's files are there now.
  gone = false;
  await stale.getByRole('button').click();
  await waitForGallery(page, false);
  await expect(stale).toHaveCount(0);
  // The address kept the chosen work: its panel is back, and its Quick Look link is made.
  await expect(page.locator('#panel-title')).toHaveText('Neck Amphora with Ivy Frieze');
  const link = room.locator('a[rel="ar"]');
  await expect(link).toBeVisible({ timeout: 60_000 });
  // Apple's rule: the link's only child is an image, which names it.
  await expect(link.locator('> *')).toHaveCount(1);
  await expect(link.locator('> img')).toHaveAttribute('alt', 'View «Neck Amphora with Ivy Frieze» in your room');
  await page.screenshot({ path: resolve(SHOTS, 'ios-quick-look.png') });
  const href = (await link.getAttribute('href'))!;
  expect(href).toMatch(/^blob:.*#allowsContentScaling=0/);
  // A USDZ: a zip whose first file is the model's USD text, with the geometry it names.
  const usdz = await page.evaluate(async (url) => {
    const bytes = new Uint8Array(await (await fetch(url.split('#')[0]!)).arrayBuffer());
    const text = new TextDecoder('latin1').decode(bytes);
    return { size: bytes.length, zip: text.startsWith('PK\u0003\u0004'), first: text.slice(30, 30 + 10), usda: text.includes('#usda 1.0'), mesh: /def Mesh/.test(text) };
  }, href);
  expect(usdz).toMatchObject({ zip: true, first: 'model.usda', usda: true, mesh: true });
  expect(usdz.size).toBeGreaterThan(1000);

  // A packed exhibition has the USDZ beside each object's GLB (npm run pack, src/pipeline/usdz.ts): the link goes
  // to that file, as the server has it, and nothing is converted on the phone.
  // Chosen by its address (the amphora's panel covers the guide on the phone's screen).
  await page.evaluate(() => (location.hash = '#artwork=cinerary-urn'));
  await expect(page.locator('#panel-title')).toHaveText(AR_ROOM_TITLE_URN);
  const packedLink = room.locator('a[rel="ar"]');
  await expect(packedLink).toHaveAttribute('href', /\/e2e-fixtures\/ar-room\/objects\/cinerary-urn\.usdz#allowsContentScaling=0/);
  const packed = await page.evaluate(async (url) => {
    const r = await fetch(url.split('#')[0]!);
    const text = new TextDecoder('latin1').decode(await r.arrayBuffer());
    return { type: r.headers.get('content-type'), first: text.slice(30, 40), mesh: /def Mesh/.test(text) };
  }, (await packedLink.getAttribute('href'))!);
  expect(packed).toEqual({ type: 'model/vnd.usdz+zip', first: 'model.usda', mesh: true });
});
