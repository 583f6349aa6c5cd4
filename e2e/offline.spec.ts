/**
 * Offline: against the production build (service worker and precache only exist there). Two visits, each on one
 * page (installing the service worker and saving ~500 files are the slow parts, so each happens as few times as
 * the journeys allow):
 * - With the service worker: after one visit online the app starts offline, showing the exhibition last viewed;
 *   the visitor saves the default exhibition, goes offline, reloads: it renders, a work opens, narration plays and
 *   seeks; a new app version is offered and reloads only when chosen, and the saved copy survives it.
 * - Saving with the network mocked (service worker blocked, so the page's requests can be cut): a save that does
 *   not fit says so before it starts and running out of space midway keeps nothing; an interrupted save is never
 *   shown as saved and resumes with only the missing files; a changed exhibition on the server offers an update of
 *   the saved copy, which replaces it.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, waitForGallery, defaultExhibition, SHOTS, ROOT } from './support';
import { sharedPage } from './helpers/shared-page';
import { en } from './helpers/text';
import { offlineFiles } from '../src/offline/plan';
import { validateExhibition } from '../src/twin/validate';

const ex = defaultExhibition();
const narrated = ex.artworks.find((a) => a.narration?.en && a.sensitivity.level === 'open')!;
const EX_PATH = '/exhibitions/default/exhibition.json';

function files(baseURL: string): string[] {
  const r = validateExhibition(ex);
  if (!r.ok) throw new Error('invalid default exhibition');
  return offlineFiles(r.exhibition, new URL(EX_PATH, baseURL).href, new URL('/', baseURL).href);
}

/** The Offline drawer, opened from the top bar unless a step before left it open. */
async function openOffline(page: Page): Promise<void> {
  const drawer = page.locator('#drawer[data-kind="offline"]');
  if (!(await drawer.isVisible())) await page.locator('#offline-button').click();
  await expect(drawer).toBeVisible();
}

/** The names of the saved copies in the browser's caches (complete or not). */
const savedCaches = (page: Page) => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('museum-twin-saved:')));

