import { describe, expect, it } from 'vitest';
import { Constants } from '@babylonjs/core/Engines/constants';
import type { InternalTexture } from '@babylonjs/core/Materials/Textures/internalTexture';
import { BandedUpload, bandsOf, uploadInBands, type BandEngine } from './banded-upload';
import { TEXELS_PER_FRAME, UploadBudget } from './upload-budget';

/** A stand-in WebGL 2 engine that writes down the calls a banded upload makes. */
function recorder() {
  const calls: string[] = [];
  const texture = { disposed: false, generateMipMaps: false, dispose() { this.disposed = true; calls.push('dispose'); } };
  const gl = {
    TEXTURE_2D: 3553,
    RGBA: 6408,
    UNSIGNED_BYTE: 5121,
    UNPACK_SKIP_ROWS: 3315,
    pixelStorei: (p: number, v: number) => calls.push(`skipRows ${p === 3315 ? v : `? ${p}`}`),
    texSubImage2D: (_t: number, level: number, x: number, y: number, w: number, h: number) => calls.push(`sub level ${level} at ${x},${y} ${w}x${h}`),
  };
  const engine = {
    webGLVersion: 2,
    _gl: gl,
    _createInternalTexture: (size: { width: number; height: number }, o: { generateMipMaps: boolean }) => {
      calls.push(`create ${size.width}x${size.height} mipmaps ${o.generateMipMaps}`);
      return texture as unknown as InternalTexture;
    },
    _bindTextureDirectly: (_t: number, tex: unknown) => {
      calls.push(tex ? 'bind' : 'unbind');
      return true;
    },
    _unpackFlipY: (v: boolean) => calls.push(`flipY ${v}`),
    generateMipmaps: () => calls.push('mipmaps'),
    updateTextureSamplingMode: (mode: number, _t: unknown, mips: boolean) => calls.push(`sampling ${mode === Constants.TEXTURE_TRILINEAR_SAMPLINGMODE ? 'trilinear' : mode} mipmaps ${mips}`),
  } as unknown as BandEngine;
  return { calls, engine, texture };
}

const bitmap = (width: number, height: number) => {
  const b = { width, height, closed: false, close: () => void (b.closed = true) };
  return b as unknown as ImageBitmap & { closed: boolean };
};
/** Lets the awaiting code run between frames. */
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('banded upload', () => {
  it('cuts an image into bands of whole rows within the budget, the last one shorter', () => {
    expect(bandsOf(1024, 768, TEXELS_PER_FRAME)).toEqual([
      { y: 0, rows: 256 },
      { y: 256, rows: 256 },
      { y: 512, rows: 256 },
    ]);
    expect(bandsOf(1000, 700, 300_000)).toEqual([
      { y: 0, rows: 300 },
      { y: 300, rows: 300 },
      { y: 600, rows: 100 },
    ]);
    // A row wider than the budget is still a band of one row.
    expect(bandsOf(4096, 2, 1000)).toEqual([
      { y: 0, rows: 1 },
      { y: 1, rows: 1 },
    ]);
  });

  it('makes the texture with the first band, writes each band at its rows, and makes mipmaps only once whole', () => {
    const { calls, engine, texture } = recorder();
    const up = new BandedUpload(engine, bitmap(1024, 600), TEXELS_PER_FRAME);
    expect(up.bands.length).toBe(3);
    up.band(0);
    expect(calls).toEqual(['create 1024x600 mipmaps false', 'bind', 'flipY false', 'skipRows 0', 'sub level 0 at 0,0 1024x256', 'skipRows 0', 'unbind']);
    calls.length = 0;
    up.band(1);
    up.band(2);
    expect(calls.filter((c) => c.startsWith('sub') || c.startsWith('skipRows') || c.startsWith('create'))).toEqual([
      'skipRows 256',
      'sub level 0 at 0,256 1024x256',
      'skipRows 0',
      'skipRows 512',
      'sub level 0 at 0,512 1024x88',
      'skipRows 0',
    ]);
    expect(calls).not.toContain('mipmaps');
    calls.length = 0;
    expect(up.finish()).toBe(texture);
    expect(calls).toEqual(['mipmaps', 'sampling trilinear mipmaps true']);
    expect(texture.generateMipMaps).toBe(true);
    // Finished, the texture is the caller's: letting the upload go does not free it.
    up.dispose();
    expect(texture.disposed).toBe(false);
  });

  it('lets a texture uploaded in part go when the upload is withdrawn', () => {
    const { engine, texture } = recorder();
    const up = new BandedUpload(engine, bitmap(2048, 1536), TEXELS_PER_FRAME);
    up.band(0);
    up.dispose();
    expect(texture.disposed).toBe(true);
  });

  it('spreads the bands over frames within the budget, and the texture is whole only after the last', async () => {
    const { calls, engine, texture } = recorder();
    const budget = new UploadBudget();
    const image = bitmap(1400, 840);
    let whole: unknown;
    let waiting: (() => void) | undefined;
    const done = uploadInBands(engine, image, budget, () => 0, {}, { waiting: (w) => (waiting = w), whole: (t) => (whole = t), withdrawn: () => {} });
    const perFrame: number[] = [];
    for (let frame = 0; frame < 10 && !whole; frame++) {
      await tick();
      perFrame.push(budget.frame());
    }
    await done;
    // 1400 × 840 is 4.5 frames' budget: five bands of 187 rows (the last 92), one a frame, none over the budget.
    expect(perFrame).toEqual([187, 187, 187, 187, 92].map((rows) => rows * 1400));
    expect(Math.max(...perFrame)).toBeLessThanOrEqual(TEXELS_PER_FRAME);
    expect(whole).toBe(texture);
    expect(calls.filter((c) => c === 'mipmaps')).toHaveLength(1);
    expect(image.closed).toBe(true);
    expect(waiting).toBeUndefined();
  });

  it('withdrawn between bands, lets the part uploaded and the bitmap go and never calls it whole', async () => {
    const { engine, texture } = recorder();
    const budget = new UploadBudget();
    const image = bitmap(2048, 1536);
    let whole = false;
    let withdrawn = false;
    let waiting: (() => void) | undefined;
    const done = uploadInBands(engine, image, budget, () => 0, {}, { waiting: (w) => (waiting = w), whole: () => (whole = true), withdrawn: () => (withdrawn = true) });
    await tick();
    budget.frame();
    await tick();
    budget.frame();
    await tick();
    waiting!();
    await done;
    expect({ whole, withdrawn, disposed: texture.disposed, closed: image.closed, pending: budget.pending }).toEqual({ whole: false, withdrawn: true, disposed: true, closed: true, pending: 0 });
  });
});
