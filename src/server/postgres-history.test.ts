/**
 * MUSEUM_DATABASE_URL: the whole server with its history in Debian's PostgreSQL (started by the test), so a
 * reading acknowledged over MQTT is in PostgreSQL and comes back after a restart.
 */
import { connectAsync } from 'mqtt';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { HistoryResponse, LiveSnapshot } from '../twin/live/contract';
import { startServer, type LiveServer } from './server';
import { startPostgres, type PostgresService } from './testing/services';

const EX = 'castelrovo-collections';
const PASSWORD = 'postgres-test-password';
let pg: PostgresService;
let dir: string;

beforeAll(async () => {
  pg = await startPostgres();
  dir = mkdtempSync(join(tmpdir(), 'museum-server-pg-'));
}, 180_000);

afterAll(async () => {
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const start = (): Promise<LiveServer> =>
  startServer({ port: 0, dataDir: dir, mqttPort: 0, serveApp: false, log: false, sensorPassword: PASSWORD, databaseUrl: pg.url });

it('keeps acknowledged readings in PostgreSQL and rebuilds the live twin from them after a restart', { timeout: 60_000 }, async () => {
  const first = await start();
  const time = new Date(Date.now() - 60_000).toISOString();
  try {
    const sensor = await connectAsync(`${first.url.replace('http', 'ws')}/mqtt`, { username: 'sensor', password: PASSWORD, reconnectPeriod: 0 });
    await sensor.publishAsync(`museum/${EX}/hall/humidity`, JSON.stringify({ value: 53.5, time }), { qos: 1 });
    await sensor.endAsync();
  } finally {
    await first.close();
  }
  const second = await start();
  try {
    const h = (await (await fetch(`${second.url}/api/exhibitions/${EX}/history?zone=hall&quantity=humidity`)).json()) as HistoryResponse;
    expect(h.points.map((p) => [new Date(p[0]).toISOString(), p[1]])).toEqual([[time, 53.5]]);
    const live = (await (await fetch(`${second.url}/api/exhibitions/${EX}/live`)).json()) as LiveSnapshot;
    expect(live.zones['hall']?.values.humidity).toMatchObject({ value: 53.5, time });
  } finally {
    await second.close();
  }
});
