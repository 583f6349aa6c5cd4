/**
 * The AR test driver: the emulated room (e2e/fixtures/ar-room.json in @iwer/sem's office_small capture), the AR
 * mode's state through the typed test hooks, taps as controller selects, and registration on reference points.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { ArState } from '../../src/app/test-hooks';
import { apply, type RoomTransform } from '../../src/modes/ar/registration';
import { Exhibition as ExhibitionSchema, type Exhibition } from '../../src/twin/schema';
import { ROOT, waitForGallery } from '../support';
import { button, installQuest3, installRoom, lookAt, pointingQuaternion, setController, type Vec3 } from '../xr/iwer';

export const FIXTURES = resolve(ROOT, 'e2e/fixtures');
/** Where the journeys serve e2e/fixtures/ on the app's own origin. */
export const FIXTURES_PATH = '/e2e-fixtures/';
export const AR_ROOM_URL = `${FIXTURES_PATH}ar-room.json`;

/** The AR test exhibition as written (a copy a test may change and serve). */
export const arRoomFile = (): Exhibition => JSON.parse(readFileSync(resolve(FIXTURES, 'ar-room.json'), 'utf8')) as Exhibition;
/** The AR test exhibition, as the app reads it (defaults filled in). */
export const AR_ROOM: Exhibition = ExhibitionSchema.parse(arRoomFile());

/** Serves e2e/fixtures/ (the AR room and its media) at /e2e-fixtures/; `made` adds files written by the test. */
export async function serveFixtures(page: Page, made: Record<string, unknown> = {}): Promise<void> {
  await page.route(
    (u) => u.pathname.startsWith(FIXTURES_PATH),
    (r) => {
      const rel = decodeURIComponent(new URL(r.request().url()).pathname.slice(FIXTURES_PATH.length));
      if (rel in made) return r.fulfill({ body: JSON.stringify(made[rel]), contentType: 'application/json' });
      return r.fulfill({ path: resolve(FIXTURES, rel) });
    },
  );
}
/** How the fixture's twin sits in the captured room (measured from the capture's walls and floor). */
export const ROOM_TRUTH: RoomTransform = { yaw: Math.PI / 2, translation: [-1.253, 0.0488, 1.388] };

export const dist = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

/** The AR mode's state (registration, labels, panel), as the test hooks report it. */
export const arState = (page: Page): Promise<ArState> => page.evaluate(() => window.museumTwin!.ar!()!);

/** Waits until the AR session has drawn `n` more frames. */
export async function waitFrames(page: Page, n: number): Promise<void> {
  const start = (await arState(page)).frames;
  await page.waitForFunction((until) => (window.museumTwin!.ar!()?.frames ?? 0) >= until, start + n, { timeout: 30_000 });
}

/** A screen tap: the right controller's select, pointing at `target` (or at the ceiling, away from any label). */
export async function tap(page: Page, target?: Vec3): Promise<void> {
  const from: Vec3 = [0.2, 1.3, -0.2];
  const dir: Vec3 = target ? [target[0] - from[0], target[1] - from[1], target[2] - from[2]] : [0, 1, -0.2];
  await setController(page, 'right', from, pointingQuaternion(dir));
  await waitFrames(page, 2);
  await button(page, 'right', 'trigger', 1);
  await waitFrames(page, 2);
  await button(page, 'right', 'trigger', 0);
  await waitFrames(page, 2);
}

/** Aims at each reference point where it really is in the room and taps, until the twin is registered. */
export async function registerOnPoints(page: Page, room: Exhibition = AR_ROOM, truth: RoomTransform = ROOM_TRUTH): Promise<void> {
  const status = page.locator('#status');
  const refs = room.arReferences.points;
  for (const [i, ref] of refs.entries()) {
    const real = apply(truth, ref.position);
    await lookAt(page, real);
    // The reticle (viewer-space hit test) settles on the real point.
    await page.waitForFunction((real) => {
      const h = window.museumTwin!.ar!()?.hit;
      return !!h && Math.hypot(h[0] - real[0]!, h[1] - real[1]!, h[2] - real[2]!) < 0.03;
    }, real, { timeout: 30_000 });
    await tap(page);
    if (i < refs.length - 1) await expect(status).toHaveAttribute('data-ar-points', String(i + 1));
  }
  await expect(status).toHaveAttribute('data-ar-phase', 'registered');
}

/** IWER has no DOM overlay: report one, as Chrome on Android does, so the phone's overlay path runs. */
export async function fakeDomOverlay(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const proto = (globalThis as unknown as { IWER: { XRSession: { prototype: object } } }).IWER.XRSession.prototype;
    Object.defineProperty(proto, 'domOverlayState', { get: () => ({ type: 'screen' }), configurable: true });
  });
}

/**
 * Opens an exhibition of the AR room on an emulated Quest 3 (one view, as a phone has) standing in the captured
 * office, optionally with a phone's DOM overlay, and waits for the gallery with its media.
 */
export async function openArRoom(page: Page, { domOverlay = false, url = AR_ROOM_URL, made = {} as Record<string, unknown> } = {}): Promise<void> {
  await installQuest3(page, { stereo: false });
  await installRoom(page, 'office_small');
  if (domOverlay) await fakeDomOverlay(page);
  await serveFixtures(page, made);
  await page.goto(`/?lang=en&exhibition=${url}`);
  await waitForGallery(page);
}
