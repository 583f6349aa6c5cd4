/**
 * One texture of a model (base colour, normal map…) held at one level of a ladder (image-levels.ts), as a painting's
 * image is: the file's bytes are kept as a Blob, each level is decoded and scaled off the main thread by
 * `createImageBitmap`, and uploaded within the frame's budget (upload-budget.ts). The material keeps one Babylon
 * Texture for good; a new level takes its place under it (its InternalTexture), so no shader changes, and the level
 * before is released once the new one is in.
 */
import type { Texture } from '@babylonjs/core/Materials/Textures/texture';
import type { InternalTexture } from '@babylonjs/core/Materials/Textures/internalTexture';
import type { Scene } from '@babylonjs/core/scene';
import { canBand, uploadInBands, type BandEngine } from './banded-upload';
import { levelPixels, levelSizes } from './image-levels';
import type { UploadBudget } from './upload-budget';

/**
 * Texture pixels a model asks for per screen pixel across it: a model's texture lays its whole surface out flat,
 * so the side the visitor sees takes about half the texture's width.
 */
export const MODEL_TEXTURE_SPREAD = 2;

export interface ModelTextureOptions {
  scene: Scene;
  /** Names the levels on the GPU (unique: the engine keys textures by name). */
  name: string;
  blob: Blob;
  /** The material's texture: each level is put under it. */
  texture: Texture;
  /** Colour (sRGB) or data (normals, roughness): data is decoded without colour conversion. */
  color: boolean;
  noMipmap: boolean;
  samplingMode: number;
  budget: UploadBudget;
  /** Lower uploads sooner (nearer works). */
  priority: () => number;
}

export class ModelTexture {
  /** Longest side of each level, px (known once `open()` has read the file's size). */
  sizes: number[] = [];
  /** The level under the texture now (-1: none yet). */
  shown = -1;
  private coming = -1;
  private aspect = 1;
  private cancel?: () => void;
  private disposed = false;
  private held = false;

  constructor(private readonly o: ModelTextureOptions) {}

  /** Reads the image's size from its header (Chromium decodes an <img> lazily); rejects when it is not an image. */
  async open(): Promise<void> {
    const src = URL.createObjectURL(this.o.blob);
    try {
      const img = new Image();
      img.src = src;
      await new Promise<void>((resolve, reject) => {
        img.onload = () => resolve();
        img.onerror = () => reject(new Error('a texture of the model is not a decodable image'));
      });
      this.aspect = img.naturalWidth / img.naturalHeight;
      this.sizes = levelSizes(img.naturalWidth, img.naturalHeight);
    } finally {
      URL.revokeObjectURL(src);
    }
  }

  get busy(): boolean {
    return this.coming >= 0 || this.held;
  }

  /** Texels on the GPU now (level 0 of the texture). */
  get texels(): number {
    const t = this.o.texture.getInternalTexture();
    return t ? t.width * t.height : 0;
  }

  /** Decodes and uploads `level`, then puts it under the material's texture; resolves when it is in (or superseded). */
  async load(level: number, again = false): Promise<void> {
    if (this.disposed || this.held || level === this.coming || (level === this.shown && this.coming < 0 && !again)) return;
    this.cancel?.();
    this.coming = level;
    const size = levelPixels(this.aspect, this.sizes[level]!);
    // glTF textures are not flipped (Babylon loads them with invertY false); alpha is kept unpremultiplied as WebGL
    // uploads an <img>, and data textures keep their exact values.
    const bitmap = await createImageBitmap(this.o.blob, {
      resizeWidth: size.width,
      resizeHeight: size.height,
      resizeQuality: 'high',
      premultiplyAlpha: 'none',
      colorSpaceConversion: this.o.color ? 'default' : 'none',
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
          this.put(this.upload(bitmap, level));
          this.shown = level;
          this.coming = -1;
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

  /** A level larger than a frame's budget goes up a band of rows per turn (banded-upload.ts), put in once whole. */
  private loadInBands(level: number, bitmap: ImageBitmap, engine: BandEngine): Promise<void> {
    const options = { mipmaps: !this.o.noMipmap, samplingMode: this.o.samplingMode, useSRGBBuffer: this.o.texture._useSRGBBuffer ?? false };
    return uploadInBands(engine, bitmap, this.o.budget, this.o.priority, options, {
      waiting: (withdraw) => (this.cancel = withdraw),
      whole: (internal) => {
        this.put(internal);
        this.shown = level;
        this.coming = -1;
      },
      withdrawn: () => (this.coming = -1),
    });
  }

  private upload(bitmap: ImageBitmap, level: number): InternalTexture {
    const { scene, texture } = this.o;
    // The bitmap is uploaded at once (an ImageBitmap needs no decode), as the material's texture would be.
    return scene
      .getEngine()
      .createTexture(`${this.o.name}#${this.sizes[level]}`, this.o.noMipmap, false, scene, this.o.samplingMode, null, null, bitmap, null, undefined, undefined, undefined, undefined, undefined, texture._useSRGBBuffer ?? false);
  }

  /** Puts a level under the material's texture and releases the one before. */
  private put(level: InternalTexture): void {
    const old = this.o.texture.getInternalTexture();
    this.o.texture._texture = level;
    old?.dispose();
  }

  /** Keeps the level shown now for good. */
  hold(): void {
    this.held = true;
    this.cancel?.();
    this.coming = -1;
  }

  dispose(): void {
    this.disposed = true;
    this.cancel?.();
  }
}
