/**
 * Babylon fetches the meshopt and Draco decoders (and the KTX2 transcoder) from its CDN unless told otherwise.
 * The app serves its own copies (src/twin/decoder-files.ts, copied by src/build/decoders-plugin.ts), so a
 * visitor's device never contacts another host and compressed models load offline. Call before any model loads.
 */
import { Tools } from '@babylonjs/core/Misc/tools';
import { DECODERS_PATH } from '../twin/decoder-files';

/**
 * Every script URL Babylon would take from its CDN (meshopt_decoder.js, draco_wasm_wrapper_gltf.js and
 * draco_decoder_gltf.wasm, babylon.ktx2Decoder.js) now resolves under the app's `decoders/`, so none reaches another
 * host. Babylon's own KTX2 decoder is not published on the npm registry: KTX2 textures go through Binomial's
 * transcoder, served from the same folder and handed to Babylon by ktx2.ts (`useKtx2`).
 */
export function useOwnDecoders(appBase: string = new URL(import.meta.env.BASE_URL, document.baseURI).href): string {
  const base = new URL(DECODERS_PATH, appBase).href;
  Tools.ScriptBaseUrl = base;
  return base;
}
