/**
 * The VR journeys' hands and eyes (e2e/vr.spec.ts): where the visitor stands and what the panel shows, aiming and
 * pulling the trigger at a point or a named control, the wrist menu, and floor and wall points to aim at in the
 * visitor's room.
 */
import { expect, type Page } from '@playwright/test';
import type { VrPanelState, VrViewer } from '../../src/app/test-hooks';
import { headingToDir, roomEdges } from '../../src/twin/floorplan';
import { distanceToSegment, pointInPolygon } from '../../src/twin/geometry';
import { artworkPose } from '../../src/twin/layout';
import { MIN_TEXT_PER_METRE } from '../../src/modes/vr/logic';
import type { Exhibition, Vec2 } from '../../src/twin/schema';
import { aimAt, frames, press, setController, type Vec3 } from '../xr/iwer';

export type XrPose = VrViewer;
export const xrViewer = (page: Page) => page.evaluate(() => window.museumTwin!.xrViewer!()!);
export type XrPanel = NonNullable<VrPanelState>;
export const xrPanel = (page: Page) => page.evaluate(() => window.museumTwin!.xrPanel!());

/** The panel turns its face to the visitor's eye and its smallest text is at least 1.5 cm per metre away. */
export async function expectFacingAndReadable(page: Page): Promise<XrPanel> {
  await frames(page, 2);
  const p = (await xrPanel(page))!;
  expect(p.facing, 'the panel faces the visitor').toBeGreaterThan(0.995);
  expect(p.textPerMetre, 'smallest text per metre of distance').toBeGreaterThanOrEqual(MIN_TEXT_PER_METRE - 1e-9);
  return p;
}

/** Aims the right controller at a point (from the hand at `from`), checks what it hovers if asked, and pulls the trigger. */
export async function aimAndPull(page: Page, point: Vec3, { from, hovered }: { from?: Vec3; hovered?: string } = {}): Promise<void> {
  await aimAt(page, 'right', point, from);
  await frames(page, 3);
  if (hovered) await expect(page.locator('#status')).toHaveAttribute('data-hovered', hovered);
  await press(page, 'right', 'trigger');
}

/** Aims the right controller at a named control of a panel or the menu and pulls the trigger. */
export async function pressControl(page: Page, name: string, from?: Vec3): Promise<void> {
  await aimAndPull(page, await xrControl(page, name), { from });
}

/** The wrist menu's controls, pressed with the right hand while the left is raised. */
export const MENU_HAND: Vec3 = [0.15, 1.2, -0.2];
export async function raiseMenu(page: Page): Promise<void> {
  await setController(page, 'left', [-0.15, 1.0, -0.35]);
  await frames(page, 3);
}
export async function lowerMenu(page: Page): Promise<void> {
  await setController(page, 'left', [-0.5, 0.9, 0.25]);
  await frames(page, 3);
}

export async function enterVr(page: Page): Promise<void> {
  await expect(page.locator('#vr-button')).toBeVisible();
  await page.locator('#vr-button').click();
  await expect(page.locator('#status')).toHaveAttribute('data-xr', 'running', { timeout: 60_000 });
  await expect(page.locator('#status')).toHaveAttribute('data-mode', 'vr');
  await lowerMenu(page);
}
/** A named control of a VR panel or menu, once the GUI has laid it out (it has no place until its first frame). */
export async function xrControl(page: Page, name: string): Promise<Vec3> {
  let point: Vec3 | undefined;
  await expect
    .poll(async () => (point = (await page.evaluate((n) => window.museumTwin!.xrControl!(n), name)) as Vec3 | undefined), { message: `VR control '${name}'` })
    .toBeTruthy();
  return point!;
}
export const planDistance = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[2] - b[2]);

function insideWithMargin(p: Vec2, poly: Vec2[], m: number): boolean {
  return [p, [p[0] + m, p[1]], [p[0] - m, p[1]], [p[0], p[1] + m], [p[0], p[1] - m]].every((q) => pointInPolygon(q as Vec2, poly));
}

/** A clear floor point 1–2 m from the visitor, in their room, with no work on the way. */
export function floorTarget(ex: Exhibition, v: XrPose): Vec3 {
  const room = ex.space.rooms.find((r) => pointInPolygon([v.position[0], v.position[2]], r.polygon))!;
  const objects = ex.artworks.filter((a) => a.kind === 'object').map((a) => artworkPose(ex, a).position);
  const here: Vec2 = [v.position[0], v.position[2]];
  for (const dist of [1.8, 1.4, 2.2, 1.1]) {
    for (const turn of [0, 25, -25, 50, -50, 80, -80, 120, -120, 160, -160]) {
      const d = headingToDir(v.heading + turn);
      const p: Vec2 = [here[0] + d[0] * dist, here[1] + d[1] * dist];
      if (!insideWithMargin(p, room.polygon, 0.8)) continue;
      if (objects.some((o) => distanceToSegment([o[0], o[2]], here, p) < 1.0)) continue;
      return [p[0], v.position[1], p[1]];
    }
  }
  throw new Error('no clear floor near the visitor');
}

/** A point on a wall of the visitor's room, away from doorways, roughly ahead. */
export function wallTarget(ex: Exhibition, v: XrPose): Vec3 {
  const room = ex.space.rooms.find((r) => pointInPolygon([v.position[0], v.position[2]], r.polygon))!;
  const doors = ex.space.kind === 'floorplan' ? ex.space.doorways : [];
  const f = headingToDir(v.heading);
  let best: { p: Vec2; score: number } | undefined;
  for (const e of roomEdges(room)) {
    for (const t of [0.2, 0.35, 0.5, 0.65, 0.8]) {
      const p: Vec2 = [e.a[0] + e.dir[0] * e.length * t, e.a[1] + e.dir[1] * e.length * t];
      if (doors.some((d) => Math.hypot(d.position[0] - p[0], d.position[1] - p[1]) < d.width / 2 + 0.8)) continue;
      const to = [p[0] - v.position[0], p[1] - v.position[2]];
      const dist = Math.hypot(to[0]!, to[1]!);
      if (dist < 1.2) continue;
      const score = (to[0]! * f[0] + to[1]! * f[1]) / dist - dist * 0.02;
      if (!best || score > best.score) best = { p, score };
    }
  }
  return [best!.p[0], 1.1, best!.p[1]];
}

