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
 * empty past the rejoin grace), and nothing is logged or stored. With `redisUrl` (MUSEUM_REDIS_URL) several
 * instances share groups: each group lives on the instance that created it, and the others relay their clients'
 * frames to it through Redis (redis-relay.ts). Each welcome carries the ICE servers for voice when the museum set a
 * TURN server (ice-servers.ts); the voice media itself never comes here.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { newGroupCode, normaliseGroupCode } from '../../twin/together/codes';
import { TogetherGroup } from '../../twin/together/group';
import { checkChatText, checkDisplayName, MAX_CHAT_LENGTH, MAX_NAME_LENGTH, textProblem } from '../../twin/together/names';
import { MAX_MESSAGE_BYTES, parseClientMessage, PRESENCE_INTERVAL_MS, type ClientMessage, type RefusalReason, type ServerMessage } from '../../twin/together/protocol';
import type { ServerExtension } from '../server';
import { iceServersFor, iceSettingsFromEnv, type IceSettings } from './ice-servers';
import { JoinLimiter, type JoinLimits } from './join-limiter';
import { PresencePacer } from './presence-pacer';
import { CLOSE_ENDED, CLOSE_POLICY, CLOSE_REFUSED, CLOSE_REMOVED, CLOSE_REPLACED, newMember, refusalText, withinBurst, withinChat, type Member, type Peer } from './peers';
import { HOME_TTL_MS, TogetherRelay, type RelayMessage } from './redis-relay';

export { CLOSE_ENDED, CLOSE_REFUSED, CLOSE_REMOVED } from './peers';

export interface TogetherOptions {
  /** How long a dropped participant keeps their place (and an empty group lives). */
  rejoinGraceMs?: number;
  limits?: JoinLimits;
  /** A client must say create or join within this long. */
  helloTimeoutMs?: number;
  /** redis://… : share groups with the other instances using the same Redis. */
  redisUrl?: string;
  /** ICE servers for voice (ice-servers.ts); unset: read from MUSEUM_ICE_SERVERS and MUSEUM_TURN_SECRET. */
  ice?: IceSettings;
}

