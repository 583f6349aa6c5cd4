/**
 * Conservation alerts that do not flap. Each watched condition (a value against one limit at one place) moves
 * idle → pending → active → clearing → idle:
 * - it starts pending when the value crosses the limit, and is raised once it has stayed beyond
 *   "limit − deadband" for the minimum duration (so a value hovering around the limit raises once);
 * - it starts clearing when the value is back past the deadband, and is cleared once it has stayed there for
 *   the minimum duration (so a value bouncing back over the limit does not clear and raise again).
 * Exactly one `raised` and one `cleared` event per episode.
 */
import type { Alert, AlertEvent, AlertKind, Quantity } from './contract';

/** Minimum time beyond a limit before an alert, and back within before it clears: 5 minutes. */
export const DEFAULT_ALERT_MIN_DURATION_SECONDS = 300;

/**
 * Default deadbands (hysteresis) per quantity, in its unit: about the accuracy of a good museum sensor
 * (±2 % RH, ±0.5 K), and 5 lx / 5 µW/lm for light. Configurable per LiveTwin.
 */
export const DEFAULT_DEADBANDS: Readonly<Record<Quantity, number>> = {
  temperature: 0.5,
  humidity: 2,
  illuminance: 5,
  uv: 5,
  visitors: 0,
};

/** Deadband of a light-budget alert, as a fraction of the annual budget. */
export const DEFAULT_LIGHT_BUDGET_DEADBAND = 0.01;

/** One condition the engine watches: a value at one place against one limit, for the works it concerns. */
export interface WatchedCondition {
  /** Stable for the place, quantity, kind and limit. */
  readonly key: string;
  readonly exhibition: string;
  readonly zone: string | undefined;
  readonly artworks: readonly string[];
  readonly quantity: Quantity;
  readonly kind: AlertKind;
  readonly limit: number;
  /** How far back past the limit the value must come to count as recovered, in the value's unit. */
  readonly deadband: number;
}

interface Episode {
  condition: WatchedCondition;
  phase: 'pending' | 'active' | 'clearing';
  since: number; // when the value first crossed the limit
  value: number; // the latest value beyond the recovery line
  recoveredSince?: number;
}

/** 'below' is breached under its limit; every other kind over it. */
const breached = (c: WatchedCondition, v: number) => (c.kind === 'below' ? v < c.limit : v > c.limit);
const recovered = (c: WatchedCondition, v: number) => (c.kind === 'below' ? v >= c.limit + c.deadband : v <= c.limit - c.deadband);

const iso = (ms: number) => new Date(ms).toISOString();

export class AlertEngine {
  private readonly episodes = new Map<string, Episode>();
  private readonly minMs: number;

  constructor(minDurationSeconds = DEFAULT_ALERT_MIN_DURATION_SECONDS) {
    this.minMs = Math.max(0, minDurationSeconds) * 1000;
  }

  /** Feeds one value for a condition at `time`; returns the events it causes (none, one raise or one clear). */
  observe(condition: WatchedCondition, value: number, time: Date): AlertEvent[] {
    const t = time.getTime();
    let e = this.episodes.get(condition.key);
    if (e && t < (e.recoveredSince ?? e.since)) return []; // late reading: the episode has moved on
    if (!e) {
      if (!breached(condition, value)) return [];
      e = { condition, phase: 'pending', since: t, value };
      this.episodes.set(condition.key, e);
    }
    e.condition = condition;
    if (recovered(condition, value)) {
      if (e.phase === 'pending') {
        this.episodes.delete(condition.key);
        return [];
      }
      if (e.phase === 'active') {
        e.phase = 'clearing';
        e.recoveredSince = t;
      }
    } else {
      e.value = value;
      if (e.phase === 'clearing') {
        e.phase = 'active';
        delete e.recoveredSince;
      }
    }
    return this.advance(e, t);
  }

  /** Time passing with no new values: raises and clears whose minimum duration has now elapsed. */
  tick(now: Date): AlertEvent[] {
    const t = now.getTime();
    return [...this.episodes.values()].flatMap((e) => this.advance(e, t));
  }

  /** Alerts raised and not yet cleared. */
  active(): Alert[] {
    return [...this.episodes.values()].filter((e) => e.phase !== 'pending').map((e) => this.alertOf(e));
  }

  /**
   * Stops watching conditions whose key starts with `prefix` and is not in `keep` (no works are left behind
   * them): a raised one is cleared at `time`, so no alert stays up that nothing can clear.
   */
  retire(prefix: string, keep: ReadonlySet<string>, time: Date): AlertEvent[] {
    const events: AlertEvent[] = [];
    for (const [key, e] of this.episodes) {
      if (!key.startsWith(prefix) || keep.has(key)) continue;
      this.episodes.delete(key);
      if (e.phase !== 'pending') events.push({ event: 'cleared', alert: { ...this.alertOf(e), clearedAt: time.toISOString() } });
    }
    return events;
  }

  /** Whether a condition is pending, active or clearing (for tests and the health view). */
  phaseOf(key: string): Episode['phase'] | undefined {
    return this.episodes.get(key)?.phase;
  }

  private advance(e: Episode, t: number): AlertEvent[] {
    if (e.phase === 'pending' && t - e.since >= this.minMs) {
      e.phase = 'active';
      return [{ event: 'raised', alert: this.alertOf(e) }];
    }
    if (e.phase === 'clearing' && e.recoveredSince !== undefined && t - e.recoveredSince >= this.minMs) {
      this.episodes.delete(e.condition.key);
      return [{ event: 'cleared', alert: { ...this.alertOf(e), clearedAt: iso(e.recoveredSince) } }];
    }
    return [];
  }

  private alertOf(e: Episode): Alert {
    const c = e.condition;
    return {
      id: `${c.key}@${iso(e.since)}`,
      exhibition: c.exhibition,
      zone: c.zone,
      artworks: [...c.artworks],
      quantity: c.quantity,
      kind: c.kind,
      value: e.value,
      limit: c.limit,
      since: iso(e.since),
    };
  }
}
