/**
 * The areas a condition report marks on a work, drawn on the work in the colour of their condition:
 * a translucent disc with a solid rim on paintings, a translucent sphere on objects. One entry of the
 * conservation timeline is shown at a time; drawn after the scene so they are never hidden inside the work.
 */
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Matrix, Vector3 } from '@babylonjs/core/Maths/math.vector';
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import { CreateDisc } from '@babylonjs/core/Meshes/Builders/discBuilder';
import { CreateTorus } from '@babylonjs/core/Meshes/Builders/torusBuilder';
import { CreateSphere } from '@babylonjs/core/Meshes/Builders/sphereBuilder';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import type { Camera } from '@babylonjs/core/Cameras/camera';
import type { Scene } from '@babylonjs/core/scene';
import { areaCondition, CONDITION_VOCABULARY, type ConditionTerm, type TimelineEntry } from '../twin/conservation';
import type { SceneArtwork } from './artworks';

export interface ShownArea {
  condition: ConditionTerm;
  /** World position of the area's centre. */
  world: [number, number, number];
}

export class ConditionAreas {
  private meshes: Mesh[] = [];
  private readonly materials = new Map<string, StandardMaterial>();
  private shown?: { artwork: string; entry: string; areas: ShownArea[] };

  constructor(private readonly scene: Scene) {}

  /** Shows one timeline entry's areas on its work (a treatment or an entry without areas clears them). */
  show(work: SceneArtwork, entry: TimelineEntry): void {
    this.clear();
    const areas: ShownArea[] = [];
    if (entry.kind === 'report') {
      entry.areas.forEach((area, i) => {
        const condition = areaCondition(area, entry);
        const name = `condition-area:${work.artwork.id}:${entry.id}:${i}`;
        const parts = work.artwork.kind === 'painting' ? this.disc(name, area.radius, condition) : [this.sphere(name, area.radius, condition)];
        for (const m of parts) {
          m.parent = work.origin;
          m.position.set(...area.position);
          if (work.artwork.kind === 'painting') m.position.z += 0.006;
          m.isPickable = false;
          m.renderingGroupId = 1;
          m.metadata = { conditionArea: true };
          this.meshes.push(m);
        }
        const w = parts[0]!.getAbsolutePosition();
        areas.push({ condition, world: [w.x, w.y, w.z] });
      });
    }
    this.shown = { artwork: work.artwork.id, entry: entry.id, areas };
  }

  clear(): void {
    for (const m of this.meshes) m.dispose(false, false);
    this.meshes = [];
    this.shown = undefined;
  }

  /** What is shown, with each area's place on screen (for tests). */
  state(camera: Camera | null): { artwork: string; entry: string; areas: (ShownArea & { screen?: [number, number] })[] } | undefined {
    if (!this.shown) return undefined;
    const engine = this.scene.getEngine();
    return {
      ...this.shown,
      areas: this.shown.areas.map((a) => {
        if (!camera) return a;
        const p = Vector3.Project(
          new Vector3(...a.world),
          Matrix.IdentityReadOnly,
          this.scene.getTransformMatrix(),
          camera.viewport.toGlobal(engine.getRenderWidth(), engine.getRenderHeight()),
        );
        return { ...a, screen: [p.x / engine.getRenderWidth(), p.y / engine.getRenderHeight()] as [number, number] };
      }),
    };
  }

  private material(condition: ConditionTerm, alpha: number): StandardMaterial {
    const key = `${condition}:${alpha}`;
    let m = this.materials.get(key);
    if (!m) {
      m = new StandardMaterial(`condition-${key}`, this.scene);
      m.emissiveColor = Color3.FromHexString(CONDITION_VOCABULARY[condition].colour);
      m.diffuseColor = Color3.Black();
      m.specularColor = Color3.Black();
      m.disableLighting = true;
      m.alpha = alpha;
      m.backFaceCulling = false;
      this.materials.set(key, m);
    }
    return m;
  }

  private disc(name: string, radius: number, condition: ConditionTerm): Mesh[] {
    const fill = CreateDisc(name, { radius, tessellation: 40, sideOrientation: Mesh.DOUBLESIDE }, this.scene);
    fill.material = this.material(condition, 0.35);
    const rim = CreateTorus(`${name}:rim`, { diameter: radius * 2, thickness: Math.max(0.006, radius * 0.08), tessellation: 48 }, this.scene);
    // The torus lies in XZ; the painting's surface is XY.
    rim.rotation.x = Math.PI / 2;
    rim.material = this.material(condition, 1);
    return [fill, rim];
  }

  private sphere(name: string, radius: number, condition: ConditionTerm): Mesh {
    const s = CreateSphere(name, { diameter: radius * 2, segments: 16 }, this.scene);
    s.material = this.material(condition, 0.45);
    return s;
  }
}
