/**
 * Simulated visitors walking in the 3D twin (the What if simulation's track, twin/simulate): one capsule-like
 * figure per visitor, all thin instances of one mesh, so a thousand of them cost one draw call and a frame's
 * update is one matrix buffer rewritten in place (Babylon's thin instances, not a mesh per agent). Unlit and
 * unpickable: they are a picture of the crowd, not things to click. Positions between two recorded frames are
 * interpolated, so a track every few seconds still walks smoothly.
 */
import { Color3 } from '@babylonjs/core/Maths/math.color';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import { CreateCylinder } from '@babylonjs/core/Meshes/Builders/cylinderBuilder';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import '@babylonjs/core/Meshes/thinInstanceMesh';
import type { Scene } from '@babylonjs/core/scene';
import type { AgentTrack } from '../twin/simulate/results';

/** A standing adult: shoulder width and height, metres. */
const WIDTH_M = 0.45;
const HEIGHT_M = 1.7;

/**
 * Writes where each agent is `seconds` into the track as [x, z] pairs into `out`, at most `out.length / 2` of them,
 * and returns how many. Between two frames, a visitor in both is placed between them; one in only one frame (just
 * arrived or gone) where that frame has them. With `outY`, the elevation of the floor each stands on (the earlier
 * frame's: a level changes at a stair's end, not halfway).
 */
export function trackPositions(track: AgentTrack, seconds: number, out: Float32Array, outY?: Float32Array): number {
  const frames = track.frames;
  if (!frames.length) return 0;
  const at = Math.max(0, Math.min(seconds / track.everySeconds, frames.length - 1));
  const k = Math.floor(at);
  const a = frames[k]!;
  const b = frames[Math.min(k + 1, frames.length - 1)]!;
  const f = at - k;
  // Every frame, for every agent: the arrays are read from locals, not through the frames.
  const aIds = a.ids;
  const bIds = b.ids;
  const aXz = a.xz;
  const bXz = b.xz;
  const aY = a.y;
  const bY = b.y;
  const aN = aIds.length;
  const bN = bIds.length;
  const max = out.length >> 1;
  let n = 0;
  let i = 0;
  let j = 0;
  while (n < max && (i < aN || j < bN)) {
    const ia = i < aN ? aIds[i]! : Infinity;
    const jb = j < bN ? bIds[j]! : Infinity;
    if (ia === jb) {
      const ax = aXz[2 * i]!;
      const az = aXz[2 * i + 1]!;
      out[2 * n] = ax + (bXz[2 * j]! - ax) * f;
      out[2 * n + 1] = az + (bXz[2 * j + 1]! - az) * f;
      if (outY) outY[n] = aY ? aY[i]! : 0;
      i++;
      j++;
    } else if (ia < jb) {
      out[2 * n] = aXz[2 * i]!;
      out[2 * n + 1] = aXz[2 * i + 1]!;
      if (outY) outY[n] = aY ? aY[i]! : 0;
      i++;
    } else {
      out[2 * n] = bXz[2 * j]!;
      out[2 * n + 1] = bXz[2 * j + 1]!;
      if (outY) outY[n] = bY ? bY[j]! : 0;
      j++;
    }
    n++;
  }
  return n;
}

/** Simulated visitors as thin instances of one figure. */
export class Agents {
  readonly mesh: Mesh;
  private readonly matrices: Float32Array;
  private shown = 0;

  /** Room for `capacity` agents; `floorY` gives the floor's height at a point (upper levels), default 0. */
  constructor(
    scene: Scene,
    readonly capacity: number,
    private readonly floorY: (x: number, z: number) => number = () => 0,
  ) {
    this.mesh = CreateCylinder('what-if-agents', { height: HEIGHT_M, diameterTop: WIDTH_M * 0.7, diameterBottom: WIDTH_M, tessellation: 8 }, scene);
    const material = new StandardMaterial('what-if-agents', scene);
    material.disableLighting = true;
    material.emissiveColor = Color3.FromHexString('#3d5a80');
    this.mesh.material = material;
    this.mesh.isPickable = false;
    // Agents cover the whole plan and move every frame: never culled, no bounding box to recompute.
    this.mesh.alwaysSelectAsActiveMesh = true;
    this.mesh.doNotSyncBoundingInfo = true;
    // Only the instances move; the mesh stays at the origin and its material never changes, so neither is
    // re-checked each frame (a frozen material still compiles its shader once, on its first draw).
    this.mesh.freezeWorldMatrix();
    material.freeze();
    this.matrices = new Float32Array(capacity * 16);
    for (let k = 0; k < capacity; k++) for (const d of [0, 5, 10, 15]) this.matrices[16 * k + d] = 1;
    this.mesh.thinInstanceSetBuffer('matrix', this.matrices, 16, false);
    this.mesh.thinInstanceCount = 0;
  }

  /** How many agents are drawn now. */
  get count(): number {
    return this.shown;
  }

  /** Places the first `count` agents at these [x, z] pairs, on floors `y` where given (the rest are hidden). */
  show(xz: Float32Array, count: number, y?: Float32Array): void {
    const n = Math.min(count, this.capacity, xz.length >> 1);
    const m = this.matrices;
    for (let k = 0; k < n; k++) {
      const x = xz[2 * k]!;
      const z = xz[2 * k + 1]!;
      m[16 * k + 12] = x;
      m[16 * k + 13] = (y ? y[k]! : this.floorY(x, z)) + HEIGHT_M / 2;
      m[16 * k + 14] = z;
    }
    this.shown = n;
    this.mesh.thinInstanceCount = n;
    this.mesh.thinInstanceBufferUpdated('matrix');
  }

  dispose(): void {
    this.mesh.material?.dispose();
    this.mesh.dispose();
  }
}
