import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { encodeToKTX2 } from 'ktx2-encoder';
import { basisWithoutEval } from './basis-csp';
import { decoderSource } from './decoders-plugin';
import { transcodeKtx2, type BasisModule } from '../twin/ktx2-transcode';

const require = createRequire(import.meta.url);
const JS = require.resolve('three/examples/jsm/libs/basis/basis_transcoder.js');

/** Runs the transcoder's script with `Function` and `eval` replaced by stand-ins that refuse, as the page's CSP does. */
async function underCsp(script: string): Promise<{ basis: BasisModule; refused: string[] }> {
  const refused: string[] = [];
  const refuse = (what: string) => {
    const f = function () {
      refused.push(what);
      throw new EvalError(`${what} refused (CSP)`);
    };
    // So that `x instanceof Function` still holds for the script's own functions.
    f.prototype = Function.prototype;
    return f;
  };
  const make = new Function('require', '__dirname', '__filename', 'Function', 'eval', `${script}\nreturn BASIS;`) as (...a: unknown[]) => (o: { wasmBinary: Uint8Array }) => Promise<BasisModule>;
  const factory = make(require, path.dirname(JS), JS, refuse('Function'), refuse('eval'));
  const basis = await factory({ wasmBinary: readFileSync(path.join(path.dirname(JS), 'basis_transcoder.wasm')) });
  basis.initializeBasis();
  return { basis, refused };
}

async function smallKtx2(): Promise<Uint8Array> {
  const png = await sharp({ create: { width: 32, height: 16, channels: 4, background: { r: 200, g: 40, b: 30, alpha: 1 } } }).png().toBuffer();
  return encodeToKTX2(new Uint8Array(png), {
    isUASTC: false,
    generateMipmap: true,
    imageDecoder: async (b: Uint8Array) => {
      const { data, info } = await sharp(b).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      return { data: new Uint8Array(data), width: info.width, height: info.height };
    },
  });
}

describe("the Basis transcoder under the app's CSP", () => {
  it('as published it compiles code from strings, so the page would refuse it', async () => {
    await expect(underCsp(readFileSync(JS, 'utf8'))).rejects.toThrow(/refused \(CSP\)/);
  });

  it('as the app serves it, it starts and transcodes every level with no code made from strings', async () => {
    const served = decoderSource('three/examples/jsm/libs/basis/basis_transcoder.js').toString('utf8');
    expect(served).toBe(basisWithoutEval(readFileSync(JS, 'utf8')));
    const { basis, refused } = await underCsp(served);
    const out = transcodeKtx2(basis, await smallKtx2(), {});
    expect(refused).toEqual([]);
    expect(out.mipmaps.map((m) => [m.width, m.height])).toEqual([[32, 16], [16, 8], [8, 4], [4, 2], [2, 1], [1, 1]]);
    // Red, as encoded (RGBA8 here: no compressed format asked for).
    expect([...out.mipmaps[0]!.data.subarray(0, 3)].every((v, i) => Math.abs(v - [200, 40, 30][i]!) < 12)).toBe(true);
  });

  it('stops the build with a plain message when the glue is not the expected one', () => {
    expect(() => basisWithoutEval('var BASIS = 1;')).toThrow(/not written as src\/build\/basis-csp.ts expects/);
  });
});
