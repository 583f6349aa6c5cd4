/**
 * The browser's end of `/together` (contract: src/twin/together/protocol.ts): one WebSocket on the app's own
 * origin, the first message `create` or `join`, and a rejoin with the participant's token when the connection
 * drops (not when the server refused, removed or ended): within the server's grace the place, role and name are
 * kept. The token is kept per group code in localStorage, so that the same browser is known again, and a
 * removed participant opening the same link is refused.
 */
import type { ClientMessage, RefusalReason, ServerMessage } from '../twin/together/protocol';
import { safeStorage } from './chrome';

const TOKEN_KEY = (code: string) => `museum-twin:together:${code}`;
const RETRY_MS = [500, 1000, 2000, 4000, 4000, 8000, 8000, 8000];

export interface ConnectionEvents {
  message(m: ServerMessage): void;
  /** Lost and trying again (true), or back (false). */
  reconnecting(on: boolean): void;
  /** For good: refused at the door (`refused`), removed, ended, or could not reach the server. */
  closed(why: RefusalReason | 'removed' | 'ended' | 'unreachable' | 'left', refused: boolean): void;
}

export class TogetherConnection {
  private ws?: WebSocket;
  private code?: string;
  private name = '';
  private tries = 0;
  private done = false;
  private joined = false;
  /** The CPU time (ms) presence batches took, read and handled, since the start; and how many: for the page bench. */
  readonly presence = { ms: 0, batches: 0 };

  constructor(
    private readonly events: ConnectionEvents,
    private readonly url = `${location.origin.replace(/^http/, 'ws')}/together`,
  ) {}

  /** Starts a group for an exhibition as its guide. */
  create(name: string, exhibition: string): void {
    this.name = name;
    this.open({ type: 'create', name, exhibition });
  }

  /** Joins by code (written form), with this browser's token for the group when it has one. */
  join(code: string, name: string): void {
    this.code = code;
    this.name = name;
    const token = safeStorage(() => localStorage.getItem(TOKEN_KEY(code))) ?? undefined;
    this.open({ type: 'join', code, name, ...(token ? { token } : {}) });
  }

  send(m: ClientMessage): void {
    if (this.ws?.readyState === WebSocket.OPEN && this.joined) this.ws.send(JSON.stringify(m));
  }

  /** Leaves the group (the place is kept for the grace period, as for a dropped connection). */
  leave(): void {
    this.done = true;
    this.ws?.close(1000, 'left');
    this.events.closed('left', false);
  }

  private open(hello: ClientMessage): void {
    this.done = false;
    this.joined = false;
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.addEventListener('open', () => ws.send(JSON.stringify(hello)));
    ws.addEventListener('message', (e) => {
      const t0 = performance.now();
      let m: ServerMessage;
      try {
        m = JSON.parse(String(e.data)) as ServerMessage;
      } catch {
        return;
      }
      if (m.type === 'welcome') {
        this.code = m.code;
        this.joined = true;
        if (this.tries) this.events.reconnecting(false);
        this.tries = 0;
        safeStorage(() => localStorage.setItem(TOKEN_KEY(m.code), m.token));
      }
      if (m.type === 'refused' || m.type === 'removed' || m.type === 'ended') {
        this.done = true;
        this.events.message(m);
        this.events.closed(m.type === 'refused' ? m.reason : m.type, m.type === 'refused');
        return;
      }
      this.events.message(m);
      if (m.type !== 'presence') return;
      this.presence.ms += performance.now() - t0;
      this.presence.batches++;
    });
    ws.addEventListener('close', () => {
      if (this.ws !== ws || this.done) return;
      const wasIn = this.joined;
      this.joined = false;
      // Never in (the server was not reachable), or retried long enough: give up and say so.
      if ((!wasIn && this.tries === 0) || this.tries >= RETRY_MS.length || !this.code) {
        this.done = true;
        this.events.closed('unreachable', false);
        return;
      }
      if (this.tries === 0) this.events.reconnecting(true);
      const wait = RETRY_MS[this.tries++]!;
      setTimeout(() => {
        if (!this.done && this.code) this.join(this.code, this.name);
      }, wait);
    });
  }
}
