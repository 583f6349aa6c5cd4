/**
 * The server in-process with its embedded broker: real mqtt.js clients publish and subscribe over /mqtt, the
 * HTTP API is read with fetch, history lives in SQLite in a temporary folder.
 */
import { connectAsync, type IClientOptions, type MqttClient } from 'mqtt';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertsTopic, snapshotTopic, type AlertEvent, type HistoryResponse, type LiveConfig, type LiveSnapshot, type SensorHealth } from '../twin/live/contract';
import { PASSWORD_FILE } from './sensor-auth';
import { startServer, type LiveServer } from './server';

const EX = 'castelrovo-collections';
const PASSWORD = 'test-sensor-password-1234';
let server: LiveServer;
let dir: string;
const clients: MqttClient[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'museum-server-'));
  server = await startServer({ port: 0, dataDir: dir, mqttPort: 0, serveApp: false, log: false, sensorPassword: PASSWORD, snapshotMs: 100 });
});

afterAll(async () => {
  for (const c of clients) await c.endAsync(true).catch(() => undefined);
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function client(opts: IClientOptions = {}): Promise<MqttClient> {
  const c = await connectAsync(`${server.url.replace('http', 'ws')}/mqtt`, { reconnectPeriod: 0, connectTimeout: 5000, ...opts });
  clients.push(c);
  return c;
}
const sensor = () => client({ username: 'sensor', password: PASSWORD });
const api = async <T>(path: string): Promise<{ status: number; body: T }> => {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, body: (res.headers.get('content-type') ?? '').includes('json') ? ((await res.json()) as T) : ((await res.text()) as T) };
};
/** The next message on a topic that satisfies `test`. */
function nextMessage(c: MqttClient, topic: string, test: (body: string) => boolean): Promise<string> {
  return new Promise((resolve) => {
    const on = (t: string, payload: Buffer) => {
      if (t === topic && test(payload.toString())) {
        c.off('message', on);
        resolve(payload.toString());
      }
    };
    c.on('message', on);
  });
}
const history = (q: string) => api<HistoryResponse>(`/api/exhibitions/${EX}/history?${q}`);

describe('a sensor reading through the embedded broker', () => {
  it('shows in /live and on the retained snapshot topic, and is kept in the history', async () => {
    const watcher = await client();
    const seen = nextMessage(watcher, snapshotTopic(EX), (b) => (JSON.parse(b) as LiveSnapshot).zones['hall']?.values.temperature?.value === 21.4);
    await watcher.subscribeAsync(snapshotTopic(EX));
    const s = await sensor();
    await s.publishAsync(`museum/${EX}/hall/temperature`, JSON.stringify({ value: 21.4 }), { qos: 1 });

    const live = await api<LiveSnapshot>(`/api/exhibitions/${EX}/live`);
    expect(live.status).toBe(200);
    expect(live.body.zones['hall']?.values.temperature).toMatchObject({ value: 21.4, stale: false });
    await seen;
    const h = await history('zone=hall&quantity=temperature');
    expect(h.body.points.map((p) => p[1])).toContain(21.4);
  });

  it('refuses a publish from an anonymous client: the reading never appears', async () => {
    const spy = await client();
    const received: string[] = [];
    spy.on('message', (_t, p) => received.push(p.toString()));
    await spy.subscribeAsync('museum/#');
    const anon = await client();
    const closed = new Promise<void>((r) => anon.once('close', () => r()));
    anon.publish(`museum/${EX}/gallery/humidity`, JSON.stringify({ value: 47.7 }), { qos: 1 });
    await closed; // aedes closes the connection of a client whose publish it refuses
    const s = await sensor();
    await s.publishAsync(`museum/${EX}/gallery/humidity`, JSON.stringify({ value: 52.5 }), { qos: 1 });
    await expect.poll(() => received.length).toBeGreaterThan(0); // the later, authorised reading arrives…
    expect(received.join()).not.toContain('47.7'); // …and the anonymous one never did
    const live = await api<LiveSnapshot>(`/api/exhibitions/${EX}/live`);
    expect(live.body.zones['gallery']?.values.humidity?.value).toBe(52.5);
    expect((await history('zone=gallery&quantity=humidity')).body.points.map((p) => p[1])).not.toContain(47.7);
  });

  it('refuses a wrong password and a sensor publishing outside the reading topics', async () => {
    await expect(client({ username: 'sensor', password: 'not-the-password' })).rejects.toThrow(/Bad username or password/i);
    const s = await sensor();
    const closed = new Promise<void>((r) => s.once('close', () => r()));
    s.publish(`museum/${EX}/alerts`, JSON.stringify({ event: 'raised' }), { qos: 1 });
    await closed;
  });

  it('counts a malformed message in /sensors, acknowledges it, and never stores or forwards it', async () => {
    const spy = await client();
    const received: string[] = [];
    spy.on('message', (_t, p) => received.push(p.toString()));
    await spy.subscribeAsync(`museum/${EX}/cabinet/#`);
    const s = await sensor();
    await s.publishAsync(`museum/${EX}/cabinet/humidity`, 'sixty percent', { qos: 1 }); // PUBACK: the sensor does not resend it
    await s.publishAsync(`museum/${EX}/cabinet/humidity`, JSON.stringify({ value: 140 }), { qos: 1 });
    await s.publishAsync(`museum/${EX}/cabinet/humidity`, JSON.stringify({ value: 49 }), { qos: 1 });
    await expect.poll(() => received.length).toBe(1);
    expect(JSON.parse(received[0]!)).toEqual({ value: 49 });

    const health = await api<SensorHealth[]>(`/api/exhibitions/${EX}/sensors`);
    const cabinet = health.body.find((h) => h.sensor === `museum/${EX}/cabinet/humidity`);
    expect(cabinet).toMatchObject({ accepted: 1, rejected: 2 });
    expect(cabinet?.lastRejection?.reason).toMatch(/140/);
    expect((await history('zone=cabinet&quantity=humidity')).body.points.map((p) => p[1])).toEqual([49]);
  });
});

describe('conservation alerts', () => {
  it('publishes an AlertEvent on museum/<ex>/alerts within 1 s of the reading that completes the minimum duration', async () => {
    const bms = await client(); // a building-management system, subscribed anonymously
    await bms.subscribeAsync(alertsTopic(EX));
    const raised = new Promise<{ ev: AlertEvent; at: number }>((resolve) =>
      bms.on('message', (t, p) => {
        const ev = JSON.parse(p.toString()) as AlertEvent;
        if (t === alertsTopic(EX) && ev.event === 'raised' && ev.alert.zone === 'sculpture' && ev.alert.quantity === 'humidity') resolve({ ev, at: Date.now() });
      }),
    );
    const s = await sensor();
    const now = Date.now();
    const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
    const publish = (value: number, time: string) => s.publishAsync(`museum/${EX}/sculpture/humidity`, JSON.stringify({ value, time }), { qos: 1 });
    // Nothing else reports humidity in the sculpture room. 78 % RH from twelve minutes ago; the reading six minutes later completes the minimum duration (five).
    await publish(78, at(-12));
    const sent = Date.now();
    await publish(78.5, at(-6));
    const { ev, at: arrived } = await raised;
    expect(arrived - sent).toBeLessThan(1000);
    expect(ev.alert).toMatchObject({ exhibition: EX, zone: 'sculpture', quantity: 'humidity', kind: 'above', since: at(-12) });
    expect(ev.alert.artworks.length).toBeGreaterThan(0);
    expect(ev.alert.limit).toBeLessThan(78);
    const live = await api<LiveSnapshot>(`/api/exhibitions/${EX}/live`);
    expect(live.body.alerts.map((a) => a.id)).toContain(ev.alert.id);
    expect(live.body.artworks[ev.alert.artworks[0]!]?.alerts).toContain(ev.alert.id);
    // Back in band for longer than the minimum duration: one clear, dated when conditions returned.
    const cleared = new Promise<AlertEvent>((resolve) =>
      bms.on('message', (_t, p) => {
        const e = JSON.parse(p.toString()) as AlertEvent;
        if (e.event === 'cleared' && e.alert.id === ev.alert.id) resolve(e);
      }),
    );
    await publish(50, at(-5.5));
    await publish(50.2, at(0));
    expect((await cleared).alert.clearedAt).toBe(at(-5.5));
  });
});

describe('the HTTP API', () => {
  it('gives the browser its broker and exhibitions', async () => {
    expect((await api<LiveConfig>('/api/config')).body).toEqual({ brokerUrl: '/mqtt', exhibitions: [EX] });
  });

  it('answers 404 with a sentence for an exhibition it does not keep', async () => {
    const r = await api<{ error: string }>('/api/exhibitions/nowhere/live');
    expect(r.status).toBe(404);
    expect(r.body.error).toMatch(/no exhibition 'nowhere'.*castelrovo-collections/);
  });

  it('answers 400 naming the bad parameter', async () => {
    const cases: [string, RegExp][] = [
      ['zone=hall&quantity=pressure', /quantity must be one of temperature/],
      ['quantity=humidity', /exactly one of zone or artwork/],
      ['zone=hall&artwork=x&quantity=uv', /exactly one of zone or artwork/],
      ['zone=attic&quantity=uv', /zone 'attic' is not a zone/],
      ['zone=hall&quantity=uv&from=yesterday', /from must be an ISO 8601 time/],
      ['zone=hall&quantity=uv&from=2026-12-04T10:00:00Z&to=2026-12-03T10:00:00Z', /from must be before to/],
      ['zone=hall&quantity=uv&from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', /at most 400 days/],
      ['zone=hall&quantity=uv&colour=red', /unknown parameter colour/],
    ];
    for (const [q, message] of cases) {
      const r = await history(q);
      expect(r.status, q).toBe(400);
      expect((r.body as unknown as { error: string }).error, q).toMatch(message);
    }
  });

  it('exports the history as CSV with a header', async () => {
    const s = await sensor();
    await s.publishAsync(`museum/${EX}/sculpture/illuminance`, JSON.stringify({ value: 180 }), { qos: 1 });
    const res = await fetch(`${server.url}/api/exhibitions/${EX}/history.csv?zone=sculpture&quantity=illuminance`);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe('time,illuminance mean (lx),min,max');
    expect(lines[1]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z,180,180,180$/);
  });

  it('writes nothing over HTTP', async () => {
    const r = await fetch(`${server.url}/api/exhibitions/${EX}/live`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(405);
  });
});

it('keeps a generated sensor password in the data folder, readable by its owner only', async () => {
  const own = mkdtempSync(join(tmpdir(), 'museum-server-pw-'));
  const s = await startServer({ port: 0, dataDir: own, mqttPort: 0, serveApp: false, log: false });
  try {
    expect(s.credentials.file).toBe(join(own, PASSWORD_FILE));
    expect(statSync(s.credentials.file!).mode & 0o777).toBe(0o600);
    expect(s.credentials.password.length).toBeGreaterThanOrEqual(32);
    const c = await connectAsync(`${s.url.replace('http', 'ws')}/mqtt`, { username: 'sensor', password: s.credentials.password, reconnectPeriod: 0 });
    await c.endAsync();
  } finally {
    await s.close();
    rmSync(own, { recursive: true, force: true });
  }
});

it('keeps sensor health across a restart, and prunes raw readings older than MUSEUM_RAW_HISTORY_DAYS at start', async () => {
  const own = mkdtempSync(join(tmpdir(), 'museum-server-restart-'));
  const options = { port: 0, dataDir: own, mqttPort: 0, serveApp: false, log: false, sensorPassword: PASSWORD } as const;
  const topic = `museum/${EX}/cabinet/humidity`;
  const old = { exhibition: EX, target: { kind: 'zone', id: 'cabinet' }, quantity: 'humidity', time: new Date(Date.now() - 10 * 86_400_000).toISOString(), value: 51 } as const;
  try {
    const first = await startServer(options);
    try {
      const c = await connectAsync(`${first.url.replace('http', 'ws')}/mqtt`, { username: 'sensor', password: PASSWORD, reconnectPeriod: 0 });
      await c.publishAsync(topic, 'not json', { qos: 1 });
      await c.publishAsync(topic, JSON.stringify({ value: 48 }), { qos: 1 });
      await c.endAsync();
      await first.history.append([old]);
    } finally {
      await first.close(); // saves sensor health
    }
    const second = await startServer({ ...options, rawHistoryDays: 2 });
    try {
      const health = (await (await fetch(`${second.url}/api/exhibitions/${EX}/sensors`)).json()) as SensorHealth[];
      expect(health.find((h) => h.sensor === topic)).toMatchObject({ accepted: 1, rejected: 1, lastRejection: { sensor: topic } });
      // The 10-day-old raw reading goes; its hour stays in the rollup, so a week's chart still shows it.
      await expect.poll(async () => (await second.history.recent(EX, new Date(Date.parse(old.time) - 1))).map((r) => r.value)).toEqual([48]);
      const week = await second.history.query({ exhibition: EX, target: old.target, quantity: 'humidity', from: new Date(Date.now() - 11 * 86_400_000), to: new Date() });
      expect(week.points.map((p) => p[1])).toContain(51);
    } finally {
      await second.close();
    }
  } finally {
    rmSync(own, { recursive: true, force: true });
  }
});
