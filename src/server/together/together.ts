/**
 * Group visits over WebSocket at `/together` on the app's own origin (the wire contract is
 * src/twin/together/protocol.ts, the group's rules src/twin/together/group.ts).
 *
 * Why plain `ws` and not Hocuspocus awareness (which /collab uses): awareness is a CRDT side-channel of a Y.Doc,
 * every client's state broadcast as the client wrote it; a group visit needs the server to validate and rate-limit
 * each message, to refuse joins (locked, removed, wrong code), and to act on commands (remove, end), which a
 * plain message relay on the same `ws` stack does directly. Nothing here needs a shared document.
 *
 * Privacy: groups and names live in this process's memory only, are forgotten when the group ends (or has been
 * empty past the rejoin grace), and nothing is logged or stored. One instance: several would share groups through
 * Redis (not built yet; see docs/together.md).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { newGroupCode, normaliseGroupCode } from '../../twin/together/codes';
import { TogetherGroup } from '../../twin/together/group';
import { checkChatText, checkDisplayName, MAX_CHAT_LENGTH, MAX_NAME_LENGTH, textProblem } from '../../twin/together/names';
import { MAX_MESSAGE_BYTES, parseClientMessage, PRESENCE_INTERVAL_MS, type ClientMessage, type RefusalReason, type ServerMessage } from '../../twin/together/protocol';
import type { ServerExtension } from '../server';
import { JoinLimiter, type JoinLimits } from './join-limiter';

/** Close codes: the JSON message sent just before says more. */
export const CLOSE_REFUSED = 4403;
export const CLOSE_REMOVED = 4410;
export const CLOSE_ENDED = 4411;
export const CLOSE_REPLACED = 4409;
export const CLOSE_POLICY = 1008;

export interface TogetherOptions {
  /** How long a dropped participant keeps their place (and an empty group lives). */
  rejoinGraceMs?: number;
  limits?: JoinLimits;
  /** A client must say create or join within this long. */
  helloTimeoutMs?: number;
}

interface Member {
  group?: TogetherGroup;
  id?: string;
  /** Messages in the current second, and chat lines in the current ten seconds (flood guards). */
  burst: { at: number; n: number };
  chat: { at: number; n: number };
}

const MAX_MESSAGES_PER_SECOND = 30;
const MAX_CHAT_PER_10S = 8;

const refusalText: Record<RefusalReason, string> = {
  'no-such-group': 'there is no group with this code',
  locked: 'the group is locked: ask the guide to unlock it',
  removed: 'the guide removed you from this group',
  full: 'the group is full',
  ended: 'the group has ended',
  'too-many-tries': 'too many tries from this address: wait a few minutes',
  'bad-name': 'the display name is not valid',
  'no-such-exhibition': 'there is no such exhibition on this server',
  'bad-message': 'the first message must be create or join',
};

