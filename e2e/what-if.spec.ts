/**
 * What if (/what-if.html): a visitor without a session gets the sign-in pointer and no form; staff (the admin,
 * signed in through the session API) run the baseline and a scenario that closes the cabinet and brightens the
 * gallery, see the progress, the comparison (the cabinet's works no longer reached, brighter light worse for the
 * gallery's works) and both density heatmaps, drawn with people on them; then save the scenario for colleagues and
 * load it back after a reload.
 */
import { expect, test } from '@playwright/test';

test('staff run a baseline and a scenario, compare them and see the heatmaps', async ({ page }, info) => {
  test.setTimeout(240_000); // two simulated days in the page's worker, on a shared machine
  await page.goto('/what-if.html');
  await expect(page.locator('#what-if-sign-in')).toBeVisible();
  await expect(page.locator('#what-if-form')).toBeHidden();

  const signIn = await page.request.post('/api/session', { data: { name: 'admin', password: process.env.MUSEUM_ADMIN_PASSWORD } });
  expect(signIn.status(), await signIn.text()).toBe(200);
  await page.reload();
  await expect(page.locator('#what-if-form')).toBeVisible();
  await page.locator('#what-if-visitors').fill('300');

  // A scenario naming a room that does not exist is refused with its name.
  await page.locator('#what-if-scenario').fill(JSON.stringify({ name: 'typo', changes: [{ kind: 'closeRoom', room: 'crypt' }] }));
  await page.locator('#what-if-run').click();
  await expect(page.getByRole('alert')).toContainText("there is no room 'crypt'");

  await page.locator('#what-if-scenario').fill(
    JSON.stringify({ name: 'Cabinet closed', changes: [{ kind: 'closeRoom', room: 'cabinet' }, { kind: 'lightLevel', room: 'gallery', lux: 300 }] }),
  );
  await page.locator('#what-if-run').click();
  await expect(page.locator('#what-if-status')).toHaveText(/^Done: \d+ better, \d+ worse\.$/, { timeout: 170_000 });
  const table = page.locator('table.what-if-compare');
  await expect(table.locator('caption')).toContainText('Cabinet closed against baseline');
  await expect(table.locator('tr.verdict-worse', { hasText: 'lux-hours a year' }).first()).toBeVisible();
  await expect(table.locator('tr', { hasText: 'cabinet' }).first()).toBeVisible();

  const maps = page.locator('.what-if-heatmaps canvas');
  await expect(maps).toHaveCount(2);
  // People are drawn: the baseline's map at midday has coloured cells, not only the white ground and the walls.
  await page.locator('#what-if-time').fill('12');
  await expect(page.locator('output[for=what-if-time]')).toHaveText('12:00');
  const coloured = await maps.first().evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.max(d[i]!, d[i + 1]!) - d[i + 2]! > 20) n++; // tinted: the fills have no blue, the ground and walls are grey
    return n;
  });
  expect(coloured).toBeGreaterThan(50);
  await page.locator('#what-if-results').screenshot({ path: info.outputPath('what-if.png') });

  // Saved on the server for colleagues: after a reload it is listed and loads back into the box.
  await page.locator('#what-if-save').click();
  await expect(page.locator('#what-if-saved-status')).toHaveText('Saved “Cabinet closed” for everyone on the staff.');
  await page.reload();
  await page.locator('#what-if-saved').selectOption('Cabinet closed');
  await expect(page.locator('#what-if-scenario')).toHaveValue(/"room": "cabinet"/);
});
