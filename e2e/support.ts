/**
 * Shared set-up for the journeys: every page records its requests, and each test ends by checking that
 * none left for another host (the app must work offline and must not leak visitors to third parties).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import sharp from 'sharp';
import type { Exhibition } from '../src/twin/schema';
import { guardOrigins } from './helpers/origin-guard';

export const ROOT = resolve(import.meta.dirname, '..');
export const SHOTS = resolve(ROOT, 'e2e/.output/screenshots');
mkdirSync(SHOTS, { recursive: true });

export function defaultExhibition(): Exhibition {
  return JSON.parse(readFileSync(resolve(ROOT, 'assets/default/exhibition.json'), 'utf8')) as Exhibition;
}

export const test = base.extend<{ requests: string[] }>({
  requests: [
    async ({ page, context, baseURL }, use) => {
      // What this page asked for (journeys check it); the guard watches the whole context (pages, service
      // workers, workers, WebSockets) and compares origins with the URL parser (e2e/helpers/origin-guard.ts).
      const urls: string[] = [];
      page.on('request', (r) => urls.push(r.url()));
      const guard = guardOrigins(context, new URL(baseURL!).origin);
      await use(urls);
      expect(guard.foreign(), 'requests to other hosts').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** Waits until the gallery is walkable and, optionally, every work has its media or placeholder. */
export async function waitForGallery(page: Page, media = true): Promise<void> {
  // About 20 s on an idle machine; the limits leave room for a machine shared with other runs.
  await page.waitForFunction(() => window.museumTwin?.ready === true, null, { timeout: 120_000 });
  if (media) await expect(page.locator('#status')).toHaveAttribute('data-media', 'done', { timeout: 120_000 });
}

export async function viewer(page: Page) {
  return page.evaluate(() => window.museumTwin!.viewer());
}

/** Serves a test exhibition file at a URL of the app's own origin. */
export async function serveFixture(page: Page, path: string, file: string): Promise<void> {
  await page.route((u) => u.pathname === path, (r) => r.fulfill({ path: resolve(ROOT, 'e2e/fixtures', file), contentType: 'application/json' }));
}

/** How varied the canvas is: a blank or single-colour canvas has almost no spread. */
export async function canvasStats(page: Page, name: string): Promise<{ stdev: number; mean: number }> {
  const file = resolve(SHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  const box = await page.locator('#gallery-canvas').boundingBox();
  const img = sharp(file).extract({ left: Math.round(box!.x), top: Math.round(box!.y), width: Math.round(box!.width), height: Math.round(box!.height) });
  const stats = await img.stats();
  const stdev = stats.channels.slice(0, 3).reduce((s, c) => s + c.stdev, 0) / 3;
  const mean = stats.channels.slice(0, 3).reduce((s, c) => s + c.mean, 0) / 3;
  return { stdev, mean };
}
