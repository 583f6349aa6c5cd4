/**
 * A painting shown from its KTX2 copy (`compressedImage`, written by `npm run pack -- --ktx2`): fetched within the
 * image limits, transcoded off the main thread by the app's own transcoder (ktx2.ts) and uploaded within the
 * frame's upload budget. It stays compressed on the GPU (ETC2, BC7, ASTC… a quarter to an eighth of the RGBA
 * bytes) with its own mip chain, so it has no level ladder: it is held whole, as its mips already cost little.
 */
import type { Texture } from '@babylonjs/core/Materials/Textures/texture';
import type { Scene } from '@babylonjs/core/scene';
import { ktx2Size } from '../twin/ktx2-transcode';
import { fetchLimited } from '../twin/fetch-limits';
import { ktx2Texture, useKtx2 } from './ktx2';
import type { UploadBudget } from './upload-budget';

/** What a compressed texel costs against the upload budget (which counts RGBA texels): ETC2/BC1 are 4 bits. */
const COMPRESSED_SHARE = 1 / 8;

export interface CompressedPaintingLoad {
  scene: Scene;
  url: string;
  budget: UploadBudget;
  priority: () => number;
  show: (texture: Texture) => void;
}

/** A KTX2 painting on the GPU; `hold()` and `dispose()` as for PaintingImage. */
export class CompressedPainting {
  constructor(readonly texture: Texture) {}
  /** Its one level is always the one shown. */
  hold(): void {}
  dispose(): void {
    this.texture.dispose();
  }
}

/**
 * Fetches, transcodes and shows the KTX2 copy; rejects with a plain reason (transcoder missing or failing, file
 * too big or not KTX2), after which the caller shows the JPEG/WebP instead.
 */
export async function loadCompressedPainting(o: CompressedPaintingLoad): Promise<CompressedPainting> {
  const ready = await useKtx2();
  if (ready !== true) throw new Error(ready);
  const r = await fetchLimited(o.url, 'image');
  if (!r.ok) throw new Error(`HTTP ${r.status}`);
  const bytes = r.bytes;
  const { width, height } = ktx2Size(bytes);
  await new Promise<void>((resolve) => o.budget.add({ texels: Math.ceil(width * height * COMPRESSED_SHARE), priority: o.priority, run: resolve }));
  const texture = await ktx2Texture(o.scene, o.url, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  texture.anisotropicFilteringLevel = 4;
  o.show(texture);
  return new CompressedPainting(texture);
}
