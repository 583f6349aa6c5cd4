/**
 * A KTX2 (Basis Universal) file turned into what the GPU at hand can hold: Binomial's own transcoder (the build
 * that ships in the `three` package, basis_transcoder.js/.wasm) rewrites each mip level into the best compressed
 * format the device has (ASTC, BC7, ETC2, BC1/BC3), or plain RGBA when it has none. The result has the shape
 * Babylon's KTX2 decoder returns, so Babylon's own KhronosTextureContainer2 uploads it (ktx2.ts wires this in).
 * Knows nothing of Babylon or the DOM: the worker, the pack's quality check and the unit test all use it.
 */

/** The parts of Binomial's KTX2File this module uses (embind class, basis_wrappers.cpp). */
export interface BasisKtx2File {
  isValid(): boolean;
  getWidth(): number;
  getHeight(): number;
  getLevels(): number;
  getLayers(): number;
  getFaces(): number;
  getHasAlpha(): boolean;
  isUASTC(): boolean;
  isETC1S(): boolean;
  getDFDTransferFunc(): number;
  startTranscoding(): boolean;
  getImageLevelInfo(level: number, layer: number, face: number): { origWidth: number; origHeight: number; width: number; height: number };
  getImageTranscodedSizeInBytes(level: number, layer: number, face: number, format: number): number;
  transcodeImage(dst: Uint8Array, level: number, layer: number, face: number, format: number, flags: number, channel0: number, channel1: number): number;
  close(): void;
  delete(): void;
}

/** Binomial's transcoder module once initialised (`BASIS({ wasmBinary })`). */
export interface BasisModule {
  initializeBasis(): void;
  KTX2File: new (data: Uint8Array) => BasisKtx2File;
}

/** Which compressed formats the device can sample (Babylon's engine caps, as booleans). */
export interface CompressedCaps {
  astc?: boolean;
  bptc?: boolean;
  s3tc?: boolean;
  etc2?: boolean;
  etc1?: boolean;
}

/** Babylon's decoded-KTX2 shape (IDecodedData in Babylon's ktx2decoder), which KhronosTextureContainer2 uploads. */
export interface DecodedKtx2 {
  width: number;
  height: number;
  /** A WebGL internal format: compressed, or RGBA8 (0x8058) when transcoded to plain pixels. */
  transcodedFormat: number;
  mipmaps: { data: Uint8Array; width: number; height: number }[];
  isInGammaSpace: boolean;
  hasAlpha: boolean;
  transcoderName: string;
  errors?: string;
}

/** Basis transcoder targets (basisu_transcoder.h, transcoder_texture_format). */
const BASIS = { ETC1: 0, ETC2: 1, BC1: 2, BC3: 3, BC7: 6, ASTC_4x4: 10, RGBA32: 13 } as const;
/** The WebGL internal formats they are uploaded as (the linear ones: Babylon turns sRGB data linear in its shaders). */
export const GL_FORMAT = {
  RGBA8: 0x8058,
  ASTC_4x4: 0x93b0,
  BC7: 0x8e8c,
  BC1_RGB: 0x83f0,
  BC3_RGBA: 0x83f3,
  ETC2_RGB: 0x9274,
  ETC2_RGBA: 0x9278,
  ETC1_RGB: 0x8d64,
} as const;
/** KTX2 data format descriptor transfer function: sRGB. */
const KHR_DF_TRANSFER_SRGB = 2;

interface Target {
  basis: number;
  gl: number;
}

/**
 * The target for this file on this device: for ETC1S, ETC2 first (ETC1S is a subset of ETC1, so the rewrite is
 * nearly free), then BC7, BC1/BC3; for UASTC, ASTC first (UASTC is a subset of it), then BC7, ETC2, BC3. Plain
 * RGBA when the device has none of them (4 bytes a texel: correct, but the memory saving is lost).
 */
