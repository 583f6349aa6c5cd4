/**
 * One model through the pipeline with glTF Transform: dedup, weld, prune, simplified levels of detail
 * (MSFT_lod) for large meshes, textures resized to fit 2048² and re-encoded as WebP (sharp), then
 * quantisation and meshopt compression (EXT_meshopt_compression). Draco input is decoded and written again
 * with meshopt, or with Draco where that is smaller.
 */
import { Logger, NodeIO, Primitive, getBounds, type Document, type Material, type Node, type Texture } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { cloneDocument, dedup, draco, meshopt, prune, simplifyPrimitive, textureCompress, weld } from '@gltf-transform/functions';
import { MeshoptDecoder, MeshoptEncoder, MeshoptSimplifier } from 'meshoptimizer';
import draco3d from 'draco3dgltf';
import sharp from 'sharp';
import { Lod, MSFTLod, MSFT_LOD } from './msft-lod';

export const MODEL_DEFAULTS = {
  /** Largest texture side after packing. */
  maxTexture: 2048,
  /** WebP quality for textures (1–100). */
  textureQuality: 88,
  /**
   * Full detail is simplified too, but only as far as keeps every surface within this share of the mesh's
   * size (0.001: half a millimetre on a half-metre vase): below what a visitor can see, often far fewer triangles.
   */
  fullDetailError: 0.001,
  /** Meshes with at least this many triangles get coarser levels. */
  lodMinTriangles: 10_000,
  /** Share of the triangles kept at each coarser level. */
  lodRatios: [0.25, 0.06] as readonly number[],
  /** Screen share (height) above which each level is meant: the full mesh, then each coarser level. */
  lodCoverage: [0.25, 0.08, 0.01] as readonly number[],
};
export type ModelOptions = typeof MODEL_DEFAULTS;

export interface TextureStat {
  name: string;
  mimeType: string;
  width: number;
  height: number;
  bytes: number;
}

export interface ModelStats {
  bytes: number;
  /** Triangles drawn at full detail (every mesh instance in the scene). */
  triangles: number;
  textures: TextureStat[];
  /** Triangles at each coarser level (MSFT_lod), finest first; empty when the model has none. */
  lodTriangles: number[];
  extensions: string[];
  /** The scene's bounding box in metres (full detail), to check that packing kept the work's size and place. */
  bounds?: { min: [number, number, number]; max: [number, number, number] };
}

let ioPromise: Promise<NodeIO> | undefined;

/** One reader/writer with every decoder and encoder the pipeline needs (created once per process). */
export function pipelineIO(): Promise<NodeIO> {
  ioPromise ??= (async () => {
    await Promise.all([MeshoptDecoder.ready, MeshoptEncoder.ready, MeshoptSimplifier.ready]);
    return new NodeIO()
      .setLogger(new Logger(Logger.Verbosity.WARN))
      .registerExtensions([...ALL_EXTENSIONS, MSFTLod])
      .registerDependencies({
        'meshopt.decoder': MeshoptDecoder,
        'meshopt.encoder': MeshoptEncoder,
        'draco3d.decoder': await draco3d.createDecoderModule(),
        'draco3d.encoder': await draco3d.createEncoderModule(),
      });
  })();
  return ioPromise;
}

function primitiveTriangles(p: Primitive): number {
  if (p.getMode() !== Primitive.Mode.TRIANGLES) return 0;
  const n = p.getIndices()?.getCount() ?? p.getAttribute('POSITION')?.getCount() ?? 0;
  return Math.floor(n / 3);
}

function nodeTriangles(node: Node): number {
  return node.getMesh()?.listPrimitives().reduce((s, p) => s + primitiveTriangles(p), 0) ?? 0;
}

async function textureStat(t: Texture): Promise<TextureStat> {
  const image = t.getImage();
  const stat = { name: t.getName() || t.getURI() || '(unnamed)', mimeType: t.getMimeType(), width: 0, height: 0, bytes: image?.byteLength ?? 0 };
  const size = t.getSize();
  if (size) [stat.width, stat.height] = size;
  else if (image) {
    try {
      const m = await sharp(image).metadata();
      stat.width = m.width ?? 0;
      stat.height = m.height ?? 0;
    } catch {
      // A format sharp cannot read (e.g. KTX2) keeps 0 × 0: unknown.
    }
  }
  return stat;
}

export async function modelStats(doc: Document, bytes: number): Promise<ModelStats> {
  const root = doc.getRoot();
  let triangles = 0;
  const lodTriangles: number[] = [];
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  scene?.traverse((node) => {
    triangles += nodeTriangles(node);
    const lod = node.getExtension<Lod>(MSFT_LOD);
    lod?.listLevels().forEach((level, i) => (lodTriangles[i] = (lodTriangles[i] ?? 0) + nodeTriangles(level)));
  });
  const b = scene ? getBounds(scene) : undefined;
  const finite = b && [...b.min, ...b.max].every(Number.isFinite);
  return {
    bytes,
    triangles,
    bounds: finite ? { min: [b.min[0], b.min[1], b.min[2]], max: [b.max[0], b.max[1], b.max[2]] } : undefined,
    textures: await Promise.all(root.listTextures().map(textureStat)),
    lodTriangles,
    extensions: root.listExtensionsUsed().map((e) => e.extensionName),
  };
}

