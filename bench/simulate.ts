/**
 * What-if simulation speed (`npm run bench:simulate`): the default exhibition, a 9-hour day (10:00–19:00), 2,000
 * visitors, seed 1, in this process (the CLI adds only a worker thread's start). Target: under 30 s on the
 * 2-core machine. Prints the wall time and CPU time beside `uptime`, since a busy machine stretches wall time.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { validateExhibition } from '../src/twin/validate';
import { baselineSetting, simulate } from '../src/twin/simulate';

const checked = validateExhibition(JSON.parse(readFileSync(new URL('../assets/default/exhibition.json', import.meta.url), 'utf8')));
if (!checked.ok) {
  console.error(checked.problems.slice(0, 5));
  process.exit(1);
}
const setting = baselineSetting(2000);
console.log(`default exhibition: ${checked.exhibition.artworks.length} works, ${checked.exhibition.space.rooms.length} rooms; ${setting.visitors} visitors, ${(setting.close - setting.open) / 60} h`);
console.log(`before: ${execFileSync('uptime').toString().trim()}`);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const r = simulate(checked.exhibition, setting, { seed: 1, maxWallMs: 600_000 });
const wall = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
console.log(`after:  ${execFileSync('uptime').toString().trim()}`);
console.log(`simulated ${r.steps} steps of ${r.stepSeconds} s: wall ${wall.toFixed(1)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (target: under 30 s)`);
console.log(`visitors: ${r.visitors.entered} entered, ${r.visitors.left} left, ${r.visitors.inside} inside; average visit ${r.averageVisitMinutes} min`);
for (const [id, z] of Object.entries(r.zones)) console.log(`  ${id}: peak ${z.peakOccupancy} (${z.peakDensity} people/m²) at ${z.peakAt}, ${z.minutesAboveComfort} min above comfort`);
