/**
 * A Smithsonian Voyager scene brought in (src/pipeline/import/voyager/) and laid out (src/pipeline/import/layout.ts)
 * opens in the app: the scanned object stands on its plinth, and its Voyager annotations are its hotspots, at the
 * places on the model the scene gave them, listed in its panel.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { importVoyager } from '../src/pipeline/import/voyager/index';
import { layoutExhibition } from '../src/pipeline/import/layout';
import { boxGlb } from '../src/pipeline/import/iiif/test-support';
import type { ExhibitionInput } from '../src/twin/schema';
import { test, expect, waitForGallery, ROOT, SHOTS } from './support';

const TYPES: Record<string, string> = { '.json': 'application/json', '.glb': 'model/gltf-binary', '.jpg': 'image/jpeg', '.png': 'image/png' };
let folder: string;
let exhibition: ExhibitionInput;
// Loading a gallery in software WebGL on a shared machine: room as the other journeys leave.
test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  // The scene as a museum would have it: the .svx.json, its article, and a 40 × 50 × 20 cm scan not resting on 0.
  const source = mkdtempSync(join(tmpdir(), 'voyager-e2e-'));
  cpSync(join(ROOT, 'e2e/fixtures/voyager'), source, { recursive: true });
  writeFileSync(join(source, 'bust.glb'), await boxGlb([40, 50, 20], [-20, 0, -10]));
  folder = join(source, 'exhibition');
  const imported = await importVoyager(join(source, 'bust.svx.json'), { out: join(source, 'fetched') });
  expect(imported.problems).toEqual([
    { where: 'tours', message: 'unknown field, ignored' },
    { where: 'models[0].annotations[1].glow', message: 'unknown field, ignored' },
  ]);
  const layout = layoutExhibition(imported.works, { ...(imported.title ? { title: imported.title } : {}), ...(imported.languages ? { languages: imported.languages } : {}) });
  for (const m of layout.media) {
    mkdirSync(dirname(join(folder, m.file)), { recursive: true });
    copyFileSync(m.source, join(folder, m.file));
  }
  exhibition = layout.exhibition;
  writeFileSync(join(folder, 'exhibition.json'), JSON.stringify(exhibition));
});

test.afterAll(() => rmSync(dirname(folder), { recursive: true, force: true }));

test('a Voyager scene opens as an object work whose annotations are its hotspots', async ({ page }) => {
  await page.route(
    (u) => u.pathname.startsWith('/exhibitions/voyager/'),
    (r) => {
      const file = join(folder, decodeURIComponent(new URL(r.request().url()).pathname.slice('/exhibitions/voyager/'.length)));
      return file.startsWith(folder) ? r.fulfill({ body: readFileSync(file), contentType: TYPES[extname(file)] ?? 'application/octet-stream' }) : r.fulfill({ status: 404 });
    },
  );
  const art = exhibition.artworks[0]!;
  expect(art.kind).toBe('object');
  await page.goto(`/?lang=en&exhibition=/exhibitions/voyager/exhibition.json#artwork=${art.id}`);
  await waitForGallery(page, false);
  await expect(page.locator('#exhibition-title')).toHaveText('A scanned bust');

  // The panel lists the annotations with their texts, and the story from the scene's article.
  await expect(page.locator('#panel .annotations li')).toHaveText([/The crown.*Left rough on purpose\./s, /The shoulder.*A chisel slip, mended\./s]);
  await expect(page.locator('#panel')).toContainText('Carved from one block of marble');

  // The hotspots are shown on the work, where Voyager placed them on the scan (in metres, the scan's foot on y = 0).
  const spots = await page.evaluate((id) => {
    type Node = { name: string; isEnabled(): boolean; position: { x: number; y: number; z: number }; getAbsolutePosition(): { y: number } };
    const scene = window.museumTwin!.scene() as { getMeshByName(n: string): Node | null };
    return ['crown', 'shoulder'].map((a) => {
      const m = scene.getMeshByName(`hotspot:${id}:${a}`);
      return m && { enabled: m.isEnabled(), at: [m.position.x, m.position.y, m.position.z].map((v) => Math.round(v * 1000) / 1000), worldY: m.getAbsolutePosition().y };
    });
  }, art.id);
  expect(spots.map((s) => s && { enabled: s.enabled, at: s.at })).toEqual([
    { enabled: true, at: [0, 0.5, 0] },
    { enabled: true, at: [0.2, 0.2, 0.1] },
  ]);
  // In its case, not on the floor: the crown stands the plinth's height plus the scan's above the floor.
  const base = art.kind === 'object' && art.display !== 'none' ? (art.plinthHeight ?? 0.9) : 0;
  expect(base).toBeGreaterThan(0);
  expect(spots[0]!.worldY).toBeCloseTo(base + 0.5, 2);
  await page.screenshot({ path: `${SHOTS}/voyager-hotspots.png` });
});
