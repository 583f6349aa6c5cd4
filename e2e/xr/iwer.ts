/**
 * Test-only WebXR: IWER (Meta's WebXR emulation runtime) emulating a Meta Quest 3, injected into the page
 * before the app's code, and helpers to move its controllers in the scene's terms. Nothing here is in the
 * app bundle: the UMD build of IWER is read from node_modules and added as an init script.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

const require = createRequire(import.meta.url);
const IWER_UMD = require.resolve('iwer/build/iwer.min.js');

export type Vec3 = [number, number, number];
export type Hand = 'left' | 'right';

export interface Quest3Options {
  /** Two eyes (a headset) or one view (as a phone has). */
  stereo?: boolean;
  /** The emulated display's size as a share of the window's, each way (see `emulateDisplay`). */
  display?: number;
}

/**
 * Gives the emulated headset a display `share` of the window's size in each direction (0.25: a sixteenth of the
 * pixels a frame; frustum and aspect as they were). IWER draws a session into the page's canvas at the window's
 * size and ignores the layer's `framebufferScaleFactor`; software WebGL is bound by pixels, so journeys that read
 * poses, panels and draw calls rather than pixels ask for a small one. Call before the page loads, before or
 * after `installQuest3` (it takes effect when the device is installed).
 */
export async function emulateDisplay(page: Page, share: number): Promise<void> {
  await page.addInitScript((share: number) => {
    type Layer = { context: { canvas: { width: number; height: number } } } | null;
    type Private = { onBaseLayerSet: (layer: Layer) => void };
    const shrink = (device: object) => {
      // IWER sizes the canvas to the window when a session's base layer is set (its device's private
      // onBaseLayerSet, looked up on each call); size it down right after.
      const d = device as Record<symbol, Private | undefined>;
      const key = Object.getOwnPropertySymbols(d).find((k) => typeof d[k]?.onBaseLayerSet === 'function');
      if (!key) throw new Error('IWER changed: its device has no onBaseLayerSet');
      const priv = d[key]!;
      const setLayer = priv.onBaseLayerSet;
      priv.onBaseLayerSet = (layer) => {
        setLayer(layer);
        if (!layer) return;
        layer.context.canvas.width = Math.max(2, Math.round(innerWidth * share));
        layer.context.canvas.height = Math.max(2, Math.round(innerHeight * share));
        // The synthetic room (@iwer/sem, behind an AR session) sizes its canvas, CSS too, to the app's: stretch it
        // over the window as the app's canvas is, so a screenshot still shows the room. A constructed sheet, which
        // the page's Content Security Policy does not forbid as it would a <style> element.
        const fill = new CSSStyleSheet();
        fill.replaceSync('[data-webxr_runtime] > canvas { width: 100% !important; height: 100% !important; }');
        if (!document.adoptedStyleSheets.some((s) => s.cssRules[0]?.cssText === fill.cssRules[0]?.cssText)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, fill];
      };
    };
    const g = globalThis as unknown as { __iwer?: object };
    if (g.__iwer) return shrink(g.__iwer);
    let device: object | undefined;
    Object.defineProperty(g, '__iwer', {
      configurable: true,
      get: () => device,
      set: (d: object) => shrink((device = d)),
    });
  }, share);
}

/** Loads IWER and installs an emulated Quest 3 as `navigator.xr` (forcing over Chromium's own, which reports no VR). */
export async function installQuest3(page: Page, opts: Quest3Options = {}): Promise<void> {
  if (opts.display !== undefined) await emulateDisplay(page, opts.display);
  await page.addInitScript({ path: IWER_UMD });
  await page.addInitScript((stereo: boolean) => {
    const IWER = (globalThis as unknown as {
      IWER: {
        XRDevice: new (c: unknown, o?: unknown) => { installRuntime: (o: unknown) => void; stereoEnabled: boolean };
        metaQuest3: unknown;
        XRReferenceSpace: { prototype: { getOffsetReferenceSpace: (t: unknown) => unknown } };
      };
    }).IWER;
    // IWER 2.5.0 stores the XRRigidTransform object itself as the new space's offset matrix (all NaN), so any
    // app that moves its reference space (Babylon's teleport, or placing the visitor) sees no movement. Pass
    // the transform's matrix, as the WebXR spec means.
    const proto = IWER.XRReferenceSpace.prototype;
    const offset = proto.getOffsetReferenceSpace;
    proto.getOffsetReferenceSpace = function (this: unknown, t: unknown) {
      const m = (t as { matrix?: Float32Array } | undefined)?.matrix;
      return offset.call(this, m ?? t);
    };
    const device = new IWER.XRDevice(IWER.metaQuest3);
    device.stereoEnabled = stereo;
    device.installRuntime({ forceInstall: true });
    (globalThis as unknown as { __iwer: unknown }).__iwer = device;
  }, opts.stereo ?? true);
}

