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
import { button, installQuest3, installRoom, lookAt, pointingQuaternion, setController, setHeadset, type Vec3 } from '../xr/iwer';

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

/**
 * Sets the twin down by hand in the middle of the emulated room, as a visitor does: picks "By hand" where there is a
 * choice of methods, aims the ring at the floor from a step back, taps, and confirms the outline (DOM overlay).
 */
export async function registerByHand(page: Page): Promise<void> {
  const status = page.locator('#status');
  const hud = page.locator('#ar-overlay .ar-hud');
  await expect(hud.locator('.ar-instruction')).toBeAttached({ timeout: 60_000 });
  // With reference points or markers there is a choice of methods; by hand is the only one otherwise.
  if (await hud.locator('.ar-method-manual').count()) await hud.locator('.ar-method-manual').dispatchEvent('click');
  await expect(status).toHaveAttribute('data-ar-phase', 'placing');
  await setHeadset(page, [0, 1.6, 0.8]);
  await lookAt(page, [0, 0, -0.2]);
  await page.waitForFunction(() => !!window.museumTwin!.ar!()?.hit, null, { timeout: 60_000 });
  await tap(page);
  await expect(status).toHaveAttribute('data-ar-phase', 'adjusting');
  await hud.locator('.ar-confirm').dispatchEvent('click');
  await expect(status).toHaveAttribute('data-ar-phase', 'registered', { timeout: 60_000 });
}

/**
 * IWER has no DOM overlay: report one, as Chrome on Android does, so the phone's overlay path runs. With `on` false
 * it starts switched off; `setDomOverlay` switches it for the sessions that follow (one page, several sessions).
 */
export async function fakeDomOverlay(page: Page, on = true): Promise<void> {
  await page.addInitScript((on: boolean) => {
    const g = globalThis as unknown as { IWER: { XRSession: { prototype: object } }; __fakeDomOverlay: boolean };
    g.__fakeDomOverlay = on;
    Object.defineProperty(g.IWER.XRSession.prototype, 'domOverlayState', { get: () => (g.__fakeDomOverlay ? { type: 'screen' } : undefined), configurable: true });
  }, on);
}

/** Switches the faked DOM overlay (fakeDomOverlay) for the next AR session. */
export async function setDomOverlay(page: Page, on: boolean): Promise<void> {
  await page.evaluate((on) => ((globalThis as unknown as { __fakeDomOverlay: boolean }).__fakeDomOverlay = on), on);
}

/** Where the AR room's first printed marker really is, as the column-major matrix of its image space in local-floor. */
export function markerMatrix(room: Exhibition = AR_ROOM, truth: RoomTransform = ROOM_TRUTH): number[] {
  const turn = (v: Vec3) => apply({ yaw: truth.yaw, translation: [0, 0, 0] }, v);
  const m = room.arReferences.markers[0]!;
  const y = turn(m.normal);
  const up = turn(m.up);
  const z: Vec3 = [-up[0], -up[1], -up[2]];
  const x: Vec3 = [y[1] * z[2] - y[2] * z[1], y[2] * z[0] - y[0] * z[2], y[0] * z[1] - y[1] * z[0]];
  return [...x, 0, ...y, 0, ...z, 0, ...apply(truth, m.position), 1];
}

/**
 * IWER has no image tracking: emulates Chrome's (WebXR incubation) with the printed marker at `matrix` in the
 * local-floor space. Off until `setMarkerTracking(page, true)`: a session started while it is off has no
 * 'image-tracking' feature, as in a browser that lacks it.
 */
export async function emulateMarkerTracking(page: Page, matrix: number[]): Promise<void> {
  await page.addInitScript((matrix: number[]) => {
    type Space = object;
    const g = globalThis as unknown as {
      IWER: {
        XRSpace: new (parent: Space, offset: Float32Array) => Space;
        XRSession: { prototype: { requestReferenceSpace: (type: string) => Promise<Space> } };
        XRFrame: { prototype: object };
      };
      XRImageTrackingResult: unknown;
      __markerTracking: boolean;
      __markerInView: boolean;
    };
    const IWER = g.IWER;
    g.__markerTracking = false;
    g.__markerInView = true;
    g.XRImageTrackingResult = class XRImageTrackingResult {};
    const session = IWER.XRSession.prototype as unknown as Record<string, unknown>;
    const request = IWER.XRSession.prototype.requestReferenceSpace;
    let floor: Space | undefined;
    let image: Space | undefined;
    session.requestReferenceSpace = async function (this: unknown, type: string) {
      const space = await request.call(this, type);
      if (type === 'local-floor') {
        floor = space;
        image = undefined;
      }
      return space;
    };
    session.getTrackedImageScores = async () => ['trackable'];
    const features = Object.getOwnPropertyDescriptor(IWER.XRSession.prototype, 'enabledFeatures')!;
    Object.defineProperty(IWER.XRSession.prototype, 'enabledFeatures', {
      get() {
        const own = features.get!.call(this) as string[];
        return g.__markerTracking ? [...own, 'image-tracking'] : own;
      },
      configurable: true,
    });
    (IWER.XRFrame.prototype as Record<string, unknown>).getImageTrackingResults = () => {
      if (!floor || !g.__markerTracking || !g.__markerInView) return [];
      image ??= new IWER.XRSpace(floor, new Float32Array(matrix));
      return [{ index: 0, imageSpace: image, trackingState: 'tracked', measuredWidthInMeters: 0.2 }];
    };
  }, matrix);
}

/** Switches the emulated marker tracking (emulateMarkerTracking) for the next AR session. */
export async function setMarkerTracking(page: Page, on: boolean): Promise<void> {
  await page.evaluate((on) => ((globalThis as unknown as { __markerTracking: boolean }).__markerTracking = on), on);
}

/** Whether the camera sees the marker (in view unless set otherwise): out of view, the browser reports no image. */
export async function setMarkerInView(page: Page, on: boolean): Promise<void> {
  await page.evaluate((on) => ((globalThis as unknown as { __markerInView: boolean }).__markerInView = on), on);
}

/**
 * Opens an exhibition of the AR room on an emulated Quest 3 (one view, as a phone has) standing in the captured
 * office, optionally with a phone's DOM overlay, and waits for the gallery with its media. The headset draws on a
 * small display (a quarter of the window each way): its journeys read labels, panels and requests, not pixels.
 */
export async function openArRoom(page: Page, { domOverlay = false, url = AR_ROOM_URL, made = {} as Record<string, unknown> } = {}): Promise<void> {
  await installQuest3(page, { stereo: false, display: 0.25 });
  await installRoom(page, 'office_small');
  if (domOverlay) await fakeDomOverlay(page);
  await serveFixtures(page, made);
  await page.goto(`/?lang=en&exhibition=${url}`);
  await waitForGallery(page);
}
