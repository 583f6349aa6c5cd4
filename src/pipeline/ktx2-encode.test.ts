import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { basisTranscoder, encodePaintingKtx2, ktx2Pixels, MIN_KTX2_SSIM } from './ktx2-encode';
import { chooseTarget, GL_FORMAT, transcodeKtx2 } from '../twin/ktx2-transcode';

/** A small "painting": red above, blue below, a yellow sun top left (so a flip or a mirror shows). */
async function painting(width: number, height: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="50%" fill="#c83228"/><rect y="50%" width="100%" height="50%" fill="#2846b4"/>
    <circle cx="${width * 0.2}" cy="${height * 0.2}" r="${height * 0.12}" fill="#f0dc3c"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 92 }).toBuffer();
}

const at = (p: { data: Uint8Array; width: number }, x: number, y: number) => [...p.data.subarray((y * p.width + x) * 4, (y * p.width + x) * 4 + 3)];
const near = (a: number[], b: number[], tol = 40) => a.every((v, i) => Math.abs(v - b[i]!) <= tol);

describe('KTX2 paintings (pack → Binomial transcoder)', () => {
  it('encodes a painting within the quality bar, sized to 4-px blocks, and it decodes the right way up', async () => {
    const k = await encodePaintingKtx2(await painting(203, 150), 160);
    expect(k.ssim).toBeGreaterThanOrEqual(MIN_KTX2_SSIM);
    expect(k.mode).toBe('etc1s');
    expect(k.size).toEqual([160, 120]);
    expect(k.bytes.byteLength).toBeLessThan(160 * 120); // well under a byte a pixel
    const px = await ktx2Pixels(k.bytes);
    expect([px.width, px.height]).toEqual([160, 120]);
    expect(near(at(px, 80, 10), [200, 50, 40]), `top ${at(px, 80, 10)}`).toBe(true);
    expect(near(at(px, 80, 110), [40, 70, 180]), `bottom ${at(px, 80, 110)}`).toBe(true);
    expect(near(at(px, 32, 24), [240, 220, 60]), `sun ${at(px, 32, 24)}`).toBe(true);
    // As stored (what WebGL receives), the first row is the painting's bottom: blue.
    const stored = transcodeKtx2(await basisTranscoder(), k.bytes, {});
    expect(stored.transcodedFormat).toBe(GL_FORMAT.RGBA8);
    expect(stored.isInGammaSpace).toBe(true);
    expect(near(at(stored.mipmaps[0]!, 80, 0), [40, 70, 180])).toBe(true);
    // A full mip chain down to 1 px.
    expect(stored.mipmaps.map((m) => m.width)).toEqual([160, 80, 40, 20, 10, 5, 2, 1]);
  });

  it('stays compressed on a GPU with ETC2 or S3TC: block sizes, not pixels', async () => {
    const k = await encodePaintingKtx2(await painting(128, 64), 128);
    const basis = await basisTranscoder();
    const etc = transcodeKtx2(basis, k.bytes, { etc2: true, s3tc: true });
    expect(etc.transcodedFormat).toBe(GL_FORMAT.ETC2_RGB);
    expect(etc.mipmaps[0]!.data.byteLength).toBe((128 / 4) * (64 / 4) * 8);
    const bc1 = transcodeKtx2(basis, k.bytes, { s3tc: true });
    expect(bc1.transcodedFormat).toBe(GL_FORMAT.BC1_RGB);
    expect(bc1.mipmaps[0]!.data.byteLength).toBe((128 / 4) * (64 / 4) * 8);
  });

  it('picks ASTC for UASTC, ETC2 for ETC1S, and plain RGBA only when the device has no compressed format', () => {
    expect(chooseTarget(true, false, { astc: true, etc2: true }).gl).toBe(GL_FORMAT.ASTC_4x4);
    expect(chooseTarget(false, false, { astc: true, etc2: true }).gl).toBe(GL_FORMAT.ETC2_RGB);
    expect(chooseTarget(false, true, { s3tc: true }).gl).toBe(GL_FORMAT.BC3_RGBA);
    expect(chooseTarget(false, false, {}).gl).toBe(GL_FORMAT.RGBA8);
  });

  it('says plainly when the bytes are not KTX2', async () => {
    const basis = await basisTranscoder();
    expect(() => transcodeKtx2(basis, new TextEncoder().encode('<html>Not found</html>'), {})).toThrow(/not a KTX2 file/);
  });
});
