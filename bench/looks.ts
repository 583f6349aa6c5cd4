/**
 * Before and after, for a person to look at (a script, not a test):
 *   npx tsx bench/looks.ts [--out dist-looks] [--port 4186] [--dir docs/looks] [--qualities plain,baked,full] [--views hall,label]
 *
 * Serves a build (build it first: `OUT_DIR=dist-looks npx vite build`), opens the default exhibition at each
 * graphics quality and writes a small PNG from a fixed viewpoint in every room: `<room>-<quality>.png`.
 * Prints draw calls and triangles per view (Babylon's SceneInstrumentation through the perf hook).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import sharp from 'sharp';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/browser';
import { validateExhibition } from '../src/twin/validate';
import { artworkPose } from '../src/twin/layout';
import { headingToDir } from '../src/twin/floorplan';
import { openGallery, ROOT, standAt } from './gallery-page';
import { serveBuild } from './static-files';
import { opt } from './args';

const OUT = opt('--out') ?? 'dist-looks';
const PORT = Number(opt('--port') ?? 4186);
const DIR = resolve(ROOT, opt('--dir') ?? 'docs/looks');
const QUALITIES = (opt('--qualities') ?? 'plain,baked,full').split(',');
const VIEWS = opt('--views')?.split(',');

/** Fixed viewpoints of the default exhibition: feet on the floor, heading (0 looks toward −z, 90 toward +x). */
const VIEWPOINTS: { room: string; position: [number, number, number]; heading: number }[] = [
  { room: 'hall', position: [5, 0, 6.4], heading: 0 },
  { room: 'gallery', position: [14.5, 0, -1.2], heading: 250 },
  { room: 'sculpture', position: [17.2, 0, 1.2], heading: 50 },
  { room: 'cabinet', position: [-1, 0, 6], heading: 300 },
  // The stair hall from its north-west corner, and above it the mezzanine (4.4 m up) toward its three works.
  { room: 'stair-hall', position: [10.7, 0, 0.7], heading: 150 },
  { room: 'mezzanine', position: [15.3, 4.4, 3.5], heading: 245 },
];

/**
 * A reader's view of a wall label: 1.5 m in front of the first painting's label (artworks.ts hangs it 0.3 m
 * beyond the frame's right edge, its centre 1.35 m up), eyes at 1.6 m: is the title legible at the preview's field of view?
 */
function labelViewpoint(): { room: string; position: [number, number, number]; heading: number } {
  const valid = validateExhibition(JSON.parse(readFileSync(resolve(ROOT, OUT, 'exhibitions/default/exhibition.json'), 'utf8')));
  if (!valid.ok) throw new Error('the default exhibition does not validate');
  const ex = valid.exhibition;
  const art = ex.artworks.find((a) => a.kind === 'painting')!;
  if (art.kind !== 'painting') throw new Error('no painting');
  const pose = artworkPose(ex, art);
  const [fx, fz] = headingToDir(pose.heading);
  // The work's own +x along the wall: up × facing in plan, (fz, −fx).
  const along = art.dimensions.width / 2 + art.frame.width + 0.3;
  const x = pose.position[0] + fz * along + fx * 1.5;
  const z = pose.position[2] - fx * along + fz * 1.5;
  return { room: 'label', position: [x, 0, z], heading: (pose.heading + 180) % 360 };
}

async function main(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  VIEWPOINTS.push(labelViewpoint());
  console.log(`[looks] ${execSync('uptime').toString().trim()}`);
  const server = await serveBuild(OUT, PORT);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    for (const quality of QUALITIES) {
      const page = await openGallery(browser, PORT, quality);
      const look = await page.evaluate(() => window.museumTwin!.look?.());
      console.log(`[looks] ${quality}: ${JSON.stringify(look)}`);
      // The probe counts from the frames after it is made: made before the first viewpoint.
      await page.evaluate(async () => {
        (window as unknown as { __probe: unknown }).__probe = await window.museumTwin!.perf();
      });
      for (const v of VIEWPOINTS.filter((p) => !VIEWS || VIEWS.includes(p.room))) {
        await standAt(page, v.position, v.heading);
        const counts = await page.evaluate(() => (window as unknown as { __probe: { sample(): unknown } }).__probe.sample());
        const box = await page.evaluate(() => document.getElementById('gallery-canvas')!.getBoundingClientRect().toJSON() as { x: number; y: number; width: number; height: number });
        const png = await page.screenshot({ clip: box, timeout: 120_000 });
        const file = join(DIR, `${v.room}-${quality}.png`);
        // Small enough to keep in the repository: half size, a 256-colour palette.
        await sharp(png).resize({ width: 480 }).png({ palette: true, quality: 90, effort: 8 }).toFile(file);
        console.log(`[looks] ${v.room} ${quality}: ${JSON.stringify(counts)} → ${file}`);
      }
      await page.context().close();
    }
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
