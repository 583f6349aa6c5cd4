/**
 * The benchmark (a script, not a test):
 *   npm run bench [-- --only default,viewer,phone,generated-*] [--runs 3] [--frames 200] [--media-wait 90000] [--no-build] [--dist dir]
 *   npm run bench -- --report-only   (the last run's figures summed up again)
 *
 * Builds the app and the bench-only pages, serves them with the exhibitions, and drives headless Chromium (the
 * end-to-end tests' browser set-up, SwiftShader) through each case `--runs` times, round-robin, so the default
 * exhibition and the Babylon Viewer load one after the other in every round. Prints each figure as median
 * [min–max] over the runs, the fair comparison as paired ratios, and issue 20's targets as held / MISSED / not
 * measured; writes bench-results/latest.json and latest.md.
 *
 * Cases: the default exhibition (source; packed by `npm run pack`, and with `--ktx2`; on a phone's screen), generated
 * exhibitions of 50/200/1000 works (`npm run generate`, kept while the generator is unchanged), the Viewer (the
 * default merged into one GLB with the app's own images, bench/viewer-run.ts), and, when ../shared/content
 * exists, an exhibition of its real scans and paintings (read in place).
 */
import { execSync } from 'node:child_process';
import { cpus } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/browser';
import { realScansExhibition } from './real-scans';
import { ROOT, run, serve, stale } from './bench-serve';
import { allJs, entryJs, jsSize, measureApp, type AppCase } from './app-run';
import { measureViewer, sameImagesGlb, viewerEntryJs } from './viewer-run';
import { BUDGET, table, targets, verdict, type AppResult, type CaseResult, type ViewerResult } from './bench-report';
import { argv, opt } from './args';

const RESULTS = join(ROOT, 'bench-results');
const SHARED = resolve(ROOT, '../shared/content');
const PORT = Number(process.env.BENCH_PORT ?? 4190);

// Its own build folder, so a benchmark never swaps files under a test run serving dist-bench/ (`--dist` names
// another: a build to compare, with --no-build).
const DIST = resolve(ROOT, opt('--dist') ?? 'dist-bench-app');
const FRAMES = Number(opt('--frames') ?? 200);
const RUNS = Math.max(1, Number(opt('--runs') ?? 3));
/** How long a load waits for the first view to be fully shown before it walks anyway. */
const MEDIA_WAIT_MS = Number(opt('--media-wait') ?? 90_000);
const ONLY = opt('--only')?.split(',');
const log = (s: string): void => console.log(`[bench] ${s}`);
/** `--only` names cases exactly; a name ending in `*` takes every case it begins (`generated-*`). */
const want = (name: string) => !ONLY || ONLY.some((o) => name === o || (o.endsWith('*') && name.startsWith(o.slice(0, -1))));
const uptime = (): string => {
  try {
    return execSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return 'uptime: not available';
  }
};

/** The app's cases that can be made here; those that cannot are returned with why. */
function appCases(): { cases: AppCase[]; unavailable: CaseResult[] } {
  const cases: AppCase[] = [];
  const unavailable: CaseResult[] = [];
  const source = join(ROOT, 'assets/default/exhibition.json');
  if (want('default')) cases.push({ name: 'default', exhibition: '/exhibitions/default/exhibition.json', file: source });
  // Packed by the asset pipeline, and packed with KTX2 paintings (kept compressed on the GPU), each kept while unchanged.
  for (const [name, folder, extra] of [
    ['default-packed', 'packed-default', []],
    ['default-packed-ktx2', 'packed-default-ktx2', ['--ktx2']],
  ] as const) {
    if (!want(name)) continue;
    const dir = join(RESULTS, folder);
    try {
      if (stale(join(dir, 'exhibition.json'), [join(ROOT, 'assets/default'), join(ROOT, 'src/pipeline'), join(ROOT, 'src/cli')])) {
        log(`packing the default exhibition ${extra.join(' ')}`);
        run('npm', ['run', '--silent', 'pack', '--', 'assets/default/exhibition.json', dir, ...extra]);
      }
      cases.push({ name, exhibition: `/bench/${folder}/exhibition.json`, file: join(dir, 'exhibition.json') });
    } catch (e) {
      unavailable.push({ case: name, kind: 'unavailable', note: `npm run pack ${extra.join(' ')} failed: ${(e as Error).message}` });
    }
  }
  if (want('phone')) cases.push({ name: 'phone', exhibition: '/exhibitions/default/exhibition.json', file: source, phone: true });
  for (const n of [50, 200, 1000]) {
    const name = `generated-${n}`;
    if (!want(name)) continue;
    const dir = join(RESULTS, name);
    // Kept while the generator is unchanged (delete the folder to start afresh from a changed default exhibition).
    if (stale(join(dir, 'exhibition.json'), [join(ROOT, 'src/cli/generate.ts'), join(ROOT, 'src/cli/generated-exhibition.ts')])) {
      log(`generating ${name}`);
      run('npx', ['tsx', 'src/cli/generate.ts', '--works', String(n), '--out', dir]);
    }
    cases.push({ name, exhibition: `/bench/${name}/exhibition.json`, file: join(dir, 'exhibition.json') });
  }
  if (want('real-scans')) {
    if (!existsSync(join(SHARED, 'MANIFEST.json'))) unavailable.push({ case: 'real-scans', kind: 'unavailable', note: '../shared/content is not there' });
    else {
      const file = join(RESULTS, 'real-scans/exhibition.json');
      mkdirSync(join(RESULTS, 'real-scans'), { recursive: true });
      writeFileSync(file, `${JSON.stringify(realScansExhibition(SHARED), null, 2)}\n`);
      cases.push({ name: 'real-scans', exhibition: '/bench/real-scans/exhibition.json', file });
    }
  }
  return { cases, unavailable };
}

