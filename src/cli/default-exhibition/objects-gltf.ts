/**
 * What every procedurally modelled work shares: the GLB it is written as, the checks on its mesh, and the
 * measurements read back from it (size, triangles, annotation points snapped onto the surface).
 */
import { Document, NodeIO, getBounds } from '@gltf-transform/core';
import type { MeshData, V3 } from './mesh';

export interface BuiltModel {
  glb: Uint8Array;
  /** Optional overlay animation model (e.g. a reconstruction). */
  overlay?: { glb: Uint8Array; clip: string };
  /** Name of an animation clip inside the main model. */
  clip?: string;
  /** Named points on the surface, metres, model coordinates. */
  points: Record<string, V3>;
}

export interface ModelStats {
  triangles: number;
  min: V3;
  max: V3;
  /** width (x), height (y), depth (z) of the bounding box */
  size: V3;
}

export const r3 = (p: V3): V3 => [Math.round(p[0] * 1000) / 1000, Math.round(p[1] * 1000) / 1000, Math.round(p[2] * 1000) / 1000];

export function newDoc(name: string): Document {
  const doc = new Document();
  doc.createBuffer();
  doc.getRoot().getAsset().generator = 'museum-twin default-exhibition generator';
  doc.createScene(name);
  return doc;
}

export const scene = (doc: Document) => doc.getRoot().listScenes()[0]!;

export async function write(doc: Document): Promise<Uint8Array> {
  const io = new NodeIO();
  return io.writeBinary(doc);
}

export function check(name: string, m: MeshData): MeshData {
  const agree = m.windingAgreement();
  if (agree < 0.97) throw new Error(`${name}: only ${(agree * 100).toFixed(1)}% of triangles agree with their normals`);
  return m;
}


/** Read a GLB back and measure it (triangles, bounds in the rest pose). */
export async function measure(glb: Uint8Array): Promise<ModelStats> {
  const io = new NodeIO();
  const doc = await io.readBinary(glb);
  let triangles = 0;
  for (const mesh of doc.getRoot().listMeshes()) {
    for (const prim of mesh.listPrimitives()) triangles += (prim.getIndices()?.getCount() ?? 0) / 3;
  }
  const s = doc.getRoot().listScenes()[0];
  if (!s) throw new Error('GLB without a scene');
  const { min, max } = getBounds(s);
  return {
    triangles,
    min: min as V3,
    max: max as V3,
    size: [max[0] - min[0], max[1] - min[1], max[2] - min[2]],
  };
}

/**
 * Move each named point onto the model's surface: the nearest vertex of the
 * rest pose (world space, node transforms applied). Keeps annotations ON the work.
 */
export async function snapToSurface(glb: Uint8Array, points: Record<string, V3>): Promise<Record<string, V3>> {
  const doc = await new NodeIO().readBinary(glb);
  const verts: number[] = [];
  for (const node of doc.getRoot().listNodes()) {
    const mesh = node.getMesh();
    if (!mesh) continue;
    const m = node.getWorldMatrix();
    for (const prim of mesh.listPrimitives()) {
      const pos = prim.getAttribute('POSITION')?.getArray();
      if (!pos) continue;
      for (let i = 0; i < pos.length; i += 3) {
        const x = pos[i]!;
        const y = pos[i + 1]!;
        const z = pos[i + 2]!;
        verts.push(m[0] * x + m[4] * y + m[8] * z + m[12], m[1] * x + m[5] * y + m[9] * z + m[13], m[2] * x + m[6] * y + m[10] * z + m[14]);
      }
    }
  }
  const out: Record<string, V3> = {};
  for (const [name, p] of Object.entries(points)) {
    let best = Infinity;
    let q: V3 = p;
    for (let i = 0; i < verts.length; i += 3) {
      const d = (verts[i]! - p[0]) ** 2 + (verts[i + 1]! - p[1]) ** 2 + (verts[i + 2]! - p[2]) ** 2;
      if (d < best) {
        best = d;
        q = [verts[i]!, verts[i + 1]!, verts[i + 2]!];
      }
    }
    if (Math.sqrt(best) > 0.03) throw new Error(`point ${name} is ${Math.sqrt(best).toFixed(3)} m from the model surface`);
    out[name] = r3(q);
  }
  return out;
}
