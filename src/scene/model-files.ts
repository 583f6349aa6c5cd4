/**
 * A model's own files under the download limits: a .gltf's separate buffers (.bin) and textures, and any image a
 * GLB names by address instead of carrying it. Babylon's glTF loader would fetch those itself, with no deadline,
 * stall timer or size cap; a loader extension of ours (Babylon's `registerGLTFExtension`, the loader's own hook for
 * where a file's bytes come from) fetches each one through twin/fetch-limits.ts instead: buffers within the model
 * limits, textures within the image limits, and all of a model's files together within the model's size cap.
 *
 * Every address must resolve inside the model's own folder by the one media path rule (twin/media-path.ts):
 * a model cannot pull a file from another folder or another server. Active only for the loads that ask for it
 * (limited-load.ts passes the model's URL in the loader's extension options); other loads are untouched.
 */
import type { GLTFLoader } from '@babylonjs/loaders/glTF/2.0/glTFLoader';
import type { IGLTFLoaderExtension } from '@babylonjs/loaders/glTF/2.0/glTFLoaderExtension';
import { registerGLTFExtension } from '@babylonjs/loaders/glTF/2.0/glTFLoaderExtensionRegistry';
import { FETCH_LIMITS, FetchLimitError, fetchLimited } from '../twin/fetch-limits';
import { resolveMediaPath } from '../twin/media-path';

/** The extension's name, the key of its options in the glTF loader's `extensionOptions`. */
export const MODEL_FILES = 'museum_model_files';

export interface ModelFilesOptions extends Record<string, unknown> {
  /** The model file's absolute URL: its files are resolved against it. */
  modelUrl: string;
  /** Bytes of the model file itself, counted against the model's cap. */
  modelBytes: number;
  /** Replaceable in tests. */
  fetcher?: typeof fetch;
}

/** A file of a model refused by the path rule or an HTTP error; the message names the model and the file. */
export class ModelFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFileError';
  }
}

const fileName = (url: string): string => new URL(url).pathname.split('/').pop() ?? url;

class ModelFiles implements IGLTFLoaderExtension {
  readonly name = MODEL_FILES;
  enabled: boolean;
  private readonly options?: ModelFilesOptions;
  /** Bytes of this model's files so far. */
  private total: number;

  constructor(loader: GLTFLoader) {
    const o = loader.parent.extensionOptions[MODEL_FILES] as Partial<ModelFilesOptions> | undefined;
    this.enabled = typeof o?.modelUrl === 'string';
    this.options = this.enabled ? (o as ModelFilesOptions) : undefined;
    this.total = o?.modelBytes ?? 0;
  }

  dispose(): void {}

  /** Where the loader asks for a file's bytes by address (buffers and images alike). */
  _loadUriAsync(context: string, _property: unknown, uri: string): Promise<ArrayBufferView> | null {
    const o = this.options;
    // Bytes written inside the model file (data: URIs) were already under its cap.
    if (!o || /^data:/i.test(uri)) return null;
    const model = fileName(o.modelUrl);
    const where = resolveMediaPath(uri, o.modelUrl);
    if (!where.ok) return Promise.reject(new ModelFileError(`the model '${model}' names the file '${uri}', which was refused: ${where.reason}`));
    const kind = context.startsWith('/images/') ? 'image' : 'model';
    return fetchLimited(where.url, kind, {}, o.fetcher ?? fetch).then((r) => {
      if (!r.ok) throw new ModelFileError(`the model '${model}' needs '${uri}', which could not be loaded (HTTP ${r.status})`);
      this.total += r.bytes.byteLength;
      const cap = FETCH_LIMITS.model.maxBytes;
      if (this.total > cap) {
        throw new FetchLimitError('too-large', o.modelUrl, `${o.modelUrl} with its files is larger than ${cap / 1024 / 1024} MB, the most allowed for a model`);
      }
      return r.bytes;
    });
  }
}

registerGLTFExtension(MODEL_FILES, false, (loader) => new ModelFiles(loader));

/** The glTF loader's options that put a model's own files under the limits (limited-load.ts). */
export function modelFilesOptions(options: ModelFilesOptions): { gltf: { extensionOptions: Record<string, ModelFilesOptions> } } {
  return { gltf: { extensionOptions: { [MODEL_FILES]: options } } };
}
