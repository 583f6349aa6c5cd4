/**
 * A series is one exhibition's one target's one quantity; readings reference it by a small integer id so the raw
 * table stays narrow (series, time, value) and its primary key is the (exhibition, target, quantity, time) index.
 */
import { QUANTITIES, type Quantity, type Reading, type ReadingTarget } from '../../twin/live/contract';

export const seriesKey = (exhibition: string, target: ReadingTarget, quantity: Quantity): string =>
  `${exhibition}\u0000${target.kind}\u0000${target.id}\u0000${quantity}`;

/** Unix ms of a reading's ISO time; a clear error for a time the server should never have accepted. */
export function readingTimeMs(r: Reading): number {
  const ms = Date.parse(r.time);
  if (!Number.isFinite(ms)) throw new Error(`History: reading for ${r.target.kind} ${r.target.id} has an invalid time "${r.time}"`);
  if (!Number.isFinite(r.value)) throw new Error(`History: reading for ${r.target.kind} ${r.target.id} has a non-finite value`);
  if (!(QUANTITIES as readonly string[]).includes(r.quantity)) throw new Error(`History: unknown quantity "${r.quantity}"`);
  return ms;
}

/** A row read back from either engine, as the contract's Reading. */
export function readingOf(exhibition: string, kind: string, id: string, quantity: string, timeMs: number, value: number): Reading {
  const target: ReadingTarget = kind === 'artwork' ? { kind: 'artwork', id } : { kind: 'zone', id };
  return { exhibition, target, quantity: quantity as Quantity, value, time: new Date(timeMs).toISOString() };
}
