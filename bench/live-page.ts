/**
 * The live twin's cost at the page and its alert latency (`npm run bench:live-page`, after a build): the project's
 * server (production, simulator off) serves the built app; headless Chromium (software WebGL, as the e2e journeys)
 * opens it with Live on; 500 sensors each publish a reading a second. Prints, for the page without and with the
 * sensors:
 *   - main-thread busy % while the 3D view is still (Chrome's TaskDuration over the window: what live data costs an
 *     idle page, which renders on demand),
 *   - median and p95 CPU time per frame while the 3D view draws every frame (Babylon's frame time counter),
 * and then, with the 500 sensors still publishing, the latency from an out-of-band reading's publish to its alert
 * shown at the page (median and p95 over the trials; the alert minimum duration is 0 s here so each reading
 * raises one at once).
 * The machine's load is printed with every figure: on a shared machine they are a floor, not its capacity.
 *
 *   OUT_DIR=dist npm run bench:live-page -- [--seconds 15] [--trials 20] [--sensors 500]
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { connectAsync, type MqttClient } from 'mqtt';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/browser';
import type { LiveSnapshot, Quantity } from '../src/twin/live/contract';
import { startServer } from '../src/server/server';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '15' }, trials: { type: 'string', default: '20' }, sensors: { type: 'string', default: '500' } } });
const SECONDS = Number(values.seconds);
const TRIALS = Number(values.trials);
const SENSORS = Number(values.sensors);
const PASSWORD = 'bench-sensor-password';
const uptime = (): string => execSync('uptime').toString().trim();
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

const dir = mkdtempSync(join(tmpdir(), 'museum-bench-page-'));
const server = await startServer({
  port: 0,
  mode: 'production',
  distDir: process.env.OUT_DIR ?? 'dist',
  dataDir: dir,
  mqttPort: 0,
  log: false,
  sensorPassword: PASSWORD,
  alertMinDurationSeconds: 0,
});
const served = [...server.exhibitions.values()][0]!;
const EX = served.id;
const ex = served.exhibition;
const wsUrl = `${server.url.replace('http', 'ws')}/mqtt`;
const clients: MqttClient[] = [];
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  page.on('console', (m) => {
    if (m.type() === 'error') console.log(`[page] ${m.text()}`);
  });
  await page.goto(`${server.url}/?live`);
  await page.waitForFunction(() => window.museumTwin?.ready === true, null, { timeout: 300_000, polling: 250 });
  await page.waitForFunction(() => document.querySelector<HTMLElement>('#status')?.dataset.live === 'live', null, { timeout: 180_000, polling: 250 }).catch(async (e: unknown) => {
    console.log(`the page's live layer did not connect: ${JSON.stringify(await page.evaluate(() => ({ ...document.querySelector<HTMLElement>('#status')!.dataset })))}`);
    throw e;
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async (): Promise<number> => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0);

  // The alerts' zone: one whose works have a humidity band; the 500 sensors never publish humidity there.
  const first = (await (await fetch(`${server.url}/api/exhibitions/${EX}/live`)).json()) as LiveSnapshot;
  const alertZone = Object.values(first.artworks).find((w) => w.zone && w.limits.humidity)?.zone;
  if (!alertZone) throw new Error('The exhibition has no zone with a work that has a humidity band');

  // 500 sensors: every zone's quantities, then works' own (showcase) sensors, in band so they raise nothing.
  const topics: { topic: string; quantity: Quantity }[] = [];
  for (const z of ex.zones)
    for (const q of ['temperature', 'humidity', 'illuminance', 'uv', 'visitors'] as const)
      if (!(z.id === alertZone && q === 'humidity')) topics.push({ topic: `museum/${EX}/${z.id}/${q}`, quantity: q });
  for (const a of ex.artworks) for (const q of ['temperature', 'humidity', 'illuminance', 'uv'] as const) topics.push({ topic: `museum/${EX}/artworks/${a.id}/${q}`, quantity: q });
  const fleet = topics.slice(0, SENSORS);
  if (fleet.length < SENSORS) console.log(`(only ${fleet.length} distinct sensor topics in this exhibition)`);
  const value = (q: Quantity, i: number): number =>
    ({ temperature: 20 + Math.random(), humidity: 50 + Math.random() * 2, illuminance: 40 + Math.random() * 5, uv: 10 + Math.random(), visitors: (i * 7 + Math.floor(Date.now() / 5000)) % 30 })[q];
  const publishers = await Promise.all(Array.from({ length: 4 }, () => connectAsync(wsUrl, { username: 'sensor', password: PASSWORD, reconnectPeriod: 0 })));
  clients.push(...publishers);
  let flooding: NodeJS.Timeout | undefined;
  let published = 0;
  /** Each sensor once a second, spread over ten slices of 100 ms. */
  const startFlood = (): void => {
    let slice = 0;
    flooding = setInterval(() => {
      fleet.forEach((s, i) => {
        if (i % 10 !== slice) return;
        published++;
        void publishers[i % publishers.length]!.publishAsync(s.topic, JSON.stringify({ value: value(s.quantity, i) }), { qos: 1 });
      });
      slice = (slice + 1) % 10;
    }, 100);
  };

  /** Main-thread busy % with the 3D view still, and CPU ms per frame with it drawing every frame. */
  async function measure(label: string): Promise<void> {
    const t0 = await taskSeconds();
    const w0 = performance.now();
    const sent0 = published;
    const drawn0 = await page.evaluate(() => window.museumTwin!.renderCounts?.().drawn ?? 0);
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    const busy = (100 * ((await taskSeconds()) - t0)) / ((performance.now() - w0) / 1000);
    const drawn = (await page.evaluate(() => window.museumTwin!.renderCounts?.().drawn ?? 0)) - drawn0;
    const rate = ((published - sent0) / SECONDS).toFixed(0);
    console.log(`${label}: still view: main thread busy ${busy.toFixed(1)} % over ${SECONDS} s, ${drawn} frames drawn on demand, ${rate} readings/s sent  [${uptime()}]`);
    // Frames every animation frame: an observer of the scene's frames keeps rendering on demand drawing.
    const frames = await page.evaluate(async (seconds) => {
      const probe = await window.museumTwin!.perf();
      const scene = window.museumTwin!.scene() as { onAfterRenderObservable: { add(f: () => void): unknown; remove(o: unknown): void } };
      const out: number[] = [];
      const o = scene.onAfterRenderObservable.add(() => out.push(probe.sample().frameMs));
      await new Promise((r) => setTimeout(r, seconds * 1000));
      scene.onAfterRenderObservable.remove(o);
      probe.dispose();
      return out.slice(5);
    }, SECONDS);
    console.log(`${label}: drawing every frame: ${frames.length} frames, CPU per frame median ${pct(frames, 50).toFixed(2)} ms, p95 ${pct(frames, 95).toFixed(2)} ms  [${uptime()}]`);
  }

  console.log(`live page bench: ${server.url}, ${ex.zones.length} zones, ${ex.artworks.length} works, headless Chromium with software WebGL`);
  await measure('no sensors');
  startFlood();
  await new Promise((r) => setTimeout(r, 2000)); // the first second of readings reaches the page
  await measure(`${fleet.length} sensors at 1 reading/s`);

  // Alert latency at the page, with the sensors still publishing: publish → the page's alert count changes
  // (#status data-live-alerts, set in the same update that draws the list and the work's panel) → next paint.
  await page.evaluate(() => {
    const seen: { count: number; at: number }[] = [];
    (window as unknown as { benchAlerts: typeof seen }).benchAlerts = seen;
    const status = document.querySelector<HTMLElement>('#status')!;
    new MutationObserver(() => {
      const count = Number(status.dataset.liveAlerts ?? 0);
      requestAnimationFrame(() => seen.push({ count, at: Date.now() }));
    }).observe(status, { attributes: true, attributeFilter: ['data-live-alerts'] });
  });
  const alertSensor = await connectAsync(wsUrl, { username: 'sensor', password: PASSWORD, reconnectPeriod: 0 });
  clients.push(alertSensor);
  /** When the page first painted an alert count above (raised) or back at (cleared) `base` after `since`. */
  const shownAfter = async (since: number, raised: boolean, base: number): Promise<number> => {
    const handle = await page.waitForFunction(
      ({ since, raised, base }) => {
        const seen = (window as unknown as { benchAlerts: { count: number; at: number }[] }).benchAlerts;
        const hit = seen.find((s) => s.at >= since && (raised ? s.count > base : s.count <= base));
        return hit ? hit.at : false;
      },
      { since, raised, base },
      { timeout: 20_000, polling: 20 },
    );
    return (await handle.jsonValue()) as number;
  };
  const base = Number(await page.evaluate(() => document.querySelector<HTMLElement>('#status')!.dataset.liveAlerts ?? 0));
  const latencies: number[] = [];
  const topic = `museum/${EX}/${alertZone}/humidity`;
  await alertSensor.publishAsync(topic, JSON.stringify({ value: 50 }), { qos: 1 });
  for (let i = 0; i < TRIALS; i++) {
    const sent = Date.now();
    void alertSensor.publishAsync(topic, JSON.stringify({ value: 85 }), { qos: 1 });
    const at = await shownAfter(sent, true, base);
    latencies.push(at - sent);
    const cleared = Date.now();
    void alertSensor.publishAsync(topic, JSON.stringify({ value: 50 }), { qos: 1 });
    await shownAfter(cleared, false, base);
  }
  console.log(
    `alert latency at the page (publish → alert count shown, next paint), ${TRIALS} trials with ${fleet.length} sensors publishing: median ${pct(latencies, 50)} ms, p95 ${pct(latencies, 95)} ms, max ${Math.max(...latencies)} ms  [${uptime()}]`,
  );
  clearInterval(flooding);
} finally {
  await browser.close();
  for (const c of clients) await c.endAsync(true).catch(() => undefined);
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
