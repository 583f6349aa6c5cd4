/**
 * A large image uploaded to the GPU a band of rows at a time, one band per frame within the upload budget
 * (upload-budget.ts), and its mipmaps made once the last band is in: a level over the budget was one `texImage2D`,
 * alone in its frame, however large. (The bench's walk seldom takes a level over the budget, and shows no change
 * either way: README, "No hitch while streaming".)
 * WebGL 2 reads a rectangle of an ImageBitmap (UNPACK_SKIP_ROWS with the band's height), so each band is a
 * `texSubImage2D` of the rows it covers, and nothing is copied on the page. Without WebGL 2 the image goes in
 * one upload, as before.
 *
 * The texture is made with Babylon's own `_createInternalTexture` (storage only, no mipmaps yet) and bound through
 * `_bindTextureDirectly`, so Babylon's cache of bound textures stays true; it is shown only once whole. Babylon
 * cannot make such a texture again after a lost WebGL context (it keeps no source): image-detail.ts loads every
 * shown level again when the context comes back.
 */
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';
import type { ThinEngine } from '@babylonjs/core/Engines/thinEngine';
import type { InternalTexture } from '@babylonjs/core/Materials/Textures/internalTexture';
import { Constants } from '@babylonjs/core/Engines/constants';
import type { UploadBudget } from './upload-budget';

/** The rows each band covers, top to bottom: as many whole rows as fit `texelsPerBand`, at least one. */
export function bandsOf(width: number, height: number, texelsPerBand: number): { y: number; rows: number }[] {
  const rows = Math.max(1, Math.floor(texelsPerBand / Math.max(1, width)));
  const bands: { y: number; rows: number }[] = [];
  for (let y = 0; y < height; y += rows) bands.push({ y, rows: Math.min(rows, height - y) });
  return bands;
}

/** The WebGL calls a banded upload makes (a WebGL 2 context; a recorder in the unit test). */
export interface BandGl {
  readonly TEXTURE_2D: number;
  readonly RGBA: number;
  readonly UNSIGNED_BYTE: number;
  readonly UNPACK_SKIP_ROWS: number;
  pixelStorei(pname: number, param: number): void;
  texSubImage2D(target: number, level: number, x: number, y: number, width: number, height: number, format: number, type: number, source: ImageBitmap): void;
}

/** The engine's parts a banded upload uses (Babylon's WebGL engine; a stand-in in the unit test). */
export interface BandEngine {
  readonly webGLVersion: number;
  readonly _gl: unknown;
  _createInternalTexture: ThinEngine['_createInternalTexture'];
  _bindTextureDirectly: ThinEngine['_bindTextureDirectly'];
  _unpackFlipY: ThinEngine['_unpackFlipY'];
  generateMipmaps: ThinEngine['generateMipmaps'];
  updateTextureSamplingMode: ThinEngine['updateTextureSamplingMode'];
}

/** Whether this engine can upload in bands (WebGL 2). */
export function canBand(engine: AbstractEngine): engine is AbstractEngine & BandEngine {
  const e = engine as unknown as Partial<BandEngine>;
  return e.webGLVersion === 2 && !!e._gl && typeof e._createInternalTexture === 'function';
}

/**
 * One image going up in bands: `band(i)` uploads band i (the first makes the texture), `finish()` makes the
 * mipmaps and returns the texture, whole; `dispose()` lets a texture that will never be finished go.
 */
export interface BandedUploadOptions {
  /** Mipmaps made once whole (default true). */
  mipmaps?: boolean;
  /** Babylon's sampling mode once whole (default trilinear). */
  samplingMode?: number;
  /** Stored as sRGB (a model's colour texture when its loader asks for sRGB buffers). */
  useSRGBBuffer?: boolean;
}

export class BandedUpload {
  readonly bands: { y: number; rows: number }[];
  private texture?: InternalTexture;
  private readonly mipmaps: boolean;
  private readonly samplingMode: number;

