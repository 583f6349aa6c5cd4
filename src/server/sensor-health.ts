/**
 * Per-sensor counts for the sensor health view (GET /api/exhibitions/<id>/sensors): a sensor is its topic.
 * Counted in memory as messages arrive and kept in the history store (saved each tick and on close, read back
 * at start), so a restart does not lose what a facilities engineer was debugging. At most one tick of counts is
 * lost to a SIGKILL; the readings themselves are durable before they are acknowledged.
 */
import type { Rejection, SensorHealth } from '../twin/live/contract';

/** A bound on distinct topics, so a misconfigured sensor fleet cannot grow memory without limit. */
const MAX_SENSORS = 20_000;

type Entry = { accepted: number; rejected: number; lastSeen?: string; lastRejection?: Rejection };

export class SensorHealthBook {
  private readonly sensors = new Map<string, Entry>();
  /** Sensors changed since the last save. */
  private readonly dirty = new Set<string>();

  /** Starts from the health saved before (a restart). */
  constructor(saved: readonly SensorHealth[] = []) {
    for (const { sensor, ...e } of saved.slice(0, MAX_SENSORS)) this.sensors.set(sensor, { ...e });
  }

  private entry(sensor: string): Entry | undefined {
    let e = this.sensors.get(sensor);
    if (!e) {
      if (this.sensors.size >= MAX_SENSORS) return undefined;
      e = { accepted: 0, rejected: 0 };
      this.sensors.set(sensor, e);
    }
    this.dirty.add(sensor);
    return e;
  }

  accepted(sensor: string, time: string): void {
    const e = this.entry(sensor);
    if (!e) return;
    e.accepted++;
    e.lastSeen = time;
  }

  rejected(rejection: Rejection): void {
    const e = this.entry(rejection.sensor);
    if (!e) return;
    e.rejected++;
    e.lastSeen = rejection.time;
    e.lastRejection = rejection;
  }

  /** Sensors with rejections first, then by topic. */
  list(): SensorHealth[] {
    return [...this.sensors.entries()]
      .map(([sensor, e]) => ({ sensor, ...e }))
      .sort((a, b) => Number(b.rejected > 0) - Number(a.rejected > 0) || a.sensor.localeCompare(b.sensor));
  }

  /** The sensors changed since the last call, to save; `restore` puts them back when the save failed. */
  takeChanged(): SensorHealth[] {
    const out = [...this.dirty].map((sensor) => ({ sensor, ...this.sensors.get(sensor)! }));
    this.dirty.clear();
    return out;
  }

  restore(changed: readonly SensorHealth[]): void {
    for (const h of changed) this.dirty.add(h.sensor);
  }
}
