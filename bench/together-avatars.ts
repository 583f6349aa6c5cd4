/**
 * What a group of 100 costs a member's CPU per frame, without a browser (`npm run bench:together-avatars`), held
 * against the target (#17: "presence for 100 participants costs each client under 2 ms of CPU per
 * frame"). Babylon's NullEngine renders a small room (a floor, walls and works, as the gallery has them) with the
 * visitor's camera turning a little each frame, a frame at most every 16 ms as a page's animation frames:
 *   - alone: the group's avatars (src/app/together-avatars.ts) there with nobody in the group;
 *   - with N (default 100) participants walking, each sending its presence every PRESENCE_INTERVAL_MS: batched
 *     every interval as the server relays them (src/server/together/presence-pacer.ts: in a group of more than
 *     40 everyone but the leader at most every two intervals), sent as the server's JSON text, and taken as the
 *     app takes them (JSON.parse, then each person's update with their name from the roster, as
 *     src/app/together.ts's receive).
 * Rounds alternate alone and with the group. For each it prints scene.render()'s CPU time per frame (median, p95:
 * the avatars' interpolation, names, instances and Babylon's own work for them; no GPU work, a NullEngine draws
 * nothing) and all the process's CPU per frame (with receiving the batches and garbage collection; the server's
 * part, making and pacing the batches, taken out), then the differences and whether the target is held, with
 * `uptime`. CPU time, not wall time, so that a loaded machine still gives a figure.
 *
 *   npm run bench:together-avatars -- [--seconds 5] [--participants 100] [--rounds 2]
 */
import { execSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import type { InternalTexture } from '@babylonjs/core/Materials/Textures/internalTexture';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { UniversalCamera } from '@babylonjs/core/Cameras/universalCamera';
import { HemisphericLight } from '@babylonjs/core/Lights/hemisphericLight';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { CreateBox } from '@babylonjs/core/Meshes/Builders/boxBuilder';
import { Logger } from '@babylonjs/core/Misc/logger';
import { Scene } from '@babylonjs/core/scene';
import { GroupAvatars } from '../src/app/together-avatars';
import { PresencePacer } from '../src/server/together/presence-pacer';
import { PRESENCE_INTERVAL_MS, quantisePresence, type Presence, type ServerMessage } from '../src/twin/together/protocol';
import { installSilentCanvas } from '../src/scene/canvas-testing';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, participants: { type: 'string', default: '100' }, rounds: { type: 'string', default: '2' } } });
const SECONDS = Number(values.seconds);
const PARTICIPANTS = Number(values.participants);
const ROUNDS = Number(values.rounds);
/** The target: CPU per frame that presence for 100 participants may cost each client. */
const TARGET_MS = 2;
const uptime = (): string => execSync('uptime').toString().trim();
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const cpuMs = (since?: NodeJS.CpuUsage): number => {
  const t = process.cpuUsage(since);
  return (t.user + t.system) / 1000;
};

Logger.LogLevels = Logger.ErrorLogLevel;
installSilentCanvas();
const engine = new NullEngine({ renderWidth: 800, renderHeight: 500, textureSize: 512, deterministicLockstep: false, lockstepMaxSteps: 1 });
// A NullEngine sends nothing to a GPU and so never marks a canvas texture ready; a real engine does, once it is
// uploaded. Without this the names' sprites would never be drawn here, and their cost never counted.
engine.updateDynamicTexture = (texture: InternalTexture | null) => {
  if (texture) texture.isReady = true;
};
const scene = new Scene(engine);
scene.useRightHandedSystem = true; // as the gallery's scene
new HemisphericLight('sky', new Vector3(0, 1, 0), scene);
// The hall as the scene draws a room: a floor, four walls and a dozen works with their own materials.
const room = (name: string, size: [number, number, number], at: [number, number, number], colour: Color3) => {
  const m = CreateBox(name, { width: size[0], height: size[1], depth: size[2] }, scene);
  m.position.set(...at);
  const mat = new StandardMaterial(name, scene);
  mat.diffuseColor = colour;
  m.material = mat;
  m.freezeWorldMatrix();
};
room('floor', [10, 0.1, 8], [5, -0.05, 4], new Color3(0.6, 0.55, 0.5));
room('wall-n', [10, 4, 0.2], [5, 2, -0.1], new Color3(0.9, 0.9, 0.88));
room('wall-s', [10, 4, 0.2], [5, 2, 8.1], new Color3(0.9, 0.9, 0.88));
room('wall-w', [0.2, 4, 8], [-0.1, 2, 4], new Color3(0.9, 0.9, 0.88));
room('wall-e', [0.2, 4, 8], [10.1, 2, 4], new Color3(0.9, 0.9, 0.88));
for (let i = 0; i < 12; i++) room(`work-${i}`, [1, 0.8, 0.05], [0.8 + (i % 6) * 1.6, 1.6, i < 6 ? 0.05 : 7.95], new Color3(0.2 + i * 0.05, 0.3, 0.5));
// The guide at the hall's south side looking north (−z), as in bench/together-page.ts: the walkers are in view.
const camera = new UniversalCamera('visitor', new Vector3(5, 1.6, 7.5), scene);
camera.setTarget(new Vector3(5, 1.6, 0));
scene.activeCamera = camera;
const avatars = new GroupAvatars(scene, () => undefined, () => {});
/** Each participant's place on a 10 × 10 grid in the hall (0.9 m apart), around which they walk a small circle. */
const grid = (): [number, number][] => Array.from({ length: PARTICIPANTS }, (_, i) => [0.6 + (i % 10) * 0.9, 0.6 + Math.floor(i / 10) * 0.65]);
const ids = Array.from({ length: PARTICIPANTS }, (_, i) => `p${i + 1}`);
/** The roster's names, by id (the app looks each batch's names up in its roster). */
const roster = new Map(ids.map((id, i) => [id, `Visitor ${i + 1}`]));
const LEADER = 'p1';

