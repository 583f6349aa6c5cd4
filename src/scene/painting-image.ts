/**
 * One work's image on the GPU at one level of its ladder (image-levels.ts). The file is fetched once (within the
 * image limits) and kept as its compressed blob; each level is decoded and scaled off the main thread by
 * `createImageBitmap` (resizeWidth/resizeHeight, high quality), then uploaded within the frame budget
 * (upload-budget.ts) as a Babylon Texture made from the bitmap. The level shown before is released once the new
 * one is drawn.
 */
import { Texture } from '@babylonjs/core/Materials/Textures/texture';
import type { Scene } from '@babylonjs/core/scene';
import { canBand, uploadInBands, type BandEngine } from './banded-upload';
import { levelPixels, levelSizes } from './image-levels';
import type { UploadBudget } from './upload-budget';

export interface PaintingImageOptions {
  scene: Scene;
  /** Names the textures (the file's URL). */
  name: string;
  blob: Blob;
  /** Width / height the image is shown at (the work's catalogued size): each level is scaled to it. */
  aspect: number;
  budget: UploadBudget;
  /** Lower uploads sooner (nearer works). */
  priority: () => number;
  /** Puts a newly uploaded level on the work. */
  show: (texture: Texture) => void;
}

/** The image's pixel size, read from its header by the browser (no full decode: Chromium decodes lazily). */
async function naturalSize(blob: Blob): Promise<{ width: number; height: number }> {
  const src = URL.createObjectURL(blob);
  try {
    const img = new Image();
    img.src = src;
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('not a decodable image'));
    });
    return { width: img.naturalWidth, height: img.naturalHeight };
  } finally {
    URL.revokeObjectURL(src);
  }
}

export class PaintingImage {
  /** Longest side of each level, px (known once the image's size is read). */
  sizes: number[] = [];
  /** The level on the work now (-1: none yet). */
  shown = -1;
  /** The level being decoded or uploaded (-1: none). */
  private coming = -1;
  private texture?: Texture;
  /** Withdraws the upload waiting for its frame. */
  private cancel?: () => void;
  private disposed = false;
  /** Kept at the level shown now (a time-lapse blends with this very texture). */
  private held = false;

  constructor(private readonly o: PaintingImageOptions) {}

  /** Reads the image's size; rejects when the file is not an image. */
  async open(): Promise<void> {
    const { width, height } = await naturalSize(this.o.blob);
    this.sizes = levelSizes(width, height);
  }

  /** Whether a level change is under way, or the level may not change. */
  get busy(): boolean {
    return this.coming >= 0 || this.held;
  }

  /** Texels on the GPU now (level 0 of the shown texture). */
  get texels(): number {
    const s = this.texture?.getSize();
    return s ? s.width * s.height : 0;
  }

  /**
   * Decodes and uploads `level`, then shows it; resolves when it is on the work, or when a later call or
   * `dispose()` superseded it (rejects on a decode error).
   */
  async load(level: number, again = false): Promise<void> {
    if (this.disposed || this.held || level === this.coming || (level === this.shown && this.coming < 0 && !again)) return;
    this.cancel?.();
    this.coming = level;
    const longest = this.sizes[level]!;
    const size = levelPixels(this.o.aspect, longest);
    // WebGL ignores UNPACK_FLIP_Y for ImageBitmaps: the bitmap is flipped as it is made, as Babylon does for its own.
    const bitmap = await createImageBitmap(this.o.blob, {
      imageOrientation: 'flipY',
      resizeWidth: size.width,
      resizeHeight: size.height,
      resizeQuality: 'high',
    });
    if (this.disposed || this.held || this.coming !== level) {
      bitmap.close();
      return;
    }
    const engine = this.o.scene.getEngine();
    if (bitmap.width * bitmap.height > this.o.budget.texelsPerFrame && canBand(engine)) return this.loadInBands(level, bitmap, engine);
    const turn = this.o.budget.turn(
      {
        texels: bitmap.width * bitmap.height,
        priority: this.o.priority,
        run: () => {
          this.cancel = undefined;
          this.put(level, new Texture(`${this.o.name}#${this.sizes[level]}`, this.o.scene, { buffer: bitmap, noMipmap: false, invertY: true, samplingMode: Texture.TRILINEAR_SAMPLINGMODE }));
        },
      },
      () => {
        bitmap.close();
        this.cancel = undefined;
        this.coming = -1;
      },
    );
    this.cancel = turn.withdraw;
    await turn.done;
  }

  /**
   * A level larger than a frame's budget goes up a band of rows per turn (banded-upload.ts), and is shown once
   * whole; withdrawn at any band (a later level asked for, the work gone), the part uploaded is let go.
   */
  private loadInBands(level: number, bitmap: ImageBitmap, engine: BandEngine): Promise<void> {
    return uploadInBands(engine, bitmap, this.o.budget, this.o.priority, {}, {
      waiting: (withdraw) => (this.cancel = withdraw),
      whole: (internal) => {
        const t = new Texture(null, this.o.scene, { noMipmap: false, invertY: true, samplingMode: Texture.TRILINEAR_SAMPLINGMODE });
        t.name = `${this.o.name}#${this.sizes[level]}`;
        t._texture = internal;
        this.put(level, t);
      },
      withdrawn: () => (this.coming = -1),
    });
  }

  /** A level's texture on the work; the one shown before goes. */
  private put(level: number, t: Texture): void {
    t.anisotropicFilteringLevel = 4;
    const old = this.texture;
    this.texture = t;
    this.shown = level;
    this.coming = -1;
    this.o.show(t);
    old?.dispose();
  }

  /** Keeps the level shown now for good, and drops any change under way. */
  hold(): void {
    this.held = true;
    this.cancel?.();
    this.coming = -1;
  }

  dispose(): void {
    this.disposed = true;
    this.cancel?.();
    this.texture?.dispose();
  }
}
