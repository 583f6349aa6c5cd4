// What if: simulates a day of visitors and a year of light in an exhibition, optionally with a scenario.
//   npm run simulate -- --exhibition <path> [--scenario <file>] [--visitors 2000] [--seed 1] [--json] [--out <file>]
//                       [--light <file>]
// Prints a summary and writes the full results (--out, default simulation-results.json); with --json prints only
// the results as JSON on standard output. With a scenario, the baseline runs too and the results carry the
// comparison. --light calibrates the light model from the live twin's measurements: the file is what the server
// answers staff at GET /api/exhibitions/<id>/what-if/light (each zone's and work's mean while lit over the last
// year), as the What if page uses it; each run calibrates its own layout (a work a scenario moves takes its new
// zone's factor), and the results name the measured stretch (lightCalibration) and each work's luxFrom.
// The simulation runs in a worker thread (node:worker_threads), so the process stays responsive and shows
// progress. Exits 1 for an exhibition, scenario or light file that cannot run (with the reasons), 2 for a usage
// mistake.
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { formatProblem, parseJsonText, validateExhibition } from '../twin/validate';
import {
  applyScenario,
  baselineSetting,
  compareResults,
  measuredLux,
  parseLightCalibration,
  parseScenario,
  simulate,
  MAX_VISITORS_PER_DAY,
  ScenarioError,
  type LightCalibration,
  type Scenario,
  type SimulationResult,
} from '../twin/simulate';
import type { Exhibition } from '../twin/schema';

const USAGE = 'usage: npm run simulate -- --exhibition <path> [--scenario <file>] [--visitors 2000] [--seed 1] [--json] [--out <file>] [--light <file>]';

interface Job {
  exhibition: Exhibition;
  scenario?: Scenario;
  visitors: number;
  seed: number;
  /** Measured light (--light), calibrating each run. */
  light?: LightCalibration;
}

type FromWorker = { progress: number; run: string } | { result: SimulationResult } | { problems: string[] };

/** In the worker: one run, with progress messages about once a simulated minute. */
function runInWorker(job: Job, run: 'baseline' | 'scenario'): void {
  const base = baselineSetting(job.visitors);
  try {
    const { exhibition, setting } = run === 'scenario' && job.scenario ? applyScenario(job.exhibition, base, job.scenario) : { exhibition: job.exhibition, setting: base };
    let last = -1;
    const lux = measuredLux(exhibition, setting, job.light);
    const result = simulate(exhibition, setting, {
      seed: job.seed,
      ...(lux ? { measuredLux: lux } : {}),
      scenarioName: run === 'scenario' ? job.scenario!.name : 'baseline',
      onProgress: (f) => {
        const pct = Math.floor(f * 100);
        if (pct !== last) parentPort!.postMessage({ progress: (last = pct), run } satisfies FromWorker);
      },
    });
    parentPort!.postMessage({ result } satisfies FromWorker);
  } catch (e) {
    parentPort!.postMessage({ problems: e instanceof ScenarioError ? e.problems : [(e as Error).message] } satisfies FromWorker);
  }
}

