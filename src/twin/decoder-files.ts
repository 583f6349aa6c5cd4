/**
 * The decoders Babylon would otherwise fetch from its CDN, served by the app itself at `decoders/` under the
 * very names Babylon asks for (so pointing Babylon's script base there is the whole configuration). Babylon-free:
 * the build plugin (Node), the offline save plan and the scene share this list.
 */
export const DECODERS_PATH = 'decoders/';

export interface DecoderFile {
  /** The name Babylon requests. */
  name: string;
  /** Where the build copies it from, inside node_modules. */
  from: string;
  /** The glTF extension that needs it. */
  extension: 'EXT_meshopt_compression' | 'KHR_draco_mesh_compression' | 'KHR_texture_basisu';
  type: string;
}

export const DECODER_FILES: readonly DecoderFile[] = [
  // meshoptimizer's own decoder, a classic script that defines the global MeshoptDecoder Babylon waits for.
  { name: 'meshopt_decoder.js', from: 'meshoptimizer/meshopt_decoder.cjs', extension: 'EXT_meshopt_compression', type: 'text/javascript' },
  // Google's Draco decoder for glTF: the Emscripten glue runs in Babylon's worker (importScripts) and is handed the wasm.
  { name: 'draco_wasm_wrapper_gltf.js', from: 'draco3dgltf/draco_decoder_gltf_nodejs.js', extension: 'KHR_draco_mesh_compression', type: 'text/javascript' },
  { name: 'draco_decoder_gltf.wasm', from: 'draco3dgltf/draco_decoder_gltf.wasm', extension: 'KHR_draco_mesh_compression', type: 'application/wasm' },
  // Binomial's Basis Universal transcoder for KTX2 textures, as the `three` package ships it (src/scene/ktx2.ts).
  { name: 'basis_transcoder.js', from: 'three/examples/jsm/libs/basis/basis_transcoder.js', extension: 'KHR_texture_basisu', type: 'text/javascript' },
  { name: 'basis_transcoder.wasm', from: 'three/examples/jsm/libs/basis/basis_transcoder.wasm', extension: 'KHR_texture_basisu', type: 'application/wasm' },
];

/** The KTX2 transcoder's two files, by their names under DECODERS_PATH. */
export const KTX2_TRANSCODER = { js: 'basis_transcoder.js', wasm: 'basis_transcoder.wasm' } as const;

/** Absolute URLs of the decoder files under the app's base URL (e.g. `http://host/`). */
export function decoderUrls(appBase: string): string[] {
  return DECODER_FILES.map((d) => new URL(`${DECODERS_PATH}${d.name}`, appBase).href);
}
