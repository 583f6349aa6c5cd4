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

it('tells an open visitor page of each new version as it is published (server-sent events)', async () => {
  const id = JSON.parse(readFileSync(DEFAULT_EXHIBITION, 'utf8')).id as string;
  const abort = new AbortController();
  const res = await fetch(`${server.url}/api/exhibitions/${id}/versions/live`, { signal: abort.signal });
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  const nextVersion = async (): Promise<{ version: number; publishedBy?: string }> => {
    for (;;) {
      const m = /event: version\ndata: (.*)\n\n/.exec(buffered);
      if (m) {
        buffered = buffered.slice(m.index + m[0].length);
        return JSON.parse(m[1]!) as { version: number };
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended');
      buffered += value;
    }
  };
  const now = await nextVersion();
  const signIn = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'ana', password: 'curator-password' }) });
  const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
  expect((await fetch(`${server.url}/api/exhibitions/${id}/publish`, { method: 'POST', headers: { cookie } })).status).toBe(201);
  expect(await nextVersion()).toMatchObject({ version: now.version + 1, publishedBy: 'ana' });
  expect((await fetch(`${server.url}/api/exhibitions/nowhere/versions/live`)).status).toBe(404);
  abort.abort();
});
