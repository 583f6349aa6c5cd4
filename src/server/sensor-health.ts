/**
 * Per-sensor counts for the sensor health view (GET /api/exhibitions/<id>/sensors): a sensor is its topic.
 * Kept in memory: it describes the sensors since this process started, which is what a facilities engineer
 * debugging a sensor needs; the readings themselves are in the history.
 */
import type { Rejection, SensorHealth } from '../twin/live/contract';

/** A bound on distinct topics, so a misconfigured sensor fleet cannot grow memory without limit. */
const MAX_SENSORS = 20_000;

export class SensorHealthBook {
  private readonly sensors = new Map<string, { accepted: number; rejected: number; lastSeen?: string; lastRejection?: Rejection }>();

  private entry(sensor: string) {
    let e = this.sensors.get(sensor);
    if (!e) {
      if (this.sensors.size >= MAX_SENSORS) return undefined;
      e = { accepted: 0, rejected: 0 };
      this.sensors.set(sensor, e);
    }
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
}
