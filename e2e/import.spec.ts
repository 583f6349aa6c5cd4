/**
 * Import journey: a folder of images and models with a spreadsheet, as a collection system exports it, becomes an
 * exhibition (`npm run import`'s steps, run here in Node), which validates and is walked in the browser: the
 * gallery renders, and a work opens with its imported title.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, normalize, sep } from 'node:path';
import { test, expect, waitForGallery, canvasStats } from './support';
import { settled } from './helpers/frames';
import { importFolder } from '../src/pipeline/import/folder';
import { layoutExhibition } from '../src/pipeline/import/layout';
import { checkWorkMedia, writeExhibition } from '../src/pipeline/import/media';
import { writeSampleFolder } from '../src/pipeline/import/sample-folder';
import type { Exhibition } from '../src/twin/schema';

const URL_DIR = '/exhibitions/imported/';
let tmp: string;
let out: string;
let ex: Exhibition;

test.beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'import-e2e-'));
  const source = await writeSampleFolder(join(tmp, 'collection'));
  const imported = await importFolder(source);
  const problems = [...imported.problems];
  const layout = layoutExhibition(await checkWorkMedia(imported.works, problems), { title: { en: 'The Rossi Bequest' }, languages: imported.languages! });
  out = join(tmp, 'exhibition');
  const written = await writeExhibition(layout, out);
  // The import's own check is `npm run validate`'s: no errors in the file or its media.
  expect(written.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(problems.map((p) => `${p.where}: ${p.message}`)).toContain("row 9, File Name: 'missing.jpg' is not in the folder; the row is left out");
  ex = JSON.parse(await readFile(written.file, 'utf8')) as Exhibition;
});

test.afterAll(() => rm(tmp, { recursive: true, force: true }));

test('an imported folder and spreadsheet opens as a gallery, and a work opens with its imported title', async ({ page }) => {
  test.setTimeout(180_000);
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
