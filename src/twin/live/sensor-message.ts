/**
 * One sensor message in, one accepted Reading or one Rejection out.
 *
 * The topic says where and what (see contract.ts), the payload says how much and when. Every check gives a
 * sentence a facilities engineer can act on; nothing here throws on bad input.
 */
import { z } from 'zod';
import type { Exhibition } from '../schema';
import { QUANTITIES, TOPIC_ROOT, UNITS, type Quantity, type Reading, type ReadingTarget, type Rejection } from './contract';

/** The largest payload accepted: a reading is a few dozen bytes, so 4 KiB is generous. */
export const MAX_MESSAGE_BYTES = 4096;
/** Sensor clocks drift; a reading further ahead than this is a misconfigured clock, not the future. */
export const MAX_FUTURE_MINUTES = 5;
/** Older readings are a replayed or mis-dated backlog, not this year's conditions. */
export const MAX_AGE_DAYS = 365;

/** What the physical world allows for each quantity; anything outside is a broken or misconfigured sensor. */
export const PHYSICAL_RANGES: Record<Quantity, { readonly min: number; readonly max: number; readonly integer?: boolean }> = {
  temperature: { min: -40, max: 80 },
  humidity: { min: 0, max: 100 },
  illuminance: { min: 0, max: 200_000 }, // direct summer sun is about 100,000–120,000 lx
  uv: { min: 0, max: 10_000 },
  visitors: { min: 0, max: 100_000, integer: true },
};

/** The ids a sensor may name in one exhibition. */
export interface ExhibitionSensors {
  readonly zones: ReadonlySet<string>;
  readonly artworks: ReadonlySet<string>;
}

export interface SensorContext {
  readonly exhibitions: ReadonlyMap<string, ExhibitionSensors>;
  /** When the message was received: the reading's time when the payload gives none. */
  readonly now: Date;
  readonly maxBytes?: number;
}

export type ParsedSensorMessage = { ok: true; reading: Reading } | { ok: false; rejection: Rejection };

/** The zones and works of an exhibition that sensors may report on. */
export function exhibitionSensors(ex: Pick<Exhibition, 'zones' | 'artworks'>): ExhibitionSensors {
  return { zones: new Set(ex.zones.map((z) => z.id)), artworks: new Set(ex.artworks.map((a) => a.id)) };
}

const TOPIC_HELP = `${TOPIC_ROOT}/<exhibition>/<zone>/<quantity> or ${TOPIC_ROOT}/<exhibition>/artworks/<artwork>/<quantity>`;

type TopicParts = { exhibition: string; target: ReadingTarget; quantity: string };

function splitTopic(topic: string): TopicParts | undefined {
  const parts = topic.split('/');
  if (parts[0] !== TOPIC_ROOT || parts.some((p) => p === '')) return undefined;
  if (parts.length === 4) return { exhibition: parts[1]!, target: { kind: 'zone', id: parts[2]! }, quantity: parts[3]! };
  if (parts.length === 5 && parts[2] === 'artworks')
    return { exhibition: parts[1]!, target: { kind: 'artwork', id: parts[3]! }, quantity: parts[4]! };
  return undefined;
}

/** True for a topic shaped like a sensor's (zone or artwork); the quantity and ids are checked when parsing. */
export function isSensorTopic(topic: string): boolean {
  return splitTopic(topic) !== undefined;
}

const isQuantity = (q: string): q is Quantity => (QUANTITIES as readonly string[]).includes(q);

/** Ids echoed back in a reason are cut short, so a hostile topic cannot flood the health view. */
const quote = (s: string): string => JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);

/** The payload; extra fields (a battery level, a unit) are ignored. zod 4 refuses NaN and ±Infinity for z.number(). */
const Payload = z.object({
  value: z.number(),
  time: z.iso.datetime({ offset: true }).optional(),
});

const TIME_HELP = 'time is not an ISO 8601 time with its zone, such as "2026-12-04T10:15:00Z"';

