/**
 * Builds an exhibition's scene exactly as the app does, with every work loaded, and writes it as one
 * GLB with Babylon's glTF exporter: the peer benchmark's input (the whole twin in a single file).
 * `?exhibition=` names the exhibition; the GLB comes back through window.benchExport.
 */
import { Engine } from '@babylonjs/core/Engines/engine';
import { FreeCamera } from '@babylonjs/core/Cameras/freeCamera';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { GLTF2Export } from '@babylonjs/serializers/glTF/2.0/glTFSerializer';
import { loadExhibition } from '../../src/twin/load';
import { buildGallery } from '../../src/scene/gallery';

interface ExportReport {
  glb?: string;
  bytes?: number;
  error?: string;
}
declare global {
  interface Window {
    benchExport: ExportReport;
  }
}

const report: ExportReport = {};
window.benchExport = report;

async function run(): Promise<void> {
  const url = new URLSearchParams(location.search).get('exhibition');
  if (!url) throw new Error('no ?exhibition= given');
  const loaded = await loadExhibition(url);
  const engine = new Engine(document.getElementById('c') as HTMLCanvasElement, true);
  const gallery = await buildGallery(engine, loaded, {
    onProgress: () => undefined,
    onProblem: () => undefined,
    labelText: (a) => ({ title: Object.values(a.title)[0] ?? a.id, lines: [Object.values(a.creator.name)[0] ?? ''] }),
    texts: { unavailable: 'unavailable', restricted: 'restricted' },
  });
  // Everything drawn and loaded, far rooms included: the merged file holds the whole twin.
  gallery.visibility?.dispose();
  for (const n of gallery.scene.getNodes()) if (!n.isEnabled(false) && !(n.metadata as { annotationId?: string } | null)?.annotationId) n.setEnabled(true);
  for (const w of gallery.works.values()) w.label.wake();
  // A camera to draw with (the app's visitor camera is not made here); it is not exported.
  const camera = new FreeCamera('export-camera', new Vector3(0, 1.6, 0), gallery.scene);
  // Frames drive the loading: paintings upload within the per-frame budget, far rooms are built after the first.
  engine.runRenderLoop(() => gallery.scene.render());
  await gallery.media;
  await gallery.scene.whenReadyAsync();
  engine.stopRenderLoop();
  gallery.scene.render();
  const glb = await GLTF2Export.GLBAsync(gallery.scene, 'exhibition', {
    // Invisible helpers (collision boxes, instance sources) are not part of what a visitor sees.
    shouldExportNode: (node) => node !== camera && node.isEnabled() && (!('isVisible' in node) || (node as { isVisible: boolean }).isVisible),
  });
  const blob = Object.values(glb.files)[0] as Blob;
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  report.bytes = bytes.length;
  report.glb = btoa(binary);
}

run().catch((e: unknown) => (report.error = e instanceof Error ? e.message : String(e)));
