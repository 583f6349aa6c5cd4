/**
 * Co-curation over WebSocket at /collab: a Hocuspocus 3 server (the Yjs server made for this) holding one
 * Y.Doc per exhibition draft, the document name being the exhibition id. A draft starts from the latest
 * published version (or the exhibition's file) and is kept by @hocuspocus/extension-database in collab.sqlite.
 *
 * Who may do what is checked here, on the server, for every message: the session cookie of the upgrade
 * request says who is connecting (no session: read only); each incoming update is tried first on a shadow of
 * the draft, which says what it touches (guard.ts), and refused, closing the connection with the reason, when
 * it touches something the role may not change (accounts/permissions.ts); who-is-here messages (awareness) must
 * name the signed-in person (presence-guard.ts). A user whose role
 * changes or who is removed is disconnected at once (the client reconnects with the rights they have now).
 *
 * Several instances: with a Redis URL (MUSEUM_REDIS_URL) @hocuspocus/extension-redis relays every update and
 * awareness change between the instances holding the same draft (they share the draft store, PostgreSQL).
 * Each change is written once, by the instance whose curator made it; updates relayed by Redis are not.
 */
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import IORedis from 'ioredis';
import { Hocuspocus, IncomingMessage as HocuspocusMessage, type Document } from '@hocuspocus/server';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import type { Account } from '../accounts/permissions';
import { refusedChanges } from '../accounts/permissions';
import { accountOfRequest, sessionToken } from '../accounts/routes';
import type { AccountStore } from '../accounts/store';
import { docReader, editProblems } from '../../twin/curate-edits';
import { DraftShadow } from './guard';
import { textProblems } from './text-checks';
import { docToExhibition, exhibitionToDoc, upgradeCredits } from './doc-model';
import { presenceProblem } from './presence-guard';
import type { DraftStore } from './storage';

/** Close codes of refused connections; Hocuspocus 3 closes one document of a shared socket with its reason only. */
export const CLOSE_FORBIDDEN = 4403;
export const CLOSE_SIGNED_OUT = 4401;
export const CLOSE_STORAGE = 4500;
/** An edit that writes something malformed (twin/curate-edits.ts); a placement problem is stored, shown, and stops Publish. */
export const CLOSE_INVALID = 4422;


interface CollabContext {
  accountId?: number;
  userName?: string;
  token?: string;
}

export interface CollabOptions {
  readonly accounts: AccountStore;
  readonly drafts: DraftStore;
  /** The exhibition ids a draft may be opened for. */
  readonly exhibitionIds: () => Iterable<string>;
  /** The JSON a new draft starts from: the latest published version, or the exhibition's own file. */
  readonly seed: (id: string) => Promise<Record<string, unknown>>;
  /** How long after the last edit the compacted state is written (changes are written at once regardless). */
  readonly debounceMs?: number;
  /** redis://… to join other instances holding the same drafts. */
  readonly redisUrl?: string;
}

export interface Collab {
  readonly hocuspocus: Hocuspocus;
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** The draft's exhibition JSON now (loading the draft if nobody has it open). */
  draft(id: string): Promise<Record<string, unknown>>;
  /** Runs `edit` on the draft as a change by `user` (written to the history like a curator's); resolves once stored. */
  edit(id: string, user: string, edit: (doc: Y.Doc) => void): Promise<void>;
  close(): Promise<void>;
}

/** A closing reason fits in a WebSocket close frame (123 bytes). */
const reason = (s: string) => (Buffer.byteLength(s) <= 120 ? s : `${Buffer.from(s).subarray(0, 116).toString().replace(/\uFFFD$/, '')}…`);

/** The Yjs update inside a Hocuspocus message, or undefined when it carries none (awareness, step 1…). */
function updateOf(message: Uint8Array): Uint8Array | undefined {
  const m = new HocuspocusMessage(message);
  m.readVarString(); // document name
  const type = m.readVarUint();
  if (type !== 0 && type !== 4) return undefined; // Sync, SyncReply
  const sync = m.readVarUint();
  return sync === 1 || sync === 2 ? m.readVarUint8Array() : undefined; // step 2, update
}

