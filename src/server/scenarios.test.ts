import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_EXHIBITION } from './config';
import { startServer, type LiveServer } from './server';
import { AccountStore } from './accounts/store';
import { removeDir } from './collab/testing';

const dataDir = mkdtempSync(join(tmpdir(), 'scenarios-'));
const options = { port: 0, mqttPort: 0, serveApp: false, dataDir, exhibitions: [DEFAULT_EXHIBITION], log: false } as const;
const ID = 'castelrovo-collections';
let server: LiveServer;

const CLOSED_CABINET = { name: 'Cabinet closed', changes: [{ kind: 'closeRoom', room: 'cabinet' }] };

beforeAll(async () => {
  const accounts = AccountStore.open(dataDir);
  await accounts.add({ name: 'ana', role: 'curator', password: 'curator-password' });
  await accounts.add({ name: 'gone', role: null, password: 'former-password' });
  accounts.close();
  server = await startServer(options);
}, 60_000);

afterAll(async () => {
  await server?.close();
  removeDir(dataDir);
});

async function signIn(name: string, password: string): Promise<string> {
  const res = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }) });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

const put = (name: string, body: unknown, cookie?: string) =>
  fetch(`${server.url}/api/exhibitions/${ID}/scenarios/${encodeURIComponent(name)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
const list = (cookie?: string) => fetch(`${server.url}/api/exhibitions/${ID}/scenarios`, { headers: cookie ? { cookie } : {} });

it('refuses to save or list scenarios without a staff session', async () => {
  expect((await put('Cabinet closed', CLOSED_CABINET)).status).toBe(401);
  expect((await list()).status).toBe(401);
  const gone = await signIn('gone', 'former-password');
  const refused = await put('Cabinet closed', CLOSED_CABINET, gone);
  expect(refused.status).toBe(403);
  expect(((await refused.json()) as { error: string }).error).toBe('gone (no role) may not save a scenario');
});

it('checks a scenario against the exhibition and names what does not exist', async () => {
  const cookie = await signIn('ana', 'curator-password');
  const bad = await put('Crypt', { name: 'Crypt', changes: [{ kind: 'closeRoom', room: 'crypt' }, { kind: 'arrivals', visitors: -5 }] }, cookie);
  expect(bad.status).toBe(400);
  const { problems } = (await bad.json()) as { problems: string[] };
  expect(problems).toEqual(['scenario changes.1.visitors: visitors cannot be negative']);
  const unknown = await put('Crypt', { name: 'Crypt', changes: [{ kind: 'closeRoom', room: 'crypt' }] }, cookie);
  expect(((await unknown.json()) as { problems: string[] }).problems[0]).toMatch(/^change 1 \(closeRoom\): there is no room 'crypt'/);
  const misnamed = await put('Other', CLOSED_CABINET, cookie);
  expect(misnamed.status).toBe(400);
  expect((await list(cookie)).status).toBe(200);
  expect(await (await list(cookie)).json()).toEqual([]);
});

it('saves, lists and replaces a scenario, keeps it over a restart, and deletes it', async () => {
  const cookie = await signIn('ana', 'curator-password');
  expect((await put('Cabinet closed', CLOSED_CABINET, cookie)).status).toBe(201);
  const brighter = { ...CLOSED_CABINET, changes: [...CLOSED_CABINET.changes, { kind: 'lightLevel', room: 'gallery', lux: 300 }] };
  expect((await put('Cabinet closed', brighter, cookie)).status).toBe(200);

  await server.close();
  server = await startServer(options);
  const again = await signIn('ana', 'curator-password');
  const saved = (await (await list(again)).json()) as { name: string; changes: unknown[]; savedBy: string }[];
  expect(saved).toEqual([expect.objectContaining({ name: 'Cabinet closed', changes: brighter.changes, savedBy: 'ana', savedAt: expect.any(String) })]);

  const gone = await fetch(`${server.url}/api/exhibitions/${ID}/scenarios/Cabinet%20closed`, { method: 'DELETE', headers: { cookie: again } });
  expect(gone.status).toBe(204);
  expect(await (await list(again)).json()).toEqual([]);
}, 60_000);

it("gives staff the light each zone measured over the year, the mean of its lit hours, to calibrate the model", async () => {
  expect((await fetch(`${server.url}/api/exhibitions/${ID}/what-if/light`)).status).toBe(401);
  // Three days of the gallery's light sensor, a reading every 20 minutes: 180 lx from 10:00 to 19:00 (27 lit
  // hours), 0.5 lx at night.
  const day0 = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 4 * 86_400_000;
  const readings = Array.from({ length: 3 * 72 }, (_, i) => {
    const ms = day0 + i * 20 * 60_000;
    const hour = new Date(ms).getUTCHours();
    return { exhibition: ID, target: { kind: 'zone', id: 'gallery' } as const, quantity: 'illuminance' as const, value: hour >= 10 && hour < 19 ? 180 : 0.5, time: new Date(ms).toISOString() };
  });
  await server.history.append(readings);
  const cookie = await signIn('ana', 'curator-password');
  const res = await fetch(`${server.url}/api/exhibitions/${ID}/what-if/light`, { headers: { cookie } });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { zones: Record<string, { lux: number; litHours: number }>; artworks: Record<string, unknown> };
  expect(body.zones).toEqual({ gallery: { lux: 180, litHours: 27 } });
  expect(body.artworks).toEqual({});
}, 30_000);
