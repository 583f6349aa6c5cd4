/**
 * The VR frame budget, checked where the visitor stands: Meta's guidance for a steady frame rate on a Quest-class
 * headset, and README's measured figures for the default exhibition (so a change that draws more updates README).
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support';
import type { VrStats } from '../../src/app/test-hooks';
import { frames } from '../xr/iwer';

/** The whole stereo frame. */
const MAX_DRAW_CALLS = 100;
const MAX_TRIANGLES = 750_000;
/** README's figures (VR section), with 10 % room for the noise of a frame. */
export const README_FIGURES = {
  entrance: { drawCalls: 82, triangles: 13_400 },
  tourStop: { drawCalls: 50, triangles: 196_000 },
};
const withRoom = (n: number) => Math.ceil(n * 1.1);

/** Measures the last few frames of the stereo view where the visitor stands and checks them against the budget. */
export async function checkBudget(page: Page, where: string, readme?: { drawCalls: number; triangles: number }): Promise<VrStats> {
  await frames(page, 12);
  const stats = (await page.evaluate(() => window.museumTwin!.xrStats!()))!;
  test.info().annotations.push({ type: `vr-stats ${where}`, description: JSON.stringify(stats) });
  expect(stats.views, 'both eyes drawn').toBe(2);
  expect(stats.drawCalls, `draw calls at ${where}`).toBeGreaterThan(0);
  expect(stats.drawCalls, `draw calls at ${where}`).toBeLessThan(MAX_DRAW_CALLS);
  expect(stats.activeTriangles, `triangles at ${where}`).toBeLessThan(MAX_TRIANGLES);
  if (readme) {
    expect(stats.drawCalls, `draw calls at ${where}, as README says`).toBeLessThanOrEqual(withRoom(readme.drawCalls));
    expect(stats.activeTriangles, `triangles at ${where}, as README says`).toBeLessThanOrEqual(withRoom(readme.triangles));
  }
  return stats;
}
