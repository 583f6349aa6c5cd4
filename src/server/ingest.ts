/**
 * The path of every sensor message, whichever broker carried it: parse → history (durable) → live twin → alerts
 * and snapshots out. `handle` resolves only once an accepted reading is stored, so the broker acknowledges a
 * QoS 1 publish after it and a crash after the acknowledgement loses nothing.
 */
import { alertsTopic, snapshotTopic, type AlertEvent, type LiveSnapshot, type Reading, type Rejection, type SensorHealth } from '../twin/live/contract';
import type { HistoryStore } from './history/index';
import { SensorHealthBook } from './sensor-health';

/** What one exhibition's live model must offer the server (H1's LiveTwin, adapted in live-twins.ts). */
export interface TwinPort {
  ingest(reading: Reading): readonly AlertEvent[];
  tick(now: Date): readonly AlertEvent[];
  snapshot(now: Date): LiveSnapshot;
}

export type ParseOutcome = { readonly ok: true; readonly reading: Reading } | { readonly ok: false; readonly rejection: Rejection; readonly exhibition: string | undefined };

/** Where the server's own messages go (the embedded broker, or the external one). */
export interface Publisher {
  publish(topic: string, payload: string, opts: { retain: boolean; qos: 0 | 1 }): Promise<void>;
}

export interface IngestOptions {
  readonly twins: ReadonlyMap<string, TwinPort>;
  readonly parse: (topic: string, payload: Buffer, now: Date) => ParseOutcome;
  readonly history: HistoryStore;
  readonly snapshotMs: number;
  /** Sensor health saved by an earlier run, per exhibition (HistoryStore.sensorHealth). */
  readonly sensorHealth?: ReadonlyMap<string, readonly SensorHealth[]>;
  readonly now?: () => Date;
  readonly onError?: (message: string, e: unknown) => void;
}

export type IngestResult = { readonly accepted: true; readonly reading: Reading } | { readonly accepted: false; readonly reason: string };

export class Ingest {
  private publisher: Publisher | undefined;
  private readonly health = new Map<string, SensorHealthBook>();
  private readonly writer: BatchedAppend;
  private readonly snapshots = new Map<string, { timer?: NodeJS.Timeout; last: number; lastBody?: string }>();
  private readonly listeners = new Set<(ev: AlertEvent) => void>();
  private closed = false;
  private savingHealth: Promise<void> | undefined;
  private readonly now: () => Date;

  constructor(private readonly o: IngestOptions) {
    this.now = o.now ?? (() => new Date());
    this.writer = new BatchedAppend(o.history);
    for (const id of o.twins.keys()) this.health.set(id, new SensorHealthBook(o.sensorHealth?.get(id)));
  }

  /** Connects the outgoing side once the broker is up (alerts and snapshots before that are only kept). */
  attach(publisher: Publisher): void {
    this.publisher = publisher;
    for (const id of this.o.twins.keys()) this.publishSnapshot(id, true);
  }

  /** Sensor health of one exhibition (undefined for an exhibition this server does not keep). */
  sensors(exhibition: string): SensorHealthBook | undefined {
    return this.health.get(exhibition);
  }

