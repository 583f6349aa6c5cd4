/**
 * The KTX2 worker: a classic worker (it loads Binomial's transcoder with importScripts, which module workers
 * lack) that answers Babylon's KTX2 worker messages (`init`, `setDefaultDecoderOptions`, `decode` → `decoded`,
 * as in Babylon's khronosTextureContainer2Worker), so Babylon's own KTX2 loading runs on it. The transcoder
 * comes from the app's own `decoders/` folder: no other host is asked.
 */
import { transcodeKtx2, type BasisModule, type CompressedCaps } from '../twin/ktx2-transcode';

declare const BASIS: (options: { wasmBinary: ArrayBuffer }) => Promise<BasisModule>;
declare function importScripts(...urls: string[]): void;

interface Init {
  action: 'init';
  /** basis_transcoder.js and .wasm under the app's decoders/ folder. */
  transcoder: { js: string; wasm: string };
}
interface Decode {
  action: 'decode';
  data: Uint8Array;
  caps: CompressedCaps;
}
type Message = Init | Decode | { action: 'setDefaultDecoderOptions' };

let basis: Promise<BasisModule> | undefined;

async function start(urls: Init['transcoder']): Promise<BasisModule> {
  importScripts(urls.js);
  const wasm = await fetch(urls.wasm);
  if (!wasm.ok) throw new Error(`the KTX2 transcoder's ${urls.wasm} answered ${wasm.status}`);
  const m = await BASIS({ wasmBinary: await wasm.arrayBuffer() });
  m.initializeBasis();
  return m;
}

const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));

self.onmessage = (event: MessageEvent<Message>) => {
  const msg = event.data;
  if (msg.action === 'init') {
    basis = start(msg.transcoder);
    basis.then(
      () => postMessage({ action: 'init' }),
      (e: unknown) => postMessage({ action: 'initFailed', msg: reason(e) }),
    );
  } else if (msg.action === 'decode') {
    void (async () => {
      try {
        if (!basis) throw new Error('the KTX2 worker was not started');
        const decodedData = transcodeKtx2(await basis, msg.data, msg.caps);
        postMessage({ action: 'decoded', success: true, decodedData }, { transfer: decodedData.mipmaps.map((m) => m.data.buffer as ArrayBuffer) });
      } catch (e) {
        postMessage({ action: 'decoded', success: false, msg: reason(e) });
      }
    })();
  }
};
