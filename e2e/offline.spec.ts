/**
 * Offline: against the production build (service worker and precache only exist there). Save the default
 * exhibition, go offline, reload: it renders, a work opens, narration plays and seeks. A save interrupted midway
 * is never shown as saved and resumes with only the missing files. A changed exhibition on the server offers an
 * update of the saved copy.
 */
import { readFileSync } from 'node:fs';
import { test, expect, waitForGallery, defaultExhibition, SHOTS, ROOT } from './support';
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

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('a saved exhibition opens offline: renders, a work opens, narration plays and seeks', async ({ page, context, baseURL }) => {
    test.setTimeout(180_000);
    await page.goto('/');
    await waitForGallery(page, false);
    const status = page.locator('#status');
    await expect(status).toHaveAttribute('data-sw', 'controlled', { timeout: 30_000 });
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', /manifest\.webmanifest$/);

    await page.locator('#offline-button').click();
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

    await context.setOffline(true);
    await page.goto(`/#artwork=${narrated.id}`);
    await page.reload();
    await waitForGallery(page);
    await expect(page.locator('#exhibition-title')).toHaveText(en(ex.title));
    expect(await page.evaluate(() => window.museumTwin!.problems())).toEqual([]);
    await expect(page.locator('#panel h2')).toHaveText(en(narrated.title));
    const played = await page.locator('#panel audio').evaluate(async (a: HTMLAudioElement) => {
      await a.play();
      await new Promise((r) => setTimeout(r, 800));
      const t1 = a.currentTime;
      a.currentTime = Math.min(a.duration - 0.5, 2.5);
      await new Promise<void>((r) => a.addEventListener('seeked', () => r(), { once: true }));
      await new Promise((r) => setTimeout(r, 500));
      return { t1, t2: a.currentTime, error: a.error?.code ?? 0, duration: a.duration };
    });
    expect(played.error).toBe(0);
    expect(played.t1).toBeGreaterThan(0);
    expect(played.t2).toBeGreaterThan(2);
    await page.screenshot({ path: `${SHOTS}/offline-reloaded.png` });
    await context.setOffline(false);
  });
});

test.describe('with the service worker, nothing saved', () => {
  test.use({ serviceWorkers: 'allow' });

  test('after one visit online the app starts offline and shows the exhibition last viewed', async ({ page, context }) => {
    await page.goto('/');
    await waitForGallery(page, false);
    await expect(page.locator('#status')).toHaveAttribute('data-sw', 'controlled', { timeout: 30_000 });
    await context.setOffline(true);
    await page.reload();
    await waitForGallery(page, false);
    await expect(page.locator('#exhibition-title')).toHaveText(en(ex.title));
    expect((await page.evaluate(() => window.museumTwin!.viewer())).room).toBeTruthy();
    await page.locator('#offline-button').click();
    await expect(page.locator('#offline-state')).toHaveAttribute('data-state', 'none');
    await expect(page.locator('#offline-save')).toBeDisabled();
    await context.setOffline(false);
  });

  test('a new app version is offered, and the page reloads into it only when the visitor chooses', async ({ page, context }) => {
    await page.goto('/');
    await waitForGallery(page, false);
    await expect(page.locator('#status')).toHaveAttribute('data-sw', 'controlled', { timeout: 30_000 });
    // "Deploy" a new build: the server now sends a different service worker.
    await context.addCookies([{ name: 'museum-twin-next-build', value: String(Date.now()), url: page.url() }]);
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
  });
});

