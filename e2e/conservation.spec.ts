/**
 * Conservation: a work's history of condition reports and treatments with its marked areas on the work,
 * the time-lapse between its states, and the curator's view of the whole exhibition.
 *
 * The visitor's journeys share one page, in order (the default exhibition loads once): each leaves the visit as
 * the next expects it, at the work with its panel open. A visitor with a headset (IWER, on from the start; the
 * preview does not see it) ends by taking the time-lapse into VR. The curator's view opens on its own page.
 */
import { resolve } from 'node:path';
import sharp from 'sharp';
import type { Page } from '@playwright/test';
import { test, expect, waitForGallery, defaultExhibition, SHOTS } from './support';
import { audit } from './helpers/axe';
import { nextFrames, settled } from './helpers/frames';
import { en } from './helpers/text';
import { sharedPage } from './helpers/shared-page';
import { conservationTimeline, latestReport, worksDueForExamination } from '../src/twin/conservation';
import { stopPose } from '../src/modes/vr/logic';
import { installQuest3, aimAt, setController, frames, press, type Vec3 } from './xr/iwer';

test.use({ serviceWorkers: 'block' });
// The journeys load the whole exhibition in software WebGL and compare screenshots: give them room on a busy machine.
test.beforeEach(() => test.slow());
const shared = sharedPage(test);

const ex = defaultExhibition();
const SAINT = 'saint-ravo-calms-the-waters';
const saint = ex.artworks.find((a) => a.id === SAINT)!;

