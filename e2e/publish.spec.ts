/**
 * A visitor's open page learns of a publish: the server tells it by server-sent events, the page says "a new
 * version of this exhibition is available", and Update brings the new version without losing the visitor's place,
 * the open work or their favourites. One page, two loads (the update is a reload that restores the place).
 *
 * What is published is the draft restored to its seed (change 0: the exhibition as served), so the journeys that
 * share this server still see the default exhibition's texts whatever the curating journey typed into the draft.
 */
import { request } from '@playwright/test';
import { test, expect, waitForGallery, defaultExhibition } from './support';

test.use({ serviceWorkers: 'block' });
// Two page loads on software WebGL, on a busy shared machine.
test.describe.configure({ timeout: 300_000 });

const ex = defaultExhibition();
const WORK = 'red-rhythm';
const title = (id: string) => {
  const t = ex.artworks.find((a) => a.id === id)!.title as Record<string, string>;
  return t.en ?? Object.values(t)[0]!;
};

test('an open visitor page is told of a new version and updates keeping place, open work and favourites', async ({ page, baseURL }) => {
  await page.goto('/');
  await waitForGallery(page, false);
  await page.evaluate((hash) => (location.hash = hash), `#artwork=${WORK}`);
  await expect(page.locator('#panel h2')).toHaveText(title(WORK));
  await page.getByRole('button', { name: 'Add to favourites' }).click();
  await expect(page.locator('#favourites-count')).toHaveText('1');
  // The visitor stands somewhere of their own.
  const at = await page.evaluate(() => {
    const v = window.museumTwin!.viewer();
    window.museumTwin!.place(v.position, v.heading + 1);
    return window.museumTwin!.viewer();
  });

  const curator = await request.newContext({ baseURL });
  expect((await curator.post('/api/session', { data: { name: 'admin', password: process.env.MUSEUM_ADMIN_PASSWORD } })).status()).toBe(200);
  const restored = await curator.post(`/api/exhibitions/${ex.id}/restore`, { data: { seq: 0 } });
  expect(restored.status(), await restored.text()).toBe(201);
  const published = await curator.post(`/api/exhibitions/${ex.id}/publish`);
  expect(published.status(), await published.text()).toBe(201);
  await curator.dispose();

  const notice = page.locator('#exhibition-updated');
  await expect(notice).toContainText('A new version of this exhibition is available.');
  await notice.getByRole('button', { name: 'Update' }).click();
  await waitForGallery(page, false);
  await expect(page.locator('#panel h2')).toHaveText(title(WORK));
  await expect(page.locator('#favourites-count')).toHaveText('1');
  await expect(notice).toHaveCount(0);
  const now = await page.evaluate(() => window.museumTwin!.viewer());
  expect(Math.hypot(now.position[0] - at.position[0], now.position[2] - at.position[2])).toBeLessThan(0.05);
  expect(Math.abs(now.heading - at.heading)).toBeLessThan(0.01);
});
