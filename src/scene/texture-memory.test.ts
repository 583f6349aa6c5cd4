import { describe, expect, it } from 'vitest';
import { installTextureLedger } from './texture-memory';

/** A stand-in WebGL context: the ledger only wraps these methods and reads their arguments. */
function fakeGl() {
  const proto: Record<string, unknown> = {};
  for (const m of ['activeTexture', 'bindTexture', 'deleteTexture', 'texImage2D', 'compressedTexImage2D', 'texStorage2D', 'generateMipmap']) proto[m] = () => undefined;
  const target: Record<string, unknown> = {};
  const read = installTextureLedger({ protos: [proto], target });
  const gl = proto as Record<string, (...a: unknown[]) => void>;
  return { gl, read, target };
}

const TEXTURE_2D = 0x0de1;
const CUBE = 0x8513;
const RGBA = 0x1908;
const UNSIGNED_BYTE = 0x1401;
const HALF_FLOAT = 0x140b;

describe('texture memory ledger', () => {
  it('counts an RGBA painting with its mip chain, and frees it when the texture is deleted', () => {
    const { gl, read, target } = fakeGl();
    const painting = {};
    gl.activeTexture!(0x84c0);
    gl.bindTexture!(TEXTURE_2D, painting);
    // An ImageBitmap-like source of 1024 × 512.
    gl.texImage2D!(TEXTURE_2D, 0, RGBA, RGBA, UNSIGNED_BYTE, { width: 1024, height: 512 });
    gl.generateMipmap!(TEXTURE_2D);
    const base = 1024 * 512 * 4;
    expect(read().bytes).toBe(base + Math.round(base / 3));
    expect(read().byFormat).toEqual({ RGBA8: base + Math.round(base / 3) });
    expect(target.__textureMemory).toBe(read);
    gl.deleteTexture!(painting);
    expect(read()).toMatchObject({ bytes: 0, deletions: 1, textures: 0 });
  });

  it('counts a KTX2 painting by its compressed bytes (ETC2: an eighth of RGBA), by format', () => {
    const { gl, read } = fakeGl();
    const rgba = {};
    const etc = {};
    gl.bindTexture!(TEXTURE_2D, rgba);
    gl.texImage2D!(TEXTURE_2D, 0, 0x8058, 512, 512, 0, RGBA, UNSIGNED_BYTE, null);
    gl.bindTexture!(TEXTURE_2D, etc);
    // Levels of a 512² ETC2 RGB texture: 8 bytes per 4 × 4 block.
    for (let l = 0, s = 512; s >= 1; l++, s >>= 1) gl.compressedTexImage2D!(TEXTURE_2D, l, 0x9274, s, s, 0, new Uint8Array(Math.ceil(s / 4) ** 2 * 8));
    const m = read();
    expect(m.byFormat.RGBA8).toBe(512 * 512 * 4);
    expect(m.byFormat.ETC2_RGB).toBeGreaterThan(512 * 512 * 0.5);
    expect(m.byFormat.ETC2_RGB).toBeLessThan(512 * 512 * 0.5 * 1.34 + 100);
    expect(m.textures).toBe(2);
  });

  it('replaces a level uploaded again (a texture reused at another size), keeps textures on other units apart, and sizes cube maps', () => {
    const { gl, read } = fakeGl();
    const a = {};
    const env = {};
    gl.activeTexture!(0x84c0);
    gl.bindTexture!(TEXTURE_2D, a);
    gl.texImage2D!(TEXTURE_2D, 0, RGBA, 256, 256, 0, RGBA, UNSIGNED_BYTE, null);
    gl.texImage2D!(TEXTURE_2D, 0, RGBA, 128, 128, 0, RGBA, UNSIGNED_BYTE, null);
    expect(read().bytes).toBe(128 * 128 * 4);
    gl.activeTexture!(0x84c1);
    gl.bindTexture!(CUBE, env);
    // A half-float environment cube, 64² a face, 7 levels.
    gl.texStorage2D!(CUBE, 7, 0x881a, 64, 64);
    let cube = 0;
    for (let l = 0; l < 7; l++) cube += Math.max(1, 64 >> l) ** 2 * 8 * 6;
    expect(read().byFormat.RGBA16F).toBe(cube);
    // An upload to unit 0 still lands on `a`.
    gl.activeTexture!(0x84c0);
    gl.texImage2D!(TEXTURE_2D, 0, RGBA, 64, 64, 0, RGBA, HALF_FLOAT, null);
    expect(read().byFormat).toMatchObject({ RGBA16F: 64 * 64 * 8 + cube });
    expect(read().byFormat.RGBA8).toBeUndefined();
  });

  it('keeps the peak held between two reads: a room arriving, then released, still shows its ceiling', () => {
    const { gl, read } = fakeGl();
    const room = [{}, {}, {}];
    for (const t of room) {
      gl.bindTexture!(TEXTURE_2D, t);
      gl.texImage2D!(TEXTURE_2D, 0, RGBA, 512, 512, 0, RGBA, UNSIGNED_BYTE, null);
    }
    const ceiling = 3 * 512 * 512 * 4;
    // A level replaced by a smaller one is not counted twice.
    gl.texImage2D!(TEXTURE_2D, 0, RGBA, 256, 256, 0, RGBA, UNSIGNED_BYTE, null);
    expect(read()).toMatchObject({ bytes: 2 * 512 * 512 * 4 + 256 * 256 * 4, peakBytes: ceiling });
    for (const t of room) gl.deleteTexture!(t);
    expect(read()).toMatchObject({ bytes: 0, peakBytes: ceiling });
    // Less than the ceiling again: the peak stays where it was.
    gl.bindTexture!(TEXTURE_2D, {});
    gl.texImage2D!(TEXTURE_2D, 0, RGBA, 512, 512, 0, RGBA, UNSIGNED_BYTE, null);
    expect(read()).toMatchObject({ bytes: 512 * 512 * 4, peakBytes: ceiling });
  });
});
