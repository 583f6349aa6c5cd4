/**
 * The first view's cost (a script, not a test):
 *   npm run bench:first-view [-- --runs 5] [--no-build] [--out dist-first-view[,dist-other]] [--port 4195] [--shots dir]
 *
 * Builds the app (unless --no-build), serves that build as static files, and loads the default
 * exhibition N times in headless Chromium (the journeys' browser set-up: SwiftShader, 900x540, service worker
 * blocked), each in a fresh context. Per load it reads, from the page itself:
 * - ready: the `twin:interactive` mark (the building is walkable);
 * - media done: the `twin:media-done` mark (`#status[data-media=done]`: every work within reach shows its
 *   first-level media or its placeholder);
 * - environment: from asking for the environment map to its prefiltered cube in use (`twin:environment`);
 * - texture ms: main-thread time inside WebGL texture uploads (texImage2D/texSubImage2D/texStorage2D/
 *   generateMipmap, timed by wrapping the WebGL context's methods), until media done;
 * - programs: shader programs linked (WebGL linkProgram calls) until media done;
 * - texture MB: GPU texture memory held at media done (level sizes per live texture, estimated from each
 *   upload's size and format; deleted textures subtract).
 * With several builds (`--out before,after`, only the first is built) the loads alternate between them.
 * Prints median, min and max over the runs, with `uptime` (the machine's load) before and after.
 * With --effects, lists the compiled shader programs (first run). With --shots, writes the entrance view and a painting opened close up as PNGs (first run only).
 */
import { execSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/browser';
import { serveBuild } from './static-files';
import { argv, opt } from './args';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(opt('--runs') ?? 5);
const OUT = opt('--out') ?? 'dist-first-view';
const PORT = Number(opt('--port') ?? 4195);
const SHOTS = opt('--shots');
const EFFECTS = argv.includes('--effects');
/** The painting opened close up for the screenshot. */
const CLOSE_UP = opt('--work') ?? 'castelrovo-from-the-river';
const log = (s: string): void => console.log(`[first-view] ${s}`);

interface Sample {
  readyMs: number;
  mediaMs: number;
  /** From asking for the environment map to its prefiltered cube being in use. */
  environmentMs: number;
  textureMs: number;
  shaderMs: number;
  programs: number;
  textureMB: number;
  uploads: number;
}

/** Installed in the page before its scripts: counts what the WebGL context is asked to do. */
function instrumentWebGL(): void {
  const stats = { textureMs: 0, shaderMs: 0, programs: 0, uploads: 0, stopped: false };
  (window as unknown as { __firstView: unknown }).__firstView = stats;
  const GL = WebGL2RenderingContext;
  const bytesPer = (type: number, format: number): number => {
    const channels = format === GL.RGB ? 3 : format === GL.RG ? 2 : format === GL.RED || format === GL.LUMINANCE || format === GL.ALPHA ? 1 : 4;
    const size = type === GL.FLOAT ? 4 : type === GL.HALF_FLOAT || type === 0x8d61 ? 2 : 1;
    return channels * size;
  };
  const sizeOf = (src: unknown): [number, number] => {
    const s = src as { naturalWidth?: number; naturalHeight?: number; videoWidth?: number; videoHeight?: number; width?: number; height?: number };
    return [s.naturalWidth || s.videoWidth || s.width || 0, s.naturalHeight || s.videoHeight || s.height || 0];
  };
  // Bytes per live texture, by face and level.
  const live = new Map<WebGLTexture, Map<string, number>>();
  const bound = new Map<number, WebGLTexture | null>();
  let unit = 0;
  const cube = (t: number) => (t >= GL.TEXTURE_CUBE_MAP_POSITIVE_X && t <= GL.TEXTURE_CUBE_MAP_NEGATIVE_Z ? GL.TEXTURE_CUBE_MAP : t);
  const current = (target: number) => bound.get(unit * 65536 + cube(target)) ?? null;
  const record = (target: number, level: number, bytes: number) => {
    const t = current(target);
    if (!t) return;
    const levels = live.get(t) ?? new Map<string, number>();
    levels.set(`${target}:${level}`, bytes);
    live.set(t, levels);
  };
  (stats as unknown as { bytes: () => number }).bytes = () => {
    let n = 0;
    for (const levels of live.values()) for (const b of levels.values()) n += b;
    return n;
  };
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype] as unknown as Record<string, (...a: unknown[]) => unknown>[]) {
    const wrap = (name: string, after: (self: unknown, args: unknown[]) => void, timed?: 'textureMs' | 'shaderMs') => {
      const orig = proto[name];
      if (!orig) return;
      proto[name] = function (this: unknown, ...args: unknown[]) {
        const t0 = performance.now();
        const r = orig.apply(this, args);
        if (!stats.stopped) {
          if (timed) stats[timed] += performance.now() - t0;
          after(this, args);
        }
        return r;
      };
    };
    wrap('activeTexture', (_s, a) => (unit = (a[0] as number) - GL.TEXTURE0));
    wrap('bindTexture', (_s, a) => bound.set(unit * 65536 + (a[0] as number), (a[1] as WebGLTexture | null) ?? null));
    wrap('deleteTexture', (_s, a) => live.delete(a[0] as WebGLTexture));
    wrap(
      'texImage2D',
      (_s, a) => {
        stats.uploads++;
        const [target, level] = a as [number, number];
        if (a.length >= 9) record(target, level, (a[3] as number) * (a[4] as number) * bytesPer(a[7] as number, a[6] as number));
        else {
          const [w, h] = sizeOf(a[5]);
          record(target, level, w * h * bytesPer(a[4] as number, a[3] as number));
        }
      },
      'textureMs',
    );
    wrap('texSubImage2D', () => stats.uploads++, 'textureMs');
    wrap('compressedTexImage2D', (_s, a) => record(a[0] as number, a[1] as number, (a[6] as ArrayBufferView | undefined)?.byteLength ?? 0), 'textureMs');
    wrap(
      'texStorage2D',
      (_s, a) => {
        const [target, levels, , w, h] = a as number[];
        for (let l = 0; l < levels!; l++) record(target!, l, Math.max(1, w! >> l) * Math.max(1, h! >> l) * 4 * (target === GL.TEXTURE_CUBE_MAP ? 6 : 1));
      },
      'textureMs',
    );
    wrap(
      'generateMipmap',
      (_s, a) => {
        const t = current(a[0] as number);
        const levels = t && live.get(t);
        if (!levels) return;
        let base = 0;
        for (const [k, b] of levels) if (k.endsWith(':0')) base += b;
        levels.set('mips', Math.round(base / 3));
      },
      'textureMs',
    );
    wrap('compileShader', () => undefined, 'shaderMs');
    wrap('linkProgram', () => stats.programs++, 'shaderMs');
    // With parallel shader compilation the wait for a program shows up in its first status query.
    wrap('getProgramParameter', () => undefined, 'shaderMs');
    wrap('getShaderParameter', () => undefined, 'shaderMs');
  }
}

