/**
 * One load of the app in `npm run bench`: opens an exhibition in a fresh browser context, reads the start-up marks,
 * the time until the first view is fully shown (every work within reach at the level its size on screen asks
 * for: its final image), walks a fixed path while sampling CPU time per frame, and reads JS heap, GPU texture
 * memory (the WebGL ledger, src/scene/texture-memory.ts) and the bytes sent.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { centroid, pointInPolygon } from '../src/twin/geometry';
import { installTextureLedger, type TextureMemory } from '../src/scene/texture-memory';
import type { Served } from './bench-serve';
import { heapAfterGc, settle } from './heap';
import { median, pct, round } from './bench-stats';

export interface AppCase {
  name: string;
  /** URL of the exhibition file on the bench server. */
  exhibition: string;
  /** The same file on disk (works, rooms, the walking path). */
  file: string;
  /** A phone's screen instead of the desktop window (touch, small, dense). */
  phone?: boolean;
}

/** What one load of the app measured. */
export interface AppRun {
  works: number;
  rooms: number;
  /** Raw and gzip bytes of the scripts fetched by the time the room could be walked. */
  jsByInteractive: { raw: number; gzip: number };
  firstFrameMs?: number;
  /** The building walkable: a milestone, not the first view. */
  interactiveMs?: number;
  /** Every work within reach at its first level (`#status[data-media=done]`). */
  nearbyMediaMs?: number;
  /** Every work within reach at the level its size on screen asks for (final image; a model is one level). */
  fullyShownMs?: number;
  frameMedianMs: number;
  frameP95Ms: number;
  /** The longest frame while walking (a headset notices one). */
  frameMaxMs: number;
  /** The five longest frames of the walk: [frame index, ms, the room the visitor was in]. */
  slowFrames: [number, number, string][];
  frames: number;
  drawsMax: number;
  trianglesMax: number;
  /**
   * JS heap after the walk, once every work is built and no file has been sent for a while, after a full garbage
   * collection (bench/heap.ts): the same moment at any exhibition size.
   */
  heapMB: number;
  /** Whether that moment was reached within the wait (if not, the heap was read anyway). */
  heapSettled: boolean;
  /** The heap in use right after the walk, without collecting garbage (what earlier runs printed). */
  heapNoGcMB: number;
  /** GPU texture memory held after the walk, and the most held at any moment of the load and walk. */
  textureMB?: number;
  texturePeakMB?: number;
  textureByFormat?: Record<string, number>;
  transferredMB: number;
  /** Of which the exhibition's own files (JSON and media). */
  exhibitionMB: number;
}

export interface AppRunOptions {
  port: number;
  /** Build folder (scripts' sizes). */
  dist: string;
  frames: number;
  /** How long the walk waits for the first view before it starts anyway. */
  mediaWaitMs: number;
  log: (s: string) => void;
}

const DESKTOP = { width: 900, height: 540 };
const PHONE = { width: 390, height: 844 };

type Vec2 = [number, number];

/**
 * A fixed walk: from the entrance through up to two doorways, via each room's middle. (Every generated
 * exhibition has the same first three rooms, so 50 and 1000 works walk the same path.)
 */
export function walkingPath(file: string, frames: number): { points: Vec2[]; headings: number[] } {
  const ex = JSON.parse(readFileSync(file, 'utf8')) as {
    entrance: { position: [number, number, number]; heading: number };
    space: { kind: string; rooms?: { id: string; polygon: Vec2[] }[]; doorways?: { rooms: string[]; position: Vec2 }[] };
  };
  const start: Vec2 = [ex.entrance.position[0], ex.entrance.position[2]];
  const points: Vec2[] = [start];
  const rooms = ex.space.rooms ?? [];
  const doors = ex.space.doorways ?? [];
  let room = rooms.find((r) => pointInPolygon(start, r.polygon))?.id;
  const seen = new Set(room ? [room] : []);
  for (let k = 0; k < 2 && room; k++) {
    const door = doors.find((d) => d.rooms.length === 2 && d.rooms.includes(room!) && !seen.has(d.rooms.find((r) => r !== room)!));
    if (!door) break;
    const next = door.rooms.find((r) => r !== room)!;
    points.push(door.position, centroid(rooms.find((r) => r.id === next)!.polygon));
    seen.add(next);
    room = next;
  }
  if (points.length === 1) {
    // No doorways: a loop around the entrance.
    points.push([start[0] + 2, start[1]], [start[0] + 2, start[1] - 2], start);
  }
  // Heading follows the way walked, swaying ±50° to look at the walls.
  const lengths = points.slice(1).map((p, i) => Math.hypot(p[0] - points[i]![0], p[1] - points[i]![1]));
  const total = lengths.reduce((a, b) => a + b, 0);
  const out: Vec2[] = [];
  const headings: number[] = [];
  for (let f = 0; f < frames; f++) {
    let d = (total * f) / Math.max(1, frames - 1);
    let i = 0;
    while (i < lengths.length - 1 && d > lengths[i]!) d -= lengths[i++]!;
    const a = points[i]!;
    const b = points[i + 1]!;
    const t = lengths[i]! > 0 ? Math.min(1, d / lengths[i]!) : 0;
    out.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
    const dir = Math.atan2(b[0] - a[0], -(b[1] - a[1])) * (180 / Math.PI);
    headings.push((dir + 50 * Math.sin((f / frames) * Math.PI * 6) + 360) % 360);
  }
  return { points: out, headings };
}

