/**
 * Languages: a test exhibition in English, Italian and Arabic (e2e/fixtures/languages.json, served beside the
 * default exhibition so it borrows its images and narration). Switch language at any time and see the interface,
 * the panel, the wall labels and the captions change; text missing in a language is shown in the default one,
 * visibly tagged; numbers and dimensions follow the language; Arabic turns the page right to left; the browser's
 * language is chosen first; long (German-length) strings do not break the layout. One visit on one page, in a
 * browser set to Italian (loading the gallery is the slow part): the first visit opens in Italian, the visitor
 * switches language from the menu, a later visit opens in the language chosen.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, waitForGallery, ROOT, SHOTS } from './support';
import { sharedPage } from './helpers/shared-page';
import { nextFrames } from './helpers/frames';
import type { Exhibition } from '../src/twin/schema';
import { parseWebVtt } from '../src/twin/webvtt';

const FILE = resolve(ROOT, 'e2e/fixtures/languages.json');
const ex = JSON.parse(readFileSync(FILE, 'utf8')) as Exhibition;
const URL_PATH = '/exhibitions/default/languages.json';
const river = ex.artworks.find((a) => a.id === 'river')!;
const long = ex.artworks.find((a) => a.id === 'long-words')!;

async function serve(page: Page): Promise<void> {
  await page.route((u) => u.pathname === URL_PATH, (r) => r.fulfill({ path: FILE, contentType: 'application/json' }));
  await page.route((u) => u.pathname === '/exhibitions/default/languages-test/river.ar.vtt', (r) => r.fulfill({ path: resolve(ROOT, 'e2e/fixtures/languages-test/river.ar.vtt'), contentType: 'text/vtt' }));
}

const select = (page: Page) => page.locator('#language-select');
const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.describe('one visit in a browser set to Italian', () => {
  const visit = sharedPage(test, { locale: 'it-IT' });

  test('the browser’s language is chosen first when the exhibition has it', async () => {
    const page = visit();
    await serve(page);
    await page.goto(`/?exhibition=${URL_PATH}`);
    await waitForGallery(page, false);
    await expect(page.locator('html')).toHaveAttribute('lang', 'it');
    await expect(page.locator('#exhibition-title')).toHaveText(ex.title.it!);
  });

  test('switching language changes the interface, panel, labels and captions; missing text is marked; Arabic is right to left', async () => {
    test.setTimeout(120_000);
    const page = visit();
    // Every work's media in place (the wall labels and narration below need them).
    await waitForGallery(page);
    // From the browser's Italian to English, with the menu.
    await select(page).selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.locator('.works-list').getByRole('button', { name: river.title.en! }).click();
    await expect(page.locator('#panel h2')).toHaveText(river.title.en!);
    await expect(page.locator('#panel .facts')).toContainText('120 × 200 × 4 cm');

    // Italian, with the panel open.
    await select(page).selectOption('it');
    await expect(page.locator('html')).toHaveAttribute('lang', 'it');
    await expect(page.locator('#panel h2')).toHaveText(river.title.it!);
    await expect(page.locator('#panel .lead')).toHaveText(river.label.it!);
    await expect(page.getByRole('button', { name: 'Percorsi' })).toBeVisible();
    await expect(page.locator('#exhibition-title')).toHaveText(ex.title.it!);
    // The wall label in the room, too.
    await expect.poll(() => page.evaluate(() => window.museumTwin!.wallLabel!('river'))).toBe(river.title.it);
    // A work whose texts are in English only: its Italian title is there, the rest is tagged "(in inglese)".
    await page.locator('.works-list').getByRole('button', { name: long.title.it! }).click();
    await expect(page.locator('#panel h2')).toHaveText(long.title.it!);
    const lead = page.locator('#panel .lead');
    await expect(lead).toHaveAttribute('lang', 'en');
    await expect(lead).toContainText(long.label.en!);
    await expect(lead.locator('.fallback-tag')).toHaveText('(in inglese)');
    await expect(page.locator('#panel .story .fallback')).toContainText('Inglese');
    await expect(page.locator(`.works-list [data-artwork="long-words"] .sub .fallback-tag`)).toHaveText('(in inglese)');

    // Italian captions for the narration.
    await page.locator('.works-list').getByRole('button', { name: river.title.it! }).click();
    await page.locator('#panel audio').evaluate((a: HTMLAudioElement) => a.play());
    const itCues = parseWebVtt(readFileSync(resolve(ROOT, 'assets/default', river.narration!.it!.captions), 'utf8')).cues;
    await expect(page.getByTestId('captions')).toHaveText(itCues[0]!.text.replace(/\s+/g, ' '), { timeout: 20_000 });
    await expect(page.getByTestId('captions')).toHaveAttribute('lang', 'it');

    // Arabic: the page turns right to left, numbers use Arabic digits, the captions are Arabic.
    await select(page).selectOption('ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.locator('#panel h2')).toHaveText(river.title.ar!);
    await expect.poll(() => page.evaluate(() => window.museumTwin!.wallLabel!('river'))).toBe(river.title.ar);
    await expect(page.getByRole('button', { name: 'الجولات' })).toBeVisible();
    const cm = new Intl.NumberFormat('ar', { style: 'unit', unit: 'centimeter', unitDisplay: 'short' }).format(4);
    const arabic = (n: number) => new Intl.NumberFormat('ar').format(n);
    await expect(page.locator('#panel .facts')).toContainText(`${arabic(120)} × ${arabic(200)} × ${cm}`);
    await page.locator('#panel audio').evaluate((a: HTMLAudioElement) => a.play());
    await expect(page.getByTestId('captions')).toHaveText('رسمت فيري النهر في كل الفصول.', { timeout: 20_000 });
    await expect(page.getByTestId('captions')).toHaveAttribute('lang', 'ar');
    expect(visit.requests.some((u) => u.endsWith('/languages-test/river.ar.vtt'))).toBe(true);
    // The side panel sits on the left, the list of works on the right.
    const panel = (await page.locator('#panel').boundingBox())!;
    const list = (await page.locator('#works-list').boundingBox())!;
    expect(panel.x).toBeLessThan(list.x);
    expect(panel.x).toBeLessThan(50);
    // A tour's stop counter in Arabic digits.
    await page.getByRole('button', { name: 'الجولات' }).click();
    await page.locator('[data-tour="both"] button').click();
    await expect(page.locator('#tour-bar')).toContainText(`المحطة ${new Intl.NumberFormat('ar').format(1)} من ${new Intl.NumberFormat('ar').format(2)}`);
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
    await nextFrames(page);
    await page.screenshot({ path: `${SHOTS}/languages-arabic.png` });

    // Remembered: a later visit with no ?lang opens in Arabic (before the browser's Italian).
    await page.goto(`/?exhibition=${URL_PATH}`);
    await waitForGallery(page, false);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('#exhibition-title')).toHaveText(ex.title.ar!);
  });

  test('long, German-length strings (the en-XA pseudo-locale) and long words do not break the layout', async () => {
    const page = visit();
    await page.goto(`/?lang=en-XA&exhibition=${URL_PATH}`);
    await waitForGallery(page, false);
    await expect(page.locator('#tours-button')).toContainText('⟦');
    await page.locator('.works-list [data-artwork="long-words"]').click();
    await expect(page.locator('#panel h2')).toContainText('Donaudampfschifffahrts');
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
    // Every control of the top bar and the panel stays inside the window, and the title inside the panel.
    const outside = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.tools button:not([hidden]), .tools select, #panel button, #panel h2')]
        .filter((el) => el.offsetParent !== null)
        .filter((el) => {
          const r = el.getBoundingClientRect();
          const p = el.closest('#panel')?.getBoundingClientRect();
          return r.right > innerWidth + 1 || r.left < -1 || (p && (r.right > p.right + 1 || r.left < p.left - 1));
        })
        .map((el) => el.outerHTML.slice(0, 60)),
    );
    expect(outside).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/languages-long-strings.png` });
  });
});