async function load(browser: Browser, port: number, shots: string | undefined, effects: boolean): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 900, height: 540 }, serviceWorkers: 'block' });
  // tsx keeps function names with a `__name` helper that the page does not have.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  await context.addInitScript(instrumentWebGL);
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => window.museumTwin?.ready === true, null, { timeout: 120_000 });
  await page.locator('#status[data-media=done]').waitFor({ state: 'attached', timeout: 180_000 });
  const s = await page.evaluate(() => {
    const stats = (window as unknown as { __firstView: { textureMs: number; shaderMs: number; programs: number; uploads: number; stopped: boolean; bytes: () => number } }).__firstView;
    stats.stopped = true;
    const mark = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    return {
      readyMs: mark('twin:interactive'),
      mediaMs: mark('twin:media-done'),
      environmentMs: performance.getEntriesByName('twin:environment')[0]?.duration ?? NaN,
      textureMs: stats.textureMs,
      shaderMs: stats.shaderMs,
      programs: stats.programs,
      uploads: stats.uploads,
      textureMB: stats.bytes() / (1024 * 1024),
    };
  });
  if (effects) {
    // Which shader programs the engine compiled: their names and the defines that set each variant apart.
    const effects = await page.evaluate(() => {
      const scene = window.museumTwin!.scene() as { getEngine(): { _compiledEffects: Record<string, { name: unknown; defines: string }> } };
      const list = Object.values(scene.getEngine()._compiledEffects).map((e) => {
        const n = e.name as string | { vertex?: string; vertexElement?: string; fragment?: string };
        const name = typeof n === 'string' ? n : (n.vertex ?? n.vertexElement ?? n.fragment ?? '?');
        return { name, defines: e.defines.split('\n').filter((d) => d.startsWith('#define')).map((d) => d.slice(8)) };
      });
      // Only the defines that set a program apart from the others of its shader.
      const common = new Map<string, string[]>();
      for (const e of list) common.set(e.name, (common.get(e.name) ?? e.defines).filter((d) => e.defines.includes(d)));
      return list.map((e) => `${e.name}: ${e.defines.filter((d) => !common.get(e.name)!.includes(d)).join(' ')}`).sort();
    });
    log(`${effects.length} compiled effects:\n  ${effects.join('\n  ')}`);
  }
  if (shots) {
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'entrance.png') });
    await page.evaluate((id) => (location.hash = `#artwork=${encodeURIComponent(id)}`), CLOSE_UP);
    await page.waitForFunction((id) => window.museumTwin?.selected === id, CLOSE_UP);
    // The glide ends and the close-up's full image is in when the page has nothing left to draw.
    await page.waitForFunction(() => {
      const c = window.museumTwin?.renderCounts?.();
      const w = window as unknown as { __lastDrawn?: number; __still?: number };
      if (!c) return true;
      w.__still = c.drawn === w.__lastDrawn ? (w.__still ?? 0) + 1 : 0;
      w.__lastDrawn = c.drawn;
      return w.__still > 10;
    }, null, { polling: 100, timeout: 60_000 });
    await page.screenshot({ path: join(shots, 'close-up.png') });
  }
  await context.close();
  return s;
}

