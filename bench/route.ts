/**
 * Route planning speed (`npm run bench:route`): a generated 1,000-work, 50-room exhibition on two levels
 * (stairs and a lift), planning personal visits of different sizes. Target: under 200 ms a plan in the browser;
 * this prints Node's figures (same engine, V8), median and worst of several runs, graph building included.
 */
import { performance } from 'node:perf_hooks';
import { validateExhibition } from '../src/twin/validate';
import { sampleExhibition } from '../src/twin/route/sample';
import { planRoute, type PlanRequest } from '../src/twin/route/plan';

const input = sampleExhibition({ roomsPerLevel: 25, cols: 5, worksPerRoom: 20, levels: 2 });
const checked = validateExhibition(input);
if (!checked.ok) {
  console.error(checked.problems.slice(0, 5));
  process.exit(1);
}
const ex = checked.exhibition;
const ids = ex.artworks.map((a) => a.id);
/** Every n-th work, spread over both levels. */
const pick = (count: number): string[] => ids.filter((_, i) => i % Math.floor(ids.length / count) === 0).slice(0, count);

const cases: [string, PlanRequest][] = [
  ['12 favourites, 45 min', { favourites: pick(12), budget: 45 }],
  ['40 favourites, 3 must-see, 60 min', { favourites: pick(40), mustSee: pick(40).slice(0, 3), budget: 60 }],
  ['40 favourites, step-free, avoid crowded', { favourites: pick(40), budget: 90, stepFree: true, avoidCrowded: true, crowding: {} }],
  ['100 favourites, all day', { favourites: pick(100), budget: 'all-day' }],
];

console.log(`exhibition: ${ex.artworks.length} works, ${ex.space.rooms.length} rooms, 2 levels`);
for (const [name, req] of cases) {
  planRoute(ex, req); // warm-up
  const times: number[] = [];
  const cpu: number[] = [];
  let stops = 0;
  for (let i = 0; i < 7; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = planRoute(ex, req);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    stops = r.stops.length;
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const wall = median(times);
  // CPU time is what the plan costs when the machine is shared; wall time is what a visitor waits.
  console.log(`${name.padEnd(42)} ${String(stops).padStart(3)} stops  median ${wall.toFixed(1)} ms (CPU ${median(cpu).toFixed(1)} ms)  worst ${Math.max(...times).toFixed(1)} ms  ${wall < 200 ? 'OK (< 200 ms)' : 'OVER 200 ms'}`);
}
