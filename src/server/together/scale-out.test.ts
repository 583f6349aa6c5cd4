/**
 * Group visits across two server instances sharing Debian's redis-server (started here; if it cannot be
 * installed the test fails saying so): a guide on one instance, participants on the other, and everything a
 * group does crosses between them — roster, presence, chat, a rejoin on the other instance, removal, the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EXHIBITION } from '../collab/testing';
import { startServer, type LiveServer } from '../server';
import { startRedis, type RedisService } from '../testing/services';
import { TogetherTestClient } from './test-client';
import { CLOSE_ENDED, CLOSE_REMOVED, togetherExtension } from './together';

let redis: RedisService | undefined;
const servers: LiveServer[] = [];
const dirs: string[] = [];
const clients: TogetherTestClient[] = [];
const WORK = EXHIBITION.artworks[0]!.id;

async function instance(): Promise<LiveServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'together-scale-'));
  dirs.push(dataDir);
  const s = await startServer({ port: 0, mqttPort: 0, serveApp: false, dataDir, log: false }, [togetherExtension({ redisUrl: redis!.url })]);
  servers.push(s);
  return s;
}

function client(on: LiveServer): TogetherTestClient {
  const c = new TogetherTestClient(on.url);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  redis = await startRedis();
}, 300_000);

afterAll(async () => {
  for (const c of clients) c.ws.terminate();
  await Promise.all(servers.map((s) => s.close()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  await redis?.stop();
}, 60_000);

it('shares one group between two instances: join, presence, chat, rejoin elsewhere, remove, end', { timeout: 60_000 }, async () => {
  const [one, two] = await Promise.all([instance(), instance()]);
  const guide = client(one);
  await guide.send({ type: 'create', name: 'Ms Rossi', exhibition: EXHIBITION.id });
  const welcome = await guide.next('welcome');

  // Ana joins through the other instance, by the code as typed.
  const ana = client(two);
  await ana.send({ type: 'join', code: welcome.code.toLowerCase(), name: 'Ana' });
  const anaWelcome = await ana.answer();
  if (anaWelcome.type !== 'welcome') throw new Error(`Ana was refused: ${anaWelcome.message}`);
  expect(anaWelcome).toMatchObject({ code: welcome.code, role: 'participant' });
  const both = await guide.next('roster', (r) => r.participants.length === 2);
  expect(both.participants.map((p) => p.name)).toEqual(['Ms Rossi', 'Ana']);

  // Presence and chat both ways.
  await guide.send({ type: 'presence', p: [2, 0, 3], h: 90, pointer: WORK });
  expect((await ana.next('presence', (m) => m.list.some((p) => p.id === welcome.you))).list.find((p) => p.id === welcome.you)).toMatchObject({ p: [2, 0, 3], pointer: WORK });
  await ana.send({ type: 'presence', p: [5, 0, 1], h: 180 });
  expect((await guide.next('presence', (m) => m.list.some((p) => p.id === anaWelcome.you))).list.find((p) => p.id === anaWelcome.you)).toMatchObject({ p: [5, 0, 1], h: 180 });
  await ana.send({ type: 'chat', text: 'Is that gold leaf?' });
  expect(await guide.next('chat')).toMatchObject({ name: 'Ana', text: 'Is that gold leaf?' });
  // A participant's command is refused by the group's home, and the answer comes back across.
  await ana.send({ type: 'end' });
  expect((await ana.next('error')).message).toBe('only the guide may end the group');

  // Ana's connection drops; she comes back through the first instance with her token, same place and name.
  ana.ws.terminate();
  await guide.next('roster', (r) => r.participants.some((p) => p.id === anaWelcome.you && !p.connected));
  const back = client(one);
  await back.send({ type: 'join', code: welcome.code, name: 'Ana', token: anaWelcome.token });
  expect(await back.answer()).toMatchObject({ type: 'welcome', you: anaWelcome.you, role: 'participant' });

  // Ben on the second instance; the guide removes him, and his token is refused on either instance.
  const ben = client(two);
  await ben.send({ type: 'join', code: welcome.code, name: 'Ben' });
  const benWelcome = await ben.answer();
  if (benWelcome.type !== 'welcome') throw new Error('Ben was refused');
  await guide.next('roster', (r) => r.participants.length === 3);
  await guide.send({ type: 'remove', id: benWelcome.you });
  expect(await ben.next('removed')).toEqual({ type: 'removed' });
  expect(await ben.closed).toBe(CLOSE_REMOVED);
  for (const on of [one, two]) {
    const again = client(on);
    await again.send({ type: 'join', code: welcome.code, name: 'Ben', token: benWelcome.token });
    expect(await again.answer()).toMatchObject({ type: 'refused', reason: 'removed' });
  }

  // A code no instance has is refused on either.
  const lost = client(two);
  await lost.send({ type: 'join', code: 'AAA-AAA-AAA', name: 'Cleo' });
  expect(await lost.answer()).toMatchObject({ type: 'refused', reason: 'no-such-group' });

  // The guide ends the group: the participant on the other instance is let go too.
  const carla = client(two);
  await carla.send({ type: 'join', code: welcome.code, name: 'Carla' });
  await carla.next('welcome');
  await guide.send({ type: 'end' });
  expect(await Promise.all([carla.closed, back.closed])).toEqual([CLOSE_ENDED, CLOSE_ENDED]);
  // And its code is free again in Redis: a join for it is refused as unknown.
  const late = client(two);
  await late.send({ type: 'join', code: welcome.code, name: 'Dan' });
  expect(await late.answer()).toMatchObject({ type: 'refused', reason: 'no-such-group' });
});
