/**
 * What a group of 100 costs a member's page (`npm run bench:together-page`, after a build): the project's server
 * (production) serves the built app; headless Chromium (software WebGL, as the e2e journeys) opens it and starts
 * a group as its guide; then 100 participants (WebSocket clients, src/server/together/test-client.ts) join and
 * walk in the hall in front of the guide, each sending its presence at the most the app sends (every
 * PRESENCE_INTERVAL_MS). Prints, with no avatars and with 100:
 *   - CPU per frame while the 3D view draws every frame (the camera turns a little each frame): median and p95 of
 *     Babylon's frame time counter (scene.render: avatars' interpolation, their meshes, the rest of the gallery);
 *   - the main thread's busy time per second (Chrome's TaskDuration over the window: frames plus receiving the
 *     presence batches, the avatars' updates and the floor plan's dots), and that per drawn frame;
 *   - the traffic the page receives on `/together` (KB/s).
 * The machine's load is printed with every figure: on a shared machine they are a floor, not its capacity.
 *
 *   OUT_DIR=dist npm run bench:together-page -- [--seconds 15] [--participants 100]
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/browser';
import { startServer } from '../src/server/server';
import { TogetherTestClient } from '../src/server/together/test-client';
import { PRESENCE_INTERVAL_MS } from '../src/twin/together/protocol';
import { turningFrames } from './turning-frames';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '15' }, participants: { type: 'string', default: '100' } } });
const SECONDS = Number(values.seconds);
const PARTICIPANTS = Number(values.participants);
const uptime = (): string => execSync('uptime').toString().trim();
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const dir = mkdtempSync(join(tmpdir(), 'museum-bench-together-page-'));
const server = await startServer({ port: 0, mode: 'production', distDir: process.env.OUT_DIR ?? 'dist', dataDir: dir, mqttPort: 0, log: false });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const clients: TogetherTestClient[] = [];
let walking = false;
try {
  const page = await browser.newPage({ viewport: { width: 800, height: 500 }, serviceWorkers: 'block' });
  page.on('console', (m) => {
    if (m.type() === 'error') console.log(`[page] ${m.text()}`);
  });
  await page.goto(server.url, { timeout: 300_000 });
  await page.waitForFunction(() => window.museumTwin?.ready === true, null, { timeout: 300_000, polling: 250 });
  await page.waitForFunction(() => document.querySelector<HTMLElement>('#status')?.dataset.media === 'done', null, { timeout: 300_000, polling: 500 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Network.enable');
  const taskSeconds = async (): Promise<number> => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  // Only the group's socket: the page may hold others (the live twin's).
  const togetherSockets = new Set<string>();
  cdp.on('Network.webSocketCreated', (e: { requestId: string; url: string }) => {
    if (new URL(e.url).pathname === '/together') togetherSockets.add(e.requestId);
  });
  let wsBytes = 0;
  cdp.on('Network.webSocketFrameReceived', (e: { requestId: string; response: { payloadData: string } }) => {
    if (togetherSockets.has(e.requestId)) wsBytes += Buffer.byteLength(e.response.payloadData);
  });

  // The guide stands at the hall's south side looking north (−z): the walkers are in view, all drawn.
  await page.evaluate(() => window.museumTwin!.place([5, 0, 7.5], 0));
  await page.getByRole('button', { name: 'Together' }).click();
  await page.locator('#drawer .together-start').getByLabel('Your name').fill('Guide');
  await page.locator('#drawer').getByRole('button', { name: 'Start a group' }).click();
  await page.waitForFunction(() => !!window.museumTwin?.together?.().code, null, { timeout: 60_000, polling: 100 });
  const code = (await page.evaluate(() => window.museumTwin!.together!().code))!;
  // The drawer closed: the 3D view is the page's, as while following a talk.
  await page.keyboard.press('Escape');

  async function measure(label: string): Promise<void> {
    const t0 = await taskSeconds();
    const w0 = performance.now();
    const b0 = wsBytes;
    const drawn0 = await page.evaluate(() => window.museumTwin!.renderCounts?.().drawn ?? 0);
    // Frames every animation frame: the guide looks slowly around (bench/turning-frames.ts).
    const r = { frames: (await turningFrames(page, SECONDS)).frames, avatars: await page.evaluate(() => window.museumTwin!.together!().avatars.length) };
    const wall = (performance.now() - w0) / 1000;
    const busy = (await taskSeconds()) - t0;
    const drawn = (await page.evaluate(() => window.museumTwin!.renderCounts?.().drawn ?? 0)) - drawn0;
    console.log(
      `${label}: ${r.avatars} avatars drawn; ${r.frames.length} frames: CPU per frame median ${pct(r.frames, 50).toFixed(2)} ms, p95 ${pct(r.frames, 95).toFixed(2)} ms; ` +
        `main thread busy ${((busy / wall) * 1000).toFixed(0)} ms/s (${((busy * 1000) / Math.max(1, drawn)).toFixed(2)} ms per drawn frame, ${drawn} drawn); ` +
        `/together traffic in ${((wsBytes - b0) / 1024 / wall).toFixed(1)} KB/s  [${uptime()}]`,
    );
  }

  console.log(`together page bench: ${server.url}, group ${code}, headless Chromium with software WebGL`);
  await measure('alone (no avatars)');

  for (let i = 0; i < PARTICIPANTS; i++) {
    const c = new TogetherTestClient(server.url, false);
    clients.push(c);
    const welcomed = new Promise<void>((resolve, reject) => (c.onMessage = (m) => (m.type === 'welcome' ? resolve() : m.type === 'refused' ? reject(new Error(`participant ${i + 1} was refused: ${m.message}`)) : undefined)));
    await c.send({ type: 'join', code, name: `Visitor ${i + 1}` });
    await welcomed;
    c.onMessage = undefined;
  }
  // Each walks a small circle around its own place on a 10 × 10 grid in the hall (0.9 m apart), staggered.
  walking = true;
  const walkers = clients.map((c, i) =>
    (async () => {
      await sleep((i / PARTICIPANTS) * PRESENCE_INTERVAL_MS);
      const [x, z] = [0.6 + (i % 10) * 0.9, 0.6 + Math.floor(i / 10) * 0.65];
      for (let k = 0; walking; k++) {
        const a = (k / 12) * Math.PI * 2;
        await c.send({ type: 'presence', p: [x + 0.2 * Math.cos(a), 0, z + 0.2 * Math.sin(a)], h: (k * 30) % 360, room: 'hall' });
        await sleep(PRESENCE_INTERVAL_MS);
      }
    })(),
  );
  await page.waitForFunction((n) => window.museumTwin!.together!().avatars.length >= n, PARTICIPANTS, { timeout: 120_000, polling: 500 });
  await measure(`${PARTICIPANTS} participants walking (presence ${1000 / PRESENCE_INTERVAL_MS}/s each)`);
  walking = false;
  await Promise.all(walkers);
} finally {
  walking = false;
  for (const c of clients) c.ws.terminate();
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
