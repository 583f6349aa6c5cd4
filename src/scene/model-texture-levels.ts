/**
 * Models' textures at the level their size on screen asks for, as paintings' images are. Babylon's glTF loader
 * would decode every texture whole from an <img> inside texImage2D, on the main thread (2048² per texture in a
 * large exhibition, kept however far the work is). A loader extension of ours (`_loadTextureAsync`, the loader's
 * hook for making a texture) makes the material's texture itself and hands its file to a ModelTexture
 * (model-texture.ts): decoded off the main thread at a small first level, uploaded within the frame budget, then
 * moved up and down its ladder by image-detail.ts. Active only for the loads that ask for it (limited-load.ts);
 * compressed (KTX2/Basis) textures stay with Babylon's own extension.
 */
import type { GLTFLoader } from '@babylonjs/loaders/glTF/2.0/glTFLoader';
import type { IGLTFLoaderExtension } from '@babylonjs/loaders/glTF/2.0/glTFLoaderExtension';
import type { ITexture, ISampler } from '@babylonjs/loaders/glTF/2.0/glTFLoaderInterfaces';
import { registerGLTFExtension } from '@babylonjs/loaders/glTF/2.0/glTFLoaderExtensionRegistry';
import { Texture } from '@babylonjs/core/Materials/Textures/texture';
import type { BaseTexture } from '@babylonjs/core/Materials/Textures/baseTexture';
import { ModelTexture } from './model-texture';
import type { UploadBudget } from './upload-budget';

/** The extension's name, the key of its options in the glTF loader's `extensionOptions`. */
export const MODEL_TEXTURE_LEVELS = 'museum_model_texture_levels';

export interface ModelTextureLevelsOptions extends Record<string, unknown> {
  budget: UploadBudget;
  /** Lower uploads sooner (nearer works). */
  priority: () => number;
  /** Shows a texture's first level and follows it from then on; resolves once the first level is in. */
  follow: (texture: ModelTexture) => Promise<void>;
}

interface SamplerData {
  noMipMaps: boolean;
  samplingMode: number;
  wrapU: number;
  wrapV: number;
}

/** The loader's internals this extension makes its textures with, as Babylon's own texture extensions do. */
interface LoaderInternals {
  _loadSampler(context: string, sampler: ISampler): SamplerData;
}

let made = 0;

class ModelTextureLevels implements IGLTFLoaderExtension {
  readonly name = MODEL_TEXTURE_LEVELS;
  /** Before Babylon's EXT_texture_webp/avif, which would otherwise make the texture whole. */
  readonly order = 1;
  enabled: boolean;
  private readonly options?: ModelTextureLevelsOptions;

  constructor(private readonly loader: GLTFLoader) {
    const o = loader.parent.extensionOptions[MODEL_TEXTURE_LEVELS] as ModelTextureLevelsOptions | undefined;
    this.enabled = typeof o?.follow === 'function';
    this.options = this.enabled ? o : undefined;
  }

  dispose(): void {}

  _loadTextureAsync(context: string, texture: ITexture, assign: (babylonTexture: BaseTexture) => void): Promise<BaseTexture> | null {
    const o = this.options;
    const ext = (texture.extensions ?? {}) as Record<string, { source?: number } | undefined>;
    if (!o || ext.KHR_texture_basisu) return null;
    const source = ext.EXT_texture_webp?.source ?? ext.EXT_texture_avif?.source ?? texture.source;
    const image = source === undefined ? undefined : this.loader.gltf.images?.[source];
    if (!image) return null;
    const loader = this.loader;
    const sampler = texture.sampler === undefined ? { index: -1 } : loader.gltf.samplers?.[texture.sampler];
    if (!sampler) throw new Error(`${context}/sampler: Failed to find index (${texture.sampler})`);
    const s = (loader as unknown as LoaderInternals)._loadSampler(`/samplers/${sampler.index}`, sampler);
    const color = !texture._textureInfo?.nonColorData;
    const scene = loader.babylonScene;
    // Made into the model's container, as the loader's own textures are.
    scene._blockEntityCollection = !!loader._assetContainer;
    const t = new Texture(null, scene, { noMipmap: s.noMipMaps, invertY: false, samplingMode: s.samplingMode, useSRGBBuffer: color && loader.parent.useSRGBBuffers });
    t._parentContainer = loader._assetContainer;
    scene._blockEntityCollection = false;
    t.wrapU = s.wrapU;
    t.wrapV = s.wrapV;
    t.name = image.name || image.uri || `image${image.index}`;
    assign(t);
    return loader.loadImageAsync(`/images/${image.index}`, image).then(async (data) => {
      const level = new ModelTexture({
        scene,
        name: `model-texture-${++made}`,
        blob: new Blob([data as BlobPart], { type: image.mimeType ?? '' }),
        texture: t,
        color,
        noMipmap: s.noMipMaps,
        samplingMode: s.samplingMode,
        budget: o.budget,
        priority: o.priority,
      });
      t.onDisposeObservable.addOnce(() => level.dispose());
      await level.open();
      await o.follow(level);
      return t;
    });
  }
}

registerGLTFExtension(MODEL_TEXTURE_LEVELS, false, (loader) => new ModelTextureLevels(loader));

/** The glTF loader's options that put a model's textures on a ladder of levels. */
export function modelTextureLevelsOptions(options: ModelTextureLevelsOptions): Record<string, ModelTextureLevelsOptions> {
  return { [MODEL_TEXTURE_LEVELS]: options };
}