test.describe('saving (network mocked, service worker blocked)', () => {
  test.use({ serviceWorkers: 'block' });

  test('an interrupted save is not marked saved, and resuming fetches only the missing files', async ({ page, baseURL }) => {
    test.setTimeout(150_000);
    const all = files(baseURL!);
    const victim = all.find((u) => u.endsWith('.glb'))!;
    let blocked = true;
    const firstRun = new Set<string>();
    page.on('requestfinished', (r) => {
      if (blocked && r.method() === 'GET' && r.headers()['x-museum-twin-save']) firstRun.add(r.url());
    });
    await page.route((u) => u.href === victim, (r) => (blocked && r.request().method() === 'GET' && r.request().headers()['x-museum-twin-save'] ? r.abort('connectionreset') : r.continue()));
    await page.goto('/');
    await waitForGallery(page, false);
    const status = page.locator('#status');
    await page.locator('#offline-button').click();
    await page.locator('#offline-save').click();
    await page.locator('#offline-start').click();
    await expect(page.locator('#offline-message')).toBeVisible({ timeout: 60_000 });
    await expect(status).not.toHaveAttribute('data-offline', 'saved');
    await expect(page.locator('#offline-state')).toHaveAttribute('data-state', 'partial');
    await expect(page.locator('.offline-list li')).toHaveCount(0);

    blocked = false;
    const fetched: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'GET' && r.headers()['x-museum-twin-save']) fetched.push(r.url());
    });
    await page.locator('#offline-save').click();
    await page.locator('#offline-start').click();
    await expect(status).toHaveAttribute('data-offline', 'saved', { timeout: 60_000 });
    // Resume fetched the file that failed and the ones not reached, never one already saved.
    expect(fetched).toContain(victim);
    expect(fetched.filter((u) => firstRun.has(u))).toEqual([]);
    expect(firstRun.size).toBeGreaterThan(0);
    expect(new Set([...firstRun, ...fetched]).size).toBe(all.length - 1);
    await expect(page.locator('.offline-list li')).toHaveCount(1);
  });

  test('a save that does not fit says so before it starts; running out of space midway keeps nothing', async ({ page }) => {
    test.setTimeout(120_000);
    await page.addInitScript(() => {
      const w = window as unknown as { __quota: number; __puts: number };
      w.__quota = 1000;
      w.__puts = 0;
      navigator.storage.estimate = async () => ({ usage: 0, quota: w.__quota });
      const put = Cache.prototype.put;
      Cache.prototype.put = function (this: Cache, ...args: Parameters<Cache['put']>) {
        // A device that fills up after a few files.
        if (w.__quota < 1e12 && ++w.__puts > 3) return Promise.reject(new DOMException('full', 'QuotaExceededError'));
        return put.apply(this, args);
      };
    });
    await page.goto('/');
    await waitForGallery(page, false);
    await page.locator('#offline-button').click();
    await page.locator('#offline-save').click();
    await expect(page.locator('#offline-message')).toContainText('Not enough space');
    await expect(page.locator('#offline-start')).toHaveCount(0);

    // The estimate says it fits, but the disk fills up while saving.
    await page.evaluate(() => ((window as unknown as { __quota: number }).__quota = 1e11));
    await page.locator('.offline-cancel').click();
    await page.locator('#offline-save').click();
    await page.locator('#offline-start').click();
    await expect(page.locator('#offline-message')).toContainText('ran out of space', { timeout: 60_000 });
    await expect(page.locator('#status')).toHaveAttribute('data-offline', 'none');
    expect(await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('museum-twin-saved:')))).toEqual([]);
  });

  test('a changed exhibition on the server offers an update of the saved copy', async ({ page }) => {
    test.setTimeout(150_000);
    await page.goto('/');
    await waitForGallery(page, false);
    const status = page.locator('#status');
    await page.locator('#offline-button').click();
    await page.locator('#offline-save').click();
    await page.locator('#offline-start').click();
    await expect(status).toHaveAttribute('data-offline', 'saved', { timeout: 60_000 });

    // The museum publishes a new version of the exhibition file.
    const changed = JSON.parse(readFileSync(`${ROOT}/assets/default/exhibition.json`, 'utf8')) as { title: Record<string, string> };
    changed.title.en = `${changed.title.en} (updated)`;
    await page.route((u) => u.pathname === EX_PATH, (r) => r.fulfill({ body: JSON.stringify(changed), contentType: 'application/json' }));
    await page.reload();
    await waitForGallery(page, false);
    await page.locator('#offline-button').click();
    await expect(page.locator('#offline-state')).toHaveAttribute('data-state', 'update');
    await page.locator('#offline-save').click();
    await page.locator('#offline-start').click();
    await expect(status).toHaveAttribute('data-offline', 'saved', { timeout: 60_000 });
    // The old copy is replaced, not kept beside the new one.
    await expect(page.locator('.offline-list li')).toHaveCount(1);
    await expect(page.locator('.offline-list li strong')).toHaveText(changed.title.en);
  });
});
