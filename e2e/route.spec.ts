/** Personal visit: favourites kept at home become a route; its link opens the same route in a fresh browser. */
import { test, expect, waitForGallery, defaultExhibition, SHOTS } from './support';

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
