/**
 * The route on the floor, in AR (on the real floor, under the registration root) and in VR (on the twin's floor):
 * flat arrows toward the next stop and a ring where the visitor stands to look at its work. One mesh for all the
 * arrows (rebuilt only when they change: a dozen chevrons), one ring; unlit, unpickable, just above the floor.
 */
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import { VertexData } from '@babylonjs/core/Meshes/mesh.vertexData';
import { CreateTorus } from '@babylonjs/core/Meshes/Builders/torusBuilder';
import type { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import type { Scene } from '@babylonjs/core/scene';
import { headingToDir } from '../../twin/floorplan';
import type { Vec2, Vec3 } from '../../twin/schema';
import type { FloorArrow } from '../../twin/route/follow';

/** Above the floor, so the arrows never fight it (or AR's depth-only floor) for depth. */
const LIFT_M = 0.02;
/** A chevron: this long (tip to notch), this wide. */
const ARROW_LEN = 0.34;
const ARROW_W = 0.3;
/** Amber: reads on a grey floor and over a camera image; the shape, not the colour, says "this way". */
const COLOUR = new Color3(1, 0.62, 0.1);
const RING_COLOUR = new Color3(0.15, 0.75, 1);

export class RouteArrows {
  private readonly arrows: Mesh;
  private readonly ring: Mesh;
  private readonly material: StandardMaterial;
  private readonly ringMaterial: StandardMaterial;
  private key = '';
  private shown: { arrows: (FloorArrow & { y: number })[]; ring?: Vec3 } = { arrows: [] };

  /** `prefix` names the meshes as the mode's own ('ar-…' meshes are not turned into occluders in AR). */
  constructor(scene: Scene, prefix: 'ar' | 'vr', parent?: TransformNode) {
    this.material = unlit(scene, `${prefix}-route-arrow`, COLOUR);
    this.ringMaterial = unlit(scene, `${prefix}-route-ring`, RING_COLOUR);
    this.arrows = new Mesh(`${prefix}-route-arrows`, scene);
    this.arrows.material = this.material;
    this.ring = CreateTorus(`${prefix}-route-ring`, { diameter: 0.7, thickness: 0.05, tessellation: 32 }, scene);
    this.ring.material = this.ringMaterial;
    for (const m of [this.arrows, this.ring]) {
      m.isPickable = false;
      m.parent = parent ?? null;
      m.setEnabled(false);
      m.metadata = { kind: 'route-guide' };
    }
  }

  /** Shows arrows and the next stop's ring (plan points lifted to their level's elevation); undefined hides the ring. */
  show(arrows: readonly FloorArrow[], ring: { position: Vec2; level: string } | undefined, elevation: (level: string) => number): void {
    const lifted = arrows.map((a) => ({ ...a, y: elevation(a.level) + LIFT_M }));
    const ringAt: Vec3 | undefined = ring ? [ring.position[0], elevation(ring.level) + LIFT_M, ring.position[1]] : undefined;
    const key = JSON.stringify([lifted.map((a) => [a.position[0].toFixed(2), a.position[1].toFixed(2), a.y, Math.round(a.heading)]), ringAt]);
    if (key === this.key) return;
    this.key = key;
    this.shown = { arrows: lifted, ring: ringAt };
    if (lifted.length) {
      chevrons(lifted).applyToMesh(this.arrows, true);
      this.arrows.refreshBoundingInfo();
    }
    this.arrows.setEnabled(lifted.length > 0);
    if (ringAt) this.ring.position.set(...ringAt);
    this.ring.setEnabled(!!ringAt);
  }

  hide(): void {
    this.key = '';
    this.shown = { arrows: [] };
    this.arrows.setEnabled(false);
    this.ring.setEnabled(false);
  }

  /** What is shown, in the parent's (twin) coordinates: each arrow's point and heading, the ring's centre. */
  state(): { arrows: { position: Vec3; heading: number }[]; ring?: Vec3 } {
    return { arrows: this.shown.arrows.map((a) => ({ position: [a.position[0], a.y, a.position[1]], heading: a.heading })), ring: this.shown.ring };
  }

  /** Where the shown arrows are in the world (after the parent's transform, e.g. AR's registration). */
  worldArrows(): Vec3[] {
    const m = this.arrows.computeWorldMatrix(true);
    return this.shown.arrows.map((a) => {
      const w = Vector3.TransformCoordinates(new Vector3(a.position[0], a.y, a.position[1]), m);
      return [w.x, w.y, w.z] as Vec3;
    });
  }

  dispose(): void {
    this.arrows.dispose();
    this.ring.dispose();
    this.material.dispose();
    this.ringMaterial.dispose();
  }
}

function unlit(scene: Scene, name: string, colour: Color3): StandardMaterial {
  const m = new StandardMaterial(name, scene);
  m.disableLighting = true;
  m.emissiveColor = colour;
  m.diffuseColor = Color3.Black();
  m.specularColor = Color3.Black();
  m.backFaceCulling = false;
  m.zOffset = -2;
  return m;
}

/** Flat chevrons lying on the floor, each pointing along its heading (built from the plan's own directions, no turns). */
export function chevrons(arrows: readonly (FloorArrow & { y: number })[]): VertexData {
  const positions: number[] = [];
  const indices: number[] = [];
  const normals: number[] = [];
  for (const a of arrows) {
    const [fx, fz] = headingToDir(a.heading);
    const [rx, rz] = [-fz, fx]; // a right angle to the heading, on the floor
    const at = (forward: number, side: number): void => {
      positions.push(a.position[0] + fx * forward + rx * side, a.y, a.position[1] + fz * forward + rz * side);
      normals.push(0, 1, 0);
    };
    const base = positions.length / 3;
    const half = ARROW_LEN / 2;
    // Tip, right wing, notch, left wing: two triangles (tip–right–notch, tip–notch–left).
    at(half, 0);
    at(-half, ARROW_W / 2);
    at(-half / 3, 0);
    at(-half, -ARROW_W / 2);
    indices.push(base, base + 1, base + 2, base, base + 2, base + 3);
  }
  const v = new VertexData();
  v.positions = positions;
  v.indices = indices;
  v.normals = normals;
  return v;
}
