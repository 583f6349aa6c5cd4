/**
 * What the group's avatars cost the CPU per frame, without a browser (`npm run bench:together-avatars`): Babylon's
 * NullEngine renders a scene with the visitor's camera turning a little each frame, first with no avatars, then
 * with N (default 100) avatars walking — each sends a presence every PRESENCE_INTERVAL_MS, as in
 * bench/together-page.ts, fed to src/app/together-avatars.ts as the app feeds it. Prints the median and p95 of
 * scene.render()'s CPU time per frame (the avatars' interpolation, name boards, instances and Babylon's own work
 * on their meshes; no GPU work: a NullEngine draws nothing), all the process's CPU per frame (with receiving the
 * presence and garbage collection), and the differences, with `uptime`. CPU time, not wall time, so that a
 * loaded machine still gives a figure. The target:
 * under 2 ms per frame more with 100 than alone, on the page (bench:together-page measures it there).
 *
 *   npm run bench:together-avatars -- [--seconds 5] [--participants 100]
 */
import { execSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { UniversalCamera } from '@babylonjs/core/Cameras/universalCamera';
import { HemisphericLight } from '@babylonjs/core/Lights/hemisphericLight';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { Logger } from '@babylonjs/core/Misc/logger';
import { Scene } from '@babylonjs/core/scene';
import { GroupAvatars } from '../src/app/together-avatars';
import { PRESENCE_INTERVAL_MS } from '../src/twin/together/protocol';
import { installSilentCanvas } from '../src/scene/canvas-testing';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, participants: { type: 'string', default: '100' } } });
const SECONDS = Number(values.seconds);
const PARTICIPANTS = Number(values.participants);
const uptime = (): string => execSync('uptime').toString().trim();
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

Logger.LogLevels = Logger.ErrorLogLevel;
installSilentCanvas();
const scene = new Scene(new NullEngine({ renderWidth: 800, renderHeight: 500, textureSize: 512, deterministicLockstep: false, lockstepMaxSteps: 1 }));
new HemisphericLight('sky', new Vector3(0, 1, 0), scene);
// The guide at the hall's south side looking north (−z), as in bench/together-page.ts: the walkers are in view.
const camera = new UniversalCamera('visitor', new Vector3(5, 1.6, 7.5), scene);
camera.setTarget(new Vector3(5, 1.6, 0));
scene.activeCamera = camera;
const avatars = new GroupAvatars(scene, () => undefined, () => {});
/** Each participant's place on a 10 × 10 grid in the hall (0.9 m apart), around which they walk a small circle. */
const grid = (): [number, number][] => Array.from({ length: PARTICIPANTS }, (_, i) => [0.6 + (i % 10) * 0.9, 0.6 + Math.floor(i / 10) * 0.65]);

/** Renders frames for `seconds` (the camera turning, everyone walking when `walk`); each frame's render CPU time. */
async function frames(walk: boolean): Promise<number[]> {
  const out: number[] = [];
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  const next = new Array<number>(PARTICIPANTS).fill(0).map((_, i) => start + (i / PARTICIPANTS) * PRESENCE_INTERVAL_MS);
  const steps = new Array<number>(PARTICIPANTS).fill(0);
  const places = grid();
  for (let now = start; now - start < SECONDS * 1000; now = performance.now()) {
    if (walk) {
      for (let i = 0; i < PARTICIPANTS; i++) {
        if (now < next[i]!) continue;
        const k = steps[i]!++;
        const a = (k / 12) * Math.PI * 2;
        const [x, z] = places[i]!;
        avatars.update(`p${i + 1}`, `Visitor ${i + 1}`, [x + 0.2 * Math.cos(a), 0, z + 0.2 * Math.sin(a)], (k * 30) % 360, now);
        next[i] = next[i]! + PRESENCE_INTERVAL_MS;
      }
    }
    camera.rotation.y = 0.3 * Math.sin(now / 1000);
    // CPU time, not wall time: on a shared machine a frame's wall time is mostly waiting for a core.
    const t0 = process.cpuUsage();
    scene.render();
    const t = process.cpuUsage(t0);
    out.push((t.user + t.system) / 1000);
    // A frame at most every 16 ms, as a page's animation frames; the rest of the time for the presence to come.
    await new Promise((r) => setTimeout(r, Math.max(0, 16 - (performance.now() - now))));
  }
  const cpu = process.cpuUsage(cpu0);
  const kept = out.slice(10);
  // Everything the process did, per frame: the frames, receiving the presence (update()), garbage collection.
  allCpu.set(walk, (cpu.user + cpu.system) / 1000 / out.length);
  return kept;
}
const allCpu = new Map<boolean, number>();

const line = (label: string, xs: number[], walk: boolean) =>
  `${label}: ${xs.length} frames, scene.render() CPU median ${pct(xs, 50).toFixed(3)} ms, p95 ${pct(xs, 95).toFixed(3)} ms; all the process's CPU ${allCpu.get(walk)!.toFixed(3)} ms per frame  [${uptime()}]`;
console.log(`together avatars bench (NullEngine, CPU only): ${PARTICIPANTS} participants, ${SECONDS} s each`);
const alone = await frames(false);
// Everyone joins and is drawn a few times before the measure: a group's start (boards, shaders) is not a frame's cost.
grid().forEach(([x, z], i) => avatars.update(`p${i + 1}`, `Visitor ${i + 1}`, [x, 0, z], 0));
for (let i = 0; i < 30; i++) scene.render();
console.log(line('alone (no avatars)', alone, false));
const crowd = await frames(true);
console.log(line(`${PARTICIPANTS} avatars walking`, crowd, true));
console.log(
  `more per frame with ${PARTICIPANTS}: scene.render() median ${(pct(crowd, 50) - pct(alone, 50)).toFixed(3)} ms, p95 ${(pct(crowd, 95) - pct(alone, 95)).toFixed(3)} ms; ` +
    `all CPU ${(allCpu.get(true)! - allCpu.get(false)!).toFixed(3)} ms (target: under 2 ms)`,
);
avatars.dispose();
scene.getEngine().dispose();
