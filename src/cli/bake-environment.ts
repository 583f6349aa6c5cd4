// Bakes the app's environment light once, at build time: public/env/gallery.hdr → public/env/gallery.env.
//   npm run bake:environment [-- <in.hdr> <out.env>]
// Babylon prefilters an .hdr in the browser (src/build/environment-bake-page.ts, bundled here by Vite and run in
// headless Chromium through Playwright); the result is Babylon's .env format, which the app loads without any
// filtering. A sidecar <out>.json records the source's SHA-256, so a test notices a changed .hdr left unbaked.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from '../../e2e/browser';

const ROOT = resolve(import.meta.dirname, '../..');
/** Cube face size of the baked light: the size the app used when it prefiltered at load. */
const SIZE = 128;

async function main(argv: string[]): Promise<number> {
  const [input = join(ROOT, 'public/env/gallery.hdr'), output = join(ROOT, 'public/env/gallery.env')] = argv;
  const hdr = readFileSync(input);
  const out = mkdtempSync(join(tmpdir(), 'bake-environment-'));
  try {
    writeFileSync(join(out, 'index.html'), `<!doctype html><script type="module" src="${join(ROOT, 'src/build/environment-bake-page.ts')}"></script>`);
    await build({ configFile: false, logLevel: 'warn', root: out, build: { outDir: join(out, 'dist'), emptyOutDir: true } });
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      // A made-up origin: every request is answered from the bundle or the .hdr, nothing leaves the machine.
      await page.route('http://bake.invalid/**', (route) => {
        const path = new URL(route.request().url()).pathname;
        if (path === '/env.hdr') return route.fulfill({ body: hdr, contentType: 'application/octet-stream' });
        const file = join(out, 'dist', path === '/' ? 'index.html' : path);
        return route.fulfill({ path: file, contentType: file.endsWith('.js') ? 'text/javascript' : 'text/html' });
      });
      await page.goto('http://bake.invalid/');
      await page.waitForFunction(() => 'bakeEnvironment' in window);
      const base64 = await page.evaluate(
        ([size]) => (window as unknown as { bakeEnvironment: (u: string, s: number) => Promise<string> }).bakeEnvironment('/env.hdr', size!),
        [SIZE],
      );
      const env = Buffer.from(base64, 'base64');
      writeFileSync(output, env);
      writeFileSync(`${output}.json`, `${JSON.stringify({ source: input.replace(`${ROOT}/`, ''), sourceSha256: createHash('sha256').update(hdr).digest('hex'), size: SIZE }, null, 2)}\n`);
      console.log(`${output.replace(`${ROOT}/`, '')}: ${(env.length / 1024).toFixed(0)} KB, ${SIZE} px faces, prefiltered at Babylon's offline quality`);
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`bake:environment: ${(e as Error).message}`);
    process.exit(1);
  },
);