/** The first problem zod found, as a sentence. */
function payloadProblem(json: unknown, issues: readonly { readonly path: readonly PropertyKey[] }[]): string {
  const first = issues[0];
  const field = first?.path[0];
  if (field === 'value') return (json as { value?: unknown }).value === undefined ? 'value is missing' : 'value is not a finite number';
  if (field === 'time') return TIME_HELP;
  return 'payload is not a JSON object such as {"value": 21.4, "time": "2026-12-04T10:15:00Z"}';
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** The number as people write it: 140, 21.4, 0.5 (no exponent for everyday values). */
const show = (n: number): string => String(Math.round(n * 1e6) / 1e6);

/**
 * Parses one message from a sensor topic. Checks, in order: size, topic shape, exhibition, quantity, zone or
 * work, UTF-8, JSON, value, physical range, time (not more than 5 minutes ahead, not more than a year old).
 */
export function parseSensorMessage(topic: string, payload: Uint8Array | string, ctx: SensorContext): ParsedSensorMessage {
  const reject = (reason: string): ParsedSensorMessage => ({
    ok: false,
    rejection: { sensor: topic, reason, time: ctx.now.toISOString() },
  });
  const maxBytes = ctx.maxBytes ?? MAX_MESSAGE_BYTES;
  // A string of n UTF-16 units is at most 3n UTF-8 bytes: only count exactly when it could be over.
  const bytes = typeof payload !== 'string' ? payload.length : payload.length * 3 <= maxBytes ? 0 : encoder.encode(payload).length;
  if (bytes > maxBytes) return reject(`message of ${bytes} bytes is over the ${maxBytes}-byte limit`);

  const parts = splitTopic(topic);
  if (!parts) return reject(`topic ${quote(topic)} is not ${TOPIC_HELP}`);
  const sensors = ctx.exhibitions.get(parts.exhibition);
  if (!sensors) return reject(`unknown exhibition ${quote(parts.exhibition)}`);
  if (!isQuantity(parts.quantity)) return reject(`unknown quantity ${quote(parts.quantity)}: one of ${QUANTITIES.join(', ')}`);
  const quantity = parts.quantity;
  const { target } = parts;
  if (target.kind === 'zone' && !sensors.zones.has(target.id))
    return reject(`unknown zone ${quote(target.id)} in exhibition ${quote(parts.exhibition)}`);
  if (target.kind === 'artwork' && !sensors.artworks.has(target.id))
    return reject(`unknown artwork ${quote(target.id)} in exhibition ${quote(parts.exhibition)}`);

  let text: string;
  try {
    text = typeof payload === 'string' ? payload : decoder.decode(payload);
  } catch {
    return reject('not UTF-8 text');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return reject('not JSON');
  }
  const body = Payload.safeParse(json);
  if (!body.success) return reject(payloadProblem(json, body.error.issues));
  const { value, time } = body.data;

  const range = PHYSICAL_RANGES[quantity];
  if (value < range.min || value > range.max)
    return reject(`${quantity} ${show(value)} is outside ${show(range.min)}–${show(range.max)} ${UNITS[quantity]}`);
  if (range.integer && !Number.isInteger(value)) return reject(`${quantity} ${show(value)} is not a whole number`);

  let at = ctx.now;
  if (time !== undefined) {
    at = new Date(time);
    if (Number.isNaN(at.getTime())) return reject(`time ${quote(time)} is not a real date`);
    if (at.getTime() - ctx.now.getTime() > MAX_FUTURE_MINUTES * 60_000)
      return reject(`time is more than ${MAX_FUTURE_MINUTES} minutes in the future`);
    if (ctx.now.getTime() - at.getTime() > MAX_AGE_DAYS * 86_400_000) return reject('time is more than a year in the past');
  }
  return { ok: true, reading: { exhibition: parts.exhibition, target, quantity, value, time: at.toISOString() } };
}