/** The canvas as raw RGB, saved as a screenshot to look at. */
async function canvasShot(page: Page, name: string): Promise<{ data: Buffer; width: number; height: number }> {
  const file = resolve(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  const box = (await page.locator('#gallery-canvas').boundingBox())!;
  const { data, info } = await sharp(file)
    .extract({ left: Math.round(box.x), top: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Mean absolute difference per channel (0–255) inside a box of the canvas given in 0–1 coordinates. */
function difference(a: { data: Buffer; width: number }, b: { data: Buffer }, box = { x0: 0, y0: 0, x1: 1, y1: 1 }): number {
  const h = a.data.length / 3 / a.width;
  let sum = 0;
  let n = 0;
  for (let y = Math.floor(box.y0 * h); y < Math.floor(box.y1 * h); y++) {
    for (let x = Math.floor(box.x0 * a.width); x < Math.floor(box.x1 * a.width); x++) {
      const i = (y * a.width + x) * 3;
      for (let c = 0; c < 3; c++) sum += Math.abs(a.data[i + c]! - b.data[i + c]!);
      n += 3;
    }
  }
  return sum / Math.max(1, n);
}

/** Follows a link to the saint (`#artwork=`), as from a label or a shared address. */
async function openByLink(page: Page): Promise<void> {
  await page.evaluate((id) => {
    // From wherever the address is: a link to the page's own address changes nothing.
    if (location.hash === `#artwork=${id}`) history.replaceState(null, '', location.pathname + location.search);
    location.hash = `#artwork=${id}`;
  }, SAINT);
}

/** The shared page, at the saint with its panel open: on first use the visitor opens the gallery at the work. */
async function saintPage(): Promise<Page> {
  const page = shared();
  if (page.url() === 'about:blank') {
    // The gallery loads in whichever journey comes first: up to six minutes more on a busy machine.
    test.setTimeout(test.info().timeout + 360_000);
    page.on('pageerror', (e) => console.log(`[page error] ${e.message}\n${e.stack ?? ''}`));
    // A small emulated display: the VR journey reads the panel and the time-lapse, not pixels.
    await installQuest3(page, { display: 0.25 });
    await page.goto(`/?lang=en#artwork=${SAINT}`);
    // One load for every journey here: room for a busy machine.
    await page.waitForFunction(() => window.museumTwin?.ready === true, null, { timeout: 180_000 });
    await expect(page.locator('#status')).toHaveAttribute('data-media', 'done', { timeout: 180_000 });
  } else if ((await page.locator('#panel').getAttribute('data-artwork')) !== SAINT) {
    await openByLink(page);
  }
  await expect(page.locator('#panel')).toHaveAttribute('data-artwork', SAINT);
  // Let the glide to the work finish.
  await settled(page);
  return page;
}

test('a work’s conservation history lists reports and treatments in date order, and an entry shows its areas on the work', async () => {
  const page = await saintPage();
  const entries = conservationTimeline(saint.conservation);
  const items = page.locator('#panel .conservation-timeline > li');
  await expect(items).toHaveCount(entries.length);
  expect(await items.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.entry))).toEqual(entries.map((e) => e.id));
  // Oldest first, each with its date, who, and what was found or done.
  const first = entries[0]!;
  expect(first.kind).toBe('report');
  const firstItem = items.first();
  await expect(firstItem.locator('time')).toHaveAttribute('datetime', first.date);
  await expect(firstItem).toContainText(first.who);
  await expect(firstItem).toContainText(en(first.text));
  await expect(firstItem.locator('.condition-badge').first()).toHaveText(/Poor/);
  await expect(page.locator('#panel .conservation-timeline > li.entry-treatment').first()).toContainText(en(saint.conservation!.treatments[0]!.description));

  await audit(page, 'a panel with a conservation history and a time-lapse');
  await firstItem.scrollIntoViewIfNeeded();
  const before = await canvasShot(page, 'conservation-before-entry');
  await firstItem.locator('button.entry').click();
  await expect(firstItem.locator('button.entry')).toHaveAttribute('aria-pressed', 'true');
  const shown = await page.waitForFunction(() => window.museumTwin!.conservation!());
  const state = (await shown.jsonValue())!;
  expect(state.entry).toBe(first.id);
  const want = first.kind === 'report' ? first.areas.map((a) => a.condition ?? first.condition) : [];
  expect(state.areas.map((a) => a.condition)).toEqual(want);
  // The areas are on the work, in view.
  const screens = state.areas.map((a) => a.screen!);
  for (const [x, y] of screens) {
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(1);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(1);
  }
  // …and drawn: the canvas changes around each area.
  await nextFrames(page);
  const after = await canvasShot(page, 'conservation-areas-1987');
  for (const [x, y] of screens) {
    const box = { x0: x - 0.012, y0: y - 0.016, x1: x + 0.012, y1: y + 0.016 };
    expect(difference(before, after, box)).toBeGreaterThan(8);
  }

  // Another entry replaces them; a treatment has none; pressing again clears.
  const later = page.locator(`#panel .conservation-timeline > li[data-entry="${entries.find((e) => e.kind === 'treatment')!.id}"] button.entry`);
  await later.click();
  await expect(firstItem.locator('button.entry')).toHaveAttribute('aria-pressed', 'false');
  await page.waitForFunction(() => window.museumTwin!.conservation!()?.areas.length === 0);
  await later.click();
  await page.waitForFunction(() => window.museumTwin!.conservation!() === undefined);
});

test('the time-lapse slider blends between the work’s states', async () => {
  const page = await saintPage();
  const section = page.locator('#panel .time-lapse');
  await expect(section).toBeVisible();
  const slider = section.locator('input[type=range]');
  const n = saint.timeLapse!.states.length;
  await expect(slider).toHaveAttribute('max', String(n - 1));
  // It starts at the work as it is now.
  await expect(section.locator('.time-lapse-now')).toContainText(en(saint.timeLapse!.states[n - 1]!.title));
  await section.scrollIntoViewIfNeeded();
  const now = await canvasShot(page, 'time-lapse-now');

  const applied = (p: number) => page.waitForFunction((p) => window.museumTwin!.timeLapse!('saint-ravo-calms-the-waters')?.applied === p, p);
  await slider.fill('0');
  await applied(0);
  const info = (await page.evaluate(() => window.museumTwin!.timeLapse!('saint-ravo-calms-the-waters')))!;
  expect(info.shown).toBe(saint.timeLapse!.states[0]!.id);
  expect(info.weights[0]).toBe(1);
  await expect(section.locator('.time-lapse-now')).toContainText(en(saint.timeLapse!.states[0]!.title));
  await nextFrames(page);
  const oldest = await canvasShot(page, 'time-lapse-1987');
  // The painting itself changes (the panel does not cover it: it sits to the left of the panel).
  expect(difference(now, oldest)).toBeGreaterThan(1.5);

  // Halfway between two states both show.
  await slider.fill('0.5');
  await applied(0.5);
  const half = (await page.evaluate(() => window.museumTwin!.timeLapse!('saint-ravo-calms-the-waters')))!;
  expect(half.weights.slice(0, 2)).toEqual([0.5, 0.5]);
  const between = await canvasShot(page, 'time-lapse-blend');
  expect(difference(between, oldest)).toBeGreaterThan(0.3);

  // Play runs on to the last state.
  await section.locator('.time-lapse-play').click();
  // Smoothly: it passes through blends between states on the way.
  const passed = new Set<number>();
  await expect
    .poll(async () => {
      const p = (await page.evaluate(() => window.museumTwin!.timeLapse!('saint-ravo-calms-the-waters')))!.applied;
      passed.add(p);
      return p;
    }, { timeout: 60_000, intervals: [100] })
    .toBe(n - 1);
  expect([...passed].some((p) => p > 1 && p < 2)).toBe(true);
  await expect(section.locator('.time-lapse-play')).toHaveAttribute('aria-pressed', 'false');
});

test('with reduced motion the time-lapse cuts from state to state', async () => {
  const page = await saintPage();
  // The visitor asks for reduced motion, then opens the work again: its panel is drawn for it.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.locator('#panel button.close').click();
  await expect(page.locator('#status')).toHaveAttribute('data-selected', '');
  await openByLink(page);
  await expect(page.locator('#panel')).toHaveAttribute('data-artwork', SAINT);
  const slider = page.locator('#panel .time-lapse input[type=range]');
  await expect(slider).toHaveAttribute('step', '1');
  await page.locator('#panel .time-lapse-states button').first().click();
  await page.waitForFunction(() => window.museumTwin!.timeLapse!('saint-ravo-calms-the-waters')?.applied === 0);
  await page.locator('#panel .time-lapse-play').click();
  const seen = new Set<number>();
  await expect
    .poll(async () => {
      const p = (await page.evaluate(() => window.museumTwin!.timeLapse!('saint-ravo-calms-the-waters')))!.applied;
      seen.add(p);
      return p;
    }, { timeout: 30_000, intervals: [100] })
    .toBe(saint.timeLapse!.states.length - 1);
  expect([...seen].every((p) => Number.isInteger(p))).toBe(true);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
});

test('in VR the work’s panel steps and plays its time-lapse', async () => {
  test.setTimeout(300_000);
  const page = await saintPage();
  // The visitor closes the work in the preview, then puts the headset on in front of it.
  await page.locator('#panel button.close').click();
  await expect(page.locator('#status')).toHaveAttribute('data-selected', '');
  await page.setViewportSize({ width: 640, height: 400 });
  await page.waitForFunction((id) => window.museumTwin!.workState(id) === 'ready', SAINT, { timeout: 120_000 });
  const stand = stopPose(ex, saint);
  await page.evaluate(({ p, h }) => window.museumTwin!.place(p, h), { p: stand.position, h: stand.heading });
  await page.locator('#vr-button').click();
  await expect(page.locator('#status')).toHaveAttribute('data-mode', 'vr', { timeout: 60_000 });
  await setController(page, 'left', [-0.5, 0.9, 0.25]);
  const press3 = async (name: string) => {
    let point: Vec3 | undefined;
    await expect.poll(async () => (point = (await page.evaluate((n) => window.museumTwin!.xrControl!(n), name)) as Vec3 | undefined), { message: name }).toBeTruthy();
    await aimAt(page, 'right', point!);
    await frames(page, 3);
    await press(page, 'right', 'trigger');
  };
  await press3(`work:${SAINT}`);
  await expect(page.locator('#status')).toHaveAttribute('data-selected', SAINT);
  await press3('tab:time');
  await expect.poll(async () => (await page.evaluate(() => window.museumTwin!.xrPanel!()))?.section).toBe('time');
  const body = async () => (await page.evaluate(() => window.museumTwin!.xrPanel!()))?.body ?? '';
  const applied = async () => (await page.evaluate((id) => window.museumTwin!.timeLapse!(id), SAINT))?.applied;
  const n = saint.timeLapse!.states.length;
  expect(await body()).toContain(en(saint.timeLapse!.states[n - 1]!.title));
  // ‹ steps back one state: the scene and the panel follow.
  await press3('time:previous');
  await expect.poll(applied, { timeout: 30_000 }).toBe(n - 2);
  await expect.poll(body).toContain(en(saint.timeLapse!.states[n - 2]!.title));
  await press3('time:previous');
  await expect.poll(applied, { timeout: 30_000 }).toBe(0);
  await page.screenshot({ path: resolve(SHOTS, 'time-lapse-vr.png') });
  // Play runs on to today's state.
  await press3('time:play');
  await expect.poll(applied, { timeout: 90_000, intervals: [250] }).toBe(n - 1);
  await expect.poll(body).toContain(en(saint.timeLapse!.states[n - 1]!.title));
});

// Its own page, opened at the view (`?view=curator`), after the visitor's journeys above.
test('the curator view marks every work by its latest condition, filters, and lists works due for examination', async ({ page }) => {
  await page.goto('/?view=curator');
  await waitForGallery(page, false);
  await expect(page.locator('#drawer')).toHaveAttribute('data-kind', 'curator');
  await expect(page.locator('#status')).toHaveAttribute('data-curator', 'true');
  const latest = new Map(ex.artworks.map((a) => [a.id, latestReport(a.conservation)?.condition ?? 'none']));
  const marked = await page.locator('#map-svg .work').evaluateAll((els) => els.map((e) => [e.getAttribute('data-artwork'), e.getAttribute('data-condition')]));
  expect(new Map(marked as [string, string][])).toEqual(latest);
  // Shapes on the plan (never colour alone), one per work, and a legend in words.
  await expect(page.locator('#map-svg .condition-marker')).toHaveCount(ex.artworks.length);
  await expect(page.locator('.curator-legend')).toContainText('Good');
  await expect(page.locator('.curator-legend')).toContainText('Not examined');
  const fills = await page.locator('#map-svg .condition-marker').evaluateAll((els) => [...new Set(els.map((e) => getComputedStyle(e).fill))]);
  expect(fills.length).toBeGreaterThan(2);
  await page.locator('#map').screenshot({ path: resolve(SHOTS, 'curator-plan.png') });
  await audit(page, 'the curator view');
  await page.screenshot({ path: resolve(SHOTS, 'curator-view.png') });

  // Filter: hide the works in good condition.
  const good = [...latest].filter(([, c]) => c === 'good').map(([id]) => id);
  expect(good.length).toBeGreaterThan(0);
  await page.locator('.curator-legend input[data-condition="good"]').uncheck();
  await expect(page.locator('#map-svg .condition-marker')).toHaveCount(ex.artworks.length - good.length);
  await expect(page.locator(`#map-svg .work[data-artwork="${good[0]}"]`)).toHaveClass(/filtered-out/);
  await page.locator('.curator-legend input[data-condition="good"]').check();

  // Works whose last report is older than the chosen age, most overdue first.
  await page.locator('#curator-age').fill('10');
  await page.locator('#curator-age').dispatchEvent('change');
  const due = worksDueForExamination(ex.artworks, new Date(), 10);
  const items = page.locator('.due-list li');
  await expect(items).toHaveCount(due.length);
  expect(await items.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.artwork))).toEqual(due.map((d) => d.id));
  const withReport = due.find((d) => d.lastReport)!;
  const item = page.locator(`.due-list li[data-artwork="${withReport.id}"]`);
  await expect(item).toContainText(withReport.lastReport!.slice(0, 4));
  await page.locator('#drawer').screenshot({ path: resolve(SHOTS, 'curator-due-list.png') });
  await item.locator('button').click();
  await expect(page.locator('#panel')).toHaveAttribute('data-artwork', withReport.id);

  // Closing the view gives the visitor's plan back.
  await page.locator('#drawer header button').click();
  await expect(page.locator('#status')).toHaveAttribute('data-curator', 'false');
  await expect(page.locator('#map-svg .condition-marker')).toHaveCount(0);
});
