/**
 * Agents in the 3D twin (`npm run bench:agents`): the CPU time per frame of the default exhibition's 3D twin with
 * 1,000 simulated visitors walking (src/scene/agents.ts, interpolated from a recorded What if track every frame)
 * against the same twin empty. Target: the median under twice the empty twin's.
 *
 * Measured on Babylon's NullEngine in Node: the scene's own per-frame work (camera, active meshes, world
 * matrices, the agents' matrix buffer rewritten and handed to the engine), without a GPU driver, and with the
 * building only (no works), so the empty twin costs far less than the app's; the camera turns
 * a little each frame, as in bench/live-page.ts. The track is recorded every 2 s from 12:00 to 13:00 of the What if
 * baseline (2,000 visitors, 10:00–19:00, the day bench:simulate times; a few hundred inside at once); to reach
 * 1,000 agents, moments of that hour far enough apart are drawn together (each one real walking, the crowd several
 * times as dense as any moment of the day). An earlier version simulated a denser 3-hour day, which took longer
 * than anyone waited on a shared machine. Prints `uptime` beside the figures: on a shared machine they are a
 * ceiling.
 *
 *   npm run bench:agents -- [--frames 600] [--agents 1000]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { UniversalCamera } from '@babylonjs/core/Cameras/universalCamera';
import { HemisphericLight } from '@babylonjs/core/Lights/hemisphericLight';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { validateExhibition } from '../src/twin/validate';
import { baselineSetting, simulate } from '../src/twin/simulate';
import type { FloorPlan } from '../src/twin/schema';
import { MaterialLibrary } from '../src/scene/materials';
import { buildFloorPlan } from '../src/scene/architecture';
import { Agents, trackPositions } from '../src/scene/agents';

const { values } = parseArgs({ options: { frames: { type: 'string', default: '600' }, agents: { type: 'string', default: '1000' } } });
const FRAMES = Number(values.frames);
const AGENTS = Number(values.agents);
const uptime = () => execFileSync('uptime').toString().trim();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

const checked = validateExhibition(JSON.parse(readFileSync(new URL('../assets/default/exhibition.json', import.meta.url), 'utf8')));
if (!checked.ok) throw new Error('the default exhibition does not validate');
const ex = checked.exhibition;

const t0 = performance.now();
const run = simulate(ex, baselineSetting(2000), { seed: 1, maxWallMs: 900_000, track: { fromMinute: 720, minutes: 60, everySeconds: 2 } });
const track = run.track!;
const most = Math.max(...track.frames.map((f) => f.ids.length));
const fewest = Math.min(...track.frames.map((f) => f.ids.length));
// Enough moments of the hour that even its quietest one adds up to AGENTS; each plays SPAN_S seconds.
const SPAN_S = Math.floor((track.frames.length * track.everySeconds) / Math.ceil(AGENTS / Math.max(1, fewest)));
console.log(`track: ${track.frames.length} frames every ${track.everySeconds} s, ${fewest}–${most} visitors inside (simulated in ${((performance.now() - t0) / 1000).toFixed(1)} s); moments ${SPAN_S} s apart`);

/** The agents at `seconds`: moments SPAN_S apart of the recorded hour until AGENTS are placed. */
function positions(seconds: number, xz: Float32Array): number {
  let n = 0;
  for (let layer = 0; n < AGENTS && layer * SPAN_S < track.frames.length * track.everySeconds; layer++) {
    n += trackPositions(track, layer * SPAN_S + (seconds % SPAN_S), xz.subarray(2 * n));
  }
  return n;
}

/** CPU ms per frame over FRAMES frames, with or without agents. */
function measure(withAgents: boolean): number[] {
  const engine = new NullEngine();
  const scene = new Scene(engine);
  buildFloorPlan(ex.space as FloorPlan, scene, new MaterialLibrary(scene, (p) => p));
  new HemisphericLight('sky', new Vector3(0, 1, 0), scene);
  const camera = new UniversalCamera('visitor', new Vector3(ex.entrance.position[0], 1.6, ex.entrance.position[2]), scene);
  const agents = withAgents ? new Agents(scene, AGENTS) : undefined;
  const xz = new Float32Array(AGENTS * 2);
  const out: number[] = [];
  for (let f = 0; f < FRAMES + 30; f++) {
    const start = performance.now();
    camera.rotation.y = 0.3 * Math.sin(f / 60);
    if (agents) agents.show(xz, positions(f / 60, xz));
    scene.render();
    if (f >= 30) out.push(performance.now() - start); // after warm-up (shaders, first matrices)
  }
  const drawn = agents?.count ?? 0;
  engine.dispose();
  if (withAgents) console.log(`agents drawn in the last frame: ${drawn} (asked for ${AGENTS}), meshes for them: 1 (thin instances)`);
  return out;
}

console.log(`before: ${uptime()}`);
const empty = measure(false);
const full = measure(true);
const again = measure(false); // the empty twin once more: the machine's load drifts
const base = Math.min(median(empty), median(again));
console.log(`after:  ${uptime()}`);
console.log(`empty twin: CPU per frame median ${median(empty).toFixed(3)} ms, p95 ${p95(empty).toFixed(3)} ms (again: median ${median(again).toFixed(3)} ms)`);
console.log(`with ${AGENTS} agents: CPU per frame median ${median(full).toFixed(3)} ms, p95 ${p95(full).toFixed(3)} ms`);
console.log(`the agents add ${(median(full) - base).toFixed(3)} ms per frame (median), ${(((median(full) - base) / (1000 / 60)) * 100).toFixed(2)} % of a 60 Hz frame`);
// The NullEngine's empty twin is the building alone (no works, no GPU driver), so the ratio is a harsh reading of
// the target (twice the empty twin's frame in the browser); the added time is the figure that carries over.
console.log(`ratio of medians: ${(median(full) / base).toFixed(2)} (target: under 2; empty here = the building alone on NullEngine)`);
