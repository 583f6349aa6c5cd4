/**
 * The live twin's contract: what sensors publish, what the server keeps and serves, what the browser shows.
 *
 * Pure types and constants (no Node, no Babylon): the server (src/server/), the browser's live layer
 * (src/live/) and the tests all import these, so the wire shapes are written once.
 *
 * Sensor topics (kept exactly; facilities' systems depend on them):
 *   museum/<exhibition id>/<zone id>/<quantity>
 *   museum/<exhibition id>/artworks/<artwork id>/<quantity>
 * payload JSON {"value": 21.4, "time": "2026-12-04T10:15:00Z"} (time optional).
 * Alerts are published on museum/<exhibition id>/alerts (see AlertEvent).
 * The server publishes the accepted, derived state on twin/<exhibition id>/snapshot (retained LiveSnapshot):
 * browsers never show a raw sensor message, only what the server accepted.
 */

/** Quantities a sensor may report, with their units. */
export const QUANTITIES = ['temperature', 'humidity', 'illuminance', 'uv', 'visitors'] as const;
export type Quantity = (typeof QUANTITIES)[number];

export const UNITS: Record<Quantity, string> = {
  temperature: '°C',
  humidity: '% RH',
  illuminance: 'lx',
  uv: 'µW/lm',
  visitors: 'people',
};

/** Where a reading was taken: a zone of the exhibition, or at one work (a showcase sensor). */
export type ReadingTarget = { readonly kind: 'zone'; readonly id: string } | { readonly kind: 'artwork'; readonly id: string };

/** One accepted sensor reading. `time` is ISO 8601 UTC. */
export interface Reading {
  readonly exhibition: string;
  readonly target: ReadingTarget;
  readonly quantity: Quantity;
  readonly value: number;
  readonly time: string;
}

/** Why a message was refused; counted per sensor (its topic) in the sensor health view. */
export interface Rejection {
  readonly sensor: string; // the topic it came on
  readonly reason: string; // a sentence a facilities engineer understands
  readonly time: string;
}

export const TOPIC_ROOT = 'museum';
export const SNAPSHOT_TOPIC_ROOT = 'twin';
export const topicOf = (r: Pick<Reading, 'exhibition' | 'target' | 'quantity'>): string =>
  r.target.kind === 'zone'
    ? `${TOPIC_ROOT}/${r.exhibition}/${r.target.id}/${r.quantity}`
    : `${TOPIC_ROOT}/${r.exhibition}/artworks/${r.target.id}/${r.quantity}`;
export const alertsTopic = (exhibition: string): string => `${TOPIC_ROOT}/${exhibition}/alerts`;
export const snapshotTopic = (exhibition: string): string => `${SNAPSHOT_TOPIC_ROOT}/${exhibition}/snapshot`;

export type AlertKind = 'above' | 'below' | 'fluctuation' | 'light-budget';

/** A conservation alert: raised once when a limit is crossed for long enough, cleared once on recovery. */
export interface Alert {
  readonly id: string; // stable for one episode
  readonly exhibition: string;
  readonly zone: string | undefined; // the zone whose sensor saw it (undefined for a showcase sensor)
  readonly artworks: readonly string[]; // works affected
  readonly quantity: Quantity;
  readonly kind: AlertKind;
  readonly value: number; // the value that raised it (or the latest while active)
  readonly limit: number;
  readonly since: string; // ISO time the condition began
  readonly clearedAt?: string; // ISO time it ended (only on a cleared alert)
}

/** What is published on museum/<exhibition>/alerts: a raise or a clear. */
export interface AlertEvent {
  readonly event: 'raised' | 'cleared';
  readonly alert: Alert;
}

export type Crowding = 'quiet' | 'busy' | 'crowded';

/** Latest value of one quantity at one place, or that there has been none for too long. */
export interface LiveValue {
  readonly value: number;
  readonly time: string;
  /** True when the last reading is older than the staleness limit: show "no data since <time>", never as live. */
  readonly stale: boolean;
}

export interface ZoneState {
  readonly id: string;
  readonly values: Partial<Record<Quantity, LiveValue>>;
  /** From `visitors` and the zone's floor area; undefined when no count is known or it is stale. */
  readonly crowding?: Crowding;
}

/** Conditions at one work, against its environmental needs. */
export interface ArtworkState {
  readonly id: string;
  readonly zone: string | undefined;
  readonly values: Partial<Record<Quantity, LiveValue>>;
  /** Limits the work's needs give (from its category, standard or numbers, or the defaults for its material). */
  readonly limits: {
    readonly humidity?: { readonly min: number; readonly max: number; readonly maxFluctuation24h?: number };
    readonly temperature?: { readonly min: number; readonly max: number; readonly maxFluctuation24h?: number };
    readonly illuminance?: { readonly max: number };
    readonly uv?: { readonly max: number };
    readonly annualLuxHours?: number;
  };
  /** Where each limit came from (a standard, the work's own figures, or the default for its medium). */
  readonly limitsSource?: string;
  /** Spread (max − min) over the last 24 h, where known. */
  readonly fluctuation24h: Partial<Record<'humidity' | 'temperature', number>>;
  /** Cumulative lux-hours this calendar year against the annual budget, pro rata to today. */
  readonly lightBudget?: {
    readonly usedLuxHours: number;
    readonly budgetLuxHours: number;
    readonly fractionUsed: number; // used / budget
    readonly fractionOfYear: number; // elapsed fraction of the year (pro rata reference)
  };
  readonly alerts: readonly string[]; // ids of active alerts that name this work
}

/** The whole live state of one exhibition, served at GET /api/exhibitions/<id>/live and on the snapshot topic. */
export interface LiveSnapshot {
  readonly exhibition: string;
  readonly time: string; // when the server made it
  readonly staleAfterMinutes: number;
  readonly zones: Record<string, ZoneState>;
  readonly artworks: Record<string, ArtworkState>;
  readonly alerts: readonly Alert[]; // active ones
}

/** Per-sensor health (GET /api/exhibitions/<id>/sensors). */
export interface SensorHealth {
  readonly sensor: string; // topic
  readonly accepted: number;
  readonly rejected: number;
  readonly lastSeen?: string;
  readonly lastRejection?: Rejection;
}

/** GET /api/exhibitions/<id>/history?zone=|artwork=&quantity=&from=&to= */
export interface HistoryResponse {
  readonly exhibition: string;
  readonly target: ReadingTarget;
  readonly quantity: Quantity;
  readonly from: string;
  readonly to: string;
  /** Seconds per point when downsampled; 0 for raw readings. */
  readonly bucketSeconds: number;
  /** [unix ms, mean, min, max] per bucket (raw: value three times). */
  readonly points: readonly (readonly [number, number, number, number])[];
}

/** GET /api/config: where the browser connects for live data. */
export interface LiveConfig {
  /** ws(s):// URL, or a same-origin path such as "/mqtt". */
  readonly brokerUrl: string;
  readonly exhibitions: readonly string[];
}
