/**
 * A Voyager model as the format wants an object's model: metres, y-up, resting on y = 0 and centred over the
 * plinth. Voyager keeps a model in its own units with an optional translation and rotation; the same change is
 * applied to the GLB (one parent node, written with glTF Transform) and to the annotation positions, so the
 * hotspots stay on the surface they were placed on.
 */
import { getBounds } from '@gltf-transform/core';
import { pipelineIO } from '../../model';

export type Vec3 = [number, number, number];
type Quat = [number, number, number, number];

/** Metres per unit of each Voyager unit type (schema/common.ts TUnitType). */
export const UNIT_METRES: Record<string, number> = { mm: 0.001, cm: 0.01, m: 1, km: 1000, in: 0.0254, ft: 0.3048, yd: 0.9144, mi: 1609.344 };

/** How a point of the source model maps to the imported one: p' = translation + rotation(scale · p). */
interface ModelTransform {
  scale: number;
  rotation: Quat;
  translation: Vec3;
}

function rotate([x, y, z]: Vec3, [qx, qy, qz, qw]: Quat): Vec3 {
  // v' = v + 2w(q×v) + 2q×(q×v)
  const cx = qy * z - qz * y;
  const cy = qz * x - qx * z;
  const cz = qx * y - qy * x;
  const dx = qy * cz - qz * cy;
  const dy = qz * cx - qx * cz;
  const dz = qx * cy - qy * cx;
  return [x + 2 * (qw * cx + dx), y + 2 * (qw * cy + dy), z + 2 * (qw * cz + dz)];
}

export function applyTransform(p: Vec3, t: ModelTransform): Vec3 {
  const r = rotate([p[0] * t.scale, p[1] * t.scale, p[2] * t.scale], t.rotation);
  return [r[0] + t.translation[0], r[1] + t.translation[1], r[2] + t.translation[2]];
}

interface NormalisedModel {
  glb: Uint8Array;
  transform: ModelTransform;
  /** Real size in metres (x width, y height, z depth). */
  size: { width: number; height: number; depth: number };
}

/** Scales, rotates and moves the GLB so it stands on y = 0 centred on x = z = 0, in metres. */
export async function normaliseModel(bytes: Uint8Array, scale: number, rotation: Quat = [0, 0, 0, 1]): Promise<NormalisedModel> {
  const io = await pipelineIO();
  const doc = await io.readBinary(bytes);
  const root = doc.getRoot();
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  if (!scene) throw new Error('the model has no scene');
  const holder = doc.createNode('voyager-placement').setScale([scale, scale, scale]).setRotation(rotation);
  for (const child of scene.listChildren()) {
    scene.removeChild(child);
    holder.addChild(child);
  }
  scene.addChild(holder);
  const { min, max } = getBounds(scene);
  if (![...min, ...max].every(Number.isFinite)) throw new Error('the model has no geometry');
  const translation: Vec3 = [-(min[0] + max[0]) / 2, -min[1], -(min[2] + max[2]) / 2];
  holder.setTranslation(translation);
  root.setDefaultScene(scene);
  return {
    glb: await io.writeBinary(doc),
    transform: { scale, rotation, translation },
    size: { width: max[0] - min[0], height: max[1] - min[1], depth: max[2] - min[2] },
  };
}
