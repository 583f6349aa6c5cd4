/** Test inputs for the pipeline's unit tests, made on the fly (no binary fixtures in the repository). */
import { Document, NodeIO } from '@gltf-transform/core';
import sharp from 'sharp';

/** A noisy RGB image (noise defeats compression, like a real photograph or scan texture). */
export async function noiseImage(width: number, height: number, format: 'png' | 'jpeg' = 'png'): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  let s = 12345;
  for (let i = 0; i < raw.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    // Smooth gradients plus grain.
    raw[i] = ((i % (width * 3)) / 12 + (s >>> 24) / 4) & 255;
  }
  const img = sharp(raw, { raw: { width, height, channels: 3 } });
  return format === 'png' ? img.png().toBuffer() : img.jpeg({ quality: 92 }).toBuffer();
}

/**
 * A bumpy sphere of `radius` standing on y = 0 (a stand-in for a scanned object): `rings` × `segments` quads,
 * positions, normals and UVs, with one base-colour texture of the given size.
 */
export async function bumpySphere({ radius = 0.25, rings = 90, segments = 120, texture = [4096, 1024] as [number, number] } = {}): Promise<Uint8Array> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const pos: number[] = [];
  const nor: number[] = [];
  const uv: number[] = [];
  for (let r = 0; r <= rings; r++) {
    const v = r / rings;
    const phi = v * Math.PI;
    for (let s = 0; s <= segments; s++) {
      const u = s / segments;
      const theta = u * 2 * Math.PI;
      const n = [Math.sin(phi) * Math.cos(theta), Math.cos(phi), Math.sin(phi) * Math.sin(theta)];
      // Bumps of 3% of the radius: detail a simplifier must keep.
      const k = radius * (1 + 0.03 * Math.sin(7 * theta) * Math.sin(9 * phi));
      pos.push(n[0]! * k, n[1]! * k + radius * 1.03, n[2]! * k);
      nor.push(...n);
      uv.push(u, v);
    }
  }
  const idx: number[] = [];
  const row = segments + 1;
  for (let r = 0; r < rings; r++) {
    for (let s = 0; s < segments; s++) {
      const a = r * row + s;
      idx.push(a, a + row, a + 1, a + 1, a + row, a + row + 1);
    }
  }
  const tex = doc.createTexture('scan-basecolor').setImage(await noiseImage(texture[0], texture[1])).setMimeType('image/png');
  const material = doc.createMaterial('scan').setBaseColorTexture(tex).setRoughnessFactor(0.8);
  const prim = doc
    .createPrimitive()
    .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array(pos)).setBuffer(buffer))
    .setAttribute('NORMAL', doc.createAccessor().setType('VEC3').setArray(new Float32Array(nor)).setBuffer(buffer))
    .setAttribute('TEXCOORD_0', doc.createAccessor().setType('VEC2').setArray(new Float32Array(uv)).setBuffer(buffer))
    .setIndices(doc.createAccessor().setType('SCALAR').setArray(new Uint32Array(idx)).setBuffer(buffer))
    .setMaterial(material);
  const node = doc.createNode('scan').setMesh(doc.createMesh('scan').addPrimitive(prim));
  doc.getRoot().setDefaultScene(doc.createScene('scene').addChild(node));
  return new NodeIO().writeBinary(doc);
}

/** The JSON chunk of a GLB, read directly (independent of glTF Transform). */
export function glbJson(glb: Uint8Array): { extensionsUsed?: string[]; extensionsRequired?: string[]; nodes?: { name?: string; extensions?: Record<string, { ids: number[] }>; extras?: Record<string, unknown> }[] } {
  const view = new DataView(glb.buffer, glb.byteOffset, glb.byteLength);
  const length = view.getUint32(12, true);
  return JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + length)));
}
