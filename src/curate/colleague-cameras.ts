/**
 * Colleagues' cameras in the curating view's 3D stage: for each colleague whose stage has a view, a cone in their
 * colour where their camera stands, pointing the way it looks, a line to the point it looks at and a small ball
 * there. Names are drawn by the stage as HTML over the canvas (eyes() says where), so no font texture is made.
 * Meshes are kept per colleague and moved, not rebuilt, as their camera moves (several times a second).
 */
import type { Scene } from '@babylonjs/core/scene';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { LinesMesh } from '@babylonjs/core/Meshes/linesMesh';
import { CreateCylinder } from '@babylonjs/core/Meshes/Builders/cylinderBuilder';
import { CreateLines } from '@babylonjs/core/Meshes/Builders/linesBuilder';
import { CreateSphere } from '@babylonjs/core/Meshes/Builders/sphereBuilder';
import { colleagueHue } from './floor-plan';
import type { Presence } from './presence';

/** The cone's length (metres): big enough to find from the stage's usual distance. */
const CONE_M = 0.9;

interface Marker {
  readonly cone: Mesh;
  readonly look: Mesh;
  line: LinesMesh;
  readonly material: StandardMaterial;
  eye: Vector3;
}

export interface ColleagueCameras {
  /** Shows these colleagues' cameras (those without one are not drawn; those gone are removed). */
  show(list: readonly Presence[]): void;
  /** Each shown colleague's name and where their camera is, for the stage's name labels. */
  eyes(): { name: string; eye: Vector3 }[];
  dispose(): void;
}

/** The colleague's colour (the floor plan's) as a Babylon colour: HSL 70 % / 38 % is HSV 82 % / 65 %. */
export function colleagueColor3(name: string): Color3 {
  return Color3.HSVtoRGBToRef(colleagueHue(name), 0.82, 0.65, new Color3());
}

export function openColleagueCameras(scene: Scene): ColleagueCameras {
  const markers = new Map<string, Marker>();

  function marker(name: string): Marker {
    let m = markers.get(name);
    if (m) return m;
    const material = new StandardMaterial(`colleague-${name}`, scene);
    material.diffuseColor = material.emissiveColor = colleagueColor3(name).scale(0.8);
    material.specularColor = Color3.Black();
    // The cone's tip along +Z, so that lookAt points it at what the colleague looks at.
    const cone = CreateCylinder(`colleague-camera-${name}`, { height: CONE_M, diameterTop: 0, diameterBottom: 0.45, tessellation: 12 }, scene);
    cone.rotation.x = Math.PI / 2;
    cone.bakeCurrentTransformIntoVertices();
    const look = CreateSphere(`colleague-look-${name}`, { diameter: 0.25, segments: 6 }, scene);
    for (const mesh of [cone, look]) {
      mesh.material = material;
      mesh.isPickable = false;
    }
    const line = CreateLines(`colleague-line-${name}`, { points: [Vector3.Zero(), Vector3.Zero()], updatable: true }, scene);
    line.color = colleagueColor3(name);
    line.isPickable = false;
    m = { cone, look, line, material, eye: Vector3.Zero() };
    markers.set(name, m);
    return m;
  }

  function remove(name: string) {
    const m = markers.get(name)!;
    for (const mesh of [m.cone, m.look, m.line]) mesh.dispose();
    m.material.dispose();
    markers.delete(name);
  }

  return {
    show(list) {
      const shown = new Set<string>();
      for (const c of list) {
        if (!c.camera) continue;
        shown.add(c.name);
        const m = marker(c.name);
        const eye = new Vector3(...c.camera.at);
        const look = new Vector3(...c.camera.look);
        m.eye = eye;
        m.cone.position.copyFrom(eye);
        if (Vector3.DistanceSquared(eye, look) > 1e-6) m.cone.lookAt(look);
        m.look.position.copyFrom(look);
        m.line = CreateLines(m.line.name, { points: [eye, look], instance: m.line });
      }
      for (const name of [...markers.keys()]) if (!shown.has(name)) remove(name);
    },
    eyes: () => [...markers].map(([name, m]) => ({ name, eye: m.eye.clone() })),
    dispose() {
      for (const name of [...markers.keys()]) remove(name);
    },
  };
}
