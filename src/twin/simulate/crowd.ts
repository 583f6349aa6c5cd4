/**
 * The crowd model: Helbing & Molnár's social force model (Phys. Rev. E 51, 4282, 1995), in its circular form
 * with a field of view (Helbing & Johansson 2009) and the walls of Helbing, Farkas & Vicsek (2000): each agent accelerates toward its next waypoint at its own
 * pace, is pushed away by agents near it (more by those ahead) and by walls.
 *
 * Why this and not recast-navigation's crowd: the twin's floor is rooms joined by doorways, which the walking
 * graph (route/nav-graph.ts) already routes exactly, so a navigation mesh would add a WebAssembly module to load
 * in the Web Worker and the CLI for paths the project has; and what the results measure, density, people slowing
 * at doorways and round works, is what the social force model was built to reproduce (lanes and clogging at
 * bottlenecks), with published parameters. Plain arrays and a uniform grid keep a step linear in the agents.
 * The grid has a layer per level: people on a mezzanine and those walking under it share a plan position, not a
 * floor, so they never push each other.
 */
import type { Floor } from './floor';
import { roomOf } from './floor';

/** Body radius, metres. */
const RADIUS = 0.25;
/** Relaxation time to the desired velocity, s (Helbing & Molnár 1995). */
const TAU = 0.5;
/** Agent repulsion (V⁰/σ)·exp(−d/σ) with V⁰ = 2.1 m²/s², σ = 0.3 m (Helbing & Molnár 1995). */
const A_AGENT = 7;
const B_AGENT = 0.3;
/**
 * Wall repulsion A·exp((r − d)/B), A = 2000 N and B = 0.08 m per 80 kg body (Helbing, Farkas & Vicsek, Nature
 * 407, 487, 2000): short-ranged, so a slow visitor still gets through a 1.2 m doorway (Helbing & Molnár's longer
 * wall potential holds one back at the jambs).
 */
const A_WALL = 25;
const B_WALL = 0.08;
/** Weight of agents behind (field of view, λ). */
const LAMBDA = 0.3;
/** Beyond this, agents and walls are ignored. */
const CUTOFF = 2;
/** No one walks faster than this multiple of their own pace. */
const MAX_SPEED_FACTOR = 1.3;

/** Struct-of-arrays state: slot i is one agent; `active[i]` says whether the slot is in use. */
export class Crowd {
  readonly x: Float64Array;
  readonly z: Float64Array;
  readonly vx: Float64Array;
  readonly vz: Float64Array;
  readonly tx: Float64Array;
  readonly tz: Float64Array;
  /** Desired speed toward the target, m/s (0 to stand). */
  readonly pace: Float64Array;
  readonly room: Int32Array;
  /** The room the target is in: an agent passes a doorway only into that room (a crowd cannot push it through). */
  readonly goal: Int32Array;
  readonly active: Uint8Array;
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  private readonly cols: number;
  private readonly rows: number;
  private readonly x0: number;
  private readonly z0: number;
  /** Each room's level (index into floor.levels), so an agent's grid layer follows its room. */
  private readonly roomLevel: Int32Array;
  /** Called when an agent walks through a doorway (index into floor.doorways). */
  onCrossing: (agent: number, doorway: number) => void = () => {};

  constructor(
    private readonly floor: Floor,
    readonly capacity: number,
  ) {
    this.x = new Float64Array(capacity);
    this.z = new Float64Array(capacity);
    this.vx = new Float64Array(capacity);
    this.vz = new Float64Array(capacity);
    this.tx = new Float64Array(capacity);
    this.tz = new Float64Array(capacity);
    this.pace = new Float64Array(capacity);
    this.room = new Int32Array(capacity);
    this.goal = new Int32Array(capacity);
    this.active = new Uint8Array(capacity);
    const [minX, minZ, maxX, maxZ] = floor.bounds;
    this.x0 = minX - CUTOFF;
    this.z0 = minZ - CUTOFF;
    this.cols = Math.max(1, Math.ceil((maxX - minX + 2 * CUTOFF) / CUTOFF));
    this.rows = Math.max(1, Math.ceil((maxZ - minZ + 2 * CUTOFF) / CUTOFF));
    this.roomLevel = Int32Array.from(floor.rooms, (r) => r.level);
    this.head = new Int32Array(this.cols * this.rows * Math.max(1, floor.levels.length));
    this.next = new Int32Array(capacity);
  }

  place(i: number, x: number, z: number, room: number): void {
    this.x[i] = x;
    this.z[i] = z;
    this.vx[i] = 0;
    this.vz[i] = 0;
    this.tx[i] = x;
    this.tz[i] = z;
    this.pace[i] = 0;
    this.room[i] = room;
    this.goal[i] = room;
    this.active[i] = 1;
  }

  /** The grid cell of agent `i`: its level's layer, then row and column. */
  private cell(i: number): number {
    const c = Math.min(this.cols - 1, Math.max(0, Math.floor((this.x[i]! - this.x0) / CUTOFF)));
    const r = Math.min(this.rows - 1, Math.max(0, Math.floor((this.z[i]! - this.z0) / CUTOFF)));
    return (this.roomLevel[this.room[i]!]! * this.rows + r) * this.cols + c;
  }

