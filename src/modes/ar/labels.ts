/**
 * AR's floating labels: up to five, above the nearest works in front of the visitor that their communities allow
 * in AR, lifted so none overlaps another in view, each with a leader line to its work. Tapping one opens the work.
 * A work with an active conservation alert says so on its label (live-label.ts).
 */
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import { CreatePlane } from '@babylonjs/core/Meshes/Builders/planeBuilder';
import { CreateLineSystem } from '@babylonjs/core/Meshes/Builders/linesBuilder';
import type { LinesMesh } from '@babylonjs/core/Meshes/linesMesh';
import type { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { DynamicTexture } from '@babylonjs/core/Materials/Textures/dynamicTexture';
import { Observable } from '@babylonjs/core/Misc/observable';
import type { Camera } from '@babylonjs/core/Cameras/camera';
import type { Scene } from '@babylonjs/core/scene';
import { headingToDir } from '../../twin/floorplan';
import type { Artwork, Vec3 } from '../../twin/schema';
import { mayShow } from '../../twin/protocol';
import type { Gallery } from '../../scene/gallery';
import type { SceneArtwork } from '../../scene/artworks';
import type { XrLocale } from '../xr/host';
import { deOverlap, MAX_LABELS, nearbyWorks, type LabelBox } from './logic';
import type { XrLiveFeed } from '../xr/live-feed';
import { drawAlertLabel, labelAlert } from './live-label';

const LABEL_W = 0.34;
const LABEL_H = 0.085;
/** How far above the work's top the label floats (before de-overlap). */
const LABEL_RISE = 0.22;

interface Label {
  mesh: Mesh;
  texture: DynamicTexture;
  id?: string;
  /** The point on the work (twin coordinates). */
  anchor?: Vector3;
  /** The alert it shows, if any (redrawn when this changes). */
  alert?: string;
}

export interface IArLabelsOptions {
  scene: Scene;
  gallery: Gallery;
  /** The registration root: labels point at works in its (twin) coordinates. */
  root: TransformNode;
  locale: XrLocale;
  /** The live twin: alerts at a work show on its label. */
  live?: XrLiveFeed;
}

/** The point on a work a label points at, in twin coordinates: just above the image or the object. */
export function labelAnchor(w: Pick<SceneArtwork, 'pose' | 'artwork'>): Vector3 {
  const p = w.pose.position;
  const a = w.artwork;
  // A little out from the wall, so the label and its line stand clear of it.
  const [fx, fz] = headingToDir(w.pose.heading);
  if (a.kind === 'painting') return new Vector3(p[0] + fx * 0.08, p[1] + a.dimensions.height / 2 + 0.04, p[2] + fz * 0.08);
  const plinth = a.display === 'none' ? 0 : a.plinthHeight;
  return new Vector3(p[0], p[1] + plinth + a.dimensions.height + 0.04, p[2]);
}

export class ArLabels {
  /** The labelled works changed (their ids in order; empty when none show). */
  readonly onLabelsChangedObservable = new Observable<string[]>();
  private readonly labels: Label[] = [];
  private readonly leaders: LinesMesh;
  private shown: string[] = [];

  constructor(private readonly options: IArLabelsOptions) {
    for (let i = 0; i < MAX_LABELS; i++) this.labels.push(this.makeLabel(i));
    this.leaders = CreateLineSystem('ar-leaders', { lines: emptyLines(), updatable: true }, options.scene);
    this.leaders.color = Color3.FromHexString('#ffb347');
    this.leaders.isPickable = false;
    this.leaders.setEnabled(false);
  }

  /** Labels by the nearest works seen from `camera`; with a work open (`openId`), only its label stays. */
  place(camera: Camera, openId: string | undefined): void {
    const { scene, gallery, root } = this.options;
    const f = camera.getDirection(Vector3.Forward(scene.useRightHandedSystem));
    const v = { position: [camera.position.x, camera.position.y, camera.position.z] as Vec3, forward: [f.x, f.y, f.z] as Vec3 };
    const world = root.computeWorldMatrix(true);
    // Only works their communities allow in the gallery's AR get a label (and so can be opened there).
    const candidates = [...gallery.works.values()].filter((w) => mayShow(w.artwork, 'ar')).map((w) => {
      const local = labelAnchor(w);
      const p = Vector3.TransformCoordinates(local, world);
      return { id: w.artwork.id, position: [p.x, p.y, p.z] as Vec3, local, work: w };
    });
    // With a work open, only its label stays: the panel is the visitor's focus.
    const near = nearbyWorks(candidates, v);
    const ids = openId && near.includes(openId) ? [openId] : near;
    // De-overlap in the viewer's frame: right, up, ahead.
    const view = camera.getViewMatrix();
    const boxes: LabelBox[] = [];
    for (const id of ids) {
      const c = candidates.find((x) => x.id === id)!;
      const p = Vector3.TransformCoordinates(new Vector3(c.position[0], c.position[1] + LABEL_RISE + LABEL_H / 2, c.position[2]), view);
      // Right-handed view space looks along −z.
      const depth = scene.useRightHandedSystem ? -p.z : p.z;
      boxes.push({ id, right: p.x, up: p.y, depth, width: LABEL_W, height: LABEL_H });
    }
    const lift = deOverlap(boxes);
    const lines: Vector3[][] = emptyLines();
    ids.forEach((id, i) => {
      const c = candidates.find((x) => x.id === id)!;
      const label = this.labels[i]!;
      const up = LABEL_RISE + (lift.get(id) ?? 0);
      const pos = new Vector3(c.position[0], c.position[1] + up + LABEL_H / 2, c.position[2]);
      // In world coordinates: a billboard ignores its parent's turn, so labels are not parented to the root.
      label.mesh.position.copyFrom(pos);
      label.anchor = c.local;
      const alert = labelAlert(this.options.live, id, this.options.locale);
      if (label.id !== id || label.alert !== alert) {
        label.id = id;
        label.alert = alert;
        label.mesh.metadata = { kind: 'ar-label', artworkId: id };
        this.draw(label, c.work.artwork);
      }
      label.mesh.setEnabled(true);
      lines[i] = [new Vector3(...c.position), pos.subtract(new Vector3(0, LABEL_H / 2, 0))];
    });
    for (let i = ids.length; i < this.labels.length; i++) {
      this.labels[i]!.mesh.setEnabled(false);
      this.labels[i]!.id = undefined;
    }
    CreateLineSystem('ar-leaders', { lines, instance: this.leaders });
    this.leaders.setEnabled(ids.length > 0);
    const key = ids.join(',');
    if (key !== this.shown.join(',')) {
      this.shown = ids;
      this.onLabelsChangedObservable.notifyObservers(ids);
    }
  }

  hide(): void {
    for (const l of this.labels) {
      l.mesh.setEnabled(false);
      l.id = undefined;
    }
    this.leaders.setEnabled(false);
    this.shown = [];
    this.onLabelsChangedObservable.notifyObservers([]);
  }

  /** The labels showing: the work, where the label is, the point on the work it points at (world), and any alert it shows. */
  state(): { id: string; position: Vec3; anchor?: Vec3; alert?: string }[] {
    return this.labels
      .filter((l) => l.id && l.mesh.isEnabled())
      .map((l) => {
        const p = l.mesh.getAbsolutePosition();
        const a = l.anchor ? Vector3.TransformCoordinates(l.anchor, this.options.root.getWorldMatrix()) : undefined;
        return { id: l.id!, position: [p.x, p.y, p.z] as Vec3, anchor: a ? ([a.x, a.y, a.z] as Vec3) : undefined, alert: l.alert };
      });
  }

  private makeLabel(i: number): Label {
    const scene = this.options.scene;
    const mesh = CreatePlane(`ar-label-${i}`, { width: LABEL_W, height: LABEL_H, sideOrientation: Mesh.DOUBLESIDE }, scene);
    mesh.billboardMode = Mesh.BILLBOARDMODE_ALL;
    mesh.isPickable = true;
    mesh.metadata = { kind: 'ar-label' };
    const texture = new DynamicTexture(`ar-label-${i}-text`, { width: 512, height: 128 }, scene, true);
    const mat = new StandardMaterial(`ar-label-${i}-mat`, scene);
    mat.disableLighting = true;
    mat.emissiveTexture = texture;
    mat.diffuseColor = Color3.Black();
    mat.backFaceCulling = false;
    mesh.material = mat;
    mesh.setEnabled(false);
    return { mesh, texture };
  }

  private draw(label: Label, art: Artwork): void {
    const text = (m: Artwork['title']) => this.options.locale.text(m);
    const ctx = label.texture.getContext() as CanvasRenderingContext2D;
    if (label.alert) {
      drawAlertLabel(ctx, text(art.title), label.alert);
      label.texture.update(true);
      return;
    }
    ctx.fillStyle = '#1f1c19';
    ctx.fillRect(0, 0, 512, 128);
    ctx.strokeStyle = '#ffb347';
    ctx.lineWidth = 6;
    ctx.strokeRect(3, 3, 506, 122);
    ctx.fillStyle = '#f4efe6';
    ctx.textAlign = 'center';
    ctx.font = '600 40px Georgia, serif';
    const title = text(art.title);
    ctx.fillText(title.length > 24 ? `${title.slice(0, 23)}…` : title, 256, 62);
    ctx.fillStyle = '#c9bfb1';
    ctx.font = '26px system-ui, Arial, sans-serif';
    ctx.fillText(text(art.creator.name).slice(0, 36), 256, 104);
    label.texture.update(true);
  }

  dispose(): void {
    for (const l of this.labels) {
      l.mesh.material?.dispose(true, true);
      l.mesh.dispose();
    }
    this.leaders.dispose();
  }
}

function emptyLines(): Vector3[][] {
  return Array.from({ length: MAX_LABELS }, () => [Vector3.Zero(), Vector3.Zero()]);
}
