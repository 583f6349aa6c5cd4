/**
 * The VR journeys' page: the default exhibition on an emulated Meta Quest 3 (IWER), at the headset's graphics
 * quality, with the page's errors reported.
 */
import type { Page } from '@playwright/test';
import { expect } from '../support';
import { installQuest3 } from '../xr/iwer';

/** The emulated headset's display, a share of the window each way: a sixteenth of the pixels a frame. */
const XR_DISPLAY = 0.25;

// An error thrown in the XR frame loop stops it silently: report what the page reports.
function listen(page: Page): void {
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}\n${e.stack ?? ''}`));
  page.on('console', (m) => void (m.type() === 'error' && console.log(`[console] ${m.text()}`)));
}

/**
 * The gallery with every work's media: one load for all the headset's journeys, so room for a busy machine. At the
 * headset's graphics quality (`baked`: what a headset gets; the software renderer here would get `plain`), so the
 * frame budgets below are the headset tier's.
 */
async function open(page: Page): Promise<void> {
  await page.goto('/?lang=en&quality=baked');
  await page.waitForFunction(() => window.museumTwin?.ready === true, null, { timeout: 180_000 });
  await expect(page.locator('#status')).toHaveAttribute('data-media', 'done', { timeout: 180_000 });
}

/** Opens the gallery on the headset: a small window and display, errors reported, every work's media in. */
export async function openHeadsetGallery(page: Page): Promise<void> {
  listen(page);
  await page.setViewportSize({ width: 640, height: 400 });
  await installQuest3(page, { display: XR_DISPLAY });
  await open(page);
}