export function chooseTarget(uastc: boolean, alpha: boolean, caps: CompressedCaps): Target {
  const etc2: Target = alpha ? { basis: BASIS.ETC2, gl: GL_FORMAT.ETC2_RGBA } : { basis: BASIS.ETC1, gl: GL_FORMAT.ETC2_RGB };
  const s3tc: Target = alpha ? { basis: BASIS.BC3, gl: GL_FORMAT.BC3_RGBA } : { basis: BASIS.BC1, gl: GL_FORMAT.BC1_RGB };
  const astc: Target = { basis: BASIS.ASTC_4x4, gl: GL_FORMAT.ASTC_4x4 };
  const bc7: Target = { basis: BASIS.BC7, gl: GL_FORMAT.BC7 };
  const order: [boolean | undefined, Target][] = uastc
    ? [[caps.astc, astc], [caps.bptc, bc7], [caps.etc2, etc2], [caps.s3tc, s3tc]]
    : [[caps.etc2, etc2], [caps.bptc, bc7], [caps.s3tc, s3tc], [caps.etc1 && !alpha, { basis: BASIS.ETC1, gl: GL_FORMAT.ETC1_RGB }]];
  return order.find(([has]) => has)?.[1] ?? { basis: BASIS.RGBA32, gl: GL_FORMAT.RGBA8 };
}

/** The KTX 2.0 file identifier: «KTX 20»\r\n\x1A\n. */
const KTX2_MAGIC = [0xab, 0x4b, 0x54, 0x58, 0x20, 0x32, 0x30, 0xbb, 0x0d, 0x0a, 0x1a, 0x0a];

/** Whether the bytes start as a KTX 2.0 file does. */
export const isKtx2 = (data: Uint8Array): boolean => data.length > KTX2_MAGIC.length && KTX2_MAGIC.every((b, i) => data[i] === b);

/** The pixel size a KTX2 file's header states (pixelWidth and pixelHeight, after the identifier and two fields). */
export function ktx2Size(data: Uint8Array): { width: number; height: number } {
  if (!isKtx2(data) || data.length < 28) throw new Error('not a KTX2 file (it does not start with the KTX 2.0 identifier)');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return { width: view.getUint32(20, true), height: view.getUint32(24, true) };
}

/** Transcodes every mip level of a 2D KTX2 file (Basis ETC1S or UASTC); throws with a plain reason otherwise. */
export function transcodeKtx2(basis: BasisModule, data: Uint8Array, caps: CompressedCaps): DecodedKtx2 {
  if (!isKtx2(data)) throw new Error('not a KTX2 file (it does not start with the KTX 2.0 identifier)');
  const file = new basis.KTX2File(data);
  try {
    if (!file.isValid()) throw new Error('not a KTX2 file the Basis transcoder can read');
    if (!file.isUASTC() && !file.isETC1S()) throw new Error('a KTX2 file without Basis Universal (ETC1S or UASTC) data');
    if ((file.getLayers() || 1) > 1 || file.getFaces() > 1) throw new Error('a KTX2 array or cube texture, not a flat image');
    const alpha = file.getHasAlpha();
    const target = chooseTarget(file.isUASTC(), alpha, caps);
    if (!file.startTranscoding()) throw new Error('the Basis transcoder could not start on this file');
    const mipmaps: DecodedKtx2['mipmaps'] = [];
    for (let level = 0; level < file.getLevels(); level++) {
      const info = file.getImageLevelInfo(level, 0, 0);
      const dst = new Uint8Array(file.getImageTranscodedSizeInBytes(level, 0, 0, target.basis));
      if (!file.transcodeImage(dst, level, 0, 0, target.basis, 0, -1, -1)) throw new Error(`the Basis transcoder failed on mip level ${level}`);
      mipmaps.push({ data: dst, width: info.origWidth, height: info.origHeight });
    }
    return {
      width: file.getWidth(),
      height: file.getHeight(),
      transcodedFormat: target.gl,
      mipmaps,
      isInGammaSpace: file.getDFDTransferFunc() === KHR_DF_TRANSFER_SRGB,
      hasAlpha: alpha,
      transcoderName: 'basis_transcoder (Binomial)',
    };
  } finally {
    file.close();
    file.delete();
  }
}