function inWorker(job: Job, run: 'baseline' | 'scenario', quiet: boolean): Promise<SimulationResult> {
  return new Promise((resolve, reject) => {
    // Run from source (npm run simulate, under tsx), the worker registers tsx's loader before importing this file.
    const worker = import.meta.url.endsWith('.ts')
      ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); });`, {
          eval: true,
          workerData: { job, run },
        })
      : new Worker(fileURLToPath(import.meta.url), { workerData: { job, run } });
    worker.on('message', (m: FromWorker) => {
      if ('progress' in m) {
        if (!quiet && process.stderr.isTTY) process.stderr.write(`\r${m.run}: ${m.progress} %`);
      } else if ('result' in m) {
        if (!quiet && process.stderr.isTTY) process.stderr.write('\r');
        resolve(m.result);
      } else reject(new ScenarioError(m.problems));
      if (!('progress' in m)) void worker.terminate();
    });
    worker.on('error', reject);
  });
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    if ((await stat(file)).isDirectory()) file = path.join(file, 'exhibition.json');
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ScenarioError([`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message}`]);
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new ScenarioError(parsed.problems.map((p) => `${file}: ${formatProblem(p)}`));
  return parsed.value;
}

function summary(r: SimulationResult): string {
  const lines = [
    `${r.scenario}: ${r.open}–${r.close}, seed ${r.seed}`,
    `visitors: ${r.visitors.entered} entered, ${r.visitors.left} left, ${r.visitors.inside} still inside; average visit ${r.averageVisitMinutes.toFixed(1)} min`,
    `zones (comfort: at most ${r.comfort.peoplePerM2} people/m², ${r.comfort.source}):`,
    ...Object.entries(r.zones).map(([id, z]) => `  ${id}: peak ${z.peakOccupancy} people at ${z.peakAt}, ${z.peakDensity.toFixed(2)} people/m², ${z.minutesAboveComfort} min above comfort${z.closed ? ' (closed)' : ''}`),
    'doorways:',
    ...Object.entries(r.doorways).map(([id, d]) => `  ${id}: ${d.crossings} crossings, busiest minute ${d.peakPerMinute} (${d.peakFlowPerMetre.toFixed(1)} /m/min), up to ${d.peakWaiting} waiting`),
    `crowded works (10 min or more above ${r.viewingComfort.peoplePerM2} people/m² in the viewing area, ${r.viewingComfort.source}): ${r.crowdedWorks.length ? r.crowdedWorks.join(', ') : 'none'}`,
    'light over budget:',
    ...Object.entries(r.works)
      .filter(([, w]) => (w.fractionOfBudget ?? 0) > 1)
      .map(([id, w]) => `  ${id}: ${w.lux} lx (${w.luxFrom}), ${Math.round(w.luxHoursPerYear)} lx·h a year, ${Math.round(w.fractionOfBudget! * 100)} % of ${w.luxHoursBudget} lx·h`),
  ];
  return lines.join('\n');
}

/** What calibrated the light, for the summary (as the What if page says it). */
function calibrationLine(c: LightCalibration): string {
  const zones = Object.keys(c.zones);
  const works = Object.keys(c.artworks).length;
  const what = [zones.length ? `zones ${zones.join(', ')}` : '', works ? `${works} works with their own sensor` : ''].filter(Boolean).join('; ');
  return `light calibrated from the live twin's measurements ${c.from.slice(0, 10)} to ${c.to.slice(0, 10)}: ${what || 'nothing measured (the model stands)'}`;
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const known = new Set(['--exhibition', '--scenario', '--visitors', '--seed', '--out', '--json', '--light']);
  const unknown = argv.filter((a) => a.startsWith('--') && !known.has(a));
  const file = option(argv, '--exhibition');
  if (unknown.length || !file) {
    console.error(unknown.length ? `unknown option ${unknown.join(', ')}\n${USAGE}` : USAGE);
    return 2;
  }
  const json = argv.includes('--json');
  const visitors = Number(option(argv, '--visitors') ?? 2000);
  const seed = Number(option(argv, '--seed') ?? 1);
  if (!Number.isInteger(visitors) || visitors < 0 || visitors > MAX_VISITORS_PER_DAY) {
    console.error(`--visitors: a whole number from 0 to ${MAX_VISITORS_PER_DAY}`);
    return 2;
  }
  if (!Number.isInteger(seed)) {
    console.error('--seed: a whole number');
    return 2;
  }
  try {
    const checked = validateExhibition(await readJson(path.resolve(file)));
    if (!checked.ok) throw new ScenarioError(checked.problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p)));
    const scenarioFile = option(argv, '--scenario');
    const scenario = scenarioFile ? parseScenario(await readJson(path.resolve(scenarioFile))) : undefined;
    if (scenario) applyScenario(checked.exhibition, baselineSetting(visitors), scenario); // check before any run
    const lightFile = option(argv, '--light');
    const light = lightFile ? parseLightCalibration(await readJson(path.resolve(lightFile)), checked.exhibition) : undefined;
    const job: Job = { exhibition: checked.exhibition, visitors, seed, ...(scenario ? { scenario } : {}), ...(light ? { light } : {}) };
    const baseline = await inWorker(job, 'baseline', json);
    const result = scenario ? await inWorker(job, 'scenario', json) : baseline;
    const calibrated = light ? { lightCalibration: { from: light.from, to: light.to, zones: Object.keys(light.zones), artworks: Object.keys(light.artworks) } } : {};
    const out = { ...result, ...calibrated, ...(scenario ? { comparison: compareResults(baseline, result) } : {}) };
    if (json) {
      console.log(JSON.stringify(out));
      return 0;
    }
    const target = path.resolve(option(argv, '--out') ?? 'simulation-results.json');
    await writeFile(target, JSON.stringify(out, null, 1));
    if (light) console.log(`${calibrationLine(light)}\n`);
    if (scenario) console.log(summary(baseline), '\n');
    console.log(summary(result));
    if (scenario) {
      const c = compareResults(baseline, result);
      console.log(`\ncompared with the baseline: ${c.better} better, ${c.worse} worse`);
      for (const r of c.rows.filter((x) => x.verdict === 'better' || x.verdict === 'worse')) console.log(`  ${r.verdict}: ${r.subject} ${r.measure} ${r.baseline} → ${r.scenario}`);
    }
    console.log(`\nfull results: ${target}`);
    return 0;
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    for (const p of e.problems) console.error(p);
    return 1;
  }
}

if (isMainThread) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
} else {
  const { job, run } = workerData as { job: Job; run: 'baseline' | 'scenario' };
  runInWorker(job, run);
}