export class TogetherServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  private readonly groups = new Map<string, TogetherGroup>();
  /** The open socket of each participant, per group. */
  private readonly sockets = new Map<TogetherGroup, Map<string, WebSocket>>();
  private readonly emptySince = new Map<TogetherGroup, number>();
  private readonly limiter: JoinLimiter;
  private readonly grace: number;
  private readonly helloTimeout: number;
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly exhibitionIds: () => Iterable<string>,
    o: TogetherOptions = {},
  ) {
    this.limiter = new JoinLimiter(o.limits);
    this.grace = o.rejoinGraceMs ?? 60_000;
    this.helloTimeout = o.helloTimeoutMs ?? 10_000;
    this.timers.push(setInterval(() => this.relayPresence(), PRESENCE_INTERVAL_MS));
    this.timers.push(setInterval(() => this.sweep(), Math.min(5000, Math.max(100, this.grace / 4))));
  }

  /** How many groups are open (for tests and the server's own checks; never their names). */
  get groupCount(): number {
    return this.groups.size;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Browsers send Origin: only pages of this origin may open a group socket (tools without Origin may).
    const origin = req.headers.origin;
    if (origin && origin !== 'null') {
      let host: string | undefined;
      try {
        host = new URL(origin).host;
      } catch {
        host = undefined;
      }
      if (host !== req.headers.host) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
        return;
      }
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.connected(ws, req.socket.remoteAddress ?? 'unknown'));
  }

  private connected(ws: WebSocket, address: string): void {
    const m: Member = { burst: { at: 0, n: 0 }, chat: { at: 0, n: 0 } };
    const hello = setTimeout(() => {
      if (!m.group) this.refuse(ws, 'bad-message');
    }, this.helloTimeout);
    ws.on('message', (data, isBinary) => {
      const now = Date.now();
      if (now - m.burst.at >= 1000) m.burst = { at: now, n: 0 };
      if (++m.burst.n > MAX_MESSAGES_PER_SECOND) {
        ws.close(CLOSE_POLICY, 'too many messages');
        return;
      }
      if (isBinary) return this.send(ws, { type: 'error', message: 'messages are JSON text' });
      const parsed = parseClientMessage(data.toString());
      if (!parsed.ok) {
        if (!m.group) return this.refuse(ws, 'bad-message', parsed.message);
        return this.send(ws, { type: 'error', message: parsed.message });
      }
      const msg = parsed.message;
      if (!m.group) {
        clearTimeout(hello);
        if (msg.type === 'create' || msg.type === 'join') return this.hello(ws, m, msg, address);
        return this.refuse(ws, 'bad-message');
      }
      this.act(ws, m, msg, now);
    });
    ws.on('close', () => {
      clearTimeout(hello);
      const { group, id } = m;
      if (!group || !id) return;
      const sockets = this.sockets.get(group);
      if (sockets?.get(id) !== ws) return; // replaced by a newer connection, or removed
      sockets.delete(id);
      group.disconnected(id, Date.now());
      this.broadcast(group, group.roster());
    });
    ws.on('error', () => undefined); // a broken socket closes; nothing to report
  }

  private hello(ws: WebSocket, m: Member, msg: Extract<ClientMessage, { type: 'create' | 'join' }>, address: string): void {
    if (!this.limiter.allow(address, msg.type)) return this.refuse(ws, 'too-many-tries');
    const name = checkDisplayName(msg.name);
    if (!name.ok) return this.refuse(ws, 'bad-name', textProblem('the display name', name, MAX_NAME_LENGTH));
    let group: TogetherGroup;
    let participant;
    if (msg.type === 'create') {
      if (![...this.exhibitionIds()].includes(msg.exhibition)) return this.refuse(ws, 'no-such-exhibition');
      let code = newGroupCode();
      while (this.groups.has(code)) code = newGroupCode();
      group = new TogetherGroup(code, msg.exhibition);
      this.groups.set(code, group);
      this.sockets.set(group, new Map());
      participant = group.createGuide(name.text);
    } else {
      const code = normaliseGroupCode(msg.code);
      const found = code ? this.groups.get(code) : undefined;
      if (!found) {
        this.limiter.wrongCode(address);
        return this.refuse(ws, 'no-such-group');
      }
      const r = found.join(name.text, msg.token);
      if (!r.ok) return this.refuse(ws, r.reason);
      group = found;
      participant = r.participant;
    }
    const sockets = this.sockets.get(group)!;
    const earlier = sockets.get(participant.id);
    sockets.set(participant.id, ws); // before closing the earlier one: its close handler then leaves the place alone
    earlier?.close(CLOSE_REPLACED, 'opened again elsewhere');
    this.emptySince.delete(group);
    m.group = group;
    m.id = participant.id;
    this.send(ws, { type: 'welcome', code: group.code, exhibition: group.exhibition, you: participant.id, token: participant.token, role: participant.role, roster: group.roster() });
    const everyone = group.allPresence();
    if (everyone.length) this.send(ws, { type: 'presence', list: everyone });
    this.broadcast(group, group.roster());
  }

  private act(ws: WebSocket, m: Member, msg: ClientMessage, now: number): void {
    const group = m.group!;
    const id = m.id!;
    const refused = (what: string) => this.send(ws, { type: 'error', message: `only the guide may ${what}` });
    switch (msg.type) {
      case 'create':
      case 'join':
        return this.send(ws, { type: 'error', message: 'already in a group' });
      case 'presence': {
        const { type: _type, ...presence } = msg;
        group.setPresence(id, presence); // relayed with the next batch (at most every PRESENCE_INTERVAL_MS)
        return;
      }
      case 'chat': {
        if (now - m.chat.at >= 10_000) m.chat = { at: now, n: 0 };
        if (++m.chat.n > MAX_CHAT_PER_10S) return this.send(ws, { type: 'error', message: 'too many chat messages: wait a moment' });
        const text = checkChatText(msg.text);
        if (!text.ok) return this.send(ws, { type: 'error', message: textProblem('a chat message', text, MAX_CHAT_LENGTH) });
        const from = group.get(id)!;
        return this.broadcast(group, { type: 'chat', from: id, name: from.name, text: text.text, at: now });
      }
      case 'lock':
        if (!group.setLocked(id, msg.locked)) return refused('lock the group');
        return this.broadcast(group, group.roster());
      case 'role':
        if (!group.setRole(id, msg.id, msg.role)) return refused('name co-guides');
        return this.broadcast(group, group.roster());
      case 'remove': {
        if (!group.remove(id, msg.id)) return refused('remove a participant');
        const sockets = this.sockets.get(group)!;
        const gone = sockets.get(msg.id);
        sockets.delete(msg.id);
        if (gone) {
          this.send(gone, { type: 'removed' });
          gone.close(CLOSE_REMOVED, 'removed by the guide');
        }
        return this.broadcast(group, group.roster());
      }
      case 'gather':
        if (!group.may(id, 'gather')) return refused('gather the group');
        return this.broadcast(group, { type: 'gather', artwork: msg.artwork, by: id, order: group.order() });
      case 'open':
        if (!group.may(id, 'open')) return refused('open a work for everyone');
        return this.broadcast(group, { type: 'open', artwork: msg.artwork, by: id });
      case 'end':
        if (!group.may(id, 'end')) return refused('end the group');
        return this.endGroup(group);
    }
  }

  private endGroup(group: TogetherGroup): void {
    const sockets = this.sockets.get(group);
    group.endNow();
    this.groups.delete(group.code);
    this.sockets.delete(group);
    this.emptySince.delete(group);
    for (const ws of sockets?.values() ?? []) {
      this.send(ws, { type: 'ended' });
      ws.close(CLOSE_ENDED, 'the group has ended');
    }
  }

  /** One batched message per group with the presence that changed since the last one. */
  private relayPresence(): void {
    for (const group of this.groups.values()) {
      const list = group.takeChangedPresence();
      if (list.length) this.broadcast(group, { type: 'presence', list });
    }
  }

  /** Forgets participants away past the grace, and groups empty past it. */
  private sweep(): void {
    const now = Date.now();
    this.limiter.sweep();
    for (const group of [...this.groups.values()]) {
      if (group.forgetAway(now, this.grace).length) this.broadcast(group, group.roster());
      if (!group.empty) continue;
      const since = this.emptySince.get(group);
      if (since === undefined) this.emptySince.set(group, now);
      else if (now - since >= this.grace) this.endGroup(group);
    }
  }

  private broadcast(group: TogetherGroup, message: ServerMessage): void {
    const text = JSON.stringify(message);
    for (const ws of this.sockets.get(group)?.values() ?? []) if (ws.readyState === ws.OPEN) ws.send(text);
  }

  private send(ws: WebSocket, message: ServerMessage): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  }

  private refuse(ws: WebSocket, reason: RefusalReason, message = refusalText[reason]): void {
    this.send(ws, { type: 'refused', reason, message });
    ws.close(CLOSE_REFUSED, reason);
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    for (const group of [...this.groups.values()]) this.endGroup(group);
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

/** The server extension: `/together` on the app's origin, for the exhibitions the server keeps. */
export function togetherExtension(o: TogetherOptions = {}): ServerExtension {
  let server: TogetherServer | undefined;
  return {
    name: 'together',
    register(ctx) {
      server = new TogetherServer(() => ctx.exhibitions.keys(), o);
      ctx.onUpgrade('/together', (req, socket, head) => server!.handleUpgrade(req, socket, head));
    },
    async close() {
      await server?.close();
    },
  };
}