/** Writes latest.json and latest.md and prints the table and the targets. */
function report(rows: CaseResult[], machine: { load: { before: string; after: string }; browser: string; runs: number; frames: number }, t0: number, date = new Date().toISOString()): void {
  const checks = targets(rows);
  const result = { date, machine: { cpus: cpus().length, webgl: 'SwiftShader (software)', ...machine }, budgets: BUDGET, cases: rows, targets: checks };
  writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  // The same as Markdown, ready for the README.
  const marks = checks.map((t) => `- **${verdict(t)}** ${t.target}: ${t.detail}`).join('\n');
  const header = `${result.date}, ${machine.runs} run(s) per case, ${machine.frames} frames per walk; load before: ${machine.load.before}; after: ${machine.load.after}`;
  writeFileSync(join(RESULTS, 'latest.md'), `${header}\n\n${table(rows)}\n\n${marks}\n`);
  console.log(`\n${header}\n\n${table(rows)}\n`);
  for (const t of checks) console.log(`${verdict(t).padEnd(12)} ${t.target}: ${t.detail}`);
  console.log(`\nbench-results/latest.json written in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

async function main(): Promise<void> {
  const t0 = Date.now();
  mkdirSync(RESULTS, { recursive: true });
  if (argv.includes('--report-only')) {
    // The figures of the last run, summed up again (after a change to the report, not to what it measures).
    const last = JSON.parse(readFileSync(join(RESULTS, 'latest.json'), 'utf8')) as { date: string; cases: CaseResult[]; machine: Parameters<typeof report>[1] };
    return report(last.cases, last.machine, t0, last.date);
  }
  if (!argv.includes('--no-build')) {
    log('building the app (dist-bench-app/) and the bench pages');
    run('npx', ['vite', 'build', '--logLevel', 'warn'], { OUT_DIR: DIST });
    run('npx', ['vite', 'build', '-c', 'bench/pages/vite.config.ts'], { BENCH_PAGES_OUT: join(DIST, 'bench-pages') });
  }
  const { cases, unavailable } = appCases();
  const initialJs = jsSize(entryJs(DIST, 'index.html'));
  const totalJs = jsSize(allJs(DIST));
  const apps: AppResult[] = cases.map((c) => ({ case: c.name, kind: 'app', phone: c.phone, initialJs, totalJs, runs: [], failures: [] }));
  const rows: CaseResult[] = [...apps, ...unavailable];
  const { server, log: served } = serve(PORT, [
    ['/bench-pages/', [join(DIST, 'bench-pages')]],
    // The real-scans exhibition file lies in bench-results; its media are read where they are.
    ['/bench/real-scans/', [join(RESULTS, 'real-scans'), SHARED]],
    ['/bench/', [RESULTS]],
    ['/', [DIST]],
  ]);
  const executablePath = chromiumPath();
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'] });
  const load = { before: uptime(), after: '' };
  log(load.before);
  try {
    let viewer: ViewerResult | undefined;
    let glbUrl = '';
    if (want('viewer')) {
      try {
        // With --no-build on an app build alone the export page is a 404, and the merge would wait its 20 minutes.
        if (!existsSync(join(DIST, 'bench-pages', 'export.html'))) {
          throw new Error(`the bench pages are not built in ${DIST}: run without --no-build, or build them (BENCH_PAGES_OUT=${join(DIST, 'bench-pages')} npx vite build -c bench/pages/vite.config.ts)`);
        }
        const glb = await sameImagesGlb(browser, PORT, RESULTS, log);
        glbUrl = `/bench/${relative(RESULTS, glb.file)}`;
        viewer = { case: 'viewer-same-images-glb', kind: 'viewer', initialJs: viewerEntryJs(DIST), images: glb.images, runs: [], failures: [] };
        // Beside the default, so the two alternate within each round.
        rows.splice(rows.findIndex((r) => r.case === 'default') + 1, 0, viewer);
      } catch (e) {
        rows.push({ case: 'viewer-same-images-glb', kind: 'unavailable', note: (e as Error).message.split('\n')[0]! });
      }
    }
    const opts = { port: PORT, dist: DIST, frames: FRAMES, mediaWaitMs: MEDIA_WAIT_MS, log };
    for (let round = 1; round <= RUNS; round++) {
      for (const [i, c] of cases.entries()) {
        log(`round ${round}/${RUNS}: ${c.name}`);
        try {
          apps[i]!.runs.push(await measureApp(browser, c, served, opts));
        } catch (e) {
          log(`${c.name}: failed: ${(e as Error).message}`);
          apps[i]!.failures.push((e as Error).message.split('\n')[0]!);
        }
        if (c.name !== 'default' || !viewer) continue;
        log(`round ${round}/${RUNS}: ${viewer.case}`);
        try {
          viewer.runs.push(await measureViewer(browser, glbUrl, served, PORT, DIST));
        } catch (e) {
          log(`viewer: failed: ${(e as Error).message}`);
          viewer.failures.push((e as Error).message.split('\n')[0]!);
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
    load.after = uptime();
    log(load.after);
  }
  report(rows, { load, browser: executablePath ?? 'playwright chromium', runs: RUNS, frames: FRAMES }, t0);
}

main().catch((e: unknown) => {
  console.error(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exitCode = 1;
});
