/**
 * QoS 1 end to end: a server killed with SIGKILL right after acknowledging readings has them all after a restart.
 * The server runs as a child process (`npm run serve`'s command), so the kill is a real one.
 */
import { connectAsync } from 'mqtt';
import { afterAll, expect, it } from 'vitest';
import type { HistoryResponse, LiveSnapshot } from '../twin/live/contract';
import { childServers } from './testing/child-server';

const EX = 'castelrovo-collections';
const PASSWORD = 'durability-test-password';
const servers = childServers('museum-durability-', { MUSEUM_SENSOR_PASSWORD: PASSWORD });
const serve = () => servers.start();

afterAll(() => servers.cleanUp());

it('loses no acknowledged reading when killed with SIGKILL', { timeout: 90_000 }, async () => {
  const first = await serve();
  const sensor = await connectAsync(`${first.url.replace('http', 'ws')}/mqtt`, { username: 'sensor', password: PASSWORD, reconnectPeriod: 0 });
  const start = Date.now() - 10 * 60_000;
  const readings = Array.from({ length: 300 }, (_, i) => ({ value: Number((45 + (i % 100) / 10).toFixed(1)), time: new Date(start + i * 1000).toISOString() }));
  // All in flight at once: the server batches them, and each PUBACK must still wait for its own write.
  await Promise.all(readings.map((r) => sensor.publishAsync(`museum/${EX}/gallery/humidity`, JSON.stringify(r), { qos: 1 })));
  first.child.kill('SIGKILL');
  await new Promise((r) => first.child.once('exit', r));
  sensor.end(true);

  const second = await serve();
  const h = (await (
    await fetch(`${second.url}/api/exhibitions/${EX}/history?zone=gallery&quantity=humidity&from=${new Date(start - 1000).toISOString()}&maxPoints=5000`)
  ).json()) as HistoryResponse;
  expect(h.bucketSeconds).toBe(0);
  expect(h.points.map((p) => [new Date(p[0]).toISOString(), p[1]])).toEqual(readings.map((r) => [r.time, r.value]));
  // The restarted twin is rebuilt from the history: the last value is live again.
  const live = (await (await fetch(`${second.url}/api/exhibitions/${EX}/live`)).json()) as LiveSnapshot;
  expect(live.zones['gallery']?.values.humidity).toMatchObject({ value: readings.at(-1)!.value, time: readings.at(-1)!.time });
  second.child.kill('SIGTERM');
  await new Promise((r) => second.child.once('exit', r));
});
