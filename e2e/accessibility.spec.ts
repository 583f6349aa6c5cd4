/**
 * Accessibility, on one visit to the default exhibition (loading the gallery is the slow part; each check puts the
 * visit back as a visitor would: ending the tour, closing the panel, walking back to the entrance): the whole visit
 * works from the keyboard alone with a visible focus; axe (WCAG 2.x A/AA rules) finds no serious or critical
 * violation on any screen; reduced motion cuts instead of gliding; the page stays usable at 200% zoom. Then the
 * error page and the problems list, on their own test exhibitions.
 */
import type { Page } from '@playwright/test';
import { test, expect, waitForGallery, serveFixture, defaultExhibition, SHOTS } from './support';
import { audit as hardAudit } from './helpers/axe';
import { sharedPage } from './helpers/shared-page';
import { en, literally } from './helpers/text';

const ex = defaultExhibition();

/** Soft: every screen is audited and reported in one run. */
const audit = (page: Page, screen: string) => hardAudit(page, screen, { soft: true });

/** Where the visit starts (read once the gallery is loaded), so later checks can walk back to it. */
let entrance: { position: [number, number, number]; heading: number };

/** Back to the start of the visit: no tour, no panel, standing at the entrance. */
async function backToEntrance(page: Page): Promise<void> {
  if (await page.locator('#tour-bar').isVisible()) await page.locator('#tour-bar').getByRole('button', { name: 'End tour' }).click();
  await expect(page.locator('#tour-bar')).toBeHidden();
  if (await page.locator('#panel').isVisible()) await page.locator('#panel .close').click();
  await expect(page.locator('#panel')).toBeHidden();
  await page.evaluate(([p, h]) => window.museumTwin!.place(p as [number, number, number], h as number), [entrance.position, entrance.heading] as const);
}