test.describe('with the service worker', () => {
  const visit = sharedPage(test, { serviceWorkers: 'allow' });
  // Each step loads or saves the whole exhibition: generous limits for a busy machine.
  test.describe.configure({ timeout: 300_000 });

  test('after one visit online the app starts offline and shows the exhibition last viewed', async () => {
    const page = visit();
    await page.goto('/');
    await waitForGallery(page, false);
    await expect(page.locator('#status')).toHaveAttribute('data-sw', 'controlled', { timeout: 60_000 });
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', /manifest\.webmanifest$/);
    await page.context().setOffline(true);
    await page.reload();
    await waitForGallery(page, false);
    await expect(page.locator('#exhibition-title')).toHaveText(en(ex.title));
    expect((await page.evaluate(() => window.museumTwin!.viewer())).room).toBeTruthy();
    await openOffline(page);
    await expect(page.locator('#offline-state')).toHaveAttribute('data-state', 'none');
    await expect(page.locator('#offline-save')).toBeDisabled();
    // Back online, the same page may save (the drawer follows the connection).
    await page.context().setOffline(false);
    await expect(page.locator('#offline-save')).toBeEnabled();
  });

  test('a saved exhibition opens offline: renders, a work opens, narration plays and seeks', async ({ baseURL }) => {
    const page = visit();
    const status = page.locator('#status');
    await openOffline(page);
    await expect(page.locator('#offline-state')).toHaveAttribute('data-state', 'none');
    await page.locator('#offline-save').click();
    const size = page.locator('#offline-size');
    await expect(size).toBeVisible({ timeout: 30_000 });
    expect(Number(await size.getAttribute('data-files'))).toBe(files(baseURL!).length);
    expect(Number(await size.getAttribute('data-bytes'))).toBeGreaterThan(1_000_000);
    await page.locator('#offline-start').click();
    await expect(page.locator('#offline-progress')).toBeVisible();
    await expect(status).toHaveAttribute('data-offline-progress', '100', { timeout: 60_000 });
    await expect(status).toHaveAttribute('data-offline', 'saved', { timeout: 30_000 });
    await expect(page.locator('.offline-list li')).toHaveCount(1);
    await expect(page.locator('.offline-list li strong')).toHaveText(en(ex.title));
    await page.screenshot({ path: `${SHOTS}/offline-saved.png` });

    await page.context().setOffline(true);
    await page.goto(`/#artwork=${narrated.id}`);
    await page.reload();
    await waitForGallery(page);
    await expect(page.locator('#exhibition-title')).toHaveText(en(ex.title));
    expect(await page.evaluate(() => window.museumTwin!.problems())).toEqual([]);
    await expect(page.locator('#panel h2')).toHaveText(en(narrated.title));
    const audio = page.locator('#panel audio');
    await audio.evaluate((a: HTMLAudioElement) => a.play());
    // Playing: its time moves on (a condition on the element, not a wait on the clock).
    await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThan(0);
    const seeked = await audio.evaluate(async (a: HTMLAudioElement) => {
      const to = Math.min(a.duration - 0.5, 2.5);
      a.currentTime = to;
      await new Promise<void>((r) => a.addEventListener('seeked', () => r(), { once: true }));
      return { to, error: a.error?.code ?? 0 };
    });
    expect(seeked.error).toBe(0);
    // After the seek it plays on from there (range requests answered from the saved copy).
    await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThan(seeked.to);
    expect(await audio.evaluate((a: HTMLAudioElement) => a.error?.code ?? 0)).toBe(0);
    await page.screenshot({ path: `${SHOTS}/offline-reloaded.png` });
    await audio.evaluate((a: HTMLAudioElement) => a.pause());
    // HEAD is answered from the saved copy too: the iPhone guide asks so before it links a work's saved USDZ.
    const head = await audio.evaluate(async (a: HTMLAudioElement) => {
      const r = await fetch(a.currentSrc, { method: 'HEAD' });
      return { status: r.status, type: r.headers.get('content-type'), body: (await r.text()).length };
    });
    expect(head).toEqual({ status: 200, type: expect.stringMatching(/^audio\//), body: 0 });
    await page.context().setOffline(false);
  });

  test('a new app version is offered, and the page reloads into it only when the visitor chooses; the saved copy stays', async () => {
    const page = visit();
    await expect(page.locator('#status')).toHaveAttribute('data-sw', 'controlled', { timeout: 60_000 });
    const saved = await savedCaches(page);
    expect(saved).toHaveLength(1);
    // "Deploy" a new build: the server now sends a different service worker.
    await page.context().addCookies([{ name: 'museum-twin-next-build', value: String(Date.now()), url: page.url() }]);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const banner = page.locator('#app-update');
    await expect(banner).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('#status')).toHaveAttribute('data-app-update', 'waiting');
    const oldController = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    expect(oldController).toBeTruthy();
    await Promise.all([page.waitForEvent('load'), banner.getByRole('button').click()]);
    await waitForGallery(page, false);
    await expect(page.locator('#app-update')).toHaveCount(0);
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    // Nothing saved is lost with the new version: the same copy, still listed as saved.
    expect(await savedCaches(page)).toEqual(saved);
    await expect(page.locator('#status')).toHaveAttribute('data-offline', 'saved', { timeout: 30_000 });
    await openOffline(page);
    await expect(page.locator('.offline-list li strong')).toHaveText(en(ex.title));
  });
});

test.describe('saving (network mocked, service worker blocked)', () => {
  const visit = sharedPage(test);
  test.describe.configure({ timeout: 300_000 });

  test('a save that does not fit says so before it starts; running out of space midway keeps nothing', async () => {
    const page = visit();
    await page.goto('/');
    // Every work's media in place first: the saves below then have the page to themselves.
    await waitForGallery(page);
    // A device with 1 kB free, whose disk fills up after a few files (until the test gives it room again).
    await page.evaluate(() => {
      const w = window as unknown as { __quota: number; __puts: number; __restore: () => void };
      w.__quota = 1000;
      w.__puts = 0;
      const estimate = navigator.storage.estimate;
      const put = Cache.prototype.put;
      navigator.storage.estimate = async () => ({ usage: 0, quota: w.__quota });
      Cache.prototype.put = function (this: Cache, ...args: Parameters<Cache['put']>) {
        if (++w.__puts > 3) return Promise.reject(new DOMException('full', 'QuotaExceededError'));
        return put.apply(this, args);
      };
      w.__restore = () => {
        navigator.storage.estimate = estimate;
        Cache.prototype.put = put;
      };
    });
    await openOffline(page);
    await page.locator('#offline-save').click();
    await expect(page.locator('#offline-message')).toContainText('Not enough space', { timeout: 60_000 });
    await expect(page.locator('#offline-start')).toHaveCount(0);

    // The estimate says it fits, but the disk fills up while saving.
    await page.evaluate(() => ((window as unknown as { __quota: number }).__quota = 1e11));
    await page.locator('.offline-cancel').click();
    await page.locator('#offline-save').click();
    await page.locator('#offline-start').click();
    await expect(page.locator('#offline-message')).toContainText('ran out of space', { timeout: 60_000 });
    await expect(page.locator('#status')).toHaveAttribute('data-offline', 'none');
    expect(await savedCaches(page)).toEqual([]);
    await page.evaluate(() => (window as unknown as { __restore: () => void }).__restore());
  });

  test('an interrupted save is not marked saved, and resuming fetches only the missing files', async ({ baseURL }) => {
    const page = visit();
    const all = files(baseURL!);
    const victim = all.find((u) => u.endsWith('.glb'))!;
    const isSave = (r: { method(): string; headers(): Record<string, string> }) => r.method() === 'GET' && !!r.headers()['x-museum-twin-save'];
    let blocked = true;
    const firstRun = new Set<string>();
    const fetched: string[] = [];
    page.on('requestfinished', (r) => {
      if (blocked && isSave(r)) firstRun.add(r.url());
    });
    page.on('request', (r) => {
      if (!blocked && isSave(r)) fetched.push(r.url());
    });
    const isVictim = (u: URL) => u.href === victim;
    await page.route(isVictim, (r) => (blocked && isSave(r.request()) ? r.abort('connectionreset') : r.continue()));
    const status = page.locator('#status');
    await openOffline(page);
    await page.locator('#offline-save').click();
    await page.locator('#offline-start').click();
    await expect(page.locator('#offline-message')).toBeVisible({ timeout: 60_000 });
    await expect(status).not.toHaveAttribute('data-offline', 'saved');
    await expect(page.locator('#offline-state')).toHaveAttribute('data-state', 'partial');
    await expect(page.locator('.offline-list li')).toHaveCount(0);

    blocked = false;
    await page.locator('#offline-save').click();
    await page.locator('#offline-start').click();
    await expect(status).toHaveAttribute('data-offline', 'saved', { timeout: 60_000 });
    // Resume fetched the file that failed and the ones not reached, never one already saved.
    expect(fetched).toContain(victim);
    expect(fetched.filter((u) => firstRun.has(u))).toEqual([]);
    expect(firstRun.size).toBeGreaterThan(0);
    expect(new Set([...firstRun, ...fetched]).size).toBe(all.length - 1);
    await expect(page.locator('.offline-list li')).toHaveCount(1);
    await page.unroute(isVictim);
  });

  test('a changed exhibition on the server offers an update of the saved copy', async () => {
    const page = visit();
    const status = page.locator('#status');
    // Saved by the journey before (the resumed save).
    await expect(status).toHaveAttribute('data-offline', 'saved');
    const before = await savedCaches(page);
    expect(before).toHaveLength(1);

    // The museum publishes a new version of the exhibition file.
    const changed = JSON.parse(readFileSync(`${ROOT}/assets/default/exhibition.json`, 'utf8')) as { title: Record<string, string> };
    changed.title.en = `${changed.title.en} (updated)`;
    await page.route((u) => u.pathname === EX_PATH, (r) => r.fulfill({ body: JSON.stringify(changed), contentType: 'application/json' }));
    await page.reload();
    await waitForGallery(page, false);
    await openOffline(page);
    await expect(page.locator('#offline-state')).toHaveAttribute('data-state', 'update');
    await page.locator('#offline-save').click();
    await page.locator('#offline-start').click();
    await expect(status).toHaveAttribute('data-offline', 'saved', { timeout: 60_000 });
    // The old copy is replaced, not kept beside the new one.
    await expect(page.locator('.offline-list li')).toHaveCount(1);
    await expect(page.locator('.offline-list li strong')).toHaveText(changed.title.en);
    const after = await savedCaches(page);
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
  });
});
