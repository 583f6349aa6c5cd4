/**
 * The twin as an occluder in AR: the whole twin hangs under one registration root (`ar-root`); walls, floors and
 * ceilings draw depth only, as one merged mesh, every work becomes one depth-only box from its catalogued size (all merged into one
 * mesh), everything else is hidden, and the scene clears to transparent so the camera image shows. `restore()`
 * puts every mesh, material, parent and the clear colour back as they were.
 */
import { Color4 } from '@babylonjs/core/Maths/math.color';
import { Quaternion, Vector3 } from '@babylonjs/core/Maths/math.vector';
import { VertexBuffer } from '@babylonjs/core/Buffers/buffer';
import { VertexData } from '@babylonjs/core/Meshes/mesh.vertexData';
import { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import { CreateBox } from '@babylonjs/core/Meshes/Builders/boxBuilder';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import type { Scene } from '@babylonjs/core/scene';
import { headingToDir } from '../../twin/floorplan';
import type { Gallery } from '../../scene/gallery';
import { timeLapseFor } from '../../scene/time-lapse';
import type { RoomTransform } from './registration';

interface Saved {
  clear: Color4;
  parents: TransformNode[];
  /**
   * Hidden meshes with whether each was enabled and visible. Hidden twice (disabled and invisible): the gallery's
   * room visibility enables every room once the twin hangs under the registration root.
   */
  disabled: [AbstractMesh, boolean, boolean][];
  /** Meshes whose world matrix was frozen (the architecture): thawed to follow the root, frozen again after. */
  frozen: AbstractMesh[];
}

export class ArOccluders {
  /** The registration root: the registered transform goes here, the whole twin hangs under it while in AR. */
  readonly root: TransformNode;
  private readonly material: StandardMaterial;
  private workOccluders?: Mesh;
  /** The architecture of every room, merged (buildShell). */
  private shell?: Mesh;
  private saved?: Saved;

  constructor(
    private readonly scene: Scene,
    private readonly gallery: Gallery,
  ) {
    this.root = new TransformNode('ar-root', scene);
    this.material = new StandardMaterial('ar-occluder', scene);
    this.material.disableColorWrite = true;
    this.material.disableLighting = true;
    this.material.backFaceCulling = false;
  }

  /** Whether the twin is prepared for AR now. */
  get prepared(): boolean {
    return !!this.saved;
  }

  /** Moves the twin (the root) by a registration. */
  setRoot(t: RoomTransform): void {
    this.root.position.set(...t.translation);
    this.root.rotationQuaternion = Quaternion.RotationYawPitchRoll(t.yaw, 0, 0);
    this.root.computeWorldMatrix(true);
  }

  /** Parents the twin to the registration root; walls and floors draw depth only, works become one occluder. */
  prepare(): void {
    if (this.saved) return;
    const scene = this.scene;
    const mine = new Set<unknown>([this.root]);
    const saved: Saved = { clear: scene.clearColor.clone(), parents: [], disabled: [], frozen: [] };
    this.root.position.setAll(0);
    this.root.rotationQuaternion = Quaternion.Identity();
    for (const n of [...scene.rootNodes]) {
      if (mine.has(n) || !(n instanceof TransformNode) || n.name.startsWith('ar-') || n.name.startsWith('vr-')) continue;
      n.parent = this.root;
      saved.parents.push(n);
    }
    const arch = new Set<AbstractMesh>([...this.gallery.architecture.floors, ...this.gallery.architecture.walls, ...[...this.gallery.architecture.byRoom.values()].flat()]);
    const shell: AbstractMesh[] = [];
    for (const m of this.root.getChildMeshes(false)) {
      // The AR mode's own meshes under the root (the ghost outline, the GUI panel) are not the twin's.
      if (m.name.startsWith('ar-') || m.name.startsWith('vr-')) continue;
      if (m.isWorldMatrixFrozen) {
        m.unfreezeWorldMatrix();
        saved.frozen.push(m);
      }
      // Every room's architecture, not only the rooms drawn now: in AR the twin is seen from its real place.
      if (arch.has(m) && m.isVisible) shell.push(m);
      saved.disabled.push([m, m.isEnabled(false), m.isVisible]);
      m.setEnabled(false);
      m.isVisible = false;
    }
    this.saved = saved;
    this.buildShell(shell);
    this.buildWorkOccluders();
    this.timeLapsesOverReality(true);
    // The camera image shows through.
    scene.clearColor = new Color4(0, 0, 0, 0);
  }

  /**
   * Every room's floor, walls and ceiling as one depth-only mesh (one draw call): seen from the hall's corner, the
   * rooms' own meshes drew 55 calls, past the 50 a phone can take. Positions and indices only, in the twin's space
   * (the root is at rest while this runs), so meshes with other vertex data merge alike.
   */
  private buildShell(meshes: AbstractMesh[]): void {
    const positions: number[] = [];
    const indices: number[] = [];
    const p = new Vector3();
    for (const m of meshes) {
      const local = m.getVerticesData(VertexBuffer.PositionKind);
      const own = m.getIndices();
      if (!local || !own) continue;
      const world = m.computeWorldMatrix(true);
      const base = positions.length / 3;
      for (let i = 0; i < local.length; i += 3) {
        Vector3.TransformCoordinatesFromFloatsToRef(local[i]!, local[i + 1]!, local[i + 2]!, world, p);
        positions.push(p.x, p.y, p.z);
      }
      for (const i of own) indices.push(base + i);
    }
    this.shell?.dispose();
    this.shell = undefined;
    if (!indices.length) return;
    const shell = new Mesh('ar-shell-occluder', this.scene);
    const data = new VertexData();
    data.positions = positions;
    data.indices = indices;
    data.applyToMesh(shell);
    shell.material = this.material;
    shell.isPickable = false;
    shell.parent = this.root;
    this.shell = shell;
  }

  /**
   * One depth-only box per work (its frame, plinth or case and object), from its catalogued size, merged into a
   * single draw call. A work whose overlay animation plays is left out, so the animation is not hidden in its box.
   */
  buildWorkOccluders(except?: string): void {
    if (!this.saved) return;
    const boxes: Mesh[] = [];
    for (const w of this.gallery.works.values()) {
      const a = w.artwork;
      if (a.id === except) continue;
      const [fx, fz] = headingToDir(w.pose.heading);
      const p = w.pose.position;
      let size: [number, number, number];
      let centre: [number, number, number];
      if (a.kind === 'painting') {
        const frame = a.frame.style === 'none' ? 0 : a.frame.width;
        const d = a.dimensions.depth ?? 0.04;
        size = [a.dimensions.width + 2 * frame, a.dimensions.height + 2 * frame, d];
        centre = [p[0] - (fx * d) / 2, p[1], p[2] - (fz * d) / 2];
      } else {
        const base = a.display === 'none' ? 0 : a.plinthHeight;
        const pad = a.display === 'none' ? 0 : 0.1;
        const height = base + a.dimensions.height + (a.display === 'case' ? 0.05 : 0);
        size = [a.dimensions.width + pad, height, (a.dimensions.depth ?? a.dimensions.width) + pad];
        centre = [p[0], p[1] + height / 2, p[2]];
      }
      const box = CreateBox(`ar-occ-${a.id}`, { width: size[0], height: size[1], depth: size[2] }, this.scene);
      box.position.set(...centre);
      box.rotation.y = Math.atan2(fx, fz);
      boxes.push(box);
    }
    this.workOccluders?.dispose();
    this.workOccluders = boxes.length ? (Mesh.MergeMeshes(boxes, true, true) ?? undefined) : undefined;
    if (this.workOccluders) {
      this.workOccluders.name = 'ar-work-occluders';
      this.workOccluders.material = this.material;
      this.workOccluders.isPickable = false;
      this.workOccluders.parent = this.root;
    }
  }

  /** A work's time-lapse, moved from its present state, draws the earlier state on the real work (src/scene/time-lapse.ts). */
  private timeLapsesOverReality(on: boolean): void {
    for (const w of this.gallery.works.values()) timeLapseFor(this.scene, w, this.gallery.resolve)?.overReality(on);
  }

  /** Everything back as it was before `prepare()`. */
  restore(): void {
    const s = this.saved;
    if (!s) return;
    this.saved = undefined;
    this.timeLapsesOverReality(false);
    this.scene.clearColor = s.clear;
    this.shell?.dispose();
    this.shell = undefined;
    for (const [m, enabled, visible] of s.disabled) {
      m.isVisible = visible;
      m.setEnabled(enabled);
    }
    this.root.position.setAll(0);
    this.root.rotationQuaternion = Quaternion.Identity();
    this.root.computeWorldMatrix(true);
    for (const n of s.parents) n.parent = null;
    for (const m of s.frozen) m.freezeWorldMatrix();
    this.workOccluders?.dispose();
    this.workOccluders = undefined;
  }

  dispose(): void {
    this.restore();
    this.material.dispose();
    this.root.dispose();
  }
}