function summary(name: string, values: number[], digits = 0): string {
  const v = [...values].sort((a, b) => a - b);
  const med = v.length % 2 ? v[(v.length - 1) / 2]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2;
  const f = (n: number) => n.toFixed(digits);
  return `${name.padEnd(18)} median ${f(med).padStart(8)}   min ${f(v[0]!).padStart(8)}   max ${f(v[v.length - 1]!).padStart(8)}`;
}

async function main(): Promise<void> {
  const builds = OUT.split(',');
  if (!argv.includes('--no-build')) {
    log(`building into ${builds[0]}`);
    const r = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, OUT_DIR: builds[0] } });
    if (r.status !== 0) throw new Error('vite build failed');
  }
  // Several builds (--out before,after) are loaded in turn, so the machine's load falls on each alike.
  const servers = await Promise.all(builds.map((b, i) => serveBuild(b, PORT + i)));
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    log(`uptime before: ${execSync('uptime').toString().trim()}`);
    const samples: Sample[][] = builds.map(() => []);
    for (let i = 0; i < RUNS; i++) {
      for (let b = 0; b < builds.length; b++) {
        const first = i === 0;
        const s = await load(browser, PORT + b, first && SHOTS ? join(SHOTS, builds[b]!) : undefined, first && EFFECTS);
        samples[b]!.push(s);
        log(
          `${builds[b]} run ${i + 1}/${RUNS}: ready ${s.readyMs.toFixed(0)} ms, media done ${s.mediaMs.toFixed(0)} ms, environment ${s.environmentMs.toFixed(0)} ms, textures ${s.textureMs.toFixed(0)} ms` +
            ` (${s.uploads} uploads, ${s.textureMB.toFixed(1)} MB), shaders ${s.shaderMs.toFixed(0)} ms (${s.programs} programs)`,
        );
      }
    }
    log(`uptime after: ${execSync('uptime').toString().trim()}`);
    for (let b = 0; b < builds.length; b++) {
      const own = samples[b]!;
      console.log(`\nFirst view of the default exhibition, ${RUNS} loads (${builds[b]}):`);
      console.log(summary('ready (ms)', own.map((s) => s.readyMs)));
      console.log(summary('media done (ms)', own.map((s) => s.mediaMs)));
      console.log(summary('environment (ms)', own.map((s) => s.environmentMs)));
      console.log(summary('texture ms', own.map((s) => s.textureMs)));
      console.log(summary('shader ms', own.map((s) => s.shaderMs)));
      console.log(summary('programs', own.map((s) => s.programs)));
      console.log(summary('texture MB', own.map((s) => s.textureMB), 1));
    }
  } finally {
    await browser?.close();
    for (const server of servers) server.close();
  }
}

await main();