export function createCollab(o: CollabOptions): Collab {
  /** A shadow of each open draft: updates are tried on it before the draft takes them (guard.ts). */
  const shadows = new WeakMap<Y.Doc, DraftShadow>();

  const current = (ctx: CollabContext): Account | undefined => {
    const a = ctx.token ? o.accounts.sessionAccount(ctx.token) : undefined;
    return a && a.id === ctx.accountId ? a : undefined;
  };

  const hocuspocus = new Hocuspocus({
    name: 'museum-collab',
    quiet: true,
    debounce: o.debounceMs ?? 2000,
    maxDebounce: 10_000,
    extensions: [
      new Database({
        fetch: async ({ documentName }) => {
          const stored = await o.drafts.load(documentName);
          if (stored) return stored;
          const seed = Y.encodeStateAsUpdate(exhibitionToDoc((await o.seed(documentName)) as never));
          // Stored at once, so every instance starts from the same seed (the first to store it wins).
          if (await o.drafts.seed(documentName, seed)) return seed;
          return (await o.drafts.load(documentName))!;
        },
        store: async ({ documentName, state, document }) => {
          const snapshot = Y.snapshot(document);
          await o.drafts.saveState(documentName, state, (update) => Y.snapshotContainsUpdate(snapshot, update));
        },
      }),
      // ioredis, as the extension expects: one client to publish, one to subscribe.
      ...(o.redisUrl ? [new Redis({ createClient: () => new IORedis(o.redisUrl!, { maxRetriesPerRequest: 3 }) })] : []),
    ],

    async onAuthenticate({ request, documentName, connectionConfig }): Promise<CollabContext> {
      if (![...o.exhibitionIds()].includes(documentName)) throw Object.assign(new Error('no such exhibition'), { reason: `there is no exhibition '${documentName.slice(0, 80)}'` });
      const account = accountOfRequest(o.accounts, request);
      const token = account ? sessionToken(request) : undefined;
      // A draft is unpublished work: only signed-in staff open it; an account without a role only reads.
      if (!account) throw Object.assign(new Error('not signed in'), { reason: 'sign in to open a draft' });
      if (account.role === null) connectionConfig.readOnly = true;
      return account ? { accountId: account.id, userName: account.name, ...(token ? { token } : {}) } : {};
    },

    async afterLoadDocument({ document, documentName }) {
      // A draft stored while credits were one plain list: put in the per-credit form once, stored as a change.
      const updates: Uint8Array[] = [];
      const on = (u: Uint8Array) => updates.push(u);
      document.on('update', on);
      try {
        if (upgradeCredits(document)) await o.drafts.appendChange(documentName, 'server', [{ path: 'credits', kind: 'changed' }], Y.mergeUpdates(updates));
      } finally {
        document.off('update', on);
      }
      shadows.set(document, new DraftShadow(document));
      // A curator's change is written before it is applied (beforeHandleMessage); one relayed by Redis was
      // written by the instance it came from; the server's own edits are written by edit().
    },

    async beforeHandleMessage({ update: message, document, context, connection }) {
      // Who is here: the presence a connection announces is its own signed-in person's (presence-guard.ts).
      const who = context as CollabContext;
      if (who.accountId === undefined || who.userName === undefined) throw { code: CLOSE_SIGNED_OUT, reason: 'sign in to open a draft' };
      const presence = presenceProblem(message, document, connection, { id: who.accountId, name: who.userName }, (c) => (c.context as CollabContext).accountId);
      if (presence) throw { code: CLOSE_FORBIDDEN, reason: reason(presence) };
      const update = updateOf(message);
      if (!update || connection.readOnly) return; // read-only connections: Hocuspocus applies nothing
      const account = current(context as CollabContext);
      if (!account) throw { code: CLOSE_SIGNED_OUT, reason: 'your session has ended: sign in again' };
      const shadow = shadows.get(document);
      if (!shadow) throw { code: CLOSE_FORBIDDEN, reason: 'the draft is not open yet' };
      const found = shadow.check(update);
      if (!found) throw { code: CLOSE_FORBIDDEN, reason: 'an edit arrived before the changes it builds on: reload the draft' };
      const refused = refusedChanges(account, found.changes, found.before, found.after);
      if (refused.length) {
        shadow.reset();
        throw { code: CLOSE_FORBIDDEN, reason: reason(refused[0]!) };
      }
      if (!found.changes.length) return; // nothing new (Yjs skips what the draft has)
      // The same checks the curating view runs before it sends an edit: a client that skips them is refused here.
      const paths = found.changes.map((c) => c.path);
      const invalid = [...editProblems(docReader(found.docs.before), docReader(found.docs.after), paths), ...textProblems(found.docs.after, paths, found.docs.before)];
      if (invalid.length) {
        shadow.reset();
        throw { code: CLOSE_INVALID, reason: reason(`refused: ${invalid[0]!}`) };
      }
      // Written before Hocuspocus applies and acknowledges it: an acknowledged change is on disk.
      try {
        await o.drafts.appendChange(document.name, account.name, found.summary, update);
      } catch (e) {
        shadow.reset();
        throw { code: CLOSE_STORAGE, reason: reason(`the change could not be stored: ${(e as Error).message}`) };
      }
    },
  });

  // A role changed or a user was removed: their connections close now, and reconnect with what they may do.
  const stopListening = o.accounts.onChange((_account, id) => {
    for (const doc of hocuspocus.documents.values()) {
      for (const c of (doc as Document).getConnections()) {
        if ((c.context as CollabContext).accountId === id) c.close({ code: CLOSE_FORBIDDEN, reason: 'your role has changed' });
      }
    }
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  return {
    hocuspocus,
    handleUpgrade: (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => hocuspocus.handleConnection(ws, req)),
    async edit(id, user, edit) {
      const dc = await hocuspocus.openDirectConnection(id, {});
      try {
        const doc = dc.document!;
        // The guard's summary of the edit, found on a copy of the draft as it was (a restore is rare: a copy is fine).
        const before = new DraftShadow(doc, false);
        const updates: Uint8Array[] = [];
        const on = (u: Uint8Array) => updates.push(u);
        doc.on('update', on);
        try {
          doc.transact(() => edit(doc));
        } finally {
          doc.off('update', on);
        }
        if (!updates.length) return;
        const update = Y.mergeUpdates(updates);
        await o.drafts.appendChange(id, user, before.check(update)?.summary ?? [], update);
      } finally {
        await dc.disconnect();
      }
    },
    async draft(id) {
      const open = hocuspocus.documents.get(id);
      if (open) return docToExhibition(open);
      const dc = await hocuspocus.openDirectConnection(id, {});
      try {
        return docToExhibition(dc.document!);
      } finally {
        await dc.disconnect();
      }
    },
    async close() {
      stopListening();
      hocuspocus.closeConnections();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      // Write each open draft's compacted state now (its changes are on disk already).
      for (const doc of hocuspocus.documents.values()) {
        const snapshot = Y.snapshot(doc);
        await o.drafts.saveState(doc.name, Y.encodeStateAsUpdate(doc), (u) => Y.snapshotContainsUpdate(snapshot, u)).catch(() => undefined);
      }
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus }); // the Redis extension's clients
    },
  };
}
