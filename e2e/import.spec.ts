/**
 * Import journey: a folder of images and models with a spreadsheet, as a collection system exports it, becomes an
 * exhibition (`npm run import` itself, run here), which validates and is walked in the browser: the
 * gallery renders, and a work opens with its imported title. The same folder chosen in the curating view is
 * imported by the server into the live draft: the works appear, each bad row is named, and one Undo takes it back
 * (its media then removed from the server: 410). A 360° photograph chosen there is cut into tiles, put in its room
 * and chosen in the placing panel, where it is moved; Undo takes it back and its tiles go too.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { request } from '@playwright/test';
import { test, expect, waitForGallery, canvasStats, ROOT } from './support';
import { settled } from './helpers/frames';
import { writeFile } from 'node:fs/promises';
import { gpanoXmp, quadrantPhoto } from '../src/pipeline/import/panorama/test-photos';
import { writeSampleFolder } from '../src/pipeline/import/sample-folder';
import type { Exhibition } from '../src/twin/schema';

const URL_DIR = '/exhibitions/imported/';
let tmp: string;
let source: string;
let out: string;
let ex: Exhibition;

test.beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'import-e2e-'));
  source = await writeSampleFolder(join(tmp, 'collection'));
});

test.afterAll(() => rm(tmp, { recursive: true, force: true }));

test('an imported folder and spreadsheet opens as a gallery, and a work opens with its imported title', async ({ page }) => {
  test.setTimeout(240_000);
  out = join(tmp, 'exhibition');
  // The command itself (in its own Node process, as a curator runs it).
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', source, '--out', out, '--title', 'The Rossi Bequest'], { cwd: ROOT });
  // The import's own check is `npm run validate`'s: no errors in the file or its media.
  expect(stdout).toMatch(/imported 6 works in 2 rooms .* it validates/);
  expect(stdout).toContain("row 9, File Name: 'missing.jpg' is not in the folder; the row is left out");
  ex = JSON.parse(await readFile(join(out, 'exhibition.json'), 'utf8')) as Exhibition;

  // The written folder, served at a URL of the app's own origin.
  await page.route(
    (u) => u.pathname.startsWith(URL_DIR),
    (r) => {
      const file = normalize(join(out, decodeURIComponent(new URL(r.request().url()).pathname.slice(URL_DIR.length))));
      return file.startsWith(out + sep) ? r.fulfill({ path: file }) : r.fulfill({ status: 404 });
    },
  );
  await page.goto(`/?exhibition=${URL_DIR}exhibition.json`);
  await waitForGallery(page);

  // The gallery: two rooms, the paintings hung and the objects standing, rendered.
  const { stdev } = await canvasStats(page, 'import-gallery');
  expect(stdev).toBeGreaterThan(8);
  for (const a of ex.artworks) expect(await page.evaluate((id) => window.museumTwin!.workState(id), a.id)).toBe('ready');

  // A work opens from the list with the title from the spreadsheet (and the Italian column is there for Italian).
  const river = ex.artworks.find((a) => a.accessionNumber === '1901.1')!;
  expect(river.title).toEqual({ en: 'River at Dusk', it: 'Fiume al tramonto' });
  await page.locator('.works-list').getByRole('button', { name: /River at Dusk/ }).click();
  await expect(page.locator('#panel h2')).toHaveText('River at Dusk');
  await expect(page.locator('#panel')).toContainText('Anna Bellini (1850–1921), 1889');
  // The visitor stands before the painting, hung at real size on the hanging line.
  await settled(page);
  const view = await canvasStats(page, 'import-work');
  expect(view.stdev).toBeGreaterThan(8);
});

test('a folder chosen in the curating view is imported into the draft, its bad rows named, and Undo takes it back', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const name = `importer-${Date.now().toString(36)}`;
  const admin = await request.newContext({ baseURL });
  expect((await admin.post('/api/session', { data: { name: 'admin', password: process.env.MUSEUM_ADMIN_PASSWORD } })).status()).toBe(200);
  expect((await admin.post('/api/users', { data: { name, role: 'curator', password: 'importer-password-1' } })).status()).toBe(201);
  await admin.dispose();
  await page.goto('/curate?lang=en');
  await page.getByLabel('User name').fill(name);
  await page.getByLabel('Password').fill('importer-password-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#draft-status')).toHaveText(/^Draft open/);
  const works = page.locator('#works li button');
  const before = await works.count();

  // The folder as a curator picks it (the same as dropping it on the draft: one list of files with their paths).
  const imported = page.waitForResponse((r) => r.url().endsWith('/import') && r.request().method() === 'POST', { timeout: 180_000 });
  await page.getByLabel('Choose a folder').setInputFiles(source);
  const image = ((await (await imported).json()) as { works: { artwork: { image: string } }[] }).works[0]!.artwork.image;
  const status = (path: string) => async () => (await page.request.get(`/exhibitions/default/${path}`)).status();
  expect(await status(image)()).toBe(200);
  const result = page.locator('#import-result');
  await expect(result.locator('.import-added')).toHaveText(/^Added 6 works: River at Dusk, Hills in Spring, Morning Harbour, Study of Light, Carved Block, Round Vessel\.$/, { timeout: 180_000 });
  await expect(result.locator('.import-problems li')).toContainText(["row 5, Dimensions: '??' is not a size; the work is shown at a stand-in size until it is corrected", "row 9, File Name: 'missing.jpg' is not in the folder; the row is left out"]);
  await expect(works).toHaveCount(before + 6);
  await expect(page.locator('#works').getByRole('button', { name: 'River at Dusk' })).toBeVisible();
  // One change, so one Undo takes the whole import back.
  await page.locator('#undo').click();
  await expect(works).toHaveCount(before);
  // Nothing kept names the undone import's media: the server removes them once the Undo is stored.
  await expect.poll(status(image)).toBe(410);

  // A 360° photograph chosen (as dropped: JPEG, no spreadsheet), its heading in its GPano: cut, put in the hall it is named after.
  const photo = join(tmp, 'hall.jpg');
  await writeFile(photo, await quadrantPhoto(400, 200, gpanoXmp({ heading: 80, fullWidth: 400, fullHeight: 200 })));
  const cut = page.waitForResponse((r) => r.url().endsWith('/panoramas') && r.request().method() === 'POST', { timeout: 120_000 });
  await page.getByLabel('Choose 360° photographs').setInputFiles(photo);
  const tile = ((await (await cut).json()) as { panoramas: { panorama: { levels: { tiles: string[] }[] } }[] }).panoramas[0]!.panorama.levels[0]!.tiles[0]!;
  await expect(result.locator('.import-added')).toHaveText(/^Added 1 360° photographs: (hall(-\d+)?) \(hall\)\. Place each one under 360° photographs\.$/);
  const id = /: (\S+) \(/.exec((await result.locator('.import-added').textContent())!)![1]!;
  // Chosen in the placing panel at the hall's middle, facing its GPano heading, and placed from there.
  await expect(page.locator('#panorama-pick')).toHaveValue(id);
  await expect(page.locator('#panorama-summary')).toContainText(/at x 5, z 4, 1\.6 m up; its centre looks 80°\.$/);
  await page.locator('#panorama-x').fill('3');
  await page.locator('#panorama-x').dispatchEvent('change');
  await expect(page.locator('#panorama-summary')).toContainText('at x 3, z 4');
  expect(await status(tile)()).toBe(200);
  // Undo the placing, then the photo: it leaves the draft, and its tiles the server.
  await page.locator('#undo').click();
  await expect(page.locator('#panorama-summary')).toContainText('at x 5, z 4');
  await page.locator('#undo').click();
  await expect(page.locator(`#panorama-pick option[value="${id}"]`)).toHaveCount(0);
  await expect.poll(status(tile)).toBe(410);
});
