/**
 * The group in the 3D preview: one simple avatar per other person (a head, a nose showing where they look, and
 * their name above), drawn two update intervals in the past between their last updates
 * (src/twin/together/smoothing.ts), so that four updates a second — or two, as a large group's members other than
 * the leader are relayed (src/server/together/presence-pacer.ts) — move smoothly. The leader's head has its own
 * colour; a work someone points at gets a ring in front. Nothing here is pickable: clicks go through to the works
 * and the floor.
 *
 * What a class of 100 costs a frame is kept small (`npm run bench:together-avatars`, `bench:together-page`): every
 * head is a thin instance of one mesh per role (Babylon's thin instances: one draw call and no scene node per
 * person), its matrix written once per frame and only when someone moved; names are shown for the few nearest,
 * chosen a few times a second, not every frame, all of them one draw call (together-names.ts). Someone standing
 * still costs a frame nothing but a comparison.
 */
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Matrix, Vector3 } from '@babylonjs/core/Maths/math.vector';
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import '@babylonjs/core/Meshes/thinInstanceMesh';
import { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import { CreateBox } from '@babylonjs/core/Meshes/Builders/boxBuilder';
import { CreateSphere } from '@babylonjs/core/Meshes/Builders/sphereBuilder';
import { CreateTorus } from '@babylonjs/core/Meshes/Builders/torusBuilder';
import type { Observer } from '@babylonjs/core/Misc/observable';
import type { Scene } from '@babylonjs/core/scene';
import { EYE_HEIGHT } from '../twin/layout';
import type { Vec3 } from '../twin/schema';
import { PRESENCE_INTERVAL_MS } from '../twin/together/protocol';
import { PresenceTrack } from '../twin/together/smoothing';
import { GroupNames } from './together-names';

/** Name boards are drawn for the nearest few only, within reading distance: a class of 100 is a crowd of names. */
export const NAMES_SHOWN = 16;
export const NAME_DISTANCE = 8;
/** Boards kept ready (hidden) for people who were among the nearest lately, so a step in and out redraws nothing. */
const BOARDS_KEPT = 2 * NAMES_SHOWN;
/** How far in the past the avatars are drawn: two update intervals, as a large group's members are relayed. */
const SMOOTHING_MS = 2 * PRESENCE_INTERVAL_MS;
/** How far the viewer moves before the nearest are chosen again (they are anyway as the avatars move). */
const VIEWER_STEP = 0.5;

interface Avatar {
  name: string;
  track: PresenceTrack;
  /** Where the head is drawn (eye height) and its turn about the vertical (radians). */
  readonly head: Vector3;
  yaw: number;
  /** Their name's board, while this person is among the nearest (or was lately: then hidden). */
  board?: number;
  named: boolean;
  /** When their last sample came (as PresenceTrack keeps it), and whether they are drawn there already. */
  lastAt: number;
  still: boolean;
}

/** One role's heads: a mesh drawn once for all, each head a thin instance (a 4 × 4 matrix in `matrices`). */
interface Heads {
  mesh: Mesh;
  matrices: Float32Array;
  count: number;
}

export class GroupAvatars {
  private readonly avatars = new Map<string, Avatar>();
  private readonly materials: { person: StandardMaterial; leader: StandardMaterial; ring: StandardMaterial };
  /** Everything of the group hangs under this node: in AR it hangs under the registration root. */
  private readonly group: TransformNode;
  private readonly heads: { person: Heads; leader: Heads };
  private readonly rings = new Map<string, Mesh>();
  private readonly names: GroupNames;
  private readonly frame: Observer<Scene>;
  private readonly matrix = new Matrix();
  private leaderId?: string;
  /** The heads' matrices need writing (someone moved, came, left or changed role). */
  private headsChanged = false;
  /** The nearest need choosing again (someone came, left or was renamed). */
  private namesChanged = false;
  private namesChosenAt = -Infinity;
  private readonly namesChosenFrom = new Vector3(Infinity, 0, 0);
  private shown = true;
  /** The CPU time (ms) frames spent placing the avatars, since the start: what the page bench reads. */
  frameMs = 0;

  constructor(
    private readonly scene: Scene,
    /** Where a work is (centre, and the way it faces), for the pointer ring. */
    private readonly workCentre: (id: string) => { centre: Vec3; normal: Vec3 } | undefined,
    private readonly requestRender: () => void,
    /** Tells a view that renders on demand that the avatars' frame observer is there for good. */
    keepFrameObserver?: (o: Observer<Scene>) => void,
  ) {
    const mat = (name: string, c: Color3) => {
      const m = new StandardMaterial(name, scene);
      m.diffuseColor = c;
      m.emissiveColor = c.scale(0.35);
      return m;
    };
    this.materials = { person: mat('together-person', new Color3(0.88, 0.48, 0)), leader: mat('together-leader', new Color3(0.42, 0.17, 0.84)), ring: mat('together-ring', new Color3(1, 0.75, 0.1)) };
    this.group = new TransformNode('together-group', scene);
    this.heads = { person: this.headsOf('person'), leader: this.headsOf('leader') };
    this.names = new GroupNames(scene, BOARDS_KEPT);
    // Between updates the avatars still move: ask for frames while anyone is drawn between two samples.
    this.frame = scene.onBeforeRenderObservable.add(() => {
      if (!this.shown) return;
      const t0 = performance.now();
      this.place();
      this.frameMs += performance.now() - t0;
    });
    keepFrameObserver?.(this.frame);
  }

  /** Someone's latest presence (feet position, heading); a new person gets an avatar. */
  update(id: string, name: string, p: Vec3, heading: number, now = performance.now()): void {
    let a = this.avatars.get(id);
    if (!a) {
      a = { name, track: new PresenceTrack(SMOOTHING_MS), head: new Vector3(Infinity, 0, 0), yaw: 0, named: false, lastAt: -Infinity, still: false };
      this.avatars.set(id, a);
      this.namesChanged = true;
    } else if (a.name !== name) {
      a.name = name;
      this.dropBoard(a);
      this.namesChanged = true;
    }
    a.track.push(now, p, heading);
    a.lastAt = Math.max(now, a.lastAt + 1);
    a.still = false;
    this.requestRender();
  }

  setLeader(id: string | undefined): void {
    if (this.leaderId === id) return;
    this.leaderId = id;
    this.headsChanged = true;
    this.requestRender();
  }

  /**
   * Draws the group, or nothing of it and places no one (the page bench's blocks without the group, to compare
   * frames with and without it on one page); the avatars are kept and go on from their next update.
   */
  setShown(on: boolean): void {
    if (this.shown === on) return;
    this.shown = on;
    this.group.setEnabled(on);
    this.names.setShown(on);
    this.requestRender();
  }

  /** The works pointed at now, by whom: a ring in front of each. */
  setPointers(byPerson: ReadonlyMap<string, string>): void {
    const works = new Set(byPerson.values());
    for (const [work, ring] of this.rings) {
      if (!works.has(work)) {
        ring.dispose();
        this.rings.delete(work);
      }
    }
    for (const work of works) {
      if (this.rings.has(work)) continue;
      const at = this.workCentre(work);
      if (!at) continue;
      const ring = CreateTorus(`together-ring-${work}`, { diameter: 0.5, thickness: 0.04, tessellation: 32 }, this.scene);
      ring.position.set(at.centre[0] + at.normal[0] * 0.08, at.centre[1] + at.normal[1] * 0.08, at.centre[2] + at.normal[2] * 0.08);
      ring.rotation.x = Math.PI / 2;
      ring.rotation.y = Math.atan2(at.normal[0], at.normal[2]);
      ring.material = this.materials.ring;
      ring.isPickable = false;
      ring.parent = this.group;
      this.rings.set(work, ring);
    }
    this.requestRender();
  }

  remove(id: string): void {
    const a = this.avatars.get(id);
    if (!a) return;
    this.dropBoard(a);
    this.avatars.delete(id);
    this.headsChanged = true;
    this.namesChanged = true;
    this.requestRender();
  }

  /**
   * Hangs the group (avatars, names, rings) under `parent` (AR's registration root), or back in the scene's own
   * space. AR turns off or blanks every mesh of the twin it does not use as an occluder, the group's among them:
   * theirs are shown again, as this module means them (only the nearest names).
   */
  hangUnder(parent: TransformNode | undefined): void {
    if (this.group.parent !== (parent ?? null)) this.group.parent = parent ?? null;
    // Also outside AR: leaving it puts back the flags of when it began, not those of now.
    for (const h of [this.heads.person, this.heads.leader]) show(h.mesh, true, h.count > 0);
    for (const r of this.rings.values()) show(r, true, true);
  }

  /** Who is drawn, and where (for the tests' hooks). */
  drawn(): { id: string; position: Vec3 }[] {
    return [...this.avatars].filter(([, a]) => Number.isFinite(a.head.x)).map(([id, a]) => ({ id, position: [a.head.x, a.head.y - EYE_HEIGHT, a.head.z] }));
  }

  /** Whose names are on show now (for the tests). */
  named(): string[] {
    return [...this.avatars].filter(([, a]) => a.named).map(([id]) => id);
  }

  /** A head and nose in one mesh, drawn once for every head in that role (thin instances). */
  private headsOf(role: 'person' | 'leader'): Heads {
    const sphere = CreateSphere(`together-head-${role}`, { diameter: 0.28, segments: 12 }, this.scene);
    const nose = CreateBox(`together-nose-${role}`, { width: 0.06, height: 0.06, depth: 0.16 }, this.scene);
    nose.position.z = -0.16; // heading 0 looks toward −z
    const mesh = Mesh.MergeMeshes([sphere, nose], true)!;
    mesh.name = `together-heads-${role}`;
    mesh.material = this.materials[role];
    mesh.isPickable = false;
    mesh.parent = this.group;
    // The heads spread over the rooms: culled as one they would rarely be out of view; no bounds to keep up.
    mesh.alwaysSelectAsActiveMesh = true;
    mesh.doNotSyncBoundingInfo = true;
    const heads: Heads = { mesh, matrices: new Float32Array(16 * 32), count: 0 };
    mesh.thinInstanceSetBuffer('matrix', heads.matrices, 16, false);
    mesh.thinInstanceCount = 0;
    // With no instance the mesh would draw itself once, at the group's origin.
    mesh.isVisible = false;
    return heads;
  }

  private dropBoard(a: Avatar): void {
    if (a.board !== undefined) this.names.release(a.board);
    a.board = undefined;
    a.named = false;
  }

  /** Each frame: everyone to where they are drawn now; the heads' matrices and the names only when that changed. */
  private place(): void {
    const now = performance.now();
    let moved = false;
    for (const a of this.avatars.values()) {
      if (a.still) continue;
      const pose = a.track.at(now);
      if (!pose) continue;
      const y = pose.p[1] + EYE_HEIGHT;
      const yaw = (-pose.h * Math.PI) / 180; // the nose (−z) turned to the heading (0 toward −z, 90 toward +x)
      const h = a.head;
      if (Math.abs(h.x - pose.p[0]) + Math.abs(h.y - y) + Math.abs(h.z - pose.p[2]) + Math.abs(a.yaw - yaw) <= 1e-4) {
        // Where the last sample is, and past the time it is drawn at: still until the next sample.
        a.still = now - SMOOTHING_MS >= a.lastAt;
        continue;
      }
      moved = true;
      h.set(pose.p[0], y, pose.p[2]);
      a.yaw = yaw;
    }
    if (moved || this.headsChanged) this.writeHeads();
    const eye = this.scene.activeCamera?.globalPosition;
    const viewerMoved = !!eye && Vector3.DistanceSquared(eye, this.namesChosenFrom) > VIEWER_STEP * VIEWER_STEP;
    if (this.namesChanged || viewerMoved || (moved && now - this.namesChosenAt >= PRESENCE_INTERVAL_MS)) this.showNearestNames(now);
    this.placeNames();
    if (moved) this.requestRender();
  }

  /** The names on show above their heads; in AR's space when the group hangs under its root (it moves). */
  private placeNames(): void {
    const world = this.group.parent ? this.group.computeWorldMatrix(true) : undefined;
    for (const a of this.avatars.values()) if (a.board !== undefined) this.names.place(a.board, a.named, a.head.x, a.head.y, a.head.z, world);
    this.names.flush();
  }

  /** Every head's matrix into its role's buffer, once for the frame. */
  private writeHeads(): void {
    this.headsChanged = false;
    const { person, leader } = this.heads;
    person.count = leader.count = 0;
    for (const [id, a] of this.avatars) {
      if (!Number.isFinite(a.head.x)) continue;
      const heads = id === this.leaderId ? leader : person;
      if ((heads.count + 1) * 16 > heads.matrices.length) {
        const more = new Float32Array(heads.matrices.length * 2);
        more.set(heads.matrices);
        heads.matrices = more;
        heads.mesh.thinInstanceSetBuffer('matrix', more, 16, false);
      }
      Matrix.RotationYToRef(a.yaw, this.matrix);
      this.matrix.setTranslationFromFloats(a.head.x, a.head.y, a.head.z);
      this.matrix.copyToArray(heads.matrices, heads.count * 16);
      heads.count++;
    }
    for (const heads of [person, leader]) {
      heads.mesh.thinInstanceCount = heads.count;
      heads.mesh.thinInstanceBufferUpdated('matrix');
      heads.mesh.isVisible = heads.count > 0;
    }
  }

  /** Name boards for the {@link NAMES_SHOWN} nearest avatars within {@link NAME_DISTANCE} m of the camera. */
  private showNearestNames(now: number): void {
    this.namesChanged = false;
    this.namesChosenAt = now;
    const eye = this.scene.activeCamera?.globalPosition;
    if (eye) this.namesChosenFrom.copyFrom(eye);
    const near: { a: Avatar; d: number }[] = [];
    for (const a of this.avatars.values()) {
      if (!Number.isFinite(a.head.x)) continue;
      const d = eye ? Vector3.Distance(a.head, eye) : 0;
      if (this.avatars.size <= NAMES_SHOWN || d <= NAME_DISTANCE) near.push({ a, d });
    }
    near.sort((x, y) => x.d - y.d);
    const chosen = new Set(near.slice(0, NAMES_SHOWN).map((n) => n.a));
    // Hidden boards beyond what is kept go first, so that the chosen always find a free one.
    let kept = 0;
    for (const a of this.avatars.values()) if (a.board !== undefined && !chosen.has(a) && ++kept > BOARDS_KEPT - NAMES_SHOWN) this.dropBoard(a);
    for (const a of this.avatars.values()) {
      const on = chosen.has(a);
      if (on && a.board === undefined) a.board = this.names.claim(a.name);
      a.named = on && a.board !== undefined;
    }
    this.requestRender();
  }

  dispose(): void {
    this.scene.onBeforeRenderObservable.remove(this.frame);
    for (const id of [...this.avatars.keys()]) this.remove(id);
    for (const r of this.rings.values()) r.dispose();
    this.rings.clear();
    this.heads.person.mesh.dispose();
    this.heads.leader.mesh.dispose();
    this.names.dispose();
    this.group.dispose();
  }
}

/** Sets a mesh's enabled and visible flags, writing only what differs (AR's hiding is undone every frame). */
function show(m: Mesh, enabled: boolean, visible: boolean): void {
  if (m.isEnabled(false) !== enabled) m.setEnabled(enabled);
  if (m.isVisible !== visible) m.isVisible = visible;
}
