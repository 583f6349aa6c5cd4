import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packModel, type PackedModel } from './model';
import { bumpySphere, glbJson } from './test-media';

let dir: string;
let source: Uint8Array;
let packed: PackedModel;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pack-model-'));
  source = await bumpySphere();
  const file = path.join(dir, 'scan.glb');
  writeFileSync(file, source);
  packed = await packModel(file, source.byteLength, { lodMinTriangles: 5000 });
  // Simplifying and compressing a 100k-triangle model: a few seconds idle, past Vitest's 10 s on a busy machine.
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('packModel', () => {
  it('writes EXT_meshopt_compression (required) with quantised attributes, and is smaller', () => {
    const json = glbJson(packed.glb);
    expect(json.extensionsUsed).toEqual(expect.arrayContaining(['EXT_meshopt_compression', 'KHR_mesh_quantization']));
    expect(json.extensionsRequired).toContain('EXT_meshopt_compression');
    expect(packed.after.extensions).toContain('EXT_meshopt_compression');
    expect(packed.glb.byteLength).toBeLessThan(source.byteLength / 3);
    expect(packed.after.bytes).toBe(packed.glb.byteLength);
  });

  it('resizes a 4096 × 1024 texture to fit 2048² and re-encodes it as WebP', () => {
    expect(packed.before.textures.map((t) => [t.width, t.height, t.mimeType])).toEqual([[4096, 1024, 'image/png']]);
    expect(packed.after.textures.map((t) => [t.width, t.height, t.mimeType])).toEqual([[2048, 512, 'image/webp']]);
  });

  it('adds coarser MSFT_lod levels to a large mesh, with screen coverage per level', () => {
    const json = glbJson(packed.glb);
    expect(json.extensionsUsed).toContain('MSFT_lod');
    const node = json.nodes!.find((n) => n.extensions?.MSFT_lod)!;
    expect(node.extensions!.MSFT_lod!.ids).toHaveLength(2);
    expect(node.extras!.MSFT_screencoverage).toHaveLength(3);
    const [lod1, lod2] = packed.after.lodTriangles as [number, number];
    expect(lod1).toBeLessThan(packed.after.triangles);
    expect(lod2).toBeLessThan(lod1);
    expect(lod2).toBeGreaterThan(0);
  });

  it('keeps full detail within its error bound: fewer triangles, the same size and place', () => {
    expect(packed.after.triangles).toBeLessThanOrEqual(packed.before.triangles);
    // The bumps are detail it must keep: far more than a plain sphere would need.
    expect(packed.after.triangles).toBeGreaterThan(packed.before.triangles / 10);
    const a = packed.before.bounds!;
    const b = packed.after.bounds!;
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(a.min[i]! - b.min[i]!)).toBeLessThan(0.002);
      expect(Math.abs(a.max[i]! - b.max[i]!)).toBeLessThan(0.002);
    }
  });

  it('leaves small meshes with one level', async () => {
    const small = await bumpySphere({ rings: 10, segments: 12, texture: [64, 64] });
    const file = path.join(dir, 'small.glb');
    writeFileSync(file, small);
    const r = await packModel(file, small.byteLength);
    expect(r.after.lodTriangles).toEqual([]);
    expect(glbJson(r.glb).extensionsUsed).not.toContain('MSFT_lod');
  });
});
