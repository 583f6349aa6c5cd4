/**
 * The headset's ways of moving, checked where the visitor stands: teleporting onto the floor (never onto a wall)
 * and snap turning, with the thumbstick as a visitor uses it; an open panel turning toward the visitor who moves.
 */
import type { Page } from '@playwright/test';
import { expect } from '../support';
import type { Exhibition } from '../../src/twin/schema';
import { headingDelta } from '../../src/modes/vr/logic';
import { aimAt, frames, setHeadset, thumbstick, type Vec3 } from '../xr/iwer';
import { expectFacingAndReadable, floorTarget, planDistance, wallTarget, xrViewer } from './vr';

/** Pointing at the floor and pushing the stick forward moves the visitor there, facing as before. */
export async function teleportsOntoTheFloor(page: Page, ex: Exhibition): Promise<void> {
  const status = page.locator('#status');
  const teleports = Number((await status.getAttribute('data-vr-teleports')) ?? 0);
  const v = await xrViewer(page);
  const target = floorTarget(ex, v);
  await aimAt(page, 'right', target);
  await frames(page, 2);
  await thumbstick(page, 'right', 0, -1);
  await frames(page, 6);
  await thumbstick(page, 'right', 0, 0);
  await expect(status).toHaveAttribute('data-vr-teleports', String(teleports + 1));
  await frames(page, 2);
  const after = await xrViewer(page);
  expect(planDistance(after.position, target)).toBeLessThan(0.25);
  expect(after.position[1]).toBeCloseTo(target[1], 1);
  expect(Math.abs(headingDelta(after.heading, v.heading))).toBeLessThan(2);
}

/** Pointing at a wall and pushing the stick forward leaves the visitor where they stand. */
export async function refusesATeleportOntoAWall(page: Page, ex: Exhibition): Promise<void> {
  const status = page.locator('#status');
  const teleports = (await status.getAttribute('data-vr-teleports')) ?? '0';
  const v = await xrViewer(page);
  await aimAt(page, 'right', wallTarget(ex, v));
  await frames(page, 2);
  await thumbstick(page, 'right', 0, -1);
  await frames(page, 6);
  await thumbstick(page, 'right', 0, 0);
  await frames(page, 6);
  await expect(status).toHaveAttribute('data-vr-teleports', teleports);
  const after = await xrViewer(page);
  expect(planDistance(after.position, v.position)).toBeLessThan(0.05);
}

/** A flick right turns by the configured snap angle on the spot; a flick left turns back. */
export async function snapTurns(page: Page): Promise<void> {
  const status = page.locator('#status');
  await expect(status).toHaveAttribute('data-vr-snap', '45');
  const turns = Number((await status.getAttribute('data-vr-turns')) ?? 0);
  const v = await xrViewer(page);
  await thumbstick(page, 'right', 1, 0);
  await expect(status).toHaveAttribute('data-vr-turns', String(turns + 1));
  await thumbstick(page, 'right', 0, 0);
  await frames(page, 2);
  const right = await xrViewer(page);
  expect(headingDelta(v.heading, right.heading)).toBeCloseTo(45, 0);
  expect(planDistance(right.position, v.position)).toBeLessThan(0.05);
  await thumbstick(page, 'right', -1, 0);
  await expect(status).toHaveAttribute('data-vr-turns', String(turns + 2));
  await thumbstick(page, 'right', 0, 0);
  await frames(page, 2);
  expect(Math.abs(headingDelta(v.heading, (await xrViewer(page)).heading))).toBeLessThan(1);
}

/** The visitor steps aside with the panel open: it stays where it was put, turned toward them, readable. */
export async function panelTurnsTowardTheVisitor(page: Page): Promise<void> {
  const before = await expectFacingAndReadable(page);
  const v = await xrViewer(page);
  const dirTo = (c: Vec3, p: Vec3) => Math.atan2(p[0] - c[0], p[2] - c[2]);
  // The visitor steps a metre to their left and a little over a metre back (the headset moves in the room).
  await setHeadset(page, [-1.0, 1.6, 1.2]);
  await frames(page, 3);
  const moved = await xrViewer(page);
  expect(planDistance(moved.position, v.position)).toBeGreaterThan(1.2);
  const after = await expectFacingAndReadable(page);
  // Still where it was put, but turned: the direction to the visitor changed by more than 10°.
  expect(planDistance(after.centre, before.centre)).toBeLessThan(0.01);
  const turned = Math.abs(dirTo(after.centre, moved.position) - dirTo(before.centre, v.position));
  expect(Math.min(turned, 2 * Math.PI - turned)).toBeGreaterThan((10 * Math.PI) / 180);
  await setHeadset(page, [0, 1.6, 0]);
  await frames(page, 3);
  await expectFacingAndReadable(page);
}