/** Coarser copies of each large mesh, as MSFT_lod levels of its node. */
function addLods(doc: Document, o: ModelOptions): void {
  const root = doc.getRoot();
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  if (!scene || o.lodRatios.length === 0) return;
  const large: Node[] = [];
  scene.traverse((node) => {
    const mesh = node.getMesh();
    // Levels replace the node alone: nodes with children, skins or morph targets keep one level.
    if (!mesh || node.listChildren().length > 0 || node.getSkin() || node.getExtension(MSFT_LOD)) return;
    if (mesh.listPrimitives().some((p) => p.listTargets().length > 0 || p.getMode() !== Primitive.Mode.TRIANGLES)) return;
    if (nodeTriangles(node) >= o.lodMinTriangles) large.push(node);
  });
  if (large.length === 0) return;
  const ext = doc.createExtension(MSFTLod);
  for (const node of large) {
    const mesh = node.getMesh()!;
    const lod = ext.createLod();
    o.lodRatios.forEach((ratio, i) => {
      const levelMesh = doc.createMesh(`${mesh.getName()}-lod${i + 1}`);
      // Each level has its own materials (sharing the textures): Babylon disposes a coarser level's materials
      // when the finer one arrives, which would strip a material the levels shared.
      const materials = new Map<Material, Material>();
      for (const prim of mesh.listPrimitives()) {
        const copy = prim.clone();
        const m = prim.getMaterial();
        if (m) {
          if (!materials.has(m)) materials.set(m, m.clone().setName(`${m.getName()}-lod${i + 1}`));
          copy.setMaterial(materials.get(m)!);
        }
        simplifyPrimitive(copy, { simplifier: MeshoptSimplifier, ratio, error: 0.02, lockBorder: false });
        levelMesh.addPrimitive(copy);
      }
      const level = doc
        .createNode(`${node.getName()}-lod${i + 1}`)
        .setMesh(levelMesh)
        .setTranslation(node.getTranslation())
        .setRotation(node.getRotation())
        .setScale(node.getScale());
      lod.addLevel(level);
    });
    node.setExtension(MSFT_LOD, lod);
    node.setExtras({ ...node.getExtras(), MSFT_screencoverage: [...o.lodCoverage] });
  }
}

export interface PackedModel {
  glb: Uint8Array;
  before: ModelStats;
  after: ModelStats;
}

/** Packs a .glb or .gltf file (read from disk, so a .gltf's own files are found). */
export async function packModel(file: string, sourceBytes: number, options: Partial<ModelOptions> = {}): Promise<PackedModel> {
  const o = { ...MODEL_DEFAULTS, ...options };
  const io = await pipelineIO();
  const doc = await io.read(file);
  const before = await modelStats(doc, sourceBytes);
  // Decoded on read; written again below.
  const wasDraco = before.extensions.includes('KHR_draco_mesh_compression');
  for (const e of doc.getRoot().listExtensionsUsed()) if (e.extensionName === 'KHR_draco_mesh_compression') e.dispose();
  await doc.transform(dedup(), weld(), prune());
  if (o.fullDetailError > 0) {
    for (const mesh of doc.getRoot().listMeshes()) {
      for (const prim of mesh.listPrimitives()) {
        if (prim.getMode() === Primitive.Mode.TRIANGLES && prim.listTargets().length === 0 && primitiveTriangles(prim) > 0) {
          simplifyPrimitive(prim, { simplifier: MeshoptSimplifier, ratio: 0, error: o.fullDetailError, lockBorder: false });
        }
      }
    }
  }
  addLods(doc, o);
  const originals = new Map(doc.getRoot().listTextures().map((t) => [t, { image: t.getImage(), mimeType: t.getMimeType(), uri: t.getURI(), size: t.getSize() }]));
  await doc.transform(
    textureCompress({
      encoder: sharp,
      targetFormat: 'webp',
      resize: [o.maxTexture, o.maxTexture],
      quality: o.textureQuality,
      // KTX2 and other GPU formats are left as they are (sharp cannot read them).
      formats: /^image\/(jpeg|png|webp)$/,
    }),
  );
  // WebP is not always smaller than a good JPEG: a texture that needed no resizing keeps whichever is smaller.
  for (const [t, was] of originals) {
    const now = t.getImage();
    const fits = was.size !== null && Math.max(...was.size) <= o.maxTexture && /^image\/(jpeg|png)$/.test(was.mimeType);
    if (fits && was.image && now && now.byteLength >= was.image.byteLength) t.setImage(was.image).setMimeType(was.mimeType).setURI(was.uri);
  }
  // Draco packs dense scans tighter than meshopt does (meshopt is faster to decode and gzips well): a model that
  // came with Draco keeps it when that is smaller. The app serves both decoders.
  const alt = wasDraco ? cloneDocument(doc) : undefined;
  await doc.transform(meshopt({ encoder: MeshoptEncoder, level: 'high' }));
  let glb = await io.writeBinary(doc);
  if (alt) {
    await alt.transform(draco());
    const glbDraco = await io.writeBinary(alt);
    if (glbDraco.byteLength < glb.byteLength) glb = glbDraco;
  }
  const after = await modelStats(await io.readBinary(glb), glb.byteLength);
  return { glb, before, after };
}
