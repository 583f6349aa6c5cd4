/**
 * The What if view's 3D picture of the simulated day: the building as a doll's house (floors and walls of the floor
 * plan, no ceilings), and the visitors of one run walking where the simulation had them at the time slider's
 * time (src/scene/agents.ts: thin instances of one figure, one draw call for a thousand). Loaded only once a run
 * has finished, so the form stays light; a frame is drawn only when the time, the run or the camera changes.
 */
import { Engine } from '@babylonjs/core/Engines/engine';
import { Scene } from '@babylonjs/core/scene';
import { ArcRotateCamera } from '@babylonjs/core/Cameras/arcRotateCamera';
import { HemisphericLight } from '@babylonjs/core/Lights/hemisphericLight';
import { Color4 } from '@babylonjs/core/Maths/math.color';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { FloorPlan } from '../twin/schema';
import type { AgentTrack } from '../twin/simulate';
import { bbox } from '../twin/geometry';
import { buildFloorPlan } from '../scene/architecture';
import { MaterialLibrary } from '../scene/materials';
import { Agents, trackPositions } from '../scene/agents';

export interface AgentsView {
  /** Shows `run`'s visitors at `minute` (minutes after midnight, fractions allowed). */
  show(run: 'baseline' | 'scenario', minute: number): void;
  dispose(): void;
}

/** Opens the view on `canvas` for the exhibition's floor plan (as served: its defaults filled in here) and the runs' tracks. */
export function openAgentsView(canvas: HTMLCanvasElement, space: unknown, tracks: Record<'baseline' | 'scenario', AgentTrack>): AgentsView {
  const plan = FloorPlan.parse(space);
  const engine = new Engine(canvas, true, { preserveDrawingBuffer: true, stencil: false });
  const scene = new Scene(engine);
  scene.clearColor = new Color4(0.96, 0.95, 0.93, 1);
  // Textures held back for good: a plan view needs the rooms' colours, not their wall coverings.
  buildFloorPlan(plan, scene, new MaterialLibrary(scene, (p) => p, true));
  for (const m of scene.meshes.filter((m) => m.name.startsWith('ceiling:'))) m.dispose();
  const [minX, minZ, maxX, maxZ] = bbox(plan.rooms.flatMap((r) => r.polygon));
  const centre = new Vector3((minX + maxX) / 2, 0, (minZ + maxZ) / 2);
  const camera = new ArcRotateCamera('what-if-camera', -Math.PI / 2, 0.75, Math.max(maxX - minX, maxZ - minZ) * 1.15, centre, scene);
  camera.lowerRadiusLimit = 3;
  camera.upperBetaLimit = 1.4;
  camera.attachControl(true);
  new HemisphericLight('what-if-sky', new Vector3(0.3, 1, -0.2), scene).intensity = 1.2;
  const most = Math.max(1, ...Object.values(tracks).flatMap((t) => t.frames.map((f) => f.ids.length)));
  const agents = new Agents(scene, most);
  const xz = new Float32Array(most * 2);
  const y = new Float32Array(most);

  let dirty = true;
  const moving = () => !!(camera.inertialAlphaOffset || camera.inertialBetaOffset || camera.inertialRadiusOffset || camera.inertialPanningX || camera.inertialPanningY);
  engine.runRenderLoop(() => {
    if (!dirty && !moving()) return;
    dirty = false;
    scene.render();
  });
  const resize = () => {
    engine.resize();
    dirty = true;
  };
  window.addEventListener('resize', resize);
  canvas.addEventListener('pointerdown', () => (dirty = true));
  canvas.addEventListener('wheel', () => (dirty = true), { passive: true });

  return {
    show(run, minute) {
      const track = tracks[run];
      const seconds = (minute - track.fromMinute) * 60;
      // Past the last recorded frame everyone had left (the run stops recording when the building is empty).
      const n = seconds > track.frames.length * track.everySeconds ? 0 : trackPositions(track, seconds, xz, y);
      agents.show(xz, n, y);
      canvas.dataset.agents = String(agents.count);
      dirty = true;
    },
    dispose() {
      window.removeEventListener('resize', resize);
      agents.dispose();
      engine.dispose();
    },
  };
}
