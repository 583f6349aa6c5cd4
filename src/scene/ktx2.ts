/**
 * KTX2 (Basis Universal) textures through Babylon's own KTX2 loading, transcoded by Binomial's transcoder that
 * the app serves itself (decoders/basis_transcoder.js and .wasm, copied from the `three` package by
 * src/build/decoders-plugin.ts). Babylon's own transcoder package is not on the npm registry; its loader lets a
 * worker pool be given instead (KhronosTextureContainer2.WorkerPool), and ours speaks its messages
 * (ktx2-worker.ts). Nothing is fetched from another host, so the page's CSP needs only 'wasm-unsafe-eval'.
 */
import { KhronosTextureContainer2 } from '@babylonjs/core/Misc/khronosTextureContainer2';
import { AutoReleaseWorkerPool } from '@babylonjs/core/Misc/workerPool';
import { Texture } from '@babylonjs/core/Materials/Textures/texture';
import type { Scene } from '@babylonjs/core/scene';
import { DECODERS_PATH, KTX2_TRANSCODER } from '../twin/decoder-files';

let started: Promise<true | string> | undefined;

/** Starts the worker and waits for its transcoder (a deadline, so a stalled download falls back too). */
function startWorker(urls: { js: string; wasm: string }, deadlineMs: number): Promise<Worker> {
  const worker = new Worker(new URL('./ktx2-worker.ts', import.meta.url));
  return new Promise<Worker>((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      worker.terminate();
      reject(new Error(why));
    };
    const timer = setTimeout(() => fail(`the KTX2 transcoder did not start within ${deadlineMs / 1000} s`), deadlineMs);
    worker.onerror = (e) => fail(`the KTX2 transcoder could not load (${e.message || 'script error'})`);
    worker.onmessage = (e: MessageEvent<{ action: string; msg?: string }>) => {
      if (e.data.action === 'initFailed') fail(`the KTX2 transcoder could not load (${e.data.msg})`);
      if (e.data.action !== 'init') return;
      clearTimeout(timer);
      worker.onerror = null;
      worker.onmessage = null;
      resolve(worker);
    };
    worker.postMessage({ action: 'init', transcoder: urls });
  });
}

/**
 * Starts the app's KTX2 transcoder once and hands it to Babylon. Resolves `true` when KTX2 textures can be shown,
 * or the reason they cannot (the caller then shows the JPEG/WebP and lists the reason as a problem).
 */
export function useKtx2(appBase: string = new URL(import.meta.env.BASE_URL, document.baseURI).href, deadlineMs = 20_000): Promise<true | string> {
  started ??= (async () => {
    if (typeof Worker !== 'function' || typeof WebAssembly !== 'object') return 'this browser has no workers or WebAssembly for the KTX2 transcoder';
    const base = new URL(DECODERS_PATH, appBase);
    const urls = { js: new URL(KTX2_TRANSCODER.js, base).href, wasm: new URL(KTX2_TRANSCODER.wasm, base).href };
    try {
      // The first worker is started here, so a transcoder that cannot load is known before any texture waits on it;
      // an idle one is let go after a minute and started again when needed.
      let first: Promise<Worker> | undefined = Promise.resolve(await startWorker(urls, deadlineMs));
      KhronosTextureContainer2.WorkerPool = new AutoReleaseWorkerPool(
        1,
        () => {
          const w = first ?? startWorker(urls, deadlineMs);
          first = undefined;
          return w;
        },
        { idleTimeElapsedBeforeRelease: 60_000 },
      );
      return true as const;
    } catch (e) {
      return (e as Error).message;
    }
  })();
  return started;
}

/**
 * A texture made from a KTX2 file's bytes (kept compressed on the GPU where the device can: ETC2, BC7, ASTC…).
 * The file's rows run bottom to top, as WebGL expects (`npm run pack` writes them so), since Babylon cannot flip
 * compressed data. Rejects with the transcoder's reason.
 */
export function ktx2Texture(scene: Scene, name: string, data: ArrayBuffer): Promise<Texture> {
  return new Promise<Texture>((resolve, reject) => {
    const t: Texture = new Texture(name, scene, {
      buffer: new Uint8Array(data),
      forcedExtension: '.ktx2',
      noMipmap: false,
      samplingMode: Texture.TRILINEAR_SAMPLINGMODE,
      onLoad: () => resolve(t),
      onError: (message?: string) => {
        t.dispose();
        reject(new Error(`the KTX2 file could not be transcoded${message ? ` (${message})` : ''}`));
      },
    });
  });
}
