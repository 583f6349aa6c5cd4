/**
 * The group in the 3D preview: one simple avatar per other person (a head, a nose showing where they look, and
 * their name above), drawn two update intervals in the past between their last updates
 * (src/twin/together/smoothing.ts), so that four updates a second — or two, as a large group's members other than
 * the leader are relayed (src/server/together/presence-pacer.ts) — move smoothly. The leader's head has its own colour; a work someone points at gets a ring in front.
 * Nothing here is pickable: clicks go through to the works and the floor.
 */
import { DynamicTexture } from '@babylonjs/core/Materials/Textures/dynamicTexture';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { InstancedMesh } from '@babylonjs/core/Meshes/instancedMesh';
import '@babylonjs/core/Meshes/instancedMesh';
import { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import { CreateBox } from '@babylonjs/core/Meshes/Builders/boxBuilder';
import { CreatePlane } from '@babylonjs/core/Meshes/Builders/planeBuilder';
import { CreateSphere } from '@babylonjs/core/Meshes/Builders/sphereBuilder';
import { CreateTorus } from '@babylonjs/core/Meshes/Builders/torusBuilder';
import type { Observer } from '@babylonjs/core/Misc/observable';
import type { Scene } from '@babylonjs/core/scene';
import { EYE_HEIGHT } from '../twin/layout';
import type { Vec3 } from '../twin/schema';
import { PRESENCE_INTERVAL_MS } from '../twin/together/protocol';
import { PresenceTrack } from '../twin/together/smoothing';

/** Name boards are drawn for the nearest few only, within reading distance: a class of 100 is a crowd of names. */
export const NAMES_SHOWN = 16;
export const NAME_DISTANCE = 8;

interface Avatar {
  root: TransformNode;
  head: InstancedMesh;
  label: Mesh;
  name: string;
  track: PresenceTrack;
}

export class GroupAvatars {
  private readonly avatars = new Map<string, Avatar>();
  private readonly materials: { person: StandardMaterial; leader: StandardMaterial; ring: StandardMaterial };
  /** One head (sphere and nose) per role, every avatar an instance of it: a group costs two draw calls, not 200. */
  private readonly heads: { person: Mesh; leader: Mesh };
  private readonly rings = new Map<string, Mesh>();
  private readonly frame: Observer<Scene>;
  private leaderId?: string;
  /** In AR, the registration root the avatars hang under (so they stand where the twin lines up with the room). */
  private parent: TransformNode | undefined;

  constructor(
    private readonly scene: Scene,
    /** Where a work is (centre, and the way it faces), for the pointer ring. */
    private readonly workCentre: (id: string) => { centre: Vec3; normal: Vec3 } | undefined,
    private readonly requestRender: () => void,
  ) {
    const mat = (name: string, c: Color3) => {
      const m = new StandardMaterial(name, scene);
      m.diffuseColor = c;
      m.emissiveColor = c.scale(0.35);
      return m;
    };
    this.materials = { person: mat('together-person', new Color3(0.88, 0.48, 0)), leader: mat('together-leader', new Color3(0.42, 0.17, 0.84)), ring: mat('together-ring', new Color3(1, 0.75, 0.1)) };
    this.heads = { person: this.headSource('person'), leader: this.headSource('leader') };
    // Between updates the avatars still move: ask for frames while anyone is drawn between two samples.
    this.frame = scene.onBeforeRenderObservable.add(() => this.place());
  }

  /** Someone's latest presence (feet position, heading); a new person gets an avatar. */
  update(id: string, name: string, p: Vec3, heading: number, now = performance.now()): void {
    let a = this.avatars.get(id);
    if (!a) {
      a = this.make(id, name);
      this.avatars.set(id, a);
    } else if (a.name !== name) {
      a.label.dispose(false, true);
      a.label = this.nameLabel(id, name, a.root);
      a.name = name;
    }
    a.track.push(now, p, heading);
    this.requestRender();
  }

  setLeader(id: string | undefined): void {
    this.leaderId = id;
    for (const [aid, a] of this.avatars) {
      const source = aid === id ? this.heads.leader : this.heads.person;
      if (a.head.sourceMesh === source) continue;
      const rotation = a.head.rotation.y;
      a.head.dispose();
      a.head = this.headOf(aid, a.root, source);
      a.head.rotation.y = rotation;
    }
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
      if (this.parent) ring.parent = this.parent;
      this.rings.set(work, ring);
    }
    this.requestRender();
  }

  remove(id: string): void {
    const a = this.avatars.get(id);
    if (!a) return;
    // The head is an instance: disposing it with "materials" would take the shared head material with it.
    a.head.dispose();
    a.label.dispose(false, true);
    a.root.dispose();
    this.avatars.delete(id);
    this.requestRender();
  }

  /**
   * Hangs every avatar and ring under `parent` (AR's registration root), or back in the scene's own space. In AR
   * the twin's own meshes are hidden or depth-only; the group's are shown again, in their colours.
   */
  hangUnder(parent: TransformNode | undefined): void {
    this.parent = parent;
    // AR turns off every mesh of the twin it does not use as an occluder, the heads' sources among them; their
    // instances (the avatars) are drawn through them, so they stay on (and themselves unseen).
    if (parent) for (const h of [this.heads.person, this.heads.leader]) h.setEnabled(true);
    const nodes: TransformNode[] = [...[...this.avatars.values()].map((a) => a.root), ...this.rings.values()];
    for (const n of nodes) {
      if (n.parent !== (parent ?? null)) n.parent = parent ?? null;
      if (!parent) continue;
      for (const m of [...(n instanceof Mesh ? [n] : []), ...n.getChildMeshes(false)]) {
        if (!m.isEnabled(false) || !m.isVisible) {
          m.setEnabled(true);
          m.isVisible = true;
        }
      }
    }
  }

  /** Who is drawn, and where (for the tests' hooks). */
  drawn(): { id: string; position: Vec3 }[] {
    return [...this.avatars].map(([id, a]) => ({ id, position: [a.root.position.x, a.root.position.y - EYE_HEIGHT, a.root.position.z] }));
  }

  private make(id: string, name: string): Avatar {
    const root = new TransformNode(`together-${id}`, this.scene);
    if (this.parent) root.parent = this.parent;
    const head = this.headOf(id, root, id === this.leaderId ? this.heads.leader : this.heads.person);
    return { root, head, label: this.nameLabel(id, name, root), name, track: new PresenceTrack(2 * PRESENCE_INTERVAL_MS) };
  }

  /** A head and nose in one mesh, the source of every avatar's instance in that role; never drawn itself. */
  private headSource(role: 'person' | 'leader'): Mesh {
    const sphere = CreateSphere(`together-head-${role}`, { diameter: 0.28, segments: 12 }, this.scene);
    const nose = CreateBox(`together-nose-${role}`, { width: 0.06, height: 0.06, depth: 0.16 }, this.scene);
    nose.position.z = -0.16; // heading 0 looks toward −z
    const head = Mesh.MergeMeshes([sphere, nose], true)!;
    head.name = `together-head-${role}`;
    head.material = this.materials[role];
    head.isPickable = false;
    head.isVisible = false; // the instances are drawn, never the source
    return head;
  }

  private headOf(id: string, root: TransformNode, source: Mesh): InstancedMesh {
    const head = source.createInstance(`together-head-${id}`);
    head.parent = root;
    head.isPickable = false;
    head.isVisible = true;
    return head;
  }

  /** The name on a small board above the head, always facing the viewer; drawn as text (never markup). */
  private nameLabel(id: string, name: string, root: TransformNode): Mesh {
    const tex = new DynamicTexture(`together-name-${id}`, { width: 512, height: 96 }, this.scene, true);
    tex.hasAlpha = true;
    const ctx = tex.getContext() as CanvasRenderingContext2D;
    ctx.clearRect(0, 0, 512, 96);
    ctx.fillStyle = 'rgba(0,0,0,0.6)';
    ctx.fillRect(0, 0, 512, 96);
    ctx.fillStyle = '#fff';
    ctx.font = '600 52px sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(name, 256, 50, 496);
    tex.update();
    const mat = new StandardMaterial(`together-name-${id}`, this.scene);
    mat.diffuseTexture = tex;
    mat.emissiveColor = Color3.White();
    mat.disableLighting = true;
    mat.useAlphaFromDiffuseTexture = true;
    mat.backFaceCulling = false;
    const plane = CreatePlane(`together-label-${id}`, { width: 0.8, height: 0.15 }, this.scene);
    plane.material = mat;
    plane.parent = root;
    plane.position.y = 0.3;
    plane.billboardMode = Mesh.BILLBOARDMODE_ALL;
    plane.isPickable = false;
    return plane;
  }

  private place(): void {
    const now = performance.now();
    let moving = false;
    for (const a of this.avatars.values()) {
      const pose = a.track.at(now);
      if (!pose) continue;
      const before = a.root.position;
      const y = pose.p[1] + EYE_HEIGHT;
      if (Math.abs(before.x - pose.p[0]) + Math.abs(before.y - y) + Math.abs(before.z - pose.p[2]) > 1e-4) moving = true;
      a.root.position.set(pose.p[0], y, pose.p[2]);
      a.head.rotation.y = (-pose.h * Math.PI) / 180; // the nose (−z) turned to the heading (0 toward −z, 90 toward +x)
    }
    if (moving) this.showNearestNames();
    if (moving) this.requestRender();
  }

  /** Name boards for the {@link NAMES_SHOWN} nearest avatars within {@link NAME_DISTANCE} m of the camera. */
  private showNearestNames(): void {
    const eye = this.scene.activeCamera?.globalPosition;
    const all = [...this.avatars.values()];
    if (!eye || all.length <= NAMES_SHOWN) {
      for (const a of all) a.label.isVisible = true;
      return;
    }
    const byDistance = all.map((a) => ({ a, d: a.root.getAbsolutePosition().subtract(eye).length() })).sort((x, y) => x.d - y.d);
    byDistance.forEach(({ a, d }, i) => (a.label.isVisible = i < NAMES_SHOWN && d <= NAME_DISTANCE));
  }

  dispose(): void {
    this.scene.onBeforeRenderObservable.remove(this.frame);
    for (const id of [...this.avatars.keys()]) this.remove(id);
    for (const r of this.rings.values()) r.dispose();
    this.rings.clear();
    this.heads.person.dispose();
    this.heads.leader.dispose();
  }
}