/** Rotates v about +y by a (right-handed: +z goes to (sin a, 0, cos a)). */
function rotY(v: Vec3, a: number): Vec3 {
  const c = Math.cos(a);
  const s = Math.sin(a);
  return [v[0] * c + v[2] * s, v[1], -v[0] * s + v[2] * c];
}

/** The quaternion [x, y, z, w] that turns −z (a controller's pointing direction) toward `dir`. */
export function pointingQuaternion(dir: Vec3): [number, number, number, number] {
  const n = Math.hypot(...dir);
  const d: Vec3 = [dir[0] / n, dir[1] / n, dir[2] / n];
  const yaw = Math.atan2(-d[0], -d[2]);
  const pitch = Math.asin(Math.max(-1, Math.min(1, d[1])));
  const sa = Math.sin(yaw / 2);
  const ca = Math.cos(yaw / 2);
  const sb = Math.sin(pitch / 2);
  const cb = Math.cos(pitch / 2);
  // q = yaw about y, then pitch about x.
  return [ca * sb, sa * cb, -sa * sb, ca * cb];
}

/**
 * Where a scene point is in the headset's local-floor space, given the viewer's pose in the scene.
 * The emulated headset stays at local (0, 1.6, 0) looking along −z, so the scene is the local space turned by
 * the viewer's yaw (−heading) and moved to their feet (raised by a seated mode's `lift`, if any).
 */
export function sceneToLocal(p: Vec3, viewer: { position: Vec3; heading: number; lift?: number }): Vec3 {
  const yaw = (-viewer.heading * Math.PI) / 180;
  // A VR seated mode lifts the whole local space above the scene's floor by `lift`.
  const rel: Vec3 = [p[0] - viewer.position[0], p[1] - viewer.position[1] - (viewer.lift ?? 0), p[2] - viewer.position[2]];
  return rotY(rel, -yaw);
}

export const HAND_AT: Record<Hand, Vec3> = { right: [0.2, 1.3, -0.3], left: [-0.2, 1.2, -0.3] };

/** Puts a controller at a local position pointing at a scene point. */
export async function aimAt(page: Page, hand: Hand, target: Vec3, from: Vec3 = HAND_AT[hand]): Promise<void> {
  const viewer = await page.evaluate(() => window.museumTwin!.xrViewer!());
  if (!viewer) throw new Error('not in VR');
  const local = sceneToLocal(target, viewer);
  const q = pointingQuaternion([local[0] - from[0], local[1] - from[1], local[2] - from[2]]);
  await setController(page, hand, from, q);
}

export async function setController(page: Page, hand: Hand, position: Vec3, quaternion: [number, number, number, number] = [0, 0, 0, 1]): Promise<void> {
  await page.evaluate(
    ({ hand, position, quaternion }) => {
      const device = (window as unknown as { __iwer: { controllers: Record<string, { position: { set: (...v: number[]) => void }; quaternion: { set: (...v: number[]) => void } }> } }).__iwer;
      const c = device.controllers[hand]!;
      c.position.set(...position);
      c.quaternion.set(...quaternion);
    },
    { hand, position, quaternion },
  );
}

export async function button(page: Page, hand: Hand, id: string, value: number): Promise<void> {
  await page.evaluate(
    ({ hand, id, value }) => {
      (window as unknown as { __iwer: { controllers: Record<string, { updateButtonValue: (id: string, v: number) => void }> } }).__iwer.controllers[hand]!.updateButtonValue(id, value);
    },
    { hand, id, value },
  );
}

export async function thumbstick(page: Page, hand: Hand, x: number, y: number): Promise<void> {
  await page.evaluate(
    ({ hand, x, y }) => {
      (window as unknown as { __iwer: { controllers: Record<string, { updateAxes: (id: string, x: number, y: number) => void }> } }).__iwer.controllers[hand]!.updateAxes('thumbstick', x, y);
    },
    { hand, x, y },
  );
}

/** Waits until the XR frame loop has drawn `n` more frames (state, not time; a frame may take seconds on a busy machine). */
export async function frames(page: Page, n: number): Promise<void> {
  const start = await page.evaluate(() => window.museumTwin!.xrViewer!()?.frames ?? 0);
  await page.waitForFunction((until) => (window.museumTwin!.xrViewer!()?.frames ?? 0) >= until, start + n, { timeout: 30_000 + n * 5_000 });
}

