import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Tools } from '@babylonjs/core/Misc/tools';
import { MeshoptCompression } from '@babylonjs/core/Meshes/Compression/meshoptCompression';
import { DracoDecoder } from '@babylonjs/core/Meshes/Compression/dracoDecoder';
import { DECODER_FILES, decoderUrls } from '../twin/decoder-files';
import { useOwnDecoders } from './decoders';

const APP = 'http://museum.test/app/';

describe('own decoders', () => {
  it("every decoder Babylon asks for by default resolves to a file the app serves, on the app's host", () => {
    const before = Tools.ScriptBaseUrl;
    try {
      useOwnDecoders(APP);
      const served = new Set(decoderUrls(APP));
      const draco = DracoDecoder.DefaultConfiguration;
      const wanted = [MeshoptCompression.Configuration.decoder.url, draco.wasmUrl!, draco.wasmBinaryUrl!];
      for (const url of wanted) {
        // Babylon's defaults point at its CDN: this is the rewrite Babylon applies before fetching.
        expect(url.startsWith('https://')).toBe(true);
        const resolved = Tools.GetBabylonScriptURL(url, true);
        expect(served.has(resolved), `${url} → ${resolved}`).toBe(true);
      }
    } finally {
      Tools.ScriptBaseUrl = before;
    }
  });

  it('the files come from the npm packages and are what they claim', () => {
    for (const d of DECODER_FILES) {
      const file = resolve(import.meta.dirname, '../../node_modules', d.from);
      expect(existsSync(file), d.from).toBe(true);
      const head = readFileSync(file).subarray(0, 4);
      if (d.name.endsWith('.wasm')) expect(head.toString('latin1')).toBe('\0asm');
    }
    // The globals Babylon's code waits for.
    const text = (name: string) => readFileSync(resolve(import.meta.dirname, '../../node_modules', DECODER_FILES.find((d) => d.name === name)!.from), 'utf8');
    expect(text('meshopt_decoder.js')).toMatch(/^var MeshoptDecoder = /m);
    expect(text('draco_wasm_wrapper_gltf.js')).toMatch(/var DracoDecoderModule\s*=/);
  });
});
