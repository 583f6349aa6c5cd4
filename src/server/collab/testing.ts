/**
 * Test helpers for co-curation: a server on port 0 with a temporary data folder, users made directly in its
 * account store, and Hocuspocus providers that connect with a user's session cookie (Node has no cookie jar,
 * so the `ws` WebSocket is given the header).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { DEFAULT_EXHIBITION } from '../config';
import { startServer, type LiveServer } from '../server';
import { AccountStore } from '../accounts/store';
import type { Role } from '../accounts/permissions';

export const PASSWORD = 'a-long-test-password';
export const EXHIBITION = JSON.parse(readFileSync(DEFAULT_EXHIBITION, 'utf8')) as { id: string; artworks: { id: string; sensitivity: Record<string, unknown> }[] } & Record<string, unknown>;

export interface TestServer {
  readonly server: LiveServer;
  readonly dataDir: string;
  readonly file: string;
  /** `museum_session=…` for a user. */
  signIn(name: string): Promise<string>;
  close(): Promise<void>;
}

/** The default exhibition with the veiled object kept by community `san-ravo`, and the users asked for. */
export async function startTestServer(users: Record<string, { role: Role; community?: string }>, dataDir = mkdtempSync(join(tmpdir(), 'collab-'))): Promise<TestServer> {
  const ex = structuredClone(EXHIBITION);
  ex.artworks.find((w) => w.id === 'veiled-processional-object')!.sensitivity.communityId = 'san-ravo';
  const file = join(dataDir, 'exhibition.json');
  writeFileSync(file, JSON.stringify(ex));
  const accounts = AccountStore.open(dataDir);
  for (const [name, u] of Object.entries(users)) if (!accounts.get(name)) await accounts.add({ name, role: u.role, community: u.community ?? null, password: PASSWORD });
  accounts.close();
  const server = await startServer({ port: 0, mqttPort: 0, serveApp: false, dataDir, exhibitions: [file], log: false });
  return {
    server,
    dataDir,
    file,
    async signIn(name) {
      const r = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password: PASSWORD }) });
      if (r.status !== 200) throw new Error(`sign-in of ${name}: ${r.status}`);
      return r.headers.getSetCookie()[0]!.split(';')[0]!;
    },
    async close() {
      // A client left connected would try to reconnect to the closed server and report that in whichever test
      // file runs next in the worker (the unit files share workers: vite.config.ts).
      for (const c of [...(open.get(server) ?? [])]) c.destroy();
      await server.close();
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface TestClient {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  /** Resolves with the close event's code and reason when the server closes the connection. */
  readonly closed: Promise<{ code: number; reason: string }>;
  destroy(): void;
}

/** The clients still connected, by server: a server's `close()` destroys them first. */
const open = new Map<LiveServer, Set<TestClient>>();

/** A provider for the exhibition's draft, synced before it resolves. */
export async function connect(server: LiveServer, cookie: string | undefined, name = EXHIBITION.id): Promise<TestClient> {
  const url = server.url.replace(/^http/, 'ws') + '/collab';
  class CookieWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: CookieWebSocket, maxAttempts: 1 });
  const doc = new Y.Doc();
  let closedWith: (e: { code: number; reason: string }) => void = () => undefined;
  const closed = new Promise<{ code: number; reason: string }>((r) => (closedWith = r));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    onClose: ({ event }) => closedWith({ code: event.code, reason: String(event.reason) }),
  });
  provider.attach();
  await new Promise<void>((resolve, reject) => {
    provider.on('synced', () => resolve());
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      // Refused: nothing of this client stays to reconnect later.
      provider.destroy();
      socket.destroy();
      reject(new Error(reason));
    });
  });
  const client: TestClient = {
    doc,
    provider,
    closed,
    destroy: () => {
      open.get(server)?.delete(client);
      provider.destroy();
      socket.destroy();
    },
  };
  if (!open.has(server)) open.set(server, new Set());
  open.get(server)!.add(client);
  return client;
}

/** Waits until `check` holds, re-checking on every change of `doc` (never on the clock alone). */
export function until(doc: Y.Doc, check: () => boolean, what: string, ms = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (check()) return resolve();
    const timer = setTimeout(() => {
      doc.off('update', on);
      reject(new Error(`timed out waiting for ${what}`));
    }, ms);
    const on = () => {
      if (!check()) return;
      clearTimeout(timer);
      doc.off('update', on);
      resolve();
    };
    doc.on('update', on);
  });
}

/** Resolves once the server has acknowledged every change the client sent. */
export function acknowledged(c: TestClient): Promise<void> {
  return new Promise((resolve) => {
    if (!c.provider.hasUnsyncedChanges) return resolve();
    const on = ({ number }: { number: number }) => {
      if (number > 0) return;
      c.provider.off('unsyncedChanges', on);
      resolve();
    };
    c.provider.on('unsyncedChanges', on);
  });
}
