/**
 * What the look benchmarks share: the default exhibition opened in
 * headless Chromium (the journeys' set-up: software WebGL, 900×540) at a graphics quality, waited on until
 * its nearby works are in.
 */
import { resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';

export const ROOT = resolve(import.meta.dirname, '..');
export const VIEWPORT = { width: 900, height: 540 };

/** The gallery at a graphics quality (`?quality=`), ready and with its nearby media in. */
export async function openGallery(browser: Browser, port: number, quality: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  // tsx keeps function names with a `__name` helper that the page does not have.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/?quality=${quality}`, { timeout: 180_000 });
  await page.waitForFunction(() => window.museumTwin?.ready === true, null, { timeout: 180_000 });
  await page.locator('#status[data-media=done]').waitFor({ state: 'attached', timeout: 240_000 });
  // The full tier's shadow map is made once its code has arrived (a chunk of its own): measure and shoot it drawn.
  if (quality === 'full') await page.waitForFunction(() => window.museumTwin!.look!()?.shadows === true, null, { timeout: 60_000 });
  // The view alone: no hint or notes over it.
  // (Set on the elements: the page's Content Security Policy refuses inline style sheets.)
  await page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('.controls-hint, .xr-notes, .loading')) el.style.visibility = 'hidden';
  });
  return page;
}

/** Puts the visitor somewhere and waits until a few frames have been drawn there. */
export async function standAt(page: Page, position: [number, number, number], heading: number): Promise<void> {
  await page.evaluate(([p, h]) => window.museumTwin!.place(p, h), [position, heading] as const);
  await settle(page);
}

/** Waits until a few more frames have been drawn, and the scene has nothing left to compile. */
export async function settle(page: Page, frames = 4): Promise<void> {
  const start = await page.evaluate(() => window.museumTwin!.renderCounts!().drawn);
  await page.waitForFunction(
    ([s, n]) => {
      const t = window.museumTwin!;
      // Keep asking for frames (the app renders on demand: a pointer move over the view asks) until enough were drawn.
      document.getElementById('gallery-canvas')?.dispatchEvent(new PointerEvent('pointermove'));
      const scene = t.scene() as { isReady(): boolean };
      return t.renderCounts!().drawn >= s + n && scene.isReady();
    },
    [start, frames] as const,
    { timeout: 120_000, polling: 250 },
  );
}
