/**
 * The peer in `npm run bench`: the Babylon Viewer opening the same exhibition as one GLB. The GLB is the default
 * exhibition's scene merged by Babylon's glTF exporter (bench/pages/export.ts), then given the same images the app
 * is sent: each painting's own file (the exporter would write the level on the GPU as PNG), and every other
 * opaque texture as JPEG at the size it was drawn (the models' own textures are JPEG), so neither side carries
 * heavier or lighter images than the other. One load measures the Viewer's first frame, its JS, heap, GPU texture
 * memory and the bytes sent.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { dirname, extname, join } from 'node:path';
import type { Browser } from '@playwright/test';
import { NodeIO } from '@gltf-transform/core';
import sharp from 'sharp';
import { installTextureLedger, type TextureMemory } from '../src/scene/texture-memory';
import { ROOT, stale, type Served } from './bench-serve';
import { entryJs, jsSize } from './app-run';
import { round } from './bench-stats';

export interface ViewerRun {
  firstFrameMs: number;
  jsByInteractive: { raw: number; gzip: number };
  heapMB: number;
  textureMB?: number;
  textureByFormat?: Record<string, number>;
  transferredMB: number;
}

const VIEWPORT = { width: 900, height: 540 };
const mb = (bytes: number): number => round(bytes / 1024 / 1024);

/** Opens the GLB at `glbUrl` in the Babylon Viewer once and measures it. */
export async function measureViewer(browser: Browser, glbUrl: string, served: Served[], port: number, dist: string): Promise<ViewerRun> {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    // tsx names functions with a helper the page does not have.
    await page.addInitScript('window.__name = (f) => f');
    await page.addInitScript(installTextureLedger);
    served.length = 0;
    await page.goto(`http://127.0.0.1:${port}/bench-pages/viewer.html?source=${encodeURIComponent(glbUrl)}`);
    await page.waitForFunction(() => window.benchViewer?.firstFrame !== undefined || window.benchViewer?.error !== undefined, null, { timeout: 180_000 });
    const r = await page.evaluate(() => window.benchViewer);
    if (r.error) throw new Error(r.error);
    const at = Date.now();
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    const textures = await page.evaluate(() => (window as unknown as { __textureMemory?: () => TextureMemory }).__textureMemory?.());
    return {
      firstFrameMs: r.firstFrame!,
      jsByInteractive: jsSize([...new Set(served.filter((s) => s.url.endsWith('.js') && s.at <= at).map((s) => join(dist, s.url)))]),
      heapMB: mb(heap),
      textureMB: textures && mb(textures.bytes),
      textureByFormat: textures && Object.fromEntries(Object.entries(textures.byFormat).map(([f, b]) => [f, mb(b)])),
      transferredMB: round(served.reduce((s, x) => s + x.bytes, 0) / 1024 / 1024, 2),
    };
  } finally {
    await context.close();
  }
}

/** The Viewer page's own entry scripts (raw/gzip). */
export const viewerEntryJs = (dist: string) => jsSize(entryJs(dist, 'bench-pages/viewer.html'));

/** The default exhibition merged into one GLB by Babylon's exporter, in the browser (kept while the inputs are unchanged). */
async function mergedGlb(browser: Browser, port: number, results: string, log: (s: string) => void): Promise<string> {
  const out = join(results, 'merged/default.glb');
  // Remade when the content or the export changes (not on every scene change: the merge takes minutes).
  if (!stale(out, [join(ROOT, 'assets/default'), join(ROOT, 'bench/pages/export.ts')])) return out;
  log('merging the default exhibition into one GLB (Babylon GLTF2Export)');
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.addInitScript('window.__name = (f) => f');
    await page.goto(`http://127.0.0.1:${port}/bench-pages/export.html?exhibition=${encodeURIComponent('/exhibitions/default/exhibition.json')}`);
    await page.waitForFunction(() => window.benchExport?.glb !== undefined || window.benchExport?.error !== undefined, null, { timeout: 1_200_000, polling: 1000 });
    const r = await page.evaluate(() => ({ error: window.benchExport.error, glb: window.benchExport.glb }));
    if (r.error || !r.glb) throw new Error(`merging failed: ${r.error}`);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, Buffer.from(r.glb, 'base64'));
    return out;
  } finally {
    await context.close();
  }
}

/** A file from the bench server (node:http: fetch refuses the bench's port 4190, on the web's list of bad ports). */
function download(url: URL): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => (res.statusCode === 200 ? resolve(new Uint8Array(Buffer.concat(chunks))) : reject(new Error(`${url.href} answered ${res.statusCode}`))));
    }).on('error', reject);
  });
}

const MIME: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp' };

/** What the Viewer's GLB carries, by image format (MB), for the table's note. */
export interface GlbImages {
  glbMB: number;
  imagesMB: Record<string, number>;
  filesFromSource: number;
}

/**
 * The merged GLB with the app's images: a texture named after an image file (a painting's `<url>#<level>`, as
 * src/scene/painting-image.ts names its levels, or a surface texture's URL) gets that file's bytes; any other opaque PNG becomes a JPEG at
 * the same size (quality 90), a PNG with transparency stays PNG. Returns the GLB's path on disk and what it holds.
 */
export async function sameImagesGlb(browser: Browser, port: number, results: string, log: (s: string) => void): Promise<{ file: string; images: GlbImages }> {
  const merged = await mergedGlb(browser, port, results, log);
  const out = join(results, 'merged/default-same-images.glb');
  const io = new NodeIO();
  const doc = await io.readBinary(new Uint8Array(readFileSync(merged)));
  let fromSource = 0;
  for (const tex of doc.getRoot().listTextures()) {
    const image = tex.getImage();
    if (!image) continue;
    // Paintings' levels are named `<url>#<level>`, the floor plan's surface textures by their URL.
    const named = /^(\S+\.(?:jpe?g|png|webp))(?:#\d+)?$/i.exec(tex.getName())?.[1];
    const source = named && new URL(named, `http://127.0.0.1:${port}/`);
    const mime = source && MIME[extname(source.pathname).toLowerCase()];
    if (source && mime) {
      tex.setImage(await download(source)).setMimeType(mime);
      fromSource++;
      continue;
    }
    if (tex.getMimeType() !== 'image/png') continue;
    const stats = await sharp(image).stats();
    if (!stats.isOpaque) continue;
    tex.setImage(new Uint8Array(await sharp(image).jpeg({ quality: 90 }).toBuffer())).setMimeType('image/jpeg');
  }
  const bytes = await io.writeBinary(doc);
  writeFileSync(out, bytes);
  const imagesMB: Record<string, number> = {};
  for (const tex of doc.getRoot().listTextures()) imagesMB[tex.getMimeType()] = (imagesMB[tex.getMimeType()] ?? 0) + (tex.getImage()?.byteLength ?? 0);
  const images = { glbMB: round(bytes.byteLength / 1024 / 1024, 2), imagesMB: Object.fromEntries(Object.entries(imagesMB).map(([m, b]) => [m, round(b / 1024 / 1024, 2)])), filesFromSource: fromSource };
  log(`the Viewer's GLB: ${images.glbMB} MB, images ${JSON.stringify(images.imagesMB)} MB, ${fromSource} images from their own files`);
  return { file: out, images };
}
