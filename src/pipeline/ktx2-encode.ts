/**
 * KTX2 copies of paintings for `npm run pack -- --ktx2`: Basis Universal through ktx2-encoder (Binomial's
 * encoder built to WebAssembly), ETC1S first (small files, ETC1 blocks every GPU family transcodes to cheaply)
 * and UASTC when ETC1S loses too much: each candidate is transcoded back with Binomial's transcoder (the very
 * one the app serves) and compared with the source at the packed size, the size it is viewed at, by SSIM.
 * Rows are written bottom to top (WebGL's order) because compressed data cannot be flipped at upload.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { ssim } from 'ssim.js';
import { encodeToKTX2 } from 'ktx2-encoder';
import { transcodeKtx2, type BasisModule } from '../twin/ktx2-transcode';

/** The quality a painting's KTX2 must keep against its source, at its viewing size (issue 20). */
export const MIN_KTX2_SSIM = 0.95;

export interface Ktx2Painting {
  bytes: Uint8Array;
  mode: 'etc1s' | 'uastc';
  ssim: number;
  size: [number, number];
}

const require = createRequire(import.meta.url);
let transcoder: Promise<BasisModule> | undefined;

/**
 * Binomial's transcoder in Node, from the same files the app serves (three's basis_transcoder.js is an
 * Emscripten script that declares a global; it is run as a function body so that its `BASIS` can be returned).
 */
export function basisTranscoder(): Promise<BasisModule> {
  transcoder ??= (async () => {
    const js = require.resolve('three/examples/jsm/libs/basis/basis_transcoder.js');
    const dir = path.dirname(js);
    const make = new Function('require', '__dirname', '__filename', `${await readFile(js, 'utf8')}\nreturn BASIS;`) as (
      r: NodeJS.Require,
      d: string,
      f: string,
    ) => (o: { wasmBinary: Uint8Array }) => Promise<BasisModule>;
    const m = await make(require, dir, js)({ wasmBinary: await readFile(path.join(dir, 'basis_transcoder.wasm')) });
    m.initializeBasis();
    return m;
  })();
  return transcoder;
}

/** The top level of a KTX2 file as RGBA pixels, top row first (undoing the pack's bottom-up order). */
export async function ktx2Pixels(ktx2: Uint8Array): Promise<{ data: Uint8Array; width: number; height: number }> {
  const d = transcodeKtx2(await basisTranscoder(), ktx2, {});
  const top = d.mipmaps[0]!;
  const row = top.width * 4;
  const data = new Uint8Array(top.data.length);
  for (let y = 0; y < top.height; y++) data.set(top.data.subarray(y * row, (y + 1) * row), (top.height - 1 - y) * row);
  return { data, width: top.width, height: top.height };
}

const raw = async (img: Sharp) => {
  const { data, info } = await img.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
};

/**
 * A painting as KTX2 at most `maxSide` px on its longest side, both sides multiples of 4 (Basis blocks; S3TC
 * needs them), with mipmaps and the sRGB transfer function. ETC1S when it keeps SSIM ≥ MIN_KTX2_SSIM, else UASTC.
 */
export async function encodePaintingKtx2(source: Buffer, maxSide: number): Promise<Ktx2Painting> {
  const meta = await sharp(source).rotate().metadata();
  const w0 = meta.autoOrient?.width ?? meta.width ?? 0;
  const h0 = meta.autoOrient?.height ?? meta.height ?? 0;
  const scale = Math.min(1, maxSide / Math.max(w0, h0, 1));
  const fit4 = (n: number) => Math.max(4, Math.round((n * scale) / 4) * 4);
  const [width, height] = [fit4(w0), fit4(h0)];
  const reference = await raw(sharp(source).rotate().resize(width, height, { fit: 'fill' }));
  const png = await sharp(Buffer.from(reference.data), { raw: { width, height, channels: 4 } }).png().toBuffer();
  const imageDecoder = async (b: Uint8Array) => raw(sharp(b));
  let best: Ktx2Painting | undefined;
  for (const uastc of [false, true]) {
    const bytes = await encodeToKTX2(new Uint8Array(png), {
      isUASTC: uastc,
      // ETC1S: Basis's quality scale, 1–255; higher keeps more of the image.
      qualityLevel: 192,
      uastcLDRQualityLevel: 2,
      needSupercompression: uastc,
      generateMipmap: true,
      isYFlip: true,
      isPerceptual: true,
      isSetKTX2SRGBTransferFunc: true,
      enableDebug: false,
      imageDecoder,
    });
    const back = await ktx2Pixels(bytes);
    const score = ssim({ data: new Uint8ClampedArray(reference.data), width, height }, { data: new Uint8ClampedArray(back.data), width, height }).mssim;
    const candidate: Ktx2Painting = { bytes, mode: uastc ? 'uastc' : 'etc1s', ssim: Math.round(score * 1000) / 1000, size: [width, height] };
    if (score >= MIN_KTX2_SSIM) return candidate;
    if (!best || candidate.ssim > best.ssim) best = candidate;
  }
  return best!;
}