/** The app's side of a presence batch: the server's text parsed, each person's latest to their avatar. */
function receive(text: string): void {
  const m = JSON.parse(text) as ServerMessage;
  if (m.type !== 'presence') return;
  for (const p of m.list) avatars.update(p.id, roster.get(p.id) ?? '', p.p, p.h);
}

interface Phase {
  frames: number[];
  /** Avatars drawn and names on show at the end. */
  drawn: number;
  named: number;
  /** All the process's CPU per frame, the server's part left out. */
  all: number;
}

/** Renders frames for `seconds` (the camera turning; everyone walking when `walk`). */
async function phase(walk: boolean, seconds = SECONDS): Promise<Phase> {
  const frames: number[] = [];
  const start = performance.now();
  const pacer = new PresencePacer();
  const places = grid();
  const sent = new Array<number>(PARTICIPANTS).fill(0).map((_, i) => start + (i / PARTICIPANTS) * PRESENCE_INTERVAL_MS - PRESENCE_INTERVAL_MS);
  const steps = new Array<number>(PARTICIPANTS).fill(0);
  let changed: (Presence & { id: string })[] = [];
  let nextBatch = start + PRESENCE_INTERVAL_MS;
  let server = 0;
  const cpu0 = process.cpuUsage();
  for (let now = start; now - start < seconds * 1000; now = performance.now()) {
    if (walk) {
      // The server's side: what the participants sent, relayed as one batch every interval (not the client's CPU).
      const s0 = process.cpuUsage();
      for (let i = 0; i < PARTICIPANTS; i++) {
        if (now < sent[i]! + PRESENCE_INTERVAL_MS) continue;
        sent[i] = now;
        const a = (steps[i]!++ / 12) * Math.PI * 2;
        const [x, z] = places[i]!;
        changed.push({ id: ids[i]!, ...quantisePresence({ p: [x + 0.2 * Math.cos(a), 0, z + 0.2 * Math.sin(a)], h: (steps[i]! * 30) % 360, room: 'hall' }) });
      }
      let batch: string | undefined;
      if (now >= nextBatch) {
        nextBatch += PRESENCE_INTERVAL_MS;
        const list = pacer.pace(changed, now, PARTICIPANTS + 1, LEADER);
        changed = [];
        if (list.length) batch = JSON.stringify({ type: 'presence', list });
      }
      server += cpuMs(s0);
      if (batch) receive(batch);
    }
    camera.rotation.y = 0.3 * Math.sin(now / 1000);
    const t0 = process.cpuUsage();
    scene.render();
    frames.push(cpuMs(t0));
    // A frame at most every 16 ms, as a page's animation frames; the rest of the time for the presence to come.
    await new Promise((r) => setTimeout(r, Math.max(0, 16 - (performance.now() - now))));
  }
  return { frames: frames.slice(10), all: (cpuMs(cpu0) - server) / frames.length, drawn: avatars.drawn().length, named: avatars.named().length };
}

const line = (label: string, p: Phase) =>
  `${label} (${p.drawn} avatars drawn, ${p.named} names): ${p.frames.length} frames, scene.render() CPU median ${pct(p.frames, 50).toFixed(3)} ms, p95 ${pct(p.frames, 95).toFixed(3)} ms; all the process's CPU ${p.all.toFixed(3)} ms per frame  [${uptime()}]`;
console.log(`together avatars bench (NullEngine, CPU only): ${PARTICIPANTS} participants, ${ROUNDS} rounds of ${SECONDS} s alone and ${SECONDS} s with the group`);
/** Everyone joins and is drawn a few times: a group's start (names, shaders) is not a frame's cost. */
function join(): void {
  grid().forEach(([x, z], i) => avatars.update(ids[i]!, roster.get(ids[i]!)!, [x, 0, z], 0));
  avatars.setLeader(LEADER);
  for (let i = 0; i < 30; i++) scene.render();
}
// A round not counted first: V8 compiles the hot code and Babylon its shaders in the first seconds.
await phase(false, 2);
join();
await phase(true, 2);
for (const id of ids) avatars.remove(id);
const more: { median: number; p95: number; all: number }[] = [];
for (let r = 1; r <= ROUNDS; r++) {
  const alone = await phase(false);
  console.log(line(`round ${r}, alone (no one in the group)`, alone));
  join();
  const crowd = await phase(true);
  console.log(line(`round ${r}, ${PARTICIPANTS} walking`, crowd));
  more.push({ median: pct(crowd.frames, 50) - pct(alone.frames, 50), p95: pct(crowd.frames, 95) - pct(alone.frames, 95), all: crowd.all - alone.all });
  for (const id of ids) avatars.remove(id);
}
const worst = (k: 'median' | 'p95' | 'all') => Math.max(...more.map((m) => m[k]));
const signed = (x: number) => `${x < 0 ? '−' : '+'}${Math.abs(x).toFixed(3)} ms`;
const held = worst('all') < TARGET_MS;
console.log(
  `more per frame with ${PARTICIPANTS} (worst of ${ROUNDS} rounds): scene.render() median ${signed(worst('median'))}, p95 ${signed(worst('p95'))}; ` +
    `all the client's CPU ${signed(worst('all'))} (a difference under the machine's noise may come out below zero)`,
);
console.log(`target (#17: presence for 100 participants under ${TARGET_MS} ms of CPU per frame on each client): ${held ? 'HELD' : 'MISSED'} (${signed(worst('all'))}, all the client's CPU per frame)  [${uptime()}]`);
avatars.dispose();
engine.dispose();
