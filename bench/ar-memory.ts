/**
 * GPU texture memory in an AR session on a phone (a script, not a test; the figure is counted, not timed):
 *   npm run bench:ar-memory [-- --only default,generated-1000] [--dist dist] [--port 4196] [--frames 90]
 *
 * Serves a build (`--dist`, built beforehand with `npx vite build`) and the benchmark's generated exhibitions
 * (bench-results/, made by `npm run bench`), and in headless Chromium on a phone's screen (390 × 844 at 2×) with
 * an emulated AR device (IWER, one view, its synthetic office room) it walks two ways into AR:
 * - `preview→AR`: the visitor looks at the preview until the works within reach are shown, then taps AR;
 * - `?ar`: the visitor opens the in-gallery AR address straight away.
 * In the session it registers the twin by hand, looks around for `--frames` frames and opens two works, reading
 * the texture ledger (src/scene/texture-memory.ts) every ten frames. Prints, per case and way: the memory when the
 * session starts, the most held during it, at its end, and after going back to the preview, against the target
 * (≤ 128 MB in AR on a phone).
 */
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/browser';
import { installQuest3, installRoom, lookAt, setHeadset } from '../e2e/xr/iwer';
import { fakeDomOverlay, registerByHand, tap, waitFrames } from '../e2e/helpers/ar';
import { installTextureLedger, type TextureMemory } from '../src/scene/texture-memory';
import { serve } from './bench-serve';
import { opt } from './args';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = resolve(ROOT, opt('--dist') ?? 'dist');
const RESULTS = join(ROOT, 'bench-results');
const PORT = Number(opt('--port') ?? 4196);
const FRAMES = Number(opt('--frames') ?? 90);
const ONLY = (opt('--only') ?? 'default').split(',');
const TARGET_MB = 128;
const PHONE = { width: 390, height: 844 };
const log = (s: string): void => console.log(`[ar-memory] ${s}`);
const mb = (b: number): number => Math.round((b / 1048576) * 10) / 10;

const EXHIBITIONS: Record<string, string> = {
  default: '/exhibitions/default/exhibition.json',
  'generated-50': '/bench/generated-50/exhibition.json',
  'generated-1000': '/bench/generated-1000/exhibition.json',
};

interface Reading {
  exhibition: string;
  way: 'preview→AR' | '?ar';
  previewMB?: number;
  startMB: number;
  maxMB: number;
  endMB: number;
  backMB: number;
}

const memory = (page: Page): Promise<TextureMemory> => page.evaluate(() => (window as unknown as { __textureMemory: () => TextureMemory }).__textureMemory());

async function oneWay(browser: Browser, name: string, way: Reading['way']): Promise<Reading> {
  const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, hasTouch: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript('window.__name = (f) => f');
  await page.addInitScript(installTextureLedger);
  await installQuest3(page, { stereo: false });
  await installRoom(page, 'office_small');
  await fakeDomOverlay(page);
  try {
    const ex = EXHIBITIONS[name]!;
    await page.goto(`http://127.0.0.1:${PORT}/?exhibition=${encodeURIComponent(ex)}&lang=en${way === '?ar' ? '&ar' : ''}`);
    await page.waitForFunction(() => window.museumTwin?.ready === true, null, { timeout: 240_000 });
    let previewMB: number | undefined;
    if (way === 'preview→AR') {
      await page.waitForSelector('#status[data-media="done"]', { state: 'attached', timeout: 240_000 }).catch(() => log(`${name}: the works within reach were not all shown within 240 s`));
      previewMB = mb((await memory(page)).bytes);
    }
    await page.waitForSelector('#status[data-ar="supported"]', { state: 'attached', timeout: 60_000 });
    await page.locator('#ar-button').click();
    await page.waitForSelector('#status[data-xr="running"]', { state: 'attached', timeout: 120_000 });
    const startMB = mb((await memory(page)).bytes);
    // Set the entrance room down by hand in the middle of the office, as a visitor would, and confirm.
    await registerByHand(page);
    let maxMB = startMB;
    const sample = async () => (maxMB = Math.max(maxMB, mb((await memory(page)).bytes)));
    // Look round the room and walk a few steps, as a visitor holding up the phone does.
    const looks: [number, number, number][] = [[0, 1.4, -3], [3, 1.4, 0], [0, 1.4, 3], [-3, 1.4, 0], [0, 1.4, -3]];
    for (let f = 0; f < FRAMES; f += 10) {
      const k = Math.floor((f / FRAMES) * looks.length);
      await setHeadset(page, [0.3 * k, 1.6, 0.8 - 0.4 * k]);
      await lookAt(page, looks[k]!);
      await waitFrames(page, 10);
      await sample();
    }
    // Open two works by tapping their labels, each for a while.
    const labels = await page.evaluate(() => window.museumTwin!.ar!()!.labels.slice(0, 2).map((l) => l.position));
    for (const at of labels) {
      await tap(page, at);
      for (let i = 0; i < 3; i++) {
        await waitFrames(page, 10);
        await sample();
      }
    }
    const endMB = mb((await memory(page)).bytes);
    await page.evaluate(() => window.museumTwin!.arAct!('exit'));
    await page.waitForSelector('#status[data-mode="preview"]', { state: 'attached', timeout: 60_000 });
    // Back in the preview: the works within reach come back.
    await page.waitForTimeout(5000);
    const backMB = mb((await memory(page)).bytes);
    return { exhibition: name, way, previewMB, startMB, maxMB, endMB, backMB };
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`No build in ${DIST}: run \`npx vite build\` (or pass --dist).`);
  const { server } = serve(PORT, [
    ['/bench/', [RESULTS]],
    ['/', [DIST]],
  ]);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const uptime = () => execSync('uptime').toString().trim();
  log(uptime());
  const rows: Reading[] = [];
  try {
    for (const name of ONLY) {
      if (!EXHIBITIONS[name]) throw new Error(`Unknown exhibition ${name}: one of ${Object.keys(EXHIBITIONS).join(', ')}`);
      if (name.startsWith('generated') && !existsSync(join(RESULTS, name, 'exhibition.json'))) {
        log(`${name}: not generated yet (npm run bench -- --only ${name} makes it); skipped`);
        continue;
      }
      for (const way of ['preview→AR', '?ar'] as const) {
        const r = await oneWay(browser, name, way);
        log(JSON.stringify(r));
        rows.push(r);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  log(uptime());
  console.log('\n| exhibition | way | preview MB | AR start MB | AR most MB | AR end MB | back in preview MB |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.exhibition} | ${r.way} | ${r.previewMB ?? '–'} | ${r.startMB} | ${r.maxMB} | ${r.endMB} | ${r.backMB} |`);
  const worst = Math.max(...rows.map((r) => r.maxMB));
  console.log(`\n${worst <= TARGET_MB ? 'held' : 'MISSED'}       GPU texture memory ≤ ${TARGET_MB} MB in AR on a phone: at most ${worst} MB in any session`);
}

await main();
