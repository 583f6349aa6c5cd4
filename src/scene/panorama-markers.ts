/**
 * The viewpoint markers of a room's 360° photographs: a ring on the floor where the photo was taken and a small
 * "360°" badge above it that turns to the visitor. Both are pickable (metadata `{ kind: 'panorama', panoramaId }`),
 * by the preview's pointer and the VR controller's ray alike.
 */
import { DynamicTexture } from '@babylonjs/core/Materials/Textures/dynamicTexture';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import { CreateDisc } from '@babylonjs/core/Meshes/Builders/discBuilder';
import { CreateTorus } from '@babylonjs/core/Meshes/Builders/torusBuilder';
import { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import type { Scene } from '@babylonjs/core/scene';
import type { Panorama } from '../twin/panorama';

/** Height of the badge's centre above the floor: below eye height, above the works' plinths. */
export const BADGE_HEIGHT = 1.05;

export interface PanoramaMarkerMeta {
  kind: 'panorama';
  panoramaId: string;
}

/** The panorama a picked mesh stands for, if it is a viewpoint marker. */
export function panoramaIdOf(mesh: AbstractMesh | null | undefined): string | undefined {
  const meta = mesh?.metadata as Partial<PanoramaMarkerMeta> | null | undefined;
  return meta?.kind === 'panorama' ? meta.panoramaId : undefined;
}

export class PanoramaMarkers {
  private readonly roots = new Map<string, TransformNode>();
  private readonly badgeTexture: DynamicTexture;
  private readonly materials: StandardMaterial[] = [];

  constructor(
    private readonly scene: Scene,
    panoramas: readonly Panorama[],
    floorY: (p: Panorama) => number = () => 0,
  ) {
    this.badgeTexture = new DynamicTexture('panorama-badge', { width: 256, height: 256 }, scene, true);
    const ctx = this.badgeTexture.getContext() as CanvasRenderingContext2D;
    ctx.fillStyle = '#1d4ed8';
    ctx.beginPath();
    ctx.arc(128, 128, 124, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#ffffff';
    ctx.font = 'bold 84px sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText('360°', 128, 132);
    this.badgeTexture.hasAlpha = true;
    this.badgeTexture.update();
    const ringMat = this.material('panorama-ring-mat', new Color3(0.2, 0.45, 1));
    const badgeMat = this.material('panorama-badge-mat', Color3.White());
    badgeMat.emissiveTexture = this.badgeTexture;
    badgeMat.opacityTexture = this.badgeTexture;
    for (const p of panoramas) {
      const root = new TransformNode(`panorama-marker:${p.id}`, scene);
      root.position.set(p.position[0], floorY(p), p.position[1]);
      const meta: PanoramaMarkerMeta = { kind: 'panorama', panoramaId: p.id };
      const ring = CreateTorus(`panorama-ring:${p.id}`, { diameter: 0.7, thickness: 0.05, tessellation: 40 }, scene);
      ring.position.y = 0.02;
      ring.material = ringMat;
      // An invisible disc inside the ring makes the whole spot easy to hit.
      const pad = CreateDisc(`panorama-pad:${p.id}`, { radius: 0.38, tessellation: 24, sideOrientation: Mesh.DOUBLESIDE }, scene);
      pad.rotation.x = Math.PI / 2;
      pad.position.y = 0.015;
      pad.visibility = 0.001;
      const badge = CreateDisc(`panorama-badge:${p.id}`, { radius: 0.16, tessellation: 32, sideOrientation: Mesh.DOUBLESIDE }, scene);
      badge.position.y = BADGE_HEIGHT;
      badge.billboardMode = Mesh.BILLBOARDMODE_Y;
      badge.material = badgeMat;
      for (const m of [ring, pad, badge]) {
        m.parent = root;
        m.metadata = meta;
        m.isPickable = true;
      }
      this.roots.set(p.id, root);
    }
  }

  private material(name: string, colour: Color3): StandardMaterial {
    const m = new StandardMaterial(name, this.scene);
    m.disableLighting = true;
    m.emissiveColor = colour;
    m.backFaceCulling = false;
    this.materials.push(m);
    return m;
  }

  /** The badge's centre in the world: where a test (or a pointer) aims. */
  badgePoint(id: string): Vector3 | undefined {
    const root = this.roots.get(id);
    return root ? root.position.add(new Vector3(0, BADGE_HEIGHT, 0)) : undefined;
  }

  /** Shows or hides one marker (the visitor standing in its photo does not need it), or all. */
  setVisible(visible: boolean, id?: string): void {
    for (const [pid, root] of this.roots) if (id === undefined || id === pid) root.setEnabled(visible);
  }

  dispose(): void {
    for (const r of this.roots.values()) r.dispose(false, true);
    this.roots.clear();
    this.badgeTexture.dispose();
    for (const m of this.materials) m.dispose();
  }
}
