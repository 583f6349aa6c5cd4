/**
 * Group visits end to end on a real server: `ws` clients join by code, see each other's presence, and the guide
 * locks, removes, hands over to a co-guide and ends the group.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXHIBITION } from '../collab/testing';
import { startServer, type LiveServer } from '../server';
import { CLOSE_ENDED, CLOSE_REFUSED, CLOSE_REMOVED, togetherExtension } from './together';
import { TogetherTestClient } from './test-client';

let server: LiveServer;
let dataDir: string;
const WORK = (EXHIBITION as unknown as { artworks: { id: string }[] }).artworks[0]!.id;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'together-'));
  server = await startServer({ port: 0, mqttPort: 0, serveApp: false, dataDir, log: false }, [togetherExtension({ rejoinGraceMs: 60_000, limits: { failedPerWindow: 5 } })]);
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A group member's socket (test-client.ts), on this test's server. */
class Client extends TogetherTestClient {
  constructor(headers: Record<string, string> = {}) {
    super(server.url, true, headers);
  }
}

async function createGroup(name = 'Ms Rossi') {
  const guide = new Client();
  await guide.send({ type: 'create', name, exhibition: EXHIBITION.id });
  const welcome = await guide.next('welcome');
  return { guide, welcome };
}

async function joinGroup(code: string, name: string, token?: string) {
  const c = new Client();
  await c.send({ type: 'join', code, name, ...(token ? { token } : {}) });
  const first = await Promise.race([c.next('welcome'), c.next('refused')]);
  return { c, first };
}

const names = (r: { participants: { name: string }[] }) => r.participants.map((p) => p.name);

