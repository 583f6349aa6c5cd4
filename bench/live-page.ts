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
import { turningFrames } from './turning-frames';

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
let flooding: NodeJS.Timeout | undefined;
try {
  // Small, as the e2e journeys render: software WebGL on a shared machine draws a large canvas in seconds.
  const page = await browser.newPage({ viewport: { width: 800, height: 500 }, serviceWorkers: 'block' });
  page.on('console', (m) => {
    if (m.type() === 'error') console.log(`[page] ${m.text()}`);
  });
  await page.goto(`${server.url}/?live`, { timeout: 300_000 });
  await page.waitForFunction(() => window.museumTwin?.ready === true, null, { timeout: 300_000, polling: 250 });
  await page.waitForFunction(() => document.querySelector<HTMLElement>('#status')?.dataset.live === 'live', null, { timeout: 180_000, polling: 250 }).catch(async (e: unknown) => {
    console.log(`the page's live layer did not connect: ${JSON.stringify(await page.evaluate(() => ({ ...document.querySelector<HTMLElement>('#status')!.dataset })))}`);
    throw e;
  });
  // Measured once the works' images are in (their decoding is the page's own start-up work, not live data's).
  await page.waitForFunction(() => document.querySelector<HTMLElement>('#status')?.dataset.media === 'done', null, { timeout: 300_000, polling: 500 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async (): Promise<number> => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0);

  // The alerts' work: one with a humidity band; its own humidity sensor is the bench's, never the fleet's.
  const first = (await (await fetch(`${server.url}/api/exhibitions/${EX}/live`)).json()) as LiveSnapshot;
  const alertWork = Object.values(first.artworks).find((w) => w.limits.humidity)?.id;
  if (!alertWork) throw new Error('The exhibition has no work with a humidity band');
  const alertTopic = `museum/${EX}/artworks/${alertWork}/humidity`;

  // 500 sensors: every zone's quantities, then works' own (showcase) sensors, in band so they raise nothing.
  const topics: { topic: string; quantity: Quantity }[] = [];
  for (const z of ex.zones)
    for (const q of ['temperature', 'humidity', 'illuminance', 'uv', 'visitors'] as const)
      topics.push({ topic: `museum/${EX}/${z.id}/${q}`, quantity: q });
  for (const a of ex.artworks)
    for (const q of ['temperature', 'humidity', 'illuminance', 'uv'] as const) {
      const topic = `museum/${EX}/artworks/${a.id}/${q}`;
      if (topic !== alertTopic) topics.push({ topic, quantity: q });
    }
  // Fewer places than sensors: several sensors per place (as a museum doubles sensors in a large room), so the page
  // still receives SENSORS readings a second.
  const fleet = Array.from({ length: SENSORS }, (_, i) => topics[i % topics.length]!);
  const places = new Set(fleet.map((f) => f.topic)).size;
  const value = (q: Quantity, i: number): number =>
    ({ temperature: 20 + Math.random(), humidity: 50 + Math.random() * 2, illuminance: 40 + Math.random() * 5, uv: 10 + Math.random(), visitors: (i * 7 + Math.floor(Date.now() / 5000)) % 30 })[q];
  const publishers = await Promise.all(Array.from({ length: 4 }, () => connectAsync(wsUrl, { username: 'sensor', password: PASSWORD, reconnectPeriod: 0 })));
  clients.push(...publishers);
  let published = 0;
  /** Each sensor once a second, spread over ten slices of 100 ms. */
  const startFlood = (): void => {
    let slice = 0;
    flooding = setInterval(() => {
      fleet.forEach((s, i) => {
        if (i % 10 !== slice) return;
        published++;
        publishers[i % publishers.length]!.publishAsync(s.topic, JSON.stringify({ value: value(s.quantity, i) }), { qos: 1 }).catch(() => undefined);
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
    const rate = ((published - sent0) / ((performance.now() - w0) / 1000)).toFixed(0);
    console.log(`${label}: still view: main thread busy ${busy.toFixed(1)} % over ${SECONDS} s, ${drawn} frames drawn on demand, ${rate} readings/s sent  [${uptime()}]`);
    // Frames every animation frame: the visitor looks slowly around (bench/turning-frames.ts).
    const frames = await turningFrames(page, SECONDS);
    console.log(
      `${label}: camera turning: ${frames.frames.length} frames drawn (${frames.rafs} animation frames), CPU per frame median ${pct(frames.frames, 50).toFixed(2)} ms, p95 ${pct(frames.frames, 95).toFixed(2)} ms  [${uptime()}]`,
    );
  }

  console.log(`live page bench: ${server.url}, ${ex.zones.length} zones, ${ex.artworks.length} works, headless Chromium with software WebGL`);
  await measure('no sensors');
  startFlood();
  await new Promise((r) => setTimeout(r, 2000)); // the first second of readings reaches the page
  await measure(`${fleet.length} sensors at 1 reading/s (${places} topics)`);

  // Alert latency at the page, with the sensors still publishing: publish → the page's alert count changes
  // (#status data-live-alerts, set in the same update that draws the list and the work's panel).
  await page.evaluate(() => {
    const seen: { count: number; at: number }[] = [];
    (window as unknown as { benchAlerts: typeof seen }).benchAlerts = seen;
    const status = document.querySelector<HTMLElement>('#status')!;
    new MutationObserver(() => {
      const count = Number(status.dataset.liveAlerts ?? 0);
      seen.push({ count, at: Date.now() });
    }).observe(status, { attributes: true, attributeFilter: ['data-live-alerts'] });
  });
  const alertSensor = await connectAsync(wsUrl, { username: 'sensor', password: PASSWORD, reconnectPeriod: 0 });
  clients.push(alertSensor);
  /**
   * When the page first showed an alert count above (raised) or below (cleared) `base` after `since`, and that
   * count. (Counts, not a fixed base: the first swing also raises a lasting 24 h fluctuation alert.)
   */
  const shownAfter = async (since: number, raised: boolean, base: number): Promise<{ at: number; count: number }> => {
    const handle = await page.waitForFunction(
      ({ since, raised, base }) => {
        const seen = (window as unknown as { benchAlerts: { count: number; at: number }[] }).benchAlerts;
        // Cleared: the count drops (a lasting fluctuation alert may have joined the raised one meanwhile).
        const hit = seen.find((s, i) => s.at >= since && (raised ? s.count > base : s.count < Math.max(base, seen[i - 1]?.count ?? 0)));
        return hit ?? false;
      },
      { since, raised, base },
      { timeout: 20_000, polling: 20 },
    );
    return (await handle.jsonValue()) as { at: number; count: number };
  };
  const latencies: number[] = [];
  const topic = alertTopic;
  await alertSensor.publishAsync(topic, JSON.stringify({ value: 50 }), { qos: 1 });
  for (let i = 0; i < TRIALS; i++) {
    const before = Number(await page.evaluate(() => document.querySelector<HTMLElement>('#status')!.dataset.liveAlerts ?? 0));
    const sent = Date.now();
    void alertSensor.publishAsync(topic, JSON.stringify({ value: 85 }), { qos: 1 });
    const raised = await shownAfter(sent, true, before);
    latencies.push(raised.at - sent);
    const cleared = Date.now();
    void alertSensor.publishAsync(topic, JSON.stringify({ value: 50 }), { qos: 1 });
    await shownAfter(cleared, false, raised.count);
  }
  console.log(
    `alert latency at the page (publish → alert in the page's DOM), ${TRIALS} trials with ${fleet.length} sensors publishing: median ${pct(latencies, 50)} ms, p95 ${pct(latencies, 95)} ms, max ${Math.max(...latencies)} ms  [${uptime()}]`,
  );
  clearInterval(flooding);
} finally {
  clearInterval(flooding);
  await browser.close();
  for (const c of clients) await c.endAsync(true).catch(() => undefined);
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
