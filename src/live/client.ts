/**
 * The browser's live connection: the last known snapshot from this browser first, then the server's
 * (`GET /api/exhibitions/<id>/live`), then MQTT over WebSocket (the `mqtt` package's browser build) for the
 * retained snapshot and alert events. It reconnects by itself (mqtt.js), and after every (re)connection
 * fetches the snapshot again, so what happened while disconnected is caught up. Subscribe-only: the page
 * never publishes. Loaded lazily (dynamic import) so the entry chunk stays as it was.
 */
// The browser build (dist/mqtt.esm.js) has only a default export.
import mqtt, { type MqttClient } from 'mqtt';
import { alertsTopic, snapshotTopic, type AlertEvent, type LiveConfig, type LiveSnapshot } from '../twin/live/contract';
import { applyAlertEvent, brokerWsUrl, decodeLastKnown, encodeLastKnown, lastKnownKey, newer } from './model';

/**
 * `connecting` before the first contact; `live` while the broker connection is up; `disconnected` when it was
 * lost (offline, server restarting; values shown are the last known); `unavailable` when this site serves no
 * live data at all (a static host).
 */
export type Connection = 'connecting' | 'live' | 'disconnected' | 'unavailable';

export interface LiveView {
  readonly connection: Connection;
  readonly snapshot?: LiveSnapshot;
  /** When this browser last received news from the server (ISO). */
  readonly receivedAt?: string;
}

export type LiveListener = (view: LiveView, event?: AlertEvent) => void;

export interface LiveClientOptions {
  /** Where the last known snapshot is kept (localStorage by default; absent where storage is refused). */
  readonly storage?: Pick<Storage, 'getItem' | 'setItem'> | undefined;
  readonly fetch?: typeof fetch;
  readonly now?: () => Date;
}

export class LiveClient {
  private view: LiveView = { connection: 'connecting' };
  private readonly listeners = new Set<LiveListener>();
  private mqtt?: MqttClient;
  private stopped = false;
  private readonly fetch: typeof fetch;
  private readonly now: () => Date;
  private readonly storage: LiveClientOptions['storage'];

  constructor(
    readonly exhibition: string,
    opts: LiveClientOptions = {},
  ) {
    this.fetch = opts.fetch ?? ((...a) => fetch(...a));
    this.now = opts.now ?? (() => new Date());
    this.storage = 'storage' in opts ? opts.storage : safeLocalStorage();
    const kept = decodeLastKnown(this.read(), exhibition);
    if (kept) this.view = { connection: 'connecting', snapshot: kept.snapshot, receivedAt: kept.receivedAt };
  }

  get current(): LiveView {
    return this.view;
  }

  /** Runs `listener` now and on every change; returns the unsubscribe function. */
  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener);
    listener(this.view);
    return () => this.listeners.delete(listener);
  }

  /** Asks the server where its broker is, fetches the snapshot and connects. */
  async start(): Promise<void> {
    let config: LiveConfig;
    try {
      const r = await this.fetch('/api/config', { cache: 'no-store' });
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      config = (await r.json()) as LiveConfig;
      if (typeof config.brokerUrl !== 'string') throw new Error('no broker in /api/config');
    } catch {
      // No server: offline, or a static host without live data. Keep the last known values, marked as such.
      this.set({ connection: this.view.snapshot ? 'disconnected' : 'unavailable' });
      if (!this.stopped && typeof addEventListener === 'function') addEventListener('online', () => void this.start(), { once: true });
      return;
    }
    if (!config.exhibitions.includes(this.exhibition)) return this.set({ connection: 'unavailable' });
    await this.catchUp();
    if (this.stopped || this.mqtt) return;
    const client = mqtt.connect(brokerWsUrl(config.brokerUrl, location), { reconnectPeriod: 2000, connectTimeout: 30_000, clean: true });
    this.mqtt = client;
    client.on('connect', () => {
      client.subscribe([snapshotTopic(this.exhibition), alertsTopic(this.exhibition)], { qos: 1 });
      this.set({ connection: 'live' });
      // Whatever happened while disconnected: the server's snapshot has it.
      void this.catchUp();
    });
    client.on('close', () => {
      if (this.view.connection === 'live') this.set({ connection: 'disconnected' });
    });
    client.on('offline', () => this.set({ connection: 'disconnected' }));
    client.on('message', (topic, payload) => this.message(topic, payload));
    // The browser knows before the socket does: say so at once, and catch up as soon as it is back.
    addEventListener('offline', () => this.set({ connection: 'disconnected' }));
    // Back online: a socket that survived catches up now; a lost one reconnects by itself (then catches up).
    addEventListener('online', () => {
      if (client.connected) void this.catchUp().then(() => this.set({ connection: 'live' }));
    });
  }

  stop(): void {
    this.stopped = true;
    this.mqtt?.end(true);
  }

  private async catchUp(): Promise<void> {
    let s: LiveSnapshot;
    try {
      const r = await this.fetch(`/api/exhibitions/${encodeURIComponent(this.exhibition)}/live`, { cache: 'no-store' });
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      s = (await r.json()) as LiveSnapshot;
    } catch {
      return; // The broker's retained snapshot arrives anyway once connected.
    }
    this.take(s);
  }

  private message(topic: string, payload: Uint8Array): void {
    let data: unknown;
    try {
      data = JSON.parse(new TextDecoder().decode(payload));
    } catch {
      return; // The server only publishes JSON; anything else is not ours to show.
    }
    if (topic === snapshotTopic(this.exhibition)) this.take(data as LiveSnapshot);
    else if (topic === alertsTopic(this.exhibition) && this.view.snapshot) {
      const event = data as AlertEvent;
      if (!event?.alert || (event.event !== 'raised' && event.event !== 'cleared')) return;
      this.set({ snapshot: applyAlertEvent(this.view.snapshot, event), receivedAt: this.now().toISOString() }, event);
    }
  }

  private take(s: LiveSnapshot): void {
    if (!s || s.exhibition !== this.exhibition || typeof s.time !== 'string') return;
    this.set({ snapshot: newer(this.view.snapshot, s), receivedAt: this.now().toISOString() });
  }

  private set(change: Partial<LiveView>, event?: AlertEvent): void {
    this.view = { ...this.view, ...change };
    if (change.snapshot && this.view.receivedAt) this.write(encodeLastKnown({ snapshot: change.snapshot, receivedAt: this.view.receivedAt }));
    for (const l of [...this.listeners]) {
      try {
        l(this.view, event);
      } catch (e) {
        // One view failing must not stop the others, nor the connection.
        console.error('live view failed', e);
      }
    }
  }

  private read(): string | null {
    try {
      return this.storage?.getItem(lastKnownKey(this.exhibition)) ?? null;
    } catch {
      return null;
    }
  }

  private write(text: string): void {
    try {
      this.storage?.setItem(lastKnownKey(this.exhibition), text);
    } catch {
      // Storage full or refused: the values still show, they are just not kept for next time.
    }
  }
}

function safeLocalStorage(): Storage | undefined {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
}
