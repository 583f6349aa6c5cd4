import { existsSync } from 'node:fs';
import mqtt from 'mqtt';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startMosquitto, startPostgres } from './services';

// Generous: the first run on a fresh machine installs the Debian packages.
const INSTALL_TIMEOUT = 600_000;

describe("Debian's Mosquitto, started for a test", () => {
  it('lets the sensor account publish and anonymous clients only subscribe, over TCP and WebSocket', { timeout: INSTALL_TIMEOUT }, async () => {
    const broker = await startMosquitto({ websockets: true });
    const clients: mqtt.MqttClient[] = [];
    try {
      expect(broker.url).toMatch(/^mqtt:\/\/127\.0\.0\.1:\d+$/);
      const watcher = await mqtt.connectAsync(broker.wsUrl!, { reconnectPeriod: 0 });
      clients.push(watcher);
      await watcher.subscribeAsync('museum/#', { qos: 1 });
      const seen: string[] = [];
      const sentinel = new Promise<void>((resolve) =>
        watcher.on('message', (_t, payload) => {
          seen.push(payload.toString());
          if (payload.toString() === 'from sensor') resolve();
        }),
      );
      const anonymous = await mqtt.connectAsync(broker.url, { reconnectPeriod: 0 });
      clients.push(anonymous);
      await anonymous.publishAsync('museum/ex/gallery/temperature', 'from anonymous', { qos: 1 }).catch(() => undefined);
      const sensor = await mqtt.connectAsync(broker.url, { username: 'sensor', password: broker.sensorPassword, reconnectPeriod: 0 });
      clients.push(sensor);
      await sensor.publishAsync('museum/ex/gallery/temperature', 'from sensor', { qos: 1 });
      await sentinel;
      expect(seen).toEqual(['from sensor']);
      await expect(
        mqtt.connectAsync(broker.url, { username: 'sensor', password: 'wrong', reconnectPeriod: 0 }),
      ).rejects.toThrow(/authori|password|Bad/i);
    } finally {
      await Promise.all(clients.map((c) => c.endAsync()));
      await broker.stop();
    }
    expect(existsSync(broker.dir)).toBe(false);
  });
});

describe('PostgreSQL, started for a test', () => {
  it('accepts a password connection on loopback and is gone after stop()', { timeout: INSTALL_TIMEOUT }, async () => {
    const db = await startPostgres();
    expect(existsSync(db.dir)).toBe(true);
    const client = new pg.Client(db.url);
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>('SELECT 1 + 1 AS n');
      expect(rows[0]?.n).toBe(2);
    } finally {
      await client.end();
    }
    const wrong = new pg.Client(db.url.replace(/:[^:@/]+@/, ':wrong@'));
    await expect(wrong.connect()).rejects.toThrow(/password authentication failed/);
    await db.stop();
    const again = new pg.Client({ connectionString: db.url, connectionTimeoutMillis: 3000 });
    await expect(again.connect()).rejects.toThrow();
    expect(existsSync(db.dir)).toBe(false);
  });
});
