/**
 * QoS 1 end to end: a server killed with SIGKILL right after acknowledging readings has them all after a restart.
 * The server runs as a child process (`npm run serve`'s command), so the kill is a real one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectAsync } from 'mqtt';
import { afterAll, expect, it } from 'vitest';
import type { HistoryResponse, LiveSnapshot } from '../twin/live/contract';
import { ROOT } from './config';

const EX = 'castelrovo-collections';
const PASSWORD = 'durability-test-password';
const dir = mkdtempSync(join(tmpdir(), 'museum-durability-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `main.ts --production` on a free port and resolves with its URL once it listens. */
function serve(): Promise<{ child: ChildProcess; url: string }> {
  const dist = join(dir, 'dist');
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>test</title>'); // the API is under test, not the app
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--production'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', MUSEUM_DATA_DIR: join(dir, 'data'), OUT_DIR: dist, MUSEUM_SIMULATOR: 'off', MUSEUM_MQTT_PORT: '0', MUSEUM_SENSOR_PASSWORD: PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /at (http:\/\/[\d.]+:\d+)\//.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening:\n${out}`)));
  });
}

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