export class TogetherServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  private readonly groups = new Map<string, TogetherGroup>();
  /** The open socket of each participant, per group. */
  private readonly sockets = new Map<TogetherGroup, Map<string, Peer>>();
  /** At a home: members whose sockets are on other instances, by `instance:conn`. */
  private readonly remoteMembers = new Map<string, { m: Member; peer: Peer; address: string }>();
  /** On a client's instance: its sockets whose groups live elsewhere, by connection id. */
  private readonly routedSockets = new Map<string, WebSocket>();
  private nextConn = 1;
  private relay?: TogetherRelay;
  private readonly emptySince = new Map<TogetherGroup, number>();
  private readonly pacers = new Map<TogetherGroup, PresencePacer>();
  private readonly limiter: JoinLimiter;
  private readonly grace: number;
  private readonly helloTimeout: number;
  private readonly ice: IceSettings;
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly exhibitionIds: () => Iterable<string>,
    o: TogetherOptions = {},
  ) {
    this.limiter = new JoinLimiter(o.limits);
    this.grace = o.rejoinGraceMs ?? 60_000;
    this.helloTimeout = o.helloTimeoutMs ?? 10_000;
    this.ice = o.ice ?? iceSettingsFromEnv(process.env);
    this.timers.push(setInterval(() => this.relayPresence(), PRESENCE_INTERVAL_MS));
    this.timers.push(setInterval(() => this.sweep(), Math.min(5000, Math.max(100, this.grace / 4))));
  }

  /** How many groups are open (for tests and the server's own checks; never their names). */
  get groupCount(): number {
    return this.groups.size;
  }

  /** Joins the other instances through Redis (before the server takes connections). */
  async shareThrough(redisUrl: string): Promise<void> {
    this.relay = await TogetherRelay.connect(redisUrl, {
      fromClient: (m) => this.fromOtherInstance(m),
      toClient: (m) => {
        if (m.t === 'close') {
          const ws = this.routedSockets.get(m.conn);
          this.routedSockets.delete(m.conn);
          ws?.close(m.code, m.reason);
        } else for (const conn of m.conns) this.routedSockets.get(conn)?.send(m.text);
      },
    });
    this.timers.push(setInterval(() => void this.relay?.refresh(this.groups.keys()).catch(() => undefined), HOME_TTL_MS / 3));
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
    const m = newMember(ws);
    const peer: Peer = {
      get open() {
        return ws.readyState === ws.OPEN;
      },
      send: (text) => ws.send(text),
      close: (code, reason) => ws.close(code, reason),
    };
    const hello = setTimeout(() => {
      if (!m.group && !m.routed && !m.pending) this.refuse(peer, m, 'bad-message');
    }, this.helloTimeout);
    ws.on('message', (data, isBinary) => {
      if (!withinBurst(m, Date.now())) {
        ws.close(CLOSE_POLICY, 'too many messages');
        return;
      }
      if (isBinary) return this.send(peer, { type: 'error', message: 'messages are JSON text' });
      if (m.routed) return this.relay?.publish(m.routed.home, { t: 'frame', from: this.relay.instance, conn: m.routed.conn, frame: data.toString() });
      clearTimeout(hello);
      this.receive(peer, m, data.toString(), address, true);
    });
    ws.on('close', () => {
      clearTimeout(hello);
      m.done = true;
      if (m.routed) {
        this.routedSockets.delete(m.routed.conn);
        this.relay?.publish(m.routed.home, { t: 'gone', from: this.relay.instance, conn: m.routed.conn });
      } else this.left(peer, m);
    });
    ws.on('error', () => undefined); // a broken socket closes; nothing to report
  }

  /** A client's socket (here or on another instance) closed: its place is kept for the rejoin grace. */
  private left(peer: Peer, m: Member): void {
    const { group, id } = m;
    if (!group || !id) return;
    const sockets = this.sockets.get(group);
    if (sockets?.get(id) !== peer) return; // replaced by a newer connection, or removed
    sockets.delete(id);
    group.disconnected(id, Date.now());
    this.broadcast(group, group.roster());
  }

  /** At a home: a client connected on another instance. */
  private fromOtherInstance(r: Extract<RelayMessage, { t: 'open' | 'frame' | 'gone' }>): void {
    const key = `${r.from}:${r.conn}`;
    if (r.t === 'open') {
      const relay = this.relay!;
      let open = true;
      const peer: Peer = {
        get open() {
          return open;
        },
        remote: { instance: r.from, conn: r.conn },
        send: (text) => relay.publish(r.from, { t: 'send', conns: [r.conn], text }),
        close: (code, reason) => {
          open = false;
          this.remoteMembers.delete(key);
          relay.publish(r.from, { t: 'close', conn: r.conn, code, reason });
        },
      };
      const m = newMember();
      this.remoteMembers.set(key, { m, peer, address: r.address });
      return this.receive(peer, m, r.frame, r.address, false);
    }
    const found = this.remoteMembers.get(key);
    if (!found) return;
    if (r.t === 'frame') return this.receive(found.peer, found.m, r.frame, found.address, false);
    this.remoteMembers.delete(key);
    found.m.done = true;
    this.left(found.peer, found.m);
  }

  /** One text frame from a member: the hello, or an act in its group. */
  private receive(peer: Peer, m: Member, raw: string, address: string, here: boolean): void {
    if (m.done) return;
    if (m.pending) {
      m.pending.push(raw);
      return;
    }
    const parsed = parseClientMessage(raw);
    if (!parsed.ok) {
      if (!m.group) return this.refuse(peer, m, 'bad-message', parsed.message);
      return this.send(peer, { type: 'error', message: parsed.message });
    }
    const msg = parsed.message;
    if (m.group) return this.act(peer, m, msg, Date.now());
    if (msg.type !== 'create' && msg.type !== 'join') return this.refuse(peer, m, 'bad-message');
    // The hello may wait on Redis: what comes meanwhile waits its turn.
    m.pending = [];
    this.hello(peer, m, msg, address, here, raw)
      .catch(() => {
        // Redis unreachable: the client's connection retries (a close, not a refusal).
        m.done = true;
        peer.close(1011, 'group visits are unavailable for a moment');
      })
      .finally(() => {
        const queued = m.pending ?? [];
        delete m.pending;
        for (const frame of queued) {
          if (m.routed) this.relay?.publish(m.routed.home, { t: 'frame', from: this.relay.instance, conn: m.routed.conn, frame });
          else this.receive(peer, m, frame, address, here);
        }
      });
  }

  /** A code no other group (on any instance) has. */
  private async newCode(): Promise<string> {
    for (;;) {
      const code = newGroupCode();
      if (this.groups.has(code)) continue;
      if (!this.relay || (await this.relay.claim(code))) return code;
    }
  }

  /**
   * Create or join. `here`: the socket is on this instance (limits apply here; a join for a group that lives on
   * another instance is routed there). A hello relayed from another instance was limited there already.
   */
  private async hello(peer: Peer, m: Member, msg: Extract<ClientMessage, { type: 'create' | 'join' }>, address: string, here: boolean, raw: string): Promise<void> {
    if (here && !this.limiter.allow(address, msg.type)) return this.refuse(peer, m, 'too-many-tries');
    const name = checkDisplayName(msg.name);
    if (!name.ok) return this.refuse(peer, m, 'bad-name', textProblem('the display name', name, MAX_NAME_LENGTH));
    let group: TogetherGroup;
    let participant;
    if (msg.type === 'create') {
      if (![...this.exhibitionIds()].includes(msg.exhibition)) return this.refuse(peer, m, 'no-such-exhibition');
      const code = await this.newCode();
      if (peer.open === false || m.done) return void this.relay?.release(code);
      group = new TogetherGroup(code, msg.exhibition);
      this.groups.set(code, group);
      this.sockets.set(group, new Map());
      participant = group.createGuide(name.text);
    } else {
      const code = normaliseGroupCode(msg.code);
      let found = code ? this.groups.get(code) : undefined;
      if (!found && code && here && this.relay) {
        const home = await this.relay.homeOf(code);
        if (home && home !== this.relay.instance) return this.route(m, home, raw, address);
        found = this.groups.get(code);
      }
      if (!found) {
        if (here) this.limiter.wrongCode(address);
        return this.refuse(peer, m, 'no-such-group');
      }
      const r = found.join(name.text, msg.token);
      if (!r.ok) return this.refuse(peer, m, r.reason);
      group = found;
      participant = r.participant;
    }
    const sockets = this.sockets.get(group)!;
    const earlier = sockets.get(participant.id);
    sockets.set(participant.id, peer); // before closing the earlier one: its close handler then leaves the place alone
    earlier?.close(CLOSE_REPLACED, 'opened again elsewhere');
    this.emptySince.delete(group);
    m.group = group;
    m.id = participant.id;
    const iceServers = iceServersFor(this.ice);
    this.send(peer, { type: 'welcome', code: group.code, exhibition: group.exhibition, you: participant.id, token: participant.token, role: participant.role, roster: group.roster(), ...(iceServers.length ? { iceServers } : {}) });
    const everyone = group.allPresence();
    if (everyone.length) this.send(peer, { type: 'presence', list: everyone });
    this.broadcast(group, group.roster());
  }

  /** The group lives on `home`: this socket's frames go there from now on, and its messages come back. */
  private route(m: Member, home: string, hello: string, address: string): void {
    const relay = this.relay!;
    const conn = `c${this.nextConn++}`;
    m.routed = { home, conn };
    if (m.ws) this.routedSockets.set(conn, m.ws);
    relay.publish(home, { t: 'open', from: relay.instance, conn, address, frame: hello });
  }

  private act(sender: Peer, m: Member, msg: ClientMessage, now: number): void {
    const group = m.group!;
    const id = m.id!;
    const refused = (what: string) => this.send(sender, { type: 'error', message: `only the guide may ${what}` });
    switch (msg.type) {
      case 'create':
      case 'join':
        return this.send(sender, { type: 'error', message: 'already in a group' });
      case 'presence': {
        const { type: _type, ...presence } = msg;
        group.setPresence(id, presence); // relayed with the next batch (at most every PRESENCE_INTERVAL_MS)
        return;
      }
      case 'chat': {
        if (!withinChat(m, now)) return this.send(sender, { type: 'error', message: 'too many chat messages: wait a moment' });
        const text = checkChatText(msg.text);
        if (!text.ok) return this.send(sender, { type: 'error', message: textProblem('a chat message', text, MAX_CHAT_LENGTH) });
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
        this.pacers.get(group)?.forget(msg.id);
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
      case 'voice':
        group.setVoice(id, msg.on);
        return this.broadcast(group, group.roster());
      case 'signal': {
        // Only between two members who are both in the voice chat; the media itself never comes here.
        const target = group.get(msg.to);
        const to = this.sockets.get(group)!.get(msg.to);
        if (!group.get(id)?.voice || !target?.voice || !to || msg.to === id) return this.send(sender, { type: 'error', message: 'voice: that person is not in the voice chat' });
        return this.send(to, { type: 'signal', from: id, kind: msg.kind, sdp: msg.sdp });
      }
      case 'mute-all':
        if (!group.may(id, 'mute')) return refused('mute everyone');
        return this.broadcast(group, { type: 'mute-all', by: id });
    }
  }

  private endGroup(group: TogetherGroup): void {
    const sockets = this.sockets.get(group);
    group.endNow();
    this.groups.delete(group.code);
    this.sockets.delete(group);
    this.emptySince.delete(group);
    this.pacers.delete(group);
    void this.relay?.release(group.code).catch(() => undefined);
    for (const peer of sockets?.values() ?? []) {
      this.send(peer, { type: 'ended' });
      peer.close(CLOSE_ENDED, 'the group has ended');
    }
  }

  /** One batched message per group with the presence that changed since the last one (paced: presence-pacer.ts). */
  private relayPresence(): void {
    const now = Date.now();
    for (const group of this.groups.values()) {
      let pacer = this.pacers.get(group);
      if (!pacer) this.pacers.set(group, (pacer = new PresencePacer()));
      const connected = this.sockets.get(group)?.size ?? 0;
      const list = pacer.pace(group.takeChangedPresence(), now, connected, group.leader()?.id).filter((e) => group.get(e.id)?.connected);
      if (list.length) this.broadcast(group, { type: 'presence', list });
    }
  }

  /** Forgets participants away past the grace, and groups empty past it. */
  private sweep(): void {
    const now = Date.now();
    this.limiter.sweep();
    for (const group of [...this.groups.values()]) {
      const gone = group.forgetAway(now, this.grace);
      for (const id of gone) this.pacers.get(group)?.forget(id);
      if (gone.length) this.broadcast(group, group.roster());
      if (!group.empty) continue;
      const since = this.emptySince.get(group);
      if (since === undefined) this.emptySince.set(group, now);
      else if (now - since >= this.grace) this.endGroup(group);
    }
  }

  /** To everyone in the group: directly to sockets here, and one relayed message per other instance. */
  private broadcast(group: TogetherGroup, message: ServerMessage): void {
    const text = JSON.stringify(message);
    const elsewhere = new Map<string, string[]>();
    for (const peer of this.sockets.get(group)?.values() ?? []) {
      if (!peer.open) continue;
      if (!peer.remote) peer.send(text);
      else elsewhere.set(peer.remote.instance, [...(elsewhere.get(peer.remote.instance) ?? []), peer.remote.conn]);
    }
    for (const [instance, conns] of elsewhere) this.relay?.publish(instance, { t: 'send', conns, text });
  }

  private send(peer: Peer, message: ServerMessage): void {
    if (peer.open) peer.send(JSON.stringify(message));
  }

  private refuse(peer: Peer, m: Member, reason: RefusalReason, message = refusalText[reason]): void {
    m.done = true;
    this.send(peer, { type: 'refused', reason, message });
    peer.close(CLOSE_REFUSED, reason);
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    for (const group of [...this.groups.values()]) this.endGroup(group);
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await this.relay?.close();
  }
}

/** The server extension: `/together` on the app's origin, for the exhibitions the server keeps. */
export function togetherExtension(o: TogetherOptions = {}): ServerExtension {
  let server: TogetherServer | undefined;
  return {
    name: 'together',
    async register(ctx) {
      server = new TogetherServer(() => ctx.exhibitions.keys(), o);
      const redisUrl = o.redisUrl ?? ctx.config.redisUrl;
      if (redisUrl) await server.shareThrough(redisUrl);
      ctx.onUpgrade('/together', (req, socket, head) => server!.handleUpgrade(req, socket, head));
    },
    async close() {
      await server?.close();
    },
  };
}
