/**
 * bench:agents-page's page (bench/agents-page.ts builds it on its own, outside bench/pages/vite.config.ts): the
 * default exhibition's twin built by the app's own gallery (src/scene/gallery.ts, media held back: no image is
 * fetched) on a WebGL canvas, a visitor's camera at the entrance turning a little each frame, and the What if agents
 * (src/scene/agents.ts) fed from a recorded track. The runner drives it through `window.benchAgents`; each frame's
 * main-thread time covers the agents' interpolation and matrix update and `scene.render()` (the WebGL calls
 * included).
 */
import { Engine } from '@babylonjs/core/Engines/engine';
import { UniversalCamera } from '@babylonjs/core/Cameras/universalCamera';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Scene } from '@babylonjs/core/scene';
import { validateExhibition } from '../../src/twin/validate';
import type { AgentTrack } from '../../src/twin/simulate';
import { buildGallery } from '../../src/scene/gallery';
import { Agents, trackPositions } from '../../src/scene/agents';

interface TrackJson {
  fromMinute: number;
  everySeconds: number;
  frames: { ids: number[]; xz: number[]; y: number[] }[];
}

let scene: Scene | undefined;
let camera: UniversalCamera | undefined;
let agents: Agents | undefined;
let track: AgentTrack | undefined;
let span = 1;
let capacity = 0;
const problems: string[] = [];

/** The agents at `seconds`: moments `span` s apart of the recorded hour until `capacity` are placed. */
function positions(seconds: number, xz: Float32Array, y: Float32Array): number {
  const t = track!;
  let n = 0;
  for (let layer = 0; n < capacity && layer * span < t.frames.length * t.everySeconds; layer++) {
    n += trackPositions(t, layer * span + (seconds % span), xz.subarray(2 * n), y.subarray(n));
  }
  return n;
}

(window as unknown as { benchAgents: unknown }).benchAgents = {
  /** Builds the twin and the agents; resolves with the scene's mesh count before the agents and any problems. */
  async open(exhibition: unknown, recorded: TrackJson, count: number, spanSeconds: number) {
    const checked = validateExhibition(exhibition);
    if (!checked.ok) throw new Error('the exhibition does not validate');
    const ex = checked.exhibition;
    const engine = new Engine(document.getElementById('twin') as HTMLCanvasElement, true, { stencil: true });
    const gallery = await buildGallery(engine, { exhibition: ex, url: `${location.origin}/exhibition.json`, warnings: [] }, {
      onProgress: () => undefined,
      onProblem: (p) => problems.push(`${p.path}: ${p.message}`),
      labelText: (a) => ({ title: a.title.en ?? a.id, lines: [a.creator.name.en ?? ''] }),
      texts: { unavailable: 'unavailable', restricted: 'restricted' },
      holdMedia: true,
    });
    scene = gallery.scene;
    camera = new UniversalCamera('visitor', new Vector3(ex.entrance.position[0], 1.6, ex.entrance.position[2]), scene);
    camera.minZ = 0.05;
    scene.activeCamera = camera;
    const meshes = scene.meshes.length;
    track = { fromMinute: recorded.fromMinute, everySeconds: recorded.everySeconds, frames: recorded.frames.map((f) => ({ ids: Int32Array.from(f.ids), xz: Float32Array.from(f.xz), y: Float32Array.from(f.y) })) };
    capacity = count;
    span = spanSeconds;
    agents = new Agents(scene, count);
    for (let k = 0; k < 30; k++) scene.render(); // shaders, first matrices
    return { meshes, problems, isolated: crossOriginIsolated };
  },
  /** Draws every animation frame for `seconds`, with or without the agents; each frame's main-thread ms. */
  measure(withAgents: boolean, seconds: number): Promise<number[]> {
    const xz = new Float32Array(capacity * 2);
    const y = new Float32Array(capacity);
    agents!.mesh.setEnabled(withAgents);
    const out: number[] = [];
    const end = performance.now() + seconds * 1000;
    return new Promise((done) => {
      const frame = () => {
        const start = performance.now();
        camera!.rotation.y = 0.3 * Math.sin(start / 1000);
        if (withAgents) agents!.show(xz, positions(start / 1000, xz, y), y);
        scene!.render();
        out.push(performance.now() - start);
        if (start < end) requestAnimationFrame(frame);
        else done(out.slice(3));
      };
      requestAnimationFrame(frame);
    });
  },
};
