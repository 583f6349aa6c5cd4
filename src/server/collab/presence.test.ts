/**
 * Who is here, checked by the server at /collab (presence-guard.ts) against a real Hocuspocus server: a curator
 * is seen under their own name; announcing a colleague's name, taking over or removing a colleague's entry, or
 * an oversized presence closes the connection with the reason, and the colleague is still shown as themselves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { connect, removeDir, startTestServer, type TestClient, type TestServer } from './testing';

let t: TestServer;
let cookies: Record<string, string>;

beforeAll(async () => {
  t = await startTestServer({ ana: { role: 'curator' }, bo: { role: 'curator' }, viv: { role: 'conservator' } });
  cookies = Object.fromEntries(await Promise.all(['ana', 'bo', 'viv'].map(async (n) => [n, await t.signIn(n)] as const)));
}, 120_000);

afterAll(async () => {
  await t?.close();
  if (t) removeDir(t.dataDir);
});

/** The names a client sees in the draft, by client id. */
const names = (c: TestClient) => new Map([...c.provider.awareness!.getStates()].map(([id, s]) => [id, (s as { user?: { name?: string } }).user?.name]));

/** Resolves once `check` holds for what `c` sees, re-checked on every awareness change. */
function sees(c: TestClient, check: (names: Map<number, string | undefined>) => boolean, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const awareness = c.provider.awareness!;
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 5000);
    const on = () => {
      if (!check(names(c))) return;
      clearTimeout(timer);
      awareness.off('change', on);
      resolve();
    };
    awareness.on('change', on);
    on();
  });
}

/** An awareness entry for client `id` with clock `clock`, sent through `from`'s provider as if its own. */
function forge(from: TestClient, id: number, clock: number, state: unknown): void {
  const d = new Y.Doc();
  d.clientID = id;
  const fake = new Awareness(d);
  fake.meta.set(id, { clock: clock - 1, lastUpdated: Date.now() });
  fake.setLocalState(state as Record<string, unknown> | null);
  applyAwarenessUpdate(from.provider.awareness!, encodeAwarenessUpdate(fake, [id]), 'forged');
  fake.destroy();
  d.destroy();
}

describe('who is here, as the server lets it be said', () => {
  it('shows each curator under their own name, and keeps the colleagues’ echoes flowing', async () => {
    const a = await connect(t.server, cookies.ana);
    const b = await connect(t.server, cookies.bo);
    a.provider.setAwarenessField('user', { name: 'ana', selected: null });
    b.provider.setAwarenessField('user', { name: 'bo', selected: 'harbour-lights' });
    await sees(a, (n) => n.get(b.doc.clientID) === 'bo', 'Bo at Ana');
    await sees(b, (n) => n.get(a.doc.clientID) === 'ana', 'Ana at Bo');
    // Both providers sent the other's state back (they echo what they hear): neither connection was closed.
    a.provider.setAwarenessField('user', { name: 'ana', selected: 'harbour-lights' });
    await sees(b, () => (b.provider.awareness!.getStates().get(a.doc.clientID) as { user: { selected: string } }).user.selected === 'harbour-lights', 'Ana’s selection at Bo');
    b.provider.setAwarenessField('user', { name: 'bo', selected: null });
    await sees(a, () => (a.provider.awareness!.getStates().get(b.doc.clientID) as { user: { selected: string | null } }).user.selected === null, 'Bo’s unselecting at Ana');
    a.destroy();
    b.destroy();
  });

  it('closes a connection whose presence names a colleague, and the colleague is not shown twice', async () => {
    const a = await connect(t.server, cookies.ana);
    const viv = await connect(t.server, cookies.viv);
    a.provider.setAwarenessField('user', { name: 'bo', selected: null });
    expect((await a.closed).reason).toBe("you are here as ana: your presence may not name 'bo'");
    a.destroy();
    viv.provider.setAwarenessField('user', { name: 'viv', selected: null });
    await sees(viv, (n) => n.get(viv.doc.clientID) === 'viv', 'Viv herself');
    expect([...names(viv).values()]).not.toContain('bo');
    viv.destroy();
  });

  it('closes a connection that takes over, or removes, a colleague’s entry; the colleague stays themselves', async () => {
    const b = await connect(t.server, cookies.bo);
    b.provider.setAwarenessField('user', { name: 'bo', selected: null });
    const viv = await connect(t.server, cookies.viv);
    await sees(viv, (n) => n.get(b.doc.clientID) === 'bo', 'Bo at Viv');
    const bosClock = () => b.provider.awareness!.meta.get(b.doc.clientID)!.clock;

    const a = await connect(t.server, cookies.ana);
    forge(a, b.doc.clientID, bosClock() + 5, { user: { name: 'ana', selected: null } });
    expect((await a.closed).reason).toBe('your presence may not replace a colleague’s');
    a.destroy();

    const a2 = await connect(t.server, cookies.ana);
    forge(a2, b.doc.clientID, bosClock() + 5, null);
    expect((await a2.closed).reason).toBe('your presence may not replace a colleague’s');
    a2.destroy();

    b.provider.setAwarenessField('user', { name: 'bo', selected: 'harbour-lights' });
    await sees(viv, () => (viv.provider.awareness!.getStates().get(b.doc.clientID) as { user?: { selected?: string } } | undefined)?.user?.selected === 'harbour-lights', 'Bo, still Bo, at Viv');
    expect(names(viv).get(b.doc.clientID)).toBe('bo');
    b.destroy();
    viv.destroy();
  });

  it('closes a connection whose presence is larger than 4 KB', async () => {
    const a = await connect(t.server, cookies.ana);
    a.provider.setAwarenessField('user', { name: 'ana', selected: 'x'.repeat(5000) });
    expect((await a.closed).reason).toBe('your presence is larger than 4 KB');
    a.destroy();
  });
});
