import { describe, expect, it, beforeAll, afterAll, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { unzipSync, strFromU8 } from 'fflate';
import { MODEL_DEFAULTS, packModel } from './model';
import { bumpySphere } from './test-media';
import { modelFileToUsdz, usdzBeside, UsdzError } from './usdz';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'usdz-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each geometry file's points ([x, y, z]) and its number of faces. */
function geometries(files: Record<string, Uint8Array>): { points: number[][]; faces: number }[] {
  return Object.entries(files)
    .filter(([name]) => name.startsWith('geometries/'))
    .map(([, bytes]) => {
      const text = strFromU8(bytes);
      const list = /point3f\[\] points = \[([^\]]*)\]/.exec(text)![1]!;
      const faces = /int\[\] faceVertexCounts = \[([^\]]*)\]/.exec(text)![1]!.split(',').length;
      return { points: [...list.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]!.split(',').map(Number)), faces };
    });
}

describe('modelFileToUsdz', () => {
  it('makes a Quick Look USDZ from a packed GLB (meshopt, quantised, WebP, coarser levels): full detail only, a PNG texture within the size', async () => {
    const source = path.join(dir, 'scan.glb');
    writeFileSync(source, await bumpySphere({ radius: 0.2, rings: 120, segments: 160, texture: [3000, 300] }));
    const packed = await packModel(source, 0, { ...MODEL_DEFAULTS, lodMinTriangles: 1000 });
    expect(packed.after.extensions).toEqual(expect.arrayContaining(['EXT_meshopt_compression', 'EXT_texture_webp', 'MSFT_lod']));
    const packedFile = path.join(dir, 'scan.packed.glb');
    writeFileSync(packedFile, packed.glb);

    const usdz = await modelFileToUsdz(packedFile, { maxTexture: 2048 });
    const files = unzipSync(usdz.bytes);
    const names = Object.keys(files);
    // Apple's rules: the model file first, then its parts; textures PNG or JPEG.
    expect(names[0]).toBe('model.usda');
    expect(strFromU8(files['model.usda']!)).toMatch(/^#usda 1\.0/);
    expect(strFromU8(files['model.usda']!)).toContain('preliminary:anchoring:type = "plane"');
    expect(usdz).toMatchObject({ meshes: 1, textures: 1 });
    const texture = names.find((n) => n.startsWith('textures/'))!;
    expect(texture).toMatch(/\.png$/);
    const meta = await sharp(Buffer.from(files[texture]!)).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 2048 });
    // One mesh, the full detail (a coarser level would be a second, overlapping mesh), at true size on y = 0.
    const [full, ...others] = geometries(files);
    expect(others).toHaveLength(0);
    expect(full!.faces).toBe(packed.after.triangles);
    expect(packed.after.lodTriangles[0]).toBeLessThan(full!.faces);
    // Where the model file places it (USD's row vectors: p' = p × M, translation in the last row).
    const m = /xformOp:transform = \( (.*) \)\n/.exec(strFromU8(files['model.usda']!))![1]!.match(/\(([^()]*)\)/g)!.map((r) => r.slice(1, -1).split(',').map(Number));
    const placed = full!.points.map(([x, y, z]) => [0, 1, 2].map((c) => x! * m[0]![c]! + y! * m[1]![c]! + z! * m[2]![c]! + m[3]![c]!));
    const ys = placed.map((p) => p[1]!);
    const xs = placed.map((p) => p[0]!);
    expect(Math.min(...ys)).toBeCloseTo(0, 1);
    expect(Math.max(...ys)).toBeCloseTo(0.2 * 2.06, 1);
    expect(Math.max(...xs) - Math.min(...xs)).toBeCloseTo(0.4, 1);
  }, 60_000);

  it('says why a model without geometry cannot be converted', async () => {
    const empty = path.join(dir, 'empty.gltf');
    writeFileSync(empty, JSON.stringify({ asset: { version: '2.0' }, scenes: [{ nodes: [] }], scene: 0 }));
    await expect(modelFileToUsdz(empty, { maxTexture: 2048 })).rejects.toThrow(UsdzError);
    await expect(modelFileToUsdz(empty, { maxTexture: 2048 })).rejects.toThrow(/no mesh/);
  });

  it('npm run pack writes the USDZ beside the packed GLB; a model that cannot be converted is named and skipped', async () => {
    const source = path.join(dir, 'vase.glb');
    writeFileSync(source, await bumpySphere({ radius: 0.1, rings: 20, segments: 30, texture: [64, 64] }));
    const written = new Map<string, Uint8Array>();
    const write = async (rel: string, bytes: Uint8Array) => void written.set(rel, bytes);
    expect(await usdzBeside(source, 'objects/vase.glb', { maxTexture: 2048 }, write)).toMatchObject({ packed: 'objects/vase.usdz' });
    expect(Object.keys(unzipSync(written.get('objects/vase.usdz')!))[0]).toBe('model.usda');
    const empty = path.join(dir, 'nothing.gltf');
    writeFileSync(empty, JSON.stringify({ asset: { version: '2.0' }, scenes: [{ nodes: [] }], scene: 0 }));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await usdzBeside(empty, 'objects/nothing.glb', { maxTexture: 2048 }, write)).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^no USDZ for objects\/nothing\.glb .*no mesh/));
    expect(written.has('objects/nothing.usdz')).toBe(false);
    warn.mockRestore();
  });
});
