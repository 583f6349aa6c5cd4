/**
 * End-to-end ingest rate of the server (`npm run bench:ingest`): sensors publish QoS 1 readings through the
 * embedded broker (MQTT over WebSocket at /mqtt), each acknowledged only after its history write (SQLite in a
 * temporary folder, as `npm start`). Prints readings per second and, measured during the flood, the latency of a
 * conservation alert from the publish of its reading to its arrival at a subscriber.
 *
 * `--transport tcp` publishes over MQTT on TCP (port 1883's protocol, what most real sensors use) instead.
 * The machine's load (`uptime`) is printed with the figures: on a shared machine they are a floor.
 *
 *   npm run bench:ingest -- [--sensors 20] [--readings 50000] [--transport ws|tcp]
 */
import { connectAsync, type MqttClient } from 'mqtt';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { execSync } from 'node:child_process';
import { alertsTopic, type AlertEvent, type Quantity } from '../src/twin/live/contract';
import { startServer } from '../src/server/server';
import { freePort } from '../src/server/testing/services';

const { values } = parseArgs({ options: { sensors: { type: 'string', default: '20' }, readings: { type: 'string', default: '50000' }, transport: { type: 'string', default: 'ws' } } });
const TCP = values.transport === 'tcp';
const SENSORS = Number(values.sensors);
const READINGS = Number(values.readings);
const PASSWORD = 'bench-sensor-password';
const EX = 'castelrovo-collections';
const ZONES = ['hall', 'gallery', 'cabinet', 'divisionist-bay'];
const QUANTITIES: Quantity[] = ['temperature', 'humidity', 'illuminance', 'visitors'];

const dir = mkdtempSync(join(tmpdir(), 'museum-bench-ingest-'));
const tcpPort = TCP ? await freePort() : 0;
const server = await startServer({ port: 0, dataDir: dir, mqttPort: tcpPort, serveApp: false, log: false, sensorPassword: PASSWORD });
const wsUrl = TCP ? `mqtt://127.0.0.1:${tcpPort}` : `${server.url.replace('http', 'ws')}/mqtt`;
const clients: MqttClient[] = [];
try {
  for (let i = 0; i < SENSORS; i++) clients.push(await connectAsync(wsUrl, { username: 'sensor', password: PASSWORD, reconnectPeriod: 0 }));
  const bms = await connectAsync(wsUrl, { reconnectPeriod: 0 });
  clients.push(bms);
  await bms.subscribeAsync(alertsTopic(EX));

  const perSensor = Math.ceil(READINGS / SENSORS);
  const base = Date.now() - perSensor * 10; // distinct times per series, all in the recent past
  const t0 = performance.now();
  const flood = clients.slice(0, SENSORS).map(async (c, s) => {
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < perSensor; i++) {
      const zone = ZONES[(s + i) % ZONES.length]!;
      const quantity = QUANTITIES[s % QUANTITIES.length]!;
      const value = quantity === 'visitors' ? i % 40 : quantity === 'illuminance' ? 150 : quantity === 'humidity' ? 50 : 21;
      const time = new Date(base + i * 10 + s).toISOString();
      pending.push(c.publishAsync(`museum/${EX}/${zone}/${quantity}`, JSON.stringify({ value, time }), { qos: 1 }));
    }
    await Promise.all(pending);
  });

  // During the flood: an out-of-band humidity in the sculpture room (no flood there), held past the minimum duration.
  await new Promise((r) => setTimeout(r, 300));
  const alertSensor = await connectAsync(wsUrl, { username: 'sensor', password: PASSWORD, reconnectPeriod: 0 });
  clients.push(alertSensor);
  const now = Date.now();
  await alertSensor.publishAsync(`museum/${EX}/sculpture/humidity`, JSON.stringify({ value: 80, time: new Date(now - 10 * 60_000).toISOString() }), { qos: 1 });
  const arrived = new Promise<number>((resolve) =>
    bms.on('message', (_t, p) => {
      const ev = JSON.parse(p.toString()) as AlertEvent;
      if (ev.event === 'raised' && ev.alert.zone === 'sculpture') resolve(performance.now());
    }),
  );
  const sent = performance.now();
  void alertSensor.publish(`museum/${EX}/sculpture/humidity`, JSON.stringify({ value: 80.5, time: new Date(now).toISOString() }), { qos: 1 });
  const alertMs = (await arrived) - sent;

  await Promise.all(flood);
  const seconds = (performance.now() - t0) / 1000;
  const total = perSensor * SENSORS;
  console.log(`machine: ${execSync('uptime').toString().trim()}`);
  console.log(`ingest: ${total} QoS 1 readings from ${SENSORS} sensors over ${TCP ? 'MQTT/TCP' : '/mqtt (WebSocket)'} in ${seconds.toFixed(2)} s = ${Math.round(total / seconds)} readings/s (each acknowledged after its history write)`);
  console.log(`alert latency during the flood: ${alertMs.toFixed(0)} ms from publish to arrival on ${alertsTopic(EX)}`);
  // The rate counts only if every acknowledged reading is in the history.
  const stored = (await server.history.recent(EX, new Date(base - 1000))).filter((r) => r.target.kind === 'zone' && r.target.id !== 'sculpture').length;
  console.log(`history: ${stored} of ${total} flood readings stored${stored === total ? '' : ' (MISSING READINGS)'}`);
  if (stored !== total) process.exitCode = 1;
} finally {
  for (const c of clients) await c.endAsync(true).catch(() => undefined);
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
