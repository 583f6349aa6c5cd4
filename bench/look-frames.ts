/**
 * What the looks cost per frame (issue #21's budget: frame time with the desktop tier no more than 1.3× the scene
 * as built). A benchmark script, not a test:
 *   npx tsx bench/look-frames.ts [--out dist-looks] [--port 4187] [--rounds 5] [--frames 20]
 *
 * Serves a build (`OUT_DIR=dist-looks npx vite build` first) and opens the default exhibition once per graphics
 * quality (plain, baked, full), all three pages side by side. At each of bench/looks.ts's viewpoints it draws
 * `--frames` frames on each page in turn, the order turning round by round (plain, baked, full; then baked, full,
 * plain; ...), so the machine's drift falls on every tier alike. Each frame is timed twice: Babylon's
 * `scene.render()` on the main thread (the benchmark's frame time), and the same render waited on until the GPU
 * has drawn it (a 1-pixel read; in software WebGL the drawing is CPU time too). Prints medians per tier and the
 * ratios to `plain` with held/missed against 1.3×.
 */
import { execSync } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/browser';
import { openGallery, standAt } from './gallery-page';
import { serveBuild } from './static-files';
import { median } from './bench-stats';
import { opt } from './args';

const OUT = opt('--out') ?? 'dist-looks';
const PORT = Number(opt('--port') ?? 4187);
const ROUNDS = Number(opt('--rounds') ?? 5);
const FRAMES = Number(opt('--frames') ?? 20);
const TIERS = ['plain', 'baked', 'full'] as const;
/** The budget: the desktop tier's frame time against the scene as built. */
const BUDGET = 1.3;

/** bench/looks.ts's viewpoints in each room (feet, heading). */
const VIEWPOINTS: { room: string; position: [number, number, number]; heading: number }[] = [
  { room: 'hall', position: [2.5, 0, 7.4], heading: 30 },
  { room: 'gallery', position: [14.5, 0, -1.2], heading: 250 },
  { room: 'sculpture', position: [17.2, 0, 1.2], heading: 50 },
  { room: 'cabinet', position: [-1, 0, 6], heading: 300 },
];

/** `n` frames drawn back to back with the app's own loop paused: main-thread ms, and ms until drawn. */
async function drawFrames(page: Page, n: number): Promise<{ cpu: number[]; drawn: number[] }> {
  return page.evaluate((n) => {
    const t = window.museumTwin!;
    const scene = t.scene() as { render(): void; getEngine(): { _gl: WebGL2RenderingContext } };
    const gl = scene.getEngine()._gl;
    const pixel = new Uint8Array(4);
    t.pauseRendering?.(true);
    const cpu: number[] = [];
    const drawn: number[] = [];
    try {
      for (let i = 0; i < n; i++) {
        const a = performance.now();
        scene.render();
        const b = performance.now();
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
        cpu.push(b - a);
        drawn.push(performance.now() - a);
      }
    } finally {
      t.pauseRendering?.(false);
    }
    return { cpu, drawn };
  }, n);
}

async function main(): Promise<void> {
  console.log(`[look-frames] ${execSync('uptime').toString().trim()}`);
  const server = await serveBuild(OUT, PORT);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const pages = new Map<string, Page>();
    for (const tier of TIERS) pages.set(tier, await openGallery(browser, PORT, tier));
    const cpu = new Map<string, number[]>(TIERS.map((q) => [q, []]));
    const drawn = new Map<string, number[]>(TIERS.map((q) => [q, []]));
    for (const v of VIEWPOINTS) {
      for (const tier of TIERS) await standAt(pages.get(tier)!, v.position, v.heading);
      for (let round = 0; round < ROUNDS; round++) {
        for (let k = 0; k < TIERS.length; k++) {
          const tier = TIERS[(k + round) % TIERS.length]!;
          const r = await drawFrames(pages.get(tier)!, FRAMES);
          cpu.get(tier)!.push(...r.cpu);
          drawn.get(tier)!.push(...r.drawn);
        }
      }
      const line = TIERS.map((q) => `${q} ${median(cpu.get(q)!.slice(-ROUNDS * FRAMES)).toFixed(1)} / ${median(drawn.get(q)!.slice(-ROUNDS * FRAMES)).toFixed(1)} ms`).join(', ');
      console.log(`[look-frames] ${v.room}: main thread / drawn: ${line}`);
    }
    const base = { cpu: median(cpu.get('plain')!), drawn: median(drawn.get('plain')!) };
    for (const tier of TIERS) {
      const c = median(cpu.get(tier)!);
      const d = median(drawn.get(tier)!);
      const rc = c / base.cpu;
      const rd = d / base.drawn;
      const verdict = tier === 'plain' ? '' : `: ${rc.toFixed(2)}× / ${rd.toFixed(2)}× plain, ${Math.max(rc, rd) <= BUDGET ? 'HELD' : 'MISSED'} (≤ ${BUDGET}×)`;
      console.log(`[look-frames] ${tier}: median main thread ${c.toFixed(1)} ms, drawn ${d.toFixed(1)} ms over ${cpu.get(tier)!.length} frames${verdict}`);
    }
    console.log(`[look-frames] ${execSync('uptime').toString().trim()}`);
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