  /** Alerts as they happen, for server-side extensions (the same events go out on museum/<ex>/alerts). */
  onAlert(listener: (ev: AlertEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Parses, stores and applies one sensor message. Never throws for bad input: it is counted and refused. */
  async handle(topic: string, payload: Buffer): Promise<IngestResult> {
    const now = this.now();
    const parsed = this.o.parse(topic, payload, now);
    if (!parsed.ok) {
      if (parsed.exhibition) this.health.get(parsed.exhibition)?.rejected(parsed.rejection);
      return { accepted: false, reason: parsed.rejection.reason };
    }
    const r = parsed.reading;
    const twin = this.o.twins.get(r.exhibition);
    if (!twin) return { accepted: false, reason: `this server keeps no exhibition '${r.exhibition}'` };
    await this.writer.append(r); // durable first: the caller acknowledges after this
    this.health.get(r.exhibition)?.accepted(topic, now.toISOString());
    if (this.closed) return { accepted: true, reading: r };
    let events: readonly AlertEvent[] = [];
    try {
      events = twin.ingest(r);
    } catch (e) {
      this.o.onError?.(`The live twin could not apply a reading on ${topic}`, e);
    }
    this.emit(r.exhibition, events);
    this.scheduleSnapshot(r.exhibition);
    return { accepted: true, reading: r };
  }

  /** Time-based rules (staleness, minimum durations), called every few seconds by the server; saves sensor health. */
  tick(): void {
    if (this.closed) return;
    if (!this.savingHealth) this.savingHealth = this.saveHealth().finally(() => (this.savingHealth = undefined));
    const now = this.now();
    for (const [id, twin] of this.o.twins) {
      try {
        this.emit(id, twin.tick(now));
      } catch (e) {
        this.o.onError?.(`The live twin of ${id} could not tick`, e);
      }
      this.scheduleSnapshot(id);
    }
  }

  snapshot(exhibition: string): LiveSnapshot | undefined {
    return this.o.twins.get(exhibition)?.snapshot(this.now());
  }

  /** Waits for history writes in flight; stops publishing. */
  async close(): Promise<void> {
    this.closed = true;
    for (const s of this.snapshots.values()) clearTimeout(s.timer);
    await this.writer.idle();
    await this.savingHealth;
    await this.saveHealth();
  }

  /** Writes the sensors whose health changed since the last save; a failed save is tried again next tick. */
  private async saveHealth(): Promise<void> {
    for (const [id, book] of this.health) {
      const changed = book.takeChanged();
      if (changed.length === 0) continue;
      try {
        await this.o.history.saveSensorHealth(id, changed);
      } catch (e) {
        book.restore(changed);
        this.o.onError?.(`Sensor health of ${id} could not be saved`, e);
      }
    }
  }

  private emit(exhibition: string, events: readonly AlertEvent[]): void {
    for (const ev of events) {
      for (const l of this.listeners) l(ev);
      // Alerts go out at once (latency under 1 s), QoS 1 so a building-management system gets each one.
      void this.publisher?.publish(alertsTopic(exhibition), JSON.stringify(ev), { retain: false, qos: 1 }).catch((e) => this.o.onError?.('An alert could not be published', e));
    }
    if (events.length) this.scheduleSnapshot(exhibition);
  }

  /** At most one snapshot per `snapshotMs` per exhibition, and only when its content changed. */
  private scheduleSnapshot(exhibition: string): void {
    let s = this.snapshots.get(exhibition);
    if (!s) this.snapshots.set(exhibition, (s = { last: 0 }));
    if (s.timer || this.closed) return;
    const wait = Math.max(0, s.last + this.o.snapshotMs - Date.now());
    s.timer = setTimeout(() => {
      s.timer = undefined;
      this.publishSnapshot(exhibition, false);
    }, wait);
  }

  private publishSnapshot(exhibition: string, force: boolean): void {
    const snap = this.snapshot(exhibition);
    const s = this.snapshots.get(exhibition) ?? { last: 0 };
    this.snapshots.set(exhibition, s);
    if (!snap || !this.publisher) return;
    const body = JSON.stringify({ ...snap, time: '' });
    if (!force && body === s.lastBody) return;
    s.lastBody = body;
    s.last = Date.now();
    void this.publisher.publish(snapshotTopic(exhibition), JSON.stringify(snap), { retain: true, qos: 0 }).catch((e) => this.o.onError?.('A snapshot could not be published', e));
  }
}

/**
 * Readings that arrive while a write is in flight go together in the next transaction: one commit (and one
 * fsync) for many readings is what lets the server keep thousands of readings a second durable.
 */
class BatchedAppend {
  private queue: { reading: Reading; done: () => void; fail: (e: unknown) => void }[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly history: HistoryStore) {}

  append(reading: Reading): Promise<void> {
    return new Promise((done, fail) => {
      this.queue.push({ reading, done, fail });
      if (!this.running) this.running = this.drain();
    });
  }

  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    await new Promise((r) => setImmediate(r)); // let this turn's other messages join the batch
    while (this.queue.length) {
      const batch = this.queue;
      this.queue = [];
      try {
        await this.history.append(batch.map((b) => b.reading));
        for (const b of batch) b.done();
      } catch (e) {
        for (const b of batch) b.fail(e);
      }
    }
    this.running = undefined;
  }
}
