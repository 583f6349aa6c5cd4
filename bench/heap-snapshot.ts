/**
 * What grows in the JS heap with the number of works (a script, not a test):
 *   npx tsx bench/heap-snapshot.ts [--dist dist-bench-app] [--cases generated-50,generated-1000] [--top 40] [--port 4191] [--held 'system / JSArrayBufferData'] [--build-all]
 *
 * Serves a build (made by `npm run bench` or `vite build`) with the bench's generated exhibitions, opens each case
 * once in headless Chromium (the bench's set-up), waits for the bench's heap moment (every work built, no file sent
 * for 3 s: bench/heap.ts), collects garbage, takes a heap snapshot and sums it by constructor. Prints the groups
 * that grew most from the first case to the last, with counts and MB, and writes each summary to
 * bench-results/heap-<case>.json. `--held <group>`: the largest nodes of that group in each case, with who holds them.
 * `--build-all`: asks for every work first (as a visitor who has been near every room: all rooms built), the worst case.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/browser';
import { ROOT, serve } from './bench-serve';
import { groupSnapshot, heapAfterGc, retainers, settle, takeSnapshot, type HeapGroup } from './heap';
import { argv, opt } from './args';

const RESULTS = join(ROOT, 'bench-results');
const DIST = resolve(ROOT, opt('--dist') ?? 'dist-bench-app');
const CASES = (opt('--cases') ?? 'generated-50,generated-1000').split(',');
const TOP = Number(opt('--top') ?? 40);
const PORT = Number(opt('--port') ?? 4191);
const HELD = opt('--held');
const BUILD_ALL = argv.includes('--build-all');
const mb = (b: number) => (b / 1024 / 1024).toFixed(2);

async function main(): Promise<void> {
  const { server, log: served } = serve(PORT, [
    ['/bench/', [RESULTS]],
    ['/', [DIST]],
  ]);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const summaries: { name: string; heap: number; groups: HeapGroup[] }[] = [];
  try {
    for (const name of CASES) {
      const works = (JSON.parse(readFileSync(join(RESULTS, name, 'exhibition.json'), 'utf8')) as { artworks: unknown[] }).artworks.length;
      const context = await browser.newContext({ viewport: { width: 900, height: 540 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      served.length = 0;
      await page.goto(`http://127.0.0.1:${PORT}/?exhibition=${encodeURIComponent(`/bench/${name}/exhibition.json`)}&lang=en`);
      await page.waitForFunction(() => document.getElementById('status')?.dataset.ready === 'true', null, { timeout: 180_000 });
      if (BUILD_ALL) {
        // Asking for a work builds its room (src/scene/gallery.ts).
        const ids = (JSON.parse(readFileSync(join(RESULTS, name, 'exhibition.json'), 'utf8')) as { artworks: { id: string }[] }).artworks.map((a) => a.id);
        await page.evaluate((list) => list.forEach((id) => window.museumTwin?.workState(id)), ids);
      }
      const calm = await settle(page, served, works, 180_000);
      const cdp = await context.newCDPSession(page);
      const heap = await heapAfterGc(cdp);
      const snapshot = await takeSnapshot(cdp);
      const groups = groupSnapshot(snapshot);
      if (HELD) for (const r of retainers(snapshot, HELD)) console.log(`[heap] ${name}: ${HELD} ${mb(r.bytes)} MB: ${r.chain.join(' / ')}`);
      console.log(`[heap] ${name}: ${works} works, ${calm.built} built, ${calm.settled ? 'settled' : 'NOT settled'} after ${(calm.waitedMs / 1000).toFixed(0)} s; heap ${mb(heap)} MB after GC`);
      writeFileSync(join(RESULTS, `heap-${name}.json`), `${JSON.stringify({ heap, groups }, null, 1)}\n`);
      summaries.push({ name, heap, groups });
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  if (summaries.length < 2) return;
  const a = summaries[0]!;
  const b = summaries.at(-1)!;
  const before = new Map(a.groups.map((g) => [g.name, g]));
  const total = (g: HeapGroup) => g.bytes + g.owned;
  const none = (name: string): HeapGroup => ({ name, count: 0, bytes: 0, owned: 0 });
  const grown = b.groups.map((g) => ({ g, was: before.get(g.name) ?? none(g.name) })).sort((x, y) => total(y.g) - total(y.was) - (total(x.g) - total(x.was)));
  console.log(`\n${a.name} → ${b.name}: heap ${mb(a.heap)} → ${mb(b.heap)} MB (self MB + MB of arrays, numbers and stores first pointed at by them)\n`);
  console.log('| constructor | count | self MB | + owned MB | grew MB |\n| --- | --- | --- | --- | --- |');
  for (const { g, was } of grown.slice(0, TOP)) {
    console.log(`| ${g.name.slice(0, 60)} | ${was.count} → ${g.count} | ${mb(was.bytes)} → ${mb(g.bytes)} | ${mb(was.owned)} → ${mb(g.owned)} | ${mb(total(g) - total(was))} |`);
  }
}

main().catch((e: unknown) => {
  console.error(`heap-snapshot: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exitCode = 1;
});
