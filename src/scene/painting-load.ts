/**
 * A painting's image arriving: its far-view copy first when the exhibition has one (`npm run pack` writes it),
 * then its KTX2 copy when it has one (ktx2-painting.ts: kept compressed on the GPU), or else (and whenever the
 * KTX2 cannot be shown: a problem entry says why) the image itself at the level its on-screen size asks for
 * (image-detail.ts), all fetched within the image limits and decoded off the main thread. Says why in plain words
 * when it cannot be shown.
 */
import type { Texture } from '@babylonjs/core/Materials/Textures/texture';
import type { Scene } from '@babylonjs/core/scene';
import type { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import { FetchLimitError } from '../twin/fetch-limits';
import type { Painting } from '../twin/schema';
import { imageBlobLimited } from './limited-load';
import { PaintingImage } from './painting-image';
import type { CompressedPainting } from './ktx2-painting';
import type { ImageDetail } from './image-detail';

export interface PaintingLoad {
  scene: Scene;
  detail: ImageDetail;
  art: Painting;
  /** The image's URL. */
  url: string;
  /** Where the image hangs (its centre). */
  node: TransformNode;
  resolve: (path: string) => string;
  /** Lower uploads sooner. */
  priority: () => number;
  /** False once the work is out of the visitor's reach. */
  inReach: () => boolean;
  /** Puts a texture on the canvas. */
  show: (texture: Texture) => void;
  /** A file that could not be shown: the field (`image`, `farImage`, `compressedImage`) and why. */
  onProblem: (field: 'image' | 'farImage' | 'compressedImage', message: string) => void;
  /** Tells the server's answer for a file Babylon or the browser could not use. */
  explain: (path: string, url: string) => Promise<string>;
}

/**
 * Shows the painting's KTX2 copy, or its image at its first level and then keeps its level (returns the image for
 * `hold()`); rejects with a problem message when the image cannot be shown (the far copy's and the KTX2 copy's
 * failures are only reported).
 */
export async function loadPainting(o: PaintingLoad): Promise<PaintingImage | CompressedPainting> {
  const { art } = o;
  const size = Math.max(art.dimensions.width, art.dimensions.height);
  const aspect = art.dimensions.width / art.dimensions.height;
  const image = (blob: Blob, name: string, show: (t: Texture) => void) =>
    new PaintingImage({ scene: o.scene, name, blob, aspect, budget: o.detail.budget, priority: o.priority, show });
  let full: PaintingImage | undefined;
  let far: PaintingImage | undefined;
  let compressed: CompressedPainting | undefined;
  /** Whether the painting's own image (or its KTX2 copy) is on the work: the far copy then gives way. */
  const shown = () => compressed !== undefined || (full?.shown ?? -1) >= 0;
  if (art.farImage) {
    const path = art.farImage;
    const url = o.resolve(path);
    void (async () => {
      const f = image(await imageBlobLimited(url), url, (t) => !shown() && o.show(t));
      far = f;
      await f.open();
      if (shown()) return f.dispose();
      await f.load(f.sizes.length - 1);
    })().catch(async (e: unknown) => o.onProblem('farImage', e instanceof FetchLimitError ? `file '${path}': ${e.message}` : await o.explain(path, url)));
  }
  if (art.compressedImage) {
    const kPath = art.compressedImage;
    const kUrl = o.resolve(kPath);
    try {
      // Loaded when an exhibition has KTX2 paintings: the first frame's code does not carry the transcoder's wiring.
      const { loadCompressedPainting } = await import('./ktx2-painting');
      compressed = await loadCompressedPainting({ scene: o.scene, url: kUrl, budget: o.detail.budget, priority: o.priority, show: o.show });
      far?.dispose();
      return compressed;
    } catch (e) {
      const why = e instanceof FetchLimitError ? e.message : (e as Error).message;
      o.onProblem('compressedImage', `file '${kPath}': ${why}; the image is shown instead`);
    }
  }
  const path = art.image!;
  const url = o.url;
  try {
    full = image(await imageBlobLimited(url), url, o.show);
    await full.open();
    await full.load(o.detail.firstLevel(full, o.node, size));
  } catch (e) {
    full?.dispose();
    far?.dispose();
    throw new Error(e instanceof FetchLimitError ? `file '${path}': ${e.message}` : await o.explain(path, url));
  }
  far?.dispose();
  o.detail.track(art.id, { image: full, node: o.node, size, inReach: o.inReach });
  return full;
}