describe('a group visit at /together', () => {
  it('creates a group with a code and a secret for the guide; others join by the code as typed', async () => {
    const { guide, welcome } = await createGroup();
    if (welcome.type !== 'welcome') throw new Error();
    expect(welcome.code).toMatch(/^[A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    expect(welcome.role).toBe('guide');
    expect(welcome.token).toMatch(/^[0-9a-f]{32}$/);
    const { c: ana, first } = await joinGroup(welcome.code.toLowerCase().replace(/-/g, ' '), 'Ana');
    expect(first.type === 'welcome' && first.role).toBe('participant');
    const roster = await guide.next('roster', (r) => r.participants.length === 2);
    expect(names(roster)).toEqual(['Ms Rossi', 'Ana']);
    expect(roster.leader).toBe(welcome.you);
    await guide.send({ type: 'end' });
    expect(await ana.closed).toBe(CLOSE_ENDED);
  });

  it('relays presence to the group only, quantised and batched', async () => {
    const { guide, welcome } = await createGroup();
    const { c: ana } = await joinGroup(welcome.code, 'Ana');
    const other = await createGroup('Another guide');
    await guide.send({ type: 'presence', p: [3.012, 0, 4.49], h: 90.4, room: 'entrance-hall', pointer: WORK });
    const seen = await ana.next('presence', (m) => m.list.some((p) => p.id === welcome.you));
    expect(seen.list.find((p) => p.id === welcome.you)).toEqual({ id: welcome.you, p: [3, 0, 4.5], h: 90, room: 'entrance-hall', pointer: WORK });
    // The other group's guide hears nothing of it.
    await other.guide.send({ type: 'chat', text: 'ping' });
    await other.guide.next('chat');
    expect(other.guide.got.some((m) => m.type === 'presence')).toBe(false);
    // Someone joining later is told where everyone is at once.
    const { c: ben } = await joinGroup(welcome.code, 'Ben');
    expect((await ben.next('presence')).list[0]).toMatchObject({ id: welcome.you, p: [3, 0, 4.5] });
    for (const c of [guide, other.guide]) await c.send({ type: 'end' });
  });

  it('refuses bad names and bad messages with a sentence, and keeps the group working', async () => {
    const { guide, welcome } = await createGroup();
    const { c: bad, first } = await joinGroup(welcome.code, '<img src=x onerror=alert(1)>');
    expect(first).toEqual({ type: 'refused', reason: 'bad-name', message: 'the display name may not contain HTML or other markup' });
    expect(await bad.closed).toBe(CLOSE_REFUSED);
    const { c: ana } = await joinGroup(welcome.code, 'Ana');
    await ana.send({ type: 'presence', p: [1, 0], h: 0 });
    expect((await ana.next('error')).message).toMatch(/^bad message at p/);
    await ana.send({ type: 'chat', text: '<script>alert(1)</script>' });
    expect((await ana.next('error', (e) => /chat/.test(e.message))).message).toBe('a chat message may not contain HTML or other markup');
    await ana.send({ type: 'chat', text: 'Is that gold leaf?' });
    expect(await guide.next('chat')).toMatchObject({ name: 'Ana', text: 'Is that gold leaf?' });
    // A participant may not act for the group.
    await ana.send({ type: 'lock', locked: true });
    expect((await ana.next('error', (e) => /guide/.test(e.message))).message).toBe('only the guide may lock the group');
    await guide.send({ type: 'end' });
  });

  it('a locked group refuses newcomers; a removed participant is refused with the same token', async () => {
    const { guide, welcome } = await createGroup();
    const { c: ana, first: anaWelcome } = await joinGroup(welcome.code, 'Ana');
    if (anaWelcome.type !== 'welcome') throw new Error('Ana was refused');
    await guide.send({ type: 'lock', locked: true });
    await guide.next('roster', (r) => r.locked);
    expect((await joinGroup(welcome.code, 'Cleo')).first).toMatchObject({ type: 'refused', reason: 'locked' });
    await guide.send({ type: 'lock', locked: false });
    await guide.next('roster', (r) => !r.locked);
    await guide.send({ type: 'remove', id: anaWelcome.you });
    expect(await ana.next('removed')).toEqual({ type: 'removed' });
    expect(await ana.closed).toBe(CLOSE_REMOVED);
    expect(names(await guide.next('roster', (r) => r.participants.length === 1))).toEqual(['Ms Rossi']);
    expect((await joinGroup(welcome.code, 'Ana', anaWelcome.token)).first).toMatchObject({ type: 'refused', reason: 'removed' });
    await guide.send({ type: 'end' });
  });

  it('when the guide drops a co-guide leads; the guide rejoins with the secret and leads again', async () => {
    const { guide, welcome } = await createGroup();
    const { c: ana, first } = await joinGroup(welcome.code, 'Ana');
    const { c: ben } = await joinGroup(welcome.code, 'Ben');
    if (first.type !== 'welcome') throw new Error();
    await guide.send({ type: 'role', id: first.you, role: 'co-guide' });
    await ben.next('roster', (r) => r.participants.some((p) => p.role === 'co-guide'));
    guide.ws.terminate(); // the guide's connection drops
    const handed = await ben.next('roster', (r) => r.leader === first.you);
    expect(handed.participants.find((p) => p.id === welcome.you)?.connected).toBe(false);
    // The co-guide acts for the group meanwhile.
    await ana.send({ type: 'gather', artwork: WORK });
    expect(await ben.next('gather')).toMatchObject({ artwork: WORK, by: first.you });
    const back = await joinGroup(welcome.code, 'Ms Rossi', welcome.token);
    expect(back.first).toMatchObject({ type: 'welcome', you: welcome.you, role: 'guide' });
    await ben.next('roster', (r) => r.leader === welcome.you);
    await back.c.send({ type: 'open', artwork: WORK });
    expect(await ana.next('open')).toEqual({ type: 'open', artwork: WORK, by: welcome.you });
    await back.c.send({ type: 'end' });
    expect(await Promise.all([ana.closed, ben.closed])).toEqual([CLOSE_ENDED, CLOSE_ENDED]);
  });

  it('a participant whose connection drops rejoins with the token: same place, name and role; their VR presence flagged', async () => {
    const { guide, welcome } = await createGroup();
    const { c: ana, first } = await joinGroup(welcome.code, 'Ana');
    if (first.type !== 'welcome') throw new Error('Ana was refused');
    await guide.send({ type: 'role', id: first.you, role: 'co-guide' });
    await guide.next('roster', (r) => r.participants.some((p) => p.id === first.you && p.role === 'co-guide'));
    await ana.send({ type: 'presence', p: [2, 0, 2], h: 10, vr: true });
    expect((await guide.next('presence', (m) => m.list.some((p) => p.id === first.you))).list.find((p) => p.id === first.you)).toMatchObject({ vr: true });
    ana.ws.terminate();
    await guide.next('roster', (r) => r.participants.some((p) => p.id === first.you && !p.connected));
    guide.forget();
    // The app rejoins with the name it has; the place and role are the group's.
    const back = await joinGroup(welcome.code, 'Ana', first.token);
    expect(back.first).toMatchObject({ type: 'welcome', you: first.you, role: 'co-guide', token: first.token });
    const roster = await guide.next('roster', (r) => r.participants.some((p) => p.id === first.you && p.connected));
    expect(roster.participants.map((p) => [p.name, p.role])).toEqual([
      ['Ms Rossi', 'guide'],
      ['Ana', 'co-guide'],
    ]);
    // Where she was is sent to her at once (a follower in VR picks up where the leader is).
    await guide.send({ type: 'presence', p: [4, 0, 1], h: 0 });
    expect((await back.c.next('presence', (m) => m.list.some((p) => p.id === welcome.you))).list.find((p) => p.id === welcome.you)).toMatchObject({ p: [4, 0, 1] });
    await guide.send({ type: 'end' });
  });

  it('voice: relays offers and answers between two members in the voice chat only; the guide mutes everyone', async () => {
    const { guide, welcome } = await createGroup();
    const { c: ana, first } = await joinGroup(welcome.code, 'Ana');
    const { c: ben, first: benWelcome } = await joinGroup(welcome.code, 'Ben');
    if (first.type !== 'welcome' || benWelcome.type !== 'welcome') throw new Error('refused');
    const sdp = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n';
    // Not in the voice chat yet: nothing is relayed.
    await ana.send({ type: 'signal', to: welcome.you, kind: 'offer', sdp });
    expect((await ana.next('error')).message).toBe('voice: that person is not in the voice chat');
    for (const c of [guide, ana]) await c.send({ type: 'voice', on: true });
    const roster = await ben.next('roster', (r) => r.participants.filter((p) => p.voice).length === 2);
    expect(roster.participants.map((p) => [p.name, !!p.voice])).toEqual([
      ['Ms Rossi', true],
      ['Ana', true],
      ['Ben', false],
    ]);
    await ana.send({ type: 'signal', to: welcome.you, kind: 'offer', sdp });
    expect(await guide.next('signal')).toEqual({ type: 'signal', from: first.you, kind: 'offer', sdp });
    await guide.send({ type: 'signal', to: first.you, kind: 'answer', sdp });
    expect(await ana.next('signal')).toEqual({ type: 'signal', from: welcome.you, kind: 'answer', sdp });
    expect(ben.got.some((m) => m.type === 'signal')).toBe(false);
    // Ben, not in voice, cannot reach them either; a description past the size limit is refused.
    await ben.send({ type: 'signal', to: welcome.you, kind: 'offer', sdp });
    expect((await ben.next('error')).message).toBe('voice: that person is not in the voice chat');
    await ana.send({ type: 'signal', to: welcome.you, kind: 'offer', sdp: 'x'.repeat(12_001) });
    expect((await ana.next('error', (e) => /sdp/.test(e.message))).message).toMatch(/^bad message at sdp/);
    // Only the guide mutes everyone; everyone hears of it.
    await ana.send({ type: 'mute-all' });
    expect((await ana.next('error', (e) => /mute/.test(e.message))).message).toBe('only the guide may mute everyone');
    await guide.send({ type: 'mute-all' });
    expect(await ben.next('mute-all')).toEqual({ type: 'mute-all', by: welcome.you });
    // A dropped connection leaves the voice chat.
    ana.ws.terminate();
    const after = await guide.next('roster', (r) => r.participants.some((p) => p.id === first.you && !p.connected));
    expect(after.participants.find((p) => p.id === first.you)?.voice).toBeUndefined();
    await guide.send({ type: 'end' });
  });

  it("voice's ICE servers come with each welcome: none by default, the museum's TURN server when set", async () => {
    const { guide, welcome } = await createGroup();
    expect(welcome).not.toHaveProperty('iceServers');
    await guide.send({ type: 'end' });
    const dir = mkdtempSync(join(tmpdir(), 'together-ice-'));
    const ice = { servers: [{ urls: 'turn:turn.museum.example:3478' }], turnSecret: 'a-long-coturn-static-auth-secret' };
    const withTurn = await startServer({ port: 0, mqttPort: 0, serveApp: false, dataDir: dir, log: false }, [togetherExtension({ ice })]);
    try {
      const g = new TogetherTestClient(withTurn.url);
      await g.send({ type: 'create', name: 'Ms Rossi', exhibition: EXHIBITION.id });
      const w = await g.next('welcome');
      expect(w.iceServers).toEqual([{ urls: 'turn:turn.museum.example:3478', username: expect.stringMatching(/^\d+:[0-9a-f]{12}$/), credential: expect.any(String) }]);
      g.ws.terminate();
    } finally {
      await withTurn.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a wrong code is refused, and after a few wrong codes the address is held off', async () => {
    const tries = [];
    for (let i = 0; i < 5; i++) tries.push((await joinGroup('AAA-AAA-AAA', 'Mallory')).first);
    expect(tries.every((t) => t.type === 'refused' && t.reason === 'no-such-group')).toBe(true);
    expect((await joinGroup('AAA-AAA-AAA', 'Mallory')).first).toMatchObject({ type: 'refused', reason: 'too-many-tries' });
  });

  it('refuses a page of another origin', async () => {
    const c = new Client({ origin: 'https://evil.example' });
    const error = await new Promise<string>((resolve) => c.ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode))));
    expect(error).toBe('403');
  });
});
