import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_EXHIBITION } from '../config';
import { startServer, type LiveServer } from '../server';
import { AccountStore } from '../accounts/store';
import { removeDir } from '../collab/testing';

const dataDir = mkdtempSync(join(tmpdir(), 'publish-serve-'));
let server: LiveServer;

beforeAll(async () => {
  const accounts = AccountStore.open(dataDir);
  await accounts.add({ name: 'ana', role: 'curator', password: 'curator-password' });
  accounts.close();
  server = await startServer({ port: 0, mqttPort: 0, serveApp: false, dataDir, exhibitions: [DEFAULT_EXHIBITION], log: false });
}, 60_000);

afterAll(async () => {
  await server?.close();
  removeDir(dataDir);
});

it('serves the exhibition’s own file at its URL until a version is published, then the latest version', async () => {
  const url = `${server.url}/exhibitions/default/exhibition.json`;
  const before = await fetch(url);
  expect(before.status).toBe(200);
  expect(await before.text()).toBe(readFileSync(DEFAULT_EXHIBITION, 'utf8'));

  const signIn = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'ana', password: 'curator-password' }) });
  const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
  const id = JSON.parse(readFileSync(DEFAULT_EXHIBITION, 'utf8')).id as string;
  const published = await fetch(`${server.url}/api/exhibitions/${id}/publish`, { method: 'POST', headers: { cookie } });
  expect(published.status).toBe(201);

  const after = await fetch(url);
  expect(after.headers.get('cache-control')).toBe('no-cache');
  const text = await after.text();
  expect(text).toBe(readFileSync(join(dataDir, 'published', id, '1', 'exhibition.json'), 'utf8'));
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(DEFAULT_EXHIBITION, 'utf8')));
});
