/**
 * Import journey: a folder of images and models with a spreadsheet, as a collection system exports it, becomes an
 * exhibition (`npm run import` itself, run here), which validates and is walked in the browser: the
 * gallery renders, and a work opens with its imported title. The same folder chosen in the curating view is
 * imported by the server into the live draft: the works appear, each bad row is named, and one Undo takes it back.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { request } from '@playwright/test';
import { test, expect, waitForGallery, canvasStats, ROOT } from './support';
import { settled } from './helpers/frames';
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
  await page.getByLabel('Choose a folder').setInputFiles(source);
  const result = page.locator('#import-result');
  await expect(result.locator('.import-added')).toHaveText(/^Added 6 works: River at Dusk, Hills in Spring, Morning Harbour, Study of Light, Carved Block, Round Vessel\.$/, { timeout: 180_000 });
  await expect(result.locator('.import-problems li')).toContainText(["row 5, Dimensions: '??' is not a size; the work is shown at a stand-in size until it is corrected", "row 9, File Name: 'missing.jpg' is not in the folder; the row is left out"]);
  await expect(works).toHaveCount(before + 6);
  await expect(page.locator('#works').getByRole('button', { name: 'River at Dusk' })).toBeVisible();
  // One change, so one Undo takes the whole import back.
  await page.locator('#undo').click();
  await expect(works).toHaveCount(before);
});
