/**
 * Procedural meshes (mesh.ts) collected into glTF documents with @gltf-transform/core: a node of parts, a
 * material, a JPEG texture.
 */
import type { Document, Material, Node, Texture } from '@gltf-transform/core';
import type { MeshData } from './mesh';

export interface Part {
  name: string;
  mesh: MeshData;
  material: Material;
}

/** Add parts as one node with a multi-primitive mesh; returns the node. */
export function addNode(doc: Document, name: string, parts: Part[], parent?: Node): Node {
  const buffer = doc.getRoot().listBuffers()[0] ?? doc.createBuffer();
  const mesh = doc.createMesh(name);
  for (const part of parts) {
    const m = part.mesh;
    const prim = doc
      .createPrimitive()
      .setAttribute('POSITION', doc.createAccessor(`${part.name}-position`).setType('VEC3').setArray(new Float32Array(m.positions)).setBuffer(buffer))
      .setAttribute('NORMAL', doc.createAccessor(`${part.name}-normal`).setType('VEC3').setArray(new Float32Array(m.normals)).setBuffer(buffer))
      .setAttribute('TEXCOORD_0', doc.createAccessor(`${part.name}-uv`).setType('VEC2').setArray(new Float32Array(m.uvs)).setBuffer(buffer))
      .setIndices(
        doc
          .createAccessor(`${part.name}-indices`)
          .setType('SCALAR')
          .setArray(m.vertexCount < 65536 ? new Uint16Array(m.indices) : new Uint32Array(m.indices))
          .setBuffer(buffer),
      )
      .setMaterial(part.material);
    mesh.addPrimitive(prim);
  }
  const node = doc.createNode(name).setMesh(mesh);
  if (parent) parent.addChild(node);
  return node;
}

export interface MaterialSpec {
  name: string;
  color?: [number, number, number, number];
  metallic: number;
  roughness: number;
  texture?: Texture | null;
  alpha?: 'OPAQUE' | 'BLEND';
  doubleSided?: boolean;
}

export function material(doc: Document, spec: MaterialSpec): Material {
  const m = doc
    .createMaterial(spec.name)
    .setBaseColorFactor(spec.color ?? [1, 1, 1, 1])
    .setMetallicFactor(spec.metallic)
    .setRoughnessFactor(spec.roughness)
    .setAlphaMode(spec.alpha ?? 'OPAQUE')
    .setDoubleSided(spec.doubleSided ?? false);
  if (spec.texture) m.setBaseColorTexture(spec.texture);
  return m;
}

export function jpegTexture(doc: Document, name: string, jpeg: Uint8Array): Texture {
  return doc.createTexture(name).setImage(jpeg).setMimeType('image/jpeg').setURI(`${name}.jpg`);
}
