/**
 * For the tests of models under the download limits (model-files, overlay): a one-triangle glTF and the same as a GLB.
 * (Each test serves them from its own loopback server: Node's modules belong in test files.)
 */

/** One triangle: three float positions. */
export const TRIANGLE = Buffer.from(new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0]).buffer);

/** A glTF of one triangle whose buffer is at `bufferUri` (undefined: the GLB's own chunk), optionally textured from `imageUri`. */
export function triangleGltf(bufferUri: string | undefined, imageUri?: string): Record<string, unknown> {
  return {
    asset: { version: '2.0' },
    scene: 0,
    scenes: [{ nodes: [0] }],
    nodes: [{ mesh: 0, name: 'triangle' }],
    meshes: [{ primitives: [{ attributes: { POSITION: 0 }, ...(imageUri && { material: 0 }) }] }],
    buffers: [{ ...(bufferUri !== undefined && { uri: bufferUri }), byteLength: TRIANGLE.byteLength }],
    bufferViews: [{ buffer: 0, byteOffset: 0, byteLength: TRIANGLE.byteLength }],
    accessors: [{ bufferView: 0, componentType: 5126, count: 3, type: 'VEC3', min: [0, 0, 0], max: [1, 1, 0] }],
    ...(imageUri && {
      materials: [{ pbrMetallicRoughness: { baseColorTexture: { index: 0 } } }],
      textures: [{ source: 0 }],
      images: [{ uri: imageUri }],
    }),
  };
}

/** A GLB (glTF binary, spec §4.4): header, JSON chunk, BIN chunk, each padded to 4 bytes. */
export function glb(json: Record<string, unknown>, bin: Buffer = TRIANGLE): Buffer {
  const pad = (b: Buffer, fill: number) => Buffer.concat([b, Buffer.alloc((4 - (b.length % 4)) % 4, fill)]);
  const j = pad(Buffer.from(JSON.stringify(json)), 0x20);
  const b = pad(bin, 0);
  const header = Buffer.alloc(12);
  header.writeUInt32LE(0x46546c67, 0);
  header.writeUInt32LE(2, 4);
  header.writeUInt32LE(12 + 8 + j.length + 8 + b.length, 8);
  const chunk = (data: Buffer, type: number) => {
    const h = Buffer.alloc(8);
    h.writeUInt32LE(data.length, 0);
    h.writeUInt32LE(type, 4);
    return Buffer.concat([h, data]);
  };
  return Buffer.concat([header, chunk(j, 0x4e4f534a), chunk(b, 0x004e4942)]);
}