/** Presses Tab until `selector` has the focus (at most `max` presses), as a keyboard user would. */
async function tabTo(page: Page, selector: string, max = 60, back = false): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => !!document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${selector} never got the focus after ${max} presses of Tab`);
}

/** The focused element shows a visible outline (at least 2 px, not the same colour as what is behind it). */
async function expectVisibleFocus(page: Page): Promise<void> {
  const ring = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor, name: el.outerHTML.slice(0, 80) };
  });
  expect(ring.style, `focus outline on ${ring.name}`).not.toBe('none');
  expect(ring.width, `focus outline on ${ring.name}`).toBeGreaterThanOrEqual(2);
}


/** Starts recording the visitor's position on every frame (read it back with `stopTracking`). */
async function startTracking(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __path: [number, number, number][]; __stop?: boolean };
    w.__path = [];
    w.__stop = false;
    const step = () => {
      w.__path.push(window.museumTwin!.viewer().position);
      if (!w.__stop) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

async function stopTracking(page: Page): Promise<[number, number, number][]> {
  return page.evaluate(() => {
    const w = window as unknown as { __path: [number, number, number][]; __stop?: boolean };
    w.__stop = true;
    return w.__path;
  });
}

const planDistance = (p: [number, number, number], q: [number, number, number]) => Math.hypot(p[0] - q[0], p[2] - q[2]);

/** Positions strictly between the first and the last one seen (the frames of a glide). */
function inBetween(path: [number, number, number][]): number {
  const a = path[0]!;
  const b = path[path.length - 1]!;
  return path.filter((p) => planDistance(p, a) > 0.01 && planDistance(p, b) > 0.01).length;
}

test.use({ serviceWorkers: 'block' });

/**
 * From one work to another in the room the visitor stands in: the preview glides (a cut only with reduced motion).
 * The first opens the panel, whose first frames are slow on software WebGL; the second move is the one watched.
 */
async function moveBetweenTwoWorks(page: Page, reduce: boolean): Promise<void> {
  await page.emulateMedia({ reducedMotion: reduce ? 'reduce' : 'no-preference' });
  const here = await page.evaluate(() => window.museumTwin!.viewer());
  const [first, near] = ex.artworks.filter((a) => a.sensitivity.level === 'open' && a.placement.kind === 'wall' && a.placement.room === here.room);
  expect(near, 'two works in the room').toBeTruthy();
  await page.locator('.works-list').getByRole('button', { name: en(first!.title) }).click();
  await expect(page.locator('#status')).toHaveAttribute('data-selected', first!.id);
  let before = here.position;
  await expect
    .poll(async () => {
      const now = (await page.evaluate(() => window.museumTwin!.viewer())).position;
      const settled = planDistance(now, before) < 0.005;
      before = now;
      return settled;
    }, { timeout: 30_000, intervals: [500] })
    .toBe(true);
  const start = await page.evaluate(() => window.museumTwin!.viewer());
  await startTracking(page);
  await page.locator('.works-list').getByRole('button', { name: en(near!.title) }).click();
  await expect(page.locator('#status')).toHaveAttribute('data-selected', near!.id);
  // Wait until the visitor has arrived: moved away from the start, and still between two reads.
  let last: [number, number, number] = start.position;
  await expect
    .poll(async () => {
      const now = (await page.evaluate(() => window.museumTwin!.viewer())).position;
      const settled = planDistance(now, start.position) > 0.3 && planDistance(now, last) < 0.01;
      last = now;
      return settled;
    }, { timeout: 30_000 })
    .toBe(true);
  const path = await stopTracking(page);
  if (reduce) expect(inBetween(path), 'frames between start and end').toBe(0);
  else expect(inBetween(path), 'frames between start and end').toBeGreaterThan(0);
}

test.describe('one visit to the default exhibition', () => {
  const visit = sharedPage(test);
  // The first check loads the gallery (about 20 s idle): room for a machine shared with other runs.
  test.describe.configure({ timeout: 180_000 });

  test('keyboard alone: find a work in the list, open it, favourite it, follow a tour; focus always visible', async () => {
    const page = visit();
    await page.goto('/?lang=en');
    await waitForGallery(page, false);
    entrance = await page.evaluate(() => window.museumTwin!.viewer());
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to the list of works' })).toBeFocused();
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    const work = ex.artworks.find((a, i) => i > 1 && a.sensitivity.level === 'open')!;
    await tabTo(page, `.works-list [data-artwork="${work.id}"]`);
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect(page.locator('#panel h2')).toHaveText(en(work.title));
    await expect(page.locator('#panel h2')).toBeFocused();
    await tabTo(page, '#panel .favourite', 10);
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect(page.locator('#panel .favourite')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('#favourites-count')).toHaveText('1');
    await page.keyboard.press('Escape');
    await expect(page.locator('#panel')).toBeHidden();
    await expect(page.locator(`.works-list [data-artwork="${work.id}"]`)).toBeFocused();

    // Tours, from the top bar.
    await tabTo(page, '#tours-button', 80, true);
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect(page.locator('#drawer h2')).toBeFocused();
    const tour = ex.tours[0]!;
    await tabTo(page, `[data-tour="${tour.id}"] button`, 10);
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect(page.locator('#tour-bar')).toContainText(`Stop 1 of ${tour.stops.length}`);
    const first = ex.artworks.find((a) => a.id === tour.stops[0]!.artwork)!;
    await expect(page.locator('#panel h2')).toHaveText(en(first.title));
    await tabTo(page, '#tour-bar .tour-next', 80);
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await expect(page.locator('#tour-bar')).toContainText(`Stop 2 of ${tour.stops.length}`);
    await expect(page.locator('#tour-bar .tour-next')).toBeFocused();
    await page.screenshot({ path: `${SHOTS}/a11y-keyboard-tour.png` });
  });

  test('axe finds no serious or critical violation on any screen', async () => {
    test.setTimeout(300_000);
    const page = visit();
    await backToEntrance(page);
    await audit(page, 'the gallery');

    const open = ex.artworks.find((a) => a.sensitivity.level === 'open' && a.narration && a.annotations.length && a.conservation?.reports.length)!;
    await page.locator('.works-list').getByRole('button', { name: en(open.title) }).click();
    await expect(page.locator('#panel h2')).toHaveText(en(open.title));
    await audit(page, 'an open panel');

    // The floor plan, with a room focused from the keyboard.
    await page.keyboard.press('Escape');
    await page.locator('#map [data-room]').first().focus();
    await audit(page, 'the floor plan');

    await page.getByRole('combobox', { name: 'Search works' }).fill(en(open.creator.name).split(' ').pop()!);
    await expect(page.locator('#search-results')).toBeVisible();
    await audit(page, 'search results');
    await page.getByRole('combobox', { name: 'Search works' }).fill('');

    await page.getByRole('button', { name: 'Tours' }).click();
    await expect(page.locator('#drawer')).toBeVisible();
    await audit(page, 'the tours drawer');
    await page.keyboard.press('Escape');

    // The keyboard journey left one favourite: the drawer lists it.
    await page.getByRole('button', { name: /Favourites/ }).click();
    await expect(page.locator('#drawer[data-kind="favourites"]')).toBeVisible();
    await audit(page, 'the favourites drawer');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Offline' }).click();
    await expect(page.locator('#drawer[data-kind="offline"]')).toBeVisible();
    await audit(page, 'the offline drawer');
    await page.keyboard.press('Escape');

    const advisory = ex.artworks.find((a) => a.sensitivity.level === 'advisory')!;
    await page.locator('.works-list').getByRole('button', { name: en(advisory.title) }).click();
    await expect(page.locator('#panel [data-protocol="advisory"]')).toBeVisible();
    await audit(page, 'an advisory notice');

    const restricted = ex.artworks.find((a) => a.sensitivity.level === 'restricted')!;
    await page.locator('.works-list').getByRole('button', { name: en(restricted.title) }).click();
    await expect(page.locator('#panel [data-protocol="restricted"]')).toBeVisible();
    await audit(page, 'a restricted placeholder');

    const tour = ex.tours[0]!;
    await page.getByRole('button', { name: 'Tours' }).click();
    await page.locator(`[data-tour="${tour.id}"]`).getByRole('button', { name: 'Start tour' }).click();
    await expect(page.locator('#tour-bar')).toBeVisible();
    await audit(page, 'a tour');
    await page.locator('#tour-bar').getByRole('button', { name: 'End tour' }).click();
    await page.keyboard.press('Escape');

    // The whole page in Italian, switched as a visitor does (the language menu), then back.
    await page.locator('#language-select').selectOption('it');
    await expect(page.locator('html')).toHaveAttribute('lang', 'it');
    await expect(page.locator('#exhibition-title')).toHaveText(ex.title.it!);
    await audit(page, 'the gallery in Italian');
    await page.locator('#language-select').selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  // A glide advances by capped frame steps (src/modes/preview/visitor-camera.ts), so even the slow frames of
  // software WebGL under load show it on the way.
  for (const reduce of [false, true]) {
    test(`${reduce ? 'with' : 'without'} prefers-reduced-motion the camera ${reduce ? 'cuts' : 'glides'} to a work`, async () => {
      const page = visit();
      await backToEntrance(page);
      await moveBetweenTwoWorks(page, reduce);
      await page.emulateMedia({ reducedMotion: null });
    });
  }

  test('at 200% zoom the visit is still usable: nothing scrolls sideways and a work’s panel can be read and used', async () => {
    const page = visit();
    await backToEntrance(page);
    const viewport = page.viewportSize()!;
    // 200% zoom of a 1280 × 720 window is a 640 × 360 CSS-pixel page at twice the pixel density.
    await page.setViewportSize({ width: 640, height: 360 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expect(page.getByRole('combobox', { name: 'Search works' })).toBeInViewport();
    const art = ex.artworks.find((a) => a.sensitivity.level === 'open' && a.narration)!;
    await page.getByRole('combobox', { name: 'Search works' }).fill(en(art.title).split(' ').slice(-1)[0]!);
    await page.getByRole('option', { name: literally(en(art.title)) }).click();
    await expect(page.locator('#panel h2')).toHaveText(en(art.title));
    await expect(page.locator('#panel h2')).toBeInViewport();
    await page.locator('#panel .favourite').scrollIntoViewIfNeeded();
    await expect(page.locator('#panel .favourite')).toBeInViewport();
    await page.locator('#panel .story').scrollIntoViewIfNeeded();
    await expect(page.locator('#panel .story')).toBeInViewport({ ratio: 0.2 });
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/a11y-zoom-200.png` });
    // Text enlarged on its own (the browser's text-size setting) still fits.
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.locator('#panel .close').scrollIntoViewIfNeeded();
    await expect(page.locator('#panel .close')).toBeInViewport();
    // Back to the page as it was, for the checks that follow.
    await page.evaluate(() => (document.documentElement.style.fontSize = ''));
    await page.setViewportSize(viewport);
  });

  test('axe finds no serious or critical violation on the error page and the problems list', async () => {
    const page = visit();
    await serveFixture(page, '/exhibitions/broken/exhibition.json', 'invalid.json');
    await page.goto('/?lang=en&exhibition=/exhibitions/broken/exhibition.json');
    await expect(page.getByRole('alert')).toBeVisible();
    await audit(page, 'the error page');

    await serveFixture(page, '/exhibitions/fixture/exhibition.json', 'missing-model.json');
    await page.goto('/?lang=en&exhibition=/exhibitions/fixture/exhibition.json');
    await waitForGallery(page);
    await page.locator('#problems-button').click();
    await expect(page.locator('#drawer[data-kind="problems"]')).toBeVisible();
    await audit(page, 'the problems list');
  });
});
