/**
 * A group member's socket for tests and the benchmark: every message it got, and a way to wait for the next one
 * that fits (no clock: each wait ends on a message, or on the socket closing).
 */
import WebSocket from 'ws';
import type { ServerMessage } from '../../twin/together/protocol';

export class TogetherTestClient {
  readonly ws: WebSocket;
  readonly got: ServerMessage[] = [];
  /** Called with each message as it arrives (the benchmark times presence with it). */
  onMessage?: (m: ServerMessage) => void;
  private waiters: { test: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void; reject: (e: Error) => void }[] = [];
  readonly closed: Promise<number>;

  /** `keep`: remember messages for next() (a benchmark client with onMessage does not need to); `headers`: e.g. an Origin. */
  constructor(
    serverUrl: string,
    private readonly keep = true,
    headers: Record<string, string> = {},
  ) {
    this.ws = new WebSocket(`${serverUrl.replace(/^http/, 'ws')}/together`, { headers });
    this.ws.on('message', (data) => {
      const m = JSON.parse(data.toString()) as ServerMessage;
      this.onMessage?.(m);
      if (this.keep) this.got.push(m);
      this.waiters = this.waiters.filter((w) => (w.test(m) ? (w.resolve(m), false) : true));
    });
    this.closed = new Promise((resolve) =>
      this.ws.on('close', (code) => {
        for (const w of this.waiters) w.reject(new Error(`the socket closed (${code}) before the message came`));
        this.waiters = [];
        resolve(code);
      }),
    );
  }

  async send(m: unknown): Promise<void> {
    if (this.ws.readyState === WebSocket.CONNECTING) await new Promise((r) => this.ws.once('open', r));
    this.ws.send(JSON.stringify(m));
  }

  /** The first message (already received or coming) that fits. */
  next<T extends ServerMessage['type']>(type: T, test: (m: Extract<ServerMessage, { type: T }>) => boolean = () => true): Promise<Extract<ServerMessage, { type: T }>> {
    const fits = (m: ServerMessage) => m.type === type && test(m as Extract<ServerMessage, { type: T }>);
    const seen = this.got.find(fits);
    if (seen) return Promise.resolve(seen as Extract<ServerMessage, { type: T }>);
    return new Promise((resolve, reject) => this.waiters.push({ test: fits, resolve: resolve as (m: ServerMessage) => void, reject }));
  }

  /** Forgets the messages got so far (the next wait is for a new one). */
  forget(): void {
    this.got.length = 0;
  }

  /** The hello's answer: welcome or refused. */
  async answer(): Promise<Extract<ServerMessage, { type: 'welcome' | 'refused' }>> {
    return Promise.race([this.next('welcome'), this.next('refused')]);
  }
}
