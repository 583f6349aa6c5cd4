/**
 * Several server instances sharing group visits through Redis (ioredis: one connection publishes, one subscribes).
 *
 * A group lives on the instance where it was created, its *home*: only the home holds its state, so the group's
 * rules (roles, lock, removals, rejoin) stay in one place and need no distributed locking. Redis holds which
 * instance is each code's home (`museum-together:group:<code>`, with a TTL the home keeps refreshing, so a dead
 * instance's codes lapse) and carries frames between instances: each instance listens on its own channel. A client
 * whose join reaches another instance stays connected there; that instance forwards its frames to the home and the
 * home's messages back (one message per instance per broadcast, listing the connections it goes to).
 *
 * Nothing is stored in Redis beyond the code → instance map: names, positions and chat only pass through.
 */
import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';

const CHANNEL = (instance: string) => `museum-together:to:${instance}`;
const HOME_KEY = (code: string) => `museum-together:group:${code}`;
/** A home refreshes its codes every HOME_TTL_MS / 3; a code outlives a dead home by at most HOME_TTL_MS. */
export const HOME_TTL_MS = 30_000;

/** Between instances, on the receiver's channel. `conn` is the connection's id on the client's instance. */
export type RelayMessage =
  /** To the home: a client connected on `from` said hello (its first frame). */
  | { t: 'open'; from: string; conn: string; address: string; frame: string }
  /** To the home: a later frame from that client. */
  | { t: 'frame'; from: string; conn: string; frame: string }
  /** To the home: that client's socket closed. */
  | { t: 'gone'; from: string; conn: string }
  /** To the client's instance: send this text to these connections. */
  | { t: 'send'; conns: string[]; text: string }
  /** To the client's instance: close this connection. */
  | { t: 'close'; conn: string; code: number; reason: string };

interface RelayHandlers {
  /** At the home, for messages about clients on other instances. */
  fromClient(m: Extract<RelayMessage, { t: 'open' | 'frame' | 'gone' }>): void;
  /** At the client's instance, for what the home sends them. */
  toClient(m: Extract<RelayMessage, { t: 'send' | 'close' }>): void;
}

// Deletes a code only while it is still this instance's (another may have claimed it after it lapsed).
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export class TogetherRelay {
  /** This instance's id: random, so two processes never share one. */
  readonly instance = randomBytes(9).toString('base64url');
  private readonly pub: IORedis;
  private readonly sub: IORedis;

  private constructor(url: string, handlers: RelayHandlers) {
    this.pub = new IORedis(url, { maxRetriesPerRequest: 3 });
    this.sub = new IORedis(url, { maxRetriesPerRequest: 3 });
    this.sub.on('message', (_channel: string, text: string) => {
      let m: RelayMessage;
      try {
        m = JSON.parse(text) as RelayMessage;
      } catch {
        return; // only instances of this server publish here
      }
      if (m.t === 'send' || m.t === 'close') handlers.toClient(m);
      else handlers.fromClient(m);
    });
    // ioredis reconnects by itself; an error event without a listener would crash the process.
    for (const c of [this.pub, this.sub]) c.on('error', () => undefined);
  }

  /** Connects and listens on this instance's channel before the server takes connections. */
  static async connect(url: string, handlers: RelayHandlers): Promise<TogetherRelay> {
    const relay = new TogetherRelay(url, handlers);
    try {
      await relay.sub.subscribe(CHANNEL(relay.instance));
    } catch (e) {
      relay.pub.disconnect();
      relay.sub.disconnect();
      throw new Error(`group visits cannot reach Redis at ${url}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return relay;
  }

  /** Claims a new code for this instance; false when another instance's group has it. */
  async claim(code: string): Promise<boolean> {
    return (await this.pub.set(HOME_KEY(code), this.instance, 'PX', HOME_TTL_MS, 'NX')) === 'OK';
  }

  /** The instance a code's group lives on, if any. */
  async homeOf(code: string): Promise<string | undefined> {
    return (await this.pub.get(HOME_KEY(code))) ?? undefined;
  }

  /** Keeps this instance's codes alive (called every HOME_TTL_MS / 3). */
  async refresh(codes: Iterable<string>): Promise<void> {
    const batch = this.pub.pipeline();
    for (const code of codes) batch.set(HOME_KEY(code), this.instance, 'PX', HOME_TTL_MS);
    await batch.exec();
  }

  async release(code: string): Promise<void> {
    await this.pub.eval(RELEASE, 1, HOME_KEY(code), this.instance);
  }

  /** Publishes to one instance's channel (order is kept: one publishing connection). */
  publish(instance: string, m: RelayMessage): void {
    this.pub.publish(CHANNEL(instance), JSON.stringify(m)).catch(() => undefined);
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.sub.quit(), this.pub.quit()]);
  }
}
