/**
 * Driving immersive sessions in and out for the XR lifetime journey: entering VR or AR with the header's
 * buttons, leaving by each route (the mode's own exit, or the session ended from outside the app, as a headset's
 * system menu or the browser does), and counting what the scene holds.
 */
import { expect, type Page } from '@playwright/test';
import type { SceneCounts } from '../../src/modes/xr/lifetime';
import { AR_ROOM_URL, serveFixtures } from './ar';
import { installQuest3, installRoom } from '../xr/iwer';

export type XrKind = 'vr' | 'ar';

/** Presses "Enter VR" or "Enter AR" and waits until the session draws. */
export async function enterXr(page: Page, kind: XrKind): Promise<void> {
  const status = page.locator('#status');
  await expect(page.locator(`#${kind}-button`)).toBeEnabled();
  await page.locator(`#${kind}-button`).click();
  await expect(status).toHaveAttribute('data-mode', kind, { timeout: 60_000 });
  await expect(status).toHaveAttribute('data-xr', 'running');
}

/**
 * Ends the session: `outside` calls `XRSession.end()` on the browser's session itself, as the headset's menu or
 * the browser does, with none of the app's code on the way; `exit` is the mode's own Exit. Waits for the preview.
 */
export async function leaveXr(page: Page, how: 'outside' | 'exit'): Promise<void> {
  await page.evaluate(async (how) => {
    const hooks = window.museumTwin!;
    if (how === 'outside') await hooks.xrSession!()!.end();
    else await hooks.xrExit!();
  }, how);
  await expect(page.locator('#status')).toHaveAttribute('data-mode', 'preview');
  await expect(page.locator('#status')).toHaveAttribute('data-xr', 'ended');
}

/** The scene's counts (meshes, nodes, materials, textures, observers). */
export const sceneCounts = (page: Page): Promise<SceneCounts> => page.evaluate(() => window.museumTwin!.sceneCounts!()!);

/** The page's JavaScript heap in bytes after a full garbage collection (Chromium's DevTools protocol). */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

/**
 * Opens the AR room as `openArRoom` (helpers/ar.ts) does, on a small emulated display (the lifetime journeys count
 * and place things, they read no pixels), waiting longer for its media: the journeys load the room once.
 */
export async function openRoomSmall(page: Page): Promise<void> {
  await installQuest3(page, { stereo: false, display: 0.25 });
  await installRoom(page, 'office_small');
  await serveFixtures(page);
  await page.goto(`/?lang=en&exhibition=${AR_ROOM_URL}`);
  await page.waitForFunction(() => window.museumTwin?.ready === true, null, { timeout: 180_000 });
  await expect(page.locator('#status')).toHaveAttribute('data-media', 'done', { timeout: 180_000 });
}
