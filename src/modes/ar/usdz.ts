/**
 * A work's model as USDZ, for AR Quick Look on iPhone and iPad, made in the browser from the work's glTF/GLB with
 * Babylon's own exporter (`USDZExportAsync`, @babylonjs/serializers). Loaded on demand (dynamic import) when an
 * iPhone visitor chooses a work: the exporter and its zip library never reach other browsers.
 *
 * The model is loaded into a scene of its own on the gallery's engine (never drawn), so it sits at the origin at
 * true size, resting on the floor as the format asks of objects, whatever its place in the gallery. The glTF loader
 * is the one the gallery registered.
 */
import { Scene } from '@babylonjs/core/scene';
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';
import { USDZExportAsync } from '@babylonjs/serializers/USDZ/usdzExporter';
// The exporter zips with fflate, which it would fetch from unpkg (blocked by the CSP, and no signal in a gallery).
import * as fflate from 'fflate';
import { loadModelLimited } from '../../scene/limited-load';

/** The USDZ media type Safari hands to Quick Look. */
export const USDZ_TYPE = 'model/vnd.usdz+zip';

/** Makes the USDZ of the model at `modelUrl` (within the model download limits). */
export async function modelToUsdz(engine: AbstractEngine, modelUrl: string): Promise<Blob> {
  (globalThis as { fflate?: unknown }).fflate ??= fflate;
  const scene = new Scene(engine, { virtual: true });
  try {
    const container = await loadModelLimited(modelUrl, scene);
    container.addAllToScene();
    // The exporter waits for each texture itself (and reads it back from the GPU where its bytes are not kept); the
    // scene is never drawn, so its readiness (shaders) is not waited for.
    const exporting = USDZExportAsync(scene, { includeAnchoringProperties: true, anchoringType: 'plane', planeAnchoringAlignment: 'horizontal' });
    const bytes = await within(exporting, EXPORT_DEADLINE_MS, 'the model could not be converted in time');
    return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: USDZ_TYPE });
  } finally {
    scene.dispose();
  }
}

/** How long the conversion may take once the model has arrived (a phone, a large model). */
export const EXPORT_DEADLINE_MS = 60_000;

/** `promise`, or a rejection with `message` after `ms`: the visitor is told, never left with "Preparing…". */
function within<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