/** Raw and gzip (level 9) bytes of these files together. */
export function jsSize(files: string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const body = readFileSync(f);
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { raw, gzip };
}

/** The JavaScript a page needs before it runs anything: its entry script and the modules it preloads. */
export function entryJs(dist: string, html: string): string[] {
  const text = readFileSync(join(dist, html), 'utf8');
  const urls = [...text.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"|<link rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => (m[1] ?? m[2])!);
  return urls.map((u) => join(dist, u));
}

/** Every JavaScript file of a build folder (the service worker included: it is the app's too). */
export function allJs(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) {
        if (f !== 'exhibitions' && f !== 'bench-pages') walk(p);
      } else if (f.endsWith('.js')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

const mb = (bytes: number): number => round(bytes / 1024 / 1024);

/** Loads the app on `c` once and measures it. */
export async function measureApp(browser: Browser, c: AppCase, served: Served[], o: AppRunOptions): Promise<AppRun> {
  const context = await browser.newContext({
    viewport: c.phone ? PHONE : DESKTOP,
    ...(c.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  // tsx names functions with a helper the page does not have.
  await page.addInitScript('window.__name = (f) => f');
  // Counts texture bytes by format as the WebGL context uploads and deletes them.
  await page.addInitScript(installTextureLedger);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  served.length = 0;
  const t0 = Date.now();
  try {
    await page.goto(`http://127.0.0.1:${o.port}/?exhibition=${encodeURIComponent(c.exhibition)}&lang=en`);
    await page.waitForFunction(() => document.getElementById('status')?.dataset.ready === 'true' || !!document.querySelector('.error-page'), null, { timeout: 180_000 });
    if (await page.$('.error-page')) throw new Error(`the app could not open ${c.exhibition}: ${(await page.textContent('body'))?.slice(0, 300)}`);
    const interactiveAt = Date.now();
    const ex = JSON.parse(readFileSync(c.file, 'utf8')) as { artworks: { id: string }[]; space: { rooms?: unknown[] } };
    // The first view is fully shown on the first frame drawn once the works within reach are in (media done)
    // and no painting wants a finer level than it shows: the frame is timed as it is drawn, in the page.
    await page.evaluate((ids) => {
      type Level = { shown: number; sizes: number[]; pixels: number } | undefined;
      const w = window as unknown as { museumTwin: { scene: () => unknown; imageLevel: (id: string) => Level }; __fullyShown?: number };
      const scene = w.museumTwin.scene() as { onAfterRenderObservable: { add: (f: () => void) => unknown; remove: (o: unknown) => void } };
      const settled = (): boolean => {
        if (document.getElementById('status')?.dataset.media !== 'done') return false;
        for (const id of ids) {
          const l = w.museumTwin.imageLevel(id);
          if (!l || l.shown < 0) continue;
          const i = l.sizes.findIndex((s) => s >= l.pixels);
          if (l.shown < (i < 0 ? l.sizes.length - 1 : i)) return false;
        }
        return true;
      };
      const observer = scene.onAfterRenderObservable.add(() => {
        if (!settled()) return;
        w.__fullyShown = performance.now();
        scene.onAfterRenderObservable.remove(observer);
      });
    }, ex.artworks.map((a) => a.id));
    const marks = await page.evaluate(() => ({
      first: performance.getEntriesByName('twin:first-frame')[0]?.startTime,
      interactive: performance.getEntriesByName('twin:interactive')[0]?.startTime,
    }));
    // JS fetched by the time the room could be walked (the entry and what loaded on demand so far).
    const byInteractive = served.filter((s) => s.url.endsWith('.js') && s.at <= interactiveAt).map((s) => join(o.dist, s.url));
    // The walk starts once the first view is fully shown (or after a while: then the figure is missing).
    await page
      .waitForFunction(() => (window as unknown as { __fullyShown?: number }).__fullyShown !== undefined, null, { timeout: o.mediaWaitMs, polling: 200 })
      .catch(() => undefined);
    const shown = await page.evaluate(() => ({
      media: performance.getEntriesByName('twin:media-done')[0]?.startTime,
      full: (window as unknown as { __fullyShown?: number }).__fullyShown,
    }));
    o.log(`${c.name}: walkable ${round(marks.interactive ?? NaN, 0)} ms, nearby media (first level) ${round(shown.media ?? NaN, 0)} ms, fully shown ${round(shown.full ?? NaN, 0)} ms; walking ${o.frames} frames`);
    const samples = await page.evaluate(
      async ({ points, headings }) => {
        const hooks = window.museumTwin!;
        const probe = await hooks.perf();
        const scene = hooks.scene() as { onAfterRenderObservable: { addOnce: (f: () => void) => void } };
        const nextFrame = () => new Promise<void>((r) => scene.onAfterRenderObservable.addOnce(() => r()));
        await nextFrame();
        const out: { frameMs: number; wholeFrameMs: number; drawCalls: number; activeTriangles: number; room: string }[] = [];
        for (let i = 0; i < points.length; i++) {
          hooks.place([points[i]![0], 0, points[i]![1]], headings[i]!);
          await nextFrame();
          out.push({ ...probe.sample(), room: hooks.viewer().room ?? '' });
        }
        probe.dispose();
        return out;
      },
      walkingPath(c.file, o.frames),
    );
    const textures = await page.evaluate(() => (window as unknown as { __textureMemory?: () => TextureMemory }).__textureMemory?.());
    const heapNoGc = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    // The heap at a like moment: after the walk, every work built, nothing in flight, garbage collected.
    const calm = await settle(page, served, ex.artworks.length, o.mediaWaitMs);
    const heap = await heapAfterGc(await context.newCDPSession(page));
    o.log(`${c.name}: heap ${mb(heap)} MB after GC (${calm.settled ? 'settled' : 'NOT settled'}: ${calm.built}/${calm.works} works built, waited ${round(calm.waitedMs / 1000, 1)} s); ${mb(heapNoGc)} MB right after the walk`);
    if (errors.length) o.log(`${c.name}: page errors: ${errors.slice(0, 3).join(' | ')}`);
    // The whole frame (uploads included, which run before scene.render); Babylon's scene-only figure beside it.
    const frames = samples.map((s) => s.wholeFrameMs);
    const sceneOnly = samples.map((s) => s.frameMs).sort((a, b) => a - b);
    const at = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;
    o.log(`${c.name}: scene.render alone (Babylon's frame time): median ${round(at(sceneOnly, 0.5), 1)} ms, p95 ${round(at(sceneOnly, 0.95), 1)} ms`);
    const slowFrames = samples
      .map((s, i) => [i, round(s.wholeFrameMs, 0), s.room] as [number, number, string])
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5);
    o.log(`${c.name}: longest frames [index, ms, room] ${JSON.stringify(slowFrames)}`);
    o.log(`${c.name}: done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return {
      works: ex.artworks.length,
      rooms: ex.space.rooms?.length ?? 0,
      jsByInteractive: jsSize([...new Set(byInteractive)]),
      firstFrameMs: marks.first,
      interactiveMs: marks.interactive,
      nearbyMediaMs: shown.media,
      fullyShownMs: shown.full,
      frameMedianMs: median(frames),
      frameP95Ms: pct(frames, 95),
      frameMaxMs: Math.max(...frames),
      slowFrames,
      frames: frames.length,
      drawsMax: Math.max(...samples.map((s) => s.drawCalls)),
      trianglesMax: Math.max(...samples.map((s) => s.activeTriangles)),
      heapMB: mb(heap),
      heapSettled: calm.settled,
      heapNoGcMB: mb(heapNoGc),
      textureMB: textures && mb(textures.bytes),
      texturePeakMB: textures && mb(textures.peakBytes),
      textureByFormat: textures && Object.fromEntries(Object.entries(textures.byFormat).map(([f, b]) => [f, mb(b)])),
      transferredMB: round(served.reduce((s, x) => s + x.bytes, 0) / 1024 / 1024, 2),
      // The exhibition's own files (its JSON and media), without the app's code and environment map.
      exhibitionMB: round(served.filter((s) => s.url.startsWith('/exhibitions/') || s.url.startsWith('/bench/')).reduce((s, x) => s + x.bytes, 0) / 1024 / 1024, 2),
    };
  } finally {
    await context.close();
  }
}
