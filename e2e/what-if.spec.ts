/**
 * What if (/what-if.html): a visitor without a session gets the sign-in pointer and no form; staff (the admin,
 * signed in through the session API) run the baseline and a scenario that closes the cabinet and brightens the
 * gallery, see the progress, the comparison (the cabinet's works no longer reached, brighter light worse for the
 * gallery's works) and both density heatmaps, drawn with people on them; the visitors walking in 3D at the
 * slider's time, the day played; the mezzanine's map on its own; then save the scenario for colleagues and load it back after a reload. Last,
 * in the curating view, a work dragged where its light would pass its budget shows the What if warning.
 */
import { expect, test } from '@playwright/test';

test('staff run a baseline and a scenario, compare them and see the heatmaps', async ({ page }) => {
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
  const time = page.locator('output[for=what-if-time]');
  await page.locator('#what-if-time').fill('720'); // minutes after midnight
  await expect(time).toHaveText('12:00');
  const coloured = await maps.first().evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.max(d[i]!, d[i + 1]!) - d[i + 2]! > 20) n++; // tinted: the fills have no blue, the ground and walls are grey
    return n;
  });
  expect(coloured).toBeGreaterThan(50);
  await page.locator('#what-if-results').screenshot({ path: 'e2e/.output/what-if.png' });
  // The default has a mezzanine over part of the ground floor: a map per floor, the mezzanine's drawn on its own
  // outline (fewer walls than the ground's), its people not added to the rooms under it.
  const floor = page.locator('#what-if-level');
  await expect(floor.locator('option')).toHaveText(['Ground floor', 'Mezzanine']);
  const walls = () =>
    maps.first().evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i]! < 80 && d[i + 1]! < 80 && d[i + 2]! < 80) n++; // #333 outlines
      return n;
    });
  const groundWalls = await walls();
  await floor.selectOption('mezzanine');
  await expect.poll(walls).toBeLessThan(groundWalls * 0.7);
  await floor.selectOption('ground');

  // The scenario's visitors walk in 3D at the slider's time: figures drawn (the agents' own blue), and playing the
  // day moves the clock on and them with it.
  const walking = page.locator('#what-if-agents');
  await walking.scrollIntoViewIfNeeded();
  await expect(walking).not.toHaveAttribute('data-agents', '0', { timeout: 60_000 });
  const figures = () =>
    walking.evaluate((c: HTMLCanvasElement) => {
      const copy = Object.assign(document.createElement('canvas'), { width: c.width, height: c.height });
      const ctx = copy.getContext('2d')!;
      ctx.drawImage(c, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i]! - 61) < 16 && Math.abs(d[i + 1]! - 90) < 16 && Math.abs(d[i + 2]! - 128) < 16) n++; // #3d5a80, unlit
      return n;
    });
  await expect.poll(figures, { timeout: 30_000 }).toBeGreaterThan(20);
  const shown = Number(await walking.getAttribute('data-agents'));
  await page.locator('#what-if-play').click();
  await expect(time).not.toHaveText('12:00', { timeout: 30_000 });
  await page.locator('#what-if-play').click(); // pause
  await expect(page.locator('#what-if-play')).toHaveAttribute('aria-pressed', 'false');
  await page.locator('#what-if-agents-run').selectOption('baseline');
  await expect(walking).not.toHaveAttribute('data-agents', '0');
  expect(shown).toBeGreaterThan(0);
  await page.locator('.what-if-agents').screenshot({ path: 'e2e/.output/what-if-agents.png' });

  // Saved on the server for colleagues: after a reload it is listed and loads back into the box.
  await page.locator('#what-if-save').click();
  await expect(page.locator('#what-if-saved-status')).toHaveText('Saved “Cabinet closed” for everyone on the staff.');
  await page.reload();
  await page.locator('#what-if-saved').selectOption('Cabinet closed');
  await expect(page.locator('#what-if-scenario')).toHaveValue(/"room": "cabinet"/);

  // While curating: the hall lit to 400 lx, the portrait dragged along its wall shows the What if warning under
  // the 3D stage (400 lx × 9 h × 313 days against its 600,000 lx·h budget). Then the draft is put back.
  await page.goto('/curate');
  await expect(page.locator('#draft-status')).toHaveText(/^Draft open/, { timeout: 60_000 });
  const lux = page.getByLabel('General light (lux)');
  await page.locator('#room-pick').selectOption('hall');
  await lux.fill('400');
  await lux.press('Tab');
  await page.getByRole('button', { name: 'Count Alvise Rovere' }).click();
  const offset = page.getByRole('spinbutton', { name: /Distance along wall/ });
  await expect(offset).toHaveValue('1.9');
  const stage = page.locator('#stage');
  await stage.scrollIntoViewIfNeeded();
  const box = (await stage.boundingBox())!;
  type Hook = { museumCurate: { screenPoint(at: string | [number, number, number]): { x: number; y: number } } };
  const from = await page.evaluate(() => (window as unknown as Hook).museumCurate.screenPoint('portrait-of-count-rovere'));
  const to = await page.evaluate(() => (window as unknown as Hook).museumCurate.screenPoint([3, 1.6, 0]));
  await page.mouse.move(box.x + from.x, box.y + from.y);
  await page.mouse.down();
  for (let i = 1; i <= 6; i++) await page.mouse.move(box.x + from.x + ((to.x - from.x) * i) / 6, box.y + from.y + ((to.y - from.y) * i) / 6);
  await page.mouse.up();
  const warning = page.locator('.what-if-warning');
  await expect(warning).toBeVisible();
  await expect(warning).toHaveText('What if: About 1,126,800 lx·h a year here (400 lx), 188 % of its budget of 600,000 lx·h.');
  await expect(offset).not.toHaveValue('1.9');
  await page.screenshot({ path: 'e2e/.output/what-if-curating-warning.png' });
  await offset.fill('1.9');
  await offset.press('Tab');
  await page.locator('#room-pick').selectOption('hall');
  await lux.fill('');
  await lux.press('Tab');
  await expect(offset).toHaveValue('1.9');
});