/** Presses and releases a controller button, letting the frame loop see each state. */
export async function press(page: Page, hand: Hand, id: string): Promise<void> {
  await button(page, hand, id, 1);
  await frames(page, 2);
  await button(page, hand, id, 0);
  await frames(page, 2);
}

const SEM_UMD = require.resolve('@iwer/sem/build/iwer-sem.min.js');

/**
 * Adds @iwer/sem (synthetic environment: passthrough, planes, meshes, hit tests) to the emulated device and loads
 * one of its captured rooms, read here from node_modules (never its CDN loader). Call after installQuest3.
 */
export async function installRoom(page: Page, capture: string): Promise<void> {
  const json = JSON.parse(readFileSync(require.resolve(`@iwer/sem/captures/${capture}.json`), 'utf8')) as unknown;
  await page.addInitScript({ path: SEM_UMD });
  await page.addInitScript((room: unknown) => {
    const g = globalThis as unknown as {
      __iwer: { installSEM: (c: unknown) => void; sem: { loadEnvironment: (j: unknown) => void } };
      IWER_SEM: { SyntheticEnvironmentModule: unknown };
    };
    g.__iwer.installSEM(g.IWER_SEM.SyntheticEnvironmentModule);
    g.__iwer.sem.loadEnvironment(room);
  }, json);
}

/** Points the emulated headset from where it stands (local-floor space) at a point: its view ray, the phone's reticle. */
export async function lookAt(page: Page, target: Vec3): Promise<void> {
  await page.evaluate((target) => {
    const d = (window as unknown as { __iwer: { position: { x: number; y: number; z: number }; quaternion: { set: (...v: number[]) => void } } }).__iwer;
    const dir = [target[0] - d.position.x, target[1] - d.position.y, target[2] - d.position.z];
    const n = Math.hypot(dir[0]!, dir[1]!, dir[2]!);
    const [x, y, z] = [dir[0]! / n, dir[1]! / n, dir[2]! / n];
    const yaw = Math.atan2(-x, -z);
    const pitch = Math.asin(Math.max(-1, Math.min(1, y)));
    const sa = Math.sin(yaw / 2);
    const ca = Math.cos(yaw / 2);
    const sb = Math.sin(pitch / 2);
    const cb = Math.cos(pitch / 2);
    d.quaternion.set(ca * sb, sa * cb, -sa * sb, ca * cb);
  }, target);
}

/** Puts the headset at a local-floor position (eyes), keeping its orientation. */
export async function setHeadset(page: Page, position: Vec3): Promise<void> {
  await page.evaluate((p) => (window as unknown as { __iwer: { position: { set: (...v: number[]) => void } } }).__iwer.position.set(...p), position);
}

/** Switches the emulated headset between controllers and tracked hands (IWER's primary input mode). */
export async function useHands(page: Page, hands: boolean): Promise<void> {
  await page.evaluate((hands) => {
    (window as unknown as { __iwer: { primaryInputMode: string } }).__iwer.primaryInputMode = hands ? 'hand' : 'controller';
  }, hands);
}

/** Puts a tracked hand at a local position, its pointing ray aimed at a scene point. */
export async function aimHandAt(page: Page, hand: Hand, target: Vec3, from: Vec3 = HAND_AT[hand]): Promise<void> {
  const viewer = await page.evaluate(() => window.museumTwin!.xrViewer!());
  if (!viewer) throw new Error('not in VR');
  const local = sceneToLocal(target, viewer);
  const q = pointingQuaternion([local[0] - from[0], local[1] - from[1], local[2] - from[2]]);
  await page.evaluate(
    ({ hand, from, q }) => {
      const h = (window as unknown as { __iwer: { hands: Record<string, { position: { set: (...v: number[]) => void }; quaternion: { set: (...v: number[]) => void } }> } }).__iwer.hands[hand]!;
      h.position.set(...from);
      h.quaternion.set(...q);
    },
    { hand, from, q },
  );
}

/** Pinches (thumb to index) and lets go, letting the frame loop see each state: a tracked hand's select. */
export async function pinch(page: Page, hand: Hand): Promise<void> {
  for (const value of [1, 0]) {
    await page.evaluate(
      ({ hand, value }) => {
        (window as unknown as { __iwer: { hands: Record<string, { updatePinchValue: (v: number) => void }> } }).__iwer.hands[hand]!.updatePinchValue(value);
      },
      { hand, value },
    );
    await frames(page, 3);
  }
}