  constructor(
    private readonly engine: BandEngine,
    private readonly bitmap: ImageBitmap,
    texelsPerBand: number,
    private readonly options: BandedUploadOptions = {},
  ) {
    this.bands = bandsOf(bitmap.width, bitmap.height, texelsPerBand);
    this.mipmaps = options.mipmaps ?? true;
    this.samplingMode = options.samplingMode ?? Constants.TEXTURE_TRILINEAR_SAMPLINGMODE;
  }

  band(i: number): void {
    const { y, rows } = this.bands[i]!;
    const gl = this.engine._gl as BandGl;
    if (!this.texture) {
      // Storage only: mipmaps come once the image is whole (Babylon's generateMipMaps here would make them of an empty image).
      this.texture = this.engine._createInternalTexture(
        { width: this.bitmap.width, height: this.bitmap.height },
        { generateMipMaps: false, samplingMode: Constants.TEXTURE_BILINEAR_SAMPLINGMODE, format: Constants.TEXTUREFORMAT_RGBA, type: Constants.TEXTURETYPE_UNSIGNED_BYTE, useSRGBBuffer: this.options.useSRGBBuffer ?? false },
      );
    }
    this.engine._bindTextureDirectly(gl.TEXTURE_2D, this.texture, true);
    // As a whole upload of the bitmap would be: it was flipped when made (WebGL ignores UNPACK_FLIP_Y for bitmaps).
    this.engine._unpackFlipY(false);
    gl.pixelStorei(gl.UNPACK_SKIP_ROWS, y);
    gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, y, this.bitmap.width, rows, gl.RGBA, gl.UNSIGNED_BYTE, this.bitmap);
    gl.pixelStorei(gl.UNPACK_SKIP_ROWS, 0);
    this.engine._bindTextureDirectly(gl.TEXTURE_2D, null);
  }

  /** Mipmaps (unless asked for none) and the sampling asked for, once every band is in; the texture is the caller's from now on. */
  finish(): InternalTexture {
    const t = this.texture!;
    if (this.mipmaps) this.engine.generateMipmaps(t);
    this.engine.updateTextureSamplingMode(this.samplingMode, t, this.mipmaps);
    t.generateMipMaps = this.mipmaps;
    this.texture = undefined;
    return t;
  }

  dispose(): void {
    this.texture?.dispose();
    this.texture = undefined;
  }
}

/** What a banded upload tells its owner (a painting's image, a model's texture). */
export interface BandedTurns {
  /** The withdraw of the band waiting for its frame (undefined once the last has run). */
  waiting(withdraw: (() => void) | undefined): void;
  /** Every band is in: the texture, whole, with its mipmaps. */
  whole(texture: InternalTexture): void;
  /** Withdrawn before the last band (a later level asked for, the work gone): the part uploaded is let go. */
  withdrawn(): void;
}

/** Uploads `bitmap` a band per turn of `budget` (each band as wanted as `priority` says); closes the bitmap when done or withdrawn. */
export async function uploadInBands(engine: BandEngine, bitmap: ImageBitmap, budget: UploadBudget, priority: () => number, options: BandedUploadOptions, on: BandedTurns): Promise<void> {
  const upload = new BandedUpload(engine, bitmap, budget.texelsPerFrame, options);
  let withdrawn = false;
  for (let i = 0; i < upload.bands.length && !withdrawn; i++) {
    const last = i === upload.bands.length - 1;
    const turn = budget.turn(
      {
        texels: upload.bands[i]!.rows * bitmap.width,
        priority,
        run: () => {
          upload.band(i);
          if (!last) return;
          on.waiting(undefined);
          bitmap.close();
          on.whole(upload.finish());
        },
      },
      () => {
        withdrawn = true;
        upload.dispose();
        bitmap.close();
        on.withdrawn();
      },
    );
    on.waiting(turn.withdraw);
    await turn.done;
  }
}