  /** Advances the agents in `ids[0..count)` by dt seconds (semi-implicit Euler). */
  step(dt: number, ids: Int32Array, count: number): void {
    const { x, z, vx, vz, head, next } = this;
    head.fill(-1);
    for (let k = 0; k < count; k++) {
      const i = ids[k]!;
      const c = this.cell(i);
      next[i] = head[c]!;
      head[c] = i;
    }
    for (let k = 0; k < count; k++) {
      const i = ids[k]!;
      const xi = x[i]!;
      const zi = z[i]!;
      // Driving force: toward the target at the agent's pace, slowing to arrive.
      let dx = this.tx[i]! - xi;
      let dz = this.tz[i]! - zi;
      const d = Math.hypot(dx, dz);
      const want = Math.min(this.pace[i]!, d / TAU);
      if (d > 1e-9) {
        dx /= d;
        dz /= d;
      }
      let fx = (dx * want - vx[i]!) / TAU;
      let fz = (dz * want - vz[i]!) / TAU;
      // Other agents in the 3×3 cells around, on the agent's own level.
      const cc = Math.floor((xi - this.x0) / CUTOFF);
      const cr = Math.floor((zi - this.z0) / CUTOFF);
      const layer = this.roomLevel[this.room[i]!]! * this.rows;
      for (let r = cr - 1; r <= cr + 1; r++) {
        if (r < 0 || r >= this.rows) continue;
        for (let c = cc - 1; c <= cc + 1; c++) {
          if (c < 0 || c >= this.cols) continue;
          for (let j = head[(layer + r) * this.cols + c]!; j !== -1; j = next[j]!) {
            if (j === i) continue;
            let nx = xi - x[j]!;
            let nz = zi - z[j]!;
            const dist = Math.hypot(nx, nz);
            if (dist >= CUTOFF) continue;
            if (dist < 1e-6) {
              // Two agents on one spot: part them by index so the result stays deterministic.
              nx = i < j ? 1 : -1;
              nz = 0;
            } else {
              nx /= dist;
              nz /= dist;
            }
            // Field of view: full weight for those ahead (−n along the walking direction), λ for those behind.
            const cos = -(nx * dx + nz * dz);
            const w = LAMBDA + ((1 - LAMBDA) * (1 + cos)) / 2;
            const f = A_AGENT * Math.exp(-dist / B_AGENT) * w;
            fx += nx * f;
            fz += nz * f;
          }
        }
      }
      // Walls of the agent's room.
      const room = this.floor.rooms[this.room[i]!]!;
      for (const wall of room.walls) {
        const ex = wall.b[0] - wall.a[0];
        const ez = wall.b[1] - wall.a[1];
        const len2 = ex * ex + ez * ez;
        const t = len2 > 0 ? Math.max(0, Math.min(1, ((xi - wall.a[0]) * ex + (zi - wall.a[1]) * ez) / len2)) : 0;
        let nx = xi - (wall.a[0] + ex * t);
        let nz = zi - (wall.a[1] + ez * t);
        const dist = Math.hypot(nx, nz);
        if (dist >= CUTOFF || dist < 1e-9) continue;
        nx /= dist;
        nz /= dist;
        const f = A_WALL * Math.exp((RADIUS - dist) / B_WALL);
        fx += nx * f;
        fz += nz * f;
      }
      let nvx = vx[i]! + fx * dt;
      let nvz = vz[i]! + fz * dt;
      const speed = Math.hypot(nvx, nvz);
      const max = Math.max(this.pace[i]!, 0.3) * MAX_SPEED_FACTOR;
      if (speed > max) {
        nvx *= max / speed;
        nvz *= max / speed;
      }
      vx[i] = nvx;
      vz[i] = nvz;
    }
    for (let k = 0; k < count; k++) this.move(ids[k]!, dt);
  }

  /** Moves one agent; a step that would leave its room other than through a doorway is refused (a wall). */
  private move(i: number, dt: number): void {
    const nx = this.x[i]! + this.vx[i]! * dt;
    const nz = this.z[i]! + this.vz[i]! * dt;
    const here = this.room[i]!;
    const p: [number, number] = [nx, nz];
    const now = roomOf(this.floor, p, here);
    if (now === here) {
      this.x[i] = nx;
      this.z[i] = nz;
      return;
    }
    const room = this.floor.rooms[here]!;
    for (const di of room.doorways) {
      const door = this.floor.doorways[di]!;
      const other = door.rooms[0] === here ? door.rooms[1] : door.rooms[0];
      if (now === other && this.goal[i] === other && Math.hypot(nx - door.position[0], nz - door.position[1]) <= door.width / 2 + RADIUS) {
        this.x[i] = nx;
        this.z[i] = nz;
        this.room[i] = other;
        this.onCrossing(i, di);
        return;
      }
    }
    // Against a wall: keep the part of the step along the wall by trying each axis alone.
    for (const [ax, az] of [
      [nx, this.z[i]!],
      [this.x[i]!, nz],
    ] as const) {
      if (roomOf(this.floor, [ax, az], here) === here) {
        this.x[i] = ax;
        this.z[i] = az;
        return;
      }
    }
    this.vx[i] = 0;
    this.vz[i] = 0;
  }
}

