/**
 * Agents in the 3D twin (`npm run bench:agents`): the CPU time per frame of the default exhibition's 3D twin with
 * 1,000 simulated visitors walking (src/scene/agents.ts, interpolated from a recorded What if track every frame)
 * against the same twin empty. The issue's target: the median under twice the empty twin's.
 *
 * Measured on Babylon's NullEngine in Node (no GPU driver, so it is the scene's own per-frame work: camera, active
 * meshes, world matrices, materials' readiness, the agents' positions interpolated and their matrix buffer
 * rewritten and handed to the engine). "The twin" is what a visit draws: the floor plan, and every work built as
 * the gallery builds it (frames merged, wall labels drawn, plinths and cases) with its media held back, as a page
 * has them before the images arrive (no network here); a work's image would be one more texture, not one more
 * mesh. All rooms are drawn (a visit hides those out of sight), so the empty twin is, if anything, heavier than a
 * visitor's. The same is also measured against the building alone (no works: the What if page's doll's house),
 * the harshest reading. Empty and full frames are taken in turns on the same scene (the agents' mesh switched off
 * and on), so a shared machine's drifting load falls on both alike; CPU time, not wall time.
 *
 * The track is recorded every 2 s from 12:00 to 13:00 of the What if baseline (2,000 visitors, 10:00–19:00, the
 * day bench:simulate times; a few hundred inside at once); to reach 1,000 agents, moments of that hour far enough
 * apart are drawn together (each one real walking, the crowd several times as dense as any moment of the day).
 * Prints `uptime` beside the figures: on a shared machine they are a ceiling.
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
import { Logger } from '@babylonjs/core/Misc/logger';
import { validateExhibition } from '../src/twin/validate';
import { baselineSetting, simulate } from '../src/twin/simulate';
import type { FloorPlan } from '../src/twin/schema';
import { MaterialLibrary } from '../src/scene/materials';
import { buildFloorPlan } from '../src/scene/architecture';
import { ArtworkBuilder } from '../src/scene/artworks';
import { ImageDetail } from '../src/scene/image-detail';
import { installSilentCanvas } from '../src/scene/canvas-testing';
import { Agents, trackPositions } from '../src/scene/agents';

const { values } = parseArgs({ options: { frames: { type: 'string', default: '600' }, agents: { type: 'string', default: '1000' } } });
const FRAMES = Number(values.frames);
const AGENTS = Number(values.agents);
/** Empty and full frames alternate in this many turns each. */
const TURNS = 6;
const uptime = () => execFileSync('uptime').toString().trim();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

Logger.LogLevels = Logger.ErrorLogLevel;
installSilentCanvas(); // wall labels and placeholders paint on a canvas
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
function positions(seconds: number, xz: Float32Array, y: Float32Array): number {
  let n = 0;
  for (let layer = 0; n < AGENTS && layer * SPAN_S < track.frames.length * track.everySeconds; layer++) {
    n += trackPositions(track, layer * SPAN_S + (seconds % SPAN_S), xz.subarray(2 * n), y.subarray(n));
  }
  return n;
}

/** The twin's scene: the floor plan, and with `works` every work as the gallery builds it, media held back. */
function twin(works: boolean): { scene: Scene; camera: UniversalCamera; meshes: number } {
  const scene = new Scene(new NullEngine());
  scene.useRightHandedSystem = true; // as the gallery's (glTF's coordinates)
  const materials = new MaterialLibrary(scene, (p) => p, true);
  buildFloorPlan(ex.space as FloorPlan, scene, materials);
  new HemisphericLight('sky', new Vector3(0, 1, 0), scene);
  if (works) {
    const builder = new ArtworkBuilder({
      scene,
      materials,
      resolve: (p) => p,
      onProblem: () => undefined,
      onAssetDone: () => undefined,
      detail: new ImageDetail(scene),
      schedule: () => Promise.resolve(), // media held back: nothing fetched
    });
    for (const art of ex.artworks) {
      const { work } = builder.build(ex, art, { unavailable: 'unavailable', restricted: 'restricted' });
      work.label.draw({ title: art.title.en ?? art.id, lines: [art.creator.name.en ?? ''] });
      work.label.wake();
      const spots = new Set<unknown>(work.hotspots);
      for (const m of work.root.getChildMeshes(false)) if (!spots.has(m)) m.freezeWorldMatrix(); // as the gallery does
    }
    builder.finish();
  }
  const camera = new UniversalCamera('visitor', new Vector3(ex.entrance.position[0], 1.6, ex.entrance.position[2]), scene);
  return { scene, camera, meshes: scene.meshes.length };
}

/** CPU ms of each frame, empty and full in turns on one scene; the camera turns a little each frame. */
function measure(works: boolean): { empty: number[]; full: number[]; meshes: number; drawn: number } {
  const { scene, camera, meshes } = twin(works);
  const agents = new Agents(scene, AGENTS);
  const xz = new Float32Array(AGENTS * 2);
  const y = new Float32Array(AGENTS);
  const empty: number[] = [];
  const full: number[] = [];
  let f = 0;
  const frame = (withAgents: boolean): number => {
    const start = process.cpuUsage();
    camera.rotation.y = 0.3 * Math.sin(f / 60);
    if (withAgents) agents.show(xz, positions(f / 60, xz, y), y);
    scene.render();
    f++;
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  for (let k = 0; k < 30; k++) frame(true); // warm-up: shaders, first matrices
  for (let turn = 0; turn < TURNS; turn++) {
    agents.mesh.setEnabled(false);
    for (let k = 0; k < FRAMES / TURNS; k++) empty.push(frame(false));
    agents.mesh.setEnabled(true);
    for (let k = 0; k < FRAMES / TURNS; k++) full.push(frame(true));
  }
  const drawn = agents.count;
  scene.getEngine().dispose();
  return { empty, full, meshes, drawn };
}

function report(label: string, { empty, full, meshes, drawn }: ReturnType<typeof measure>): void {
  const added = median(full) - median(empty);
  const ratio = median(full) / median(empty);
  console.log(`${label} (${meshes} meshes before the agents; ${drawn} agents drawn, 1 mesh for them):`);
  console.log(`  empty: CPU per frame median ${median(empty).toFixed(3)} ms, p95 ${p95(empty).toFixed(3)} ms`);
  console.log(`  with ${AGENTS} agents: median ${median(full).toFixed(3)} ms, p95 ${p95(full).toFixed(3)} ms`);
  console.log(`  the agents add ${added.toFixed(3)} ms per frame (median), ${((added / (1000 / 60)) * 100).toFixed(2)} % of a 60 Hz frame`);
  console.log(`  ratio of medians: ${ratio.toFixed(2)} (target: under 2) ${ratio < 2 ? 'held' : 'missed'}`);
}

console.log(`before: ${uptime()}`);
const withWorks = measure(true);
const building = measure(false);
console.log(`after:  ${uptime()}`);
report('the twin (floor plan and works, media held back): the issue\'s target', withWorks);
report('the building alone (the What if page\'s doll\'s house): the harshest reading', building);
