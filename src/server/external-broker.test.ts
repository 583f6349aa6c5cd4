/**
 * MUSEUM_BROKER_URL against Debian's Mosquitto, started by the test (src/server/testing/services.ts): the server
 * is one client of the museum's broker, with the ACL a museum would set up (anonymous read-only).
 */
import { connectAsync, type MqttClient } from 'mqtt';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { snapshotTopic, type LiveConfig, type LiveSnapshot } from '../twin/live/contract';
import { startServer, type LiveServer } from './server';
import { startMosquitto, type MosquittoService } from './testing/services';

const EX = 'castelrovo-collections';
let mosquitto: MosquittoService;
let dir: string;
const clients: MqttClient[] = [];
const servers: LiveServer[] = [];

beforeAll(async () => {
  mosquitto = await startMosquitto({ websockets: true });
  dir = mkdtempSync(join(tmpdir(), 'museum-external-'));
}, 180_000);

afterAll(async () => {
  for (const c of clients) await c.endAsync(true).catch(() => undefined);
  for (const s of servers) await s.close().catch(() => undefined);
  await mosquitto?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const start = async () => {
  const s = await startServer({
    port: 0,
    dataDir: dir,
    serveApp: false,
    log: false,
    brokerUrl: mosquitto.url,
    brokerUsername: mosquitto.serverUser,
    brokerPassword: mosquitto.serverPassword,
    brokerBrowserUrl: mosquitto.wsUrl,
    snapshotMs: 100,
  });
  servers.push(s);
  return s;
};
const live = async (s: LiveServer) => (await (await fetch(`${s.url}/api/exhibitions/${EX}/live`)).json()) as LiveSnapshot;

it('ingests from Mosquitto, publishes the snapshot there, and tells browsers where to connect', { timeout: 60_000 }, async () => {
  const server = await start();
  expect(((await (await fetch(`${server.url}/api/config`)).json()) as LiveConfig).brokerUrl).toBe(mosquitto.wsUrl);

  const browser = await connectAsync(mosquitto.wsUrl!, { reconnectPeriod: 0 }); // anonymous, as a browser
  clients.push(browser);
  const snapshot = new Promise<LiveSnapshot>((resolve) =>
    browser.on('message', (t, p) => {
      const s = JSON.parse(p.toString()) as LiveSnapshot;
      if (t === snapshotTopic(EX) && s.zones['hall']?.values.visitors?.value === 17) resolve(s);
    }),
  );
  await browser.subscribeAsync(snapshotTopic(EX));

  const sensor = await connectAsync(mosquitto.url, { username: mosquitto.sensorUser, password: mosquitto.sensorPassword, reconnectPeriod: 0 });
  clients.push(sensor);
  await sensor.publishAsync(`museum/${EX}/hall/visitors`, JSON.stringify({ value: 17 }), { qos: 1 });
  await expect.poll(async () => (await live(server)).zones['hall']?.values.visitors?.value).toBe(17);
  await snapshot;

  // A malformed reading through the museum's broker is counted, never applied.
  await sensor.publishAsync(`museum/${EX}/hall/visitors`, JSON.stringify({ value: 'many' }), { qos: 1 });
  await expect
    .poll(async () => ((await (await fetch(`${server.url}/api/exhibitions/${EX}/sensors`)).json()) as { sensor: string; rejected: number }[]).find((h) => h.sensor === `museum/${EX}/hall/visitors`)?.rejected)
    .toBe(1);
  expect((await live(server)).zones['hall']?.values.visitors?.value).toBe(17);
});

it('resumes its persistent session: readings sent while the server was down arrive after it restarts', { timeout: 60_000 }, async () => {
  await servers.pop()!.close();
  const sensor = await connectAsync(mosquitto.url, { username: mosquitto.sensorUser, password: mosquitto.sensorPassword, reconnectPeriod: 0 });
  clients.push(sensor);
  const time = new Date().toISOString();
  await sensor.publishAsync(`museum/${EX}/cabinet/temperature`, JSON.stringify({ value: 19.25, time }), { qos: 1 });
  const server = await start();
  await expect.poll(async () => (await live(server)).zones['cabinet']?.values.temperature?.value, { timeout: 10_000 }).toBe(19.25);
  const h = (await (await fetch(`${server.url}/api/exhibitions/${EX}/history?zone=cabinet&quantity=temperature`)).json()) as { points: number[][] };
  expect(h.points.map((p) => p[1])).toEqual([19.25]);
});
