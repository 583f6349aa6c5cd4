/**
 * The history store's behaviour, written once and run against each engine (SQLite and a real PostgreSQL):
 * round trip, downsampling from the rollups, recent readings, lux-hours, and no loss of an acknowledged
 * reading when the writer is SIGKILLed.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Reading, ReadingTarget } from '../../twin/live/contract';
import { openHistoryStore, type HistoryStore, type HistoryStoreOptions } from '../history/index';

export interface Engine {
  /** Options for a store (a fresh SQLite folder, or the test's PostgreSQL). */
  options(): Promise<HistoryStoreOptions>;
  /** Runs one SQL statement on that store's database, behind the store's back. */
  sql(o: HistoryStoreOptions, statement: string): Promise<void>;
  /** SQL that takes the database back to schema 1 (before lux_hour), to check the migration fills it. */
  readonly backToSchema1: string;
}

const zone = (id: string): ReadingTarget => ({ kind: 'zone', id });
const artwork = (id: string): ReadingTarget => ({ kind: 'artwork', id });
let unique = 0;
/** Each case its own exhibition, so cases sharing one PostgreSQL database never see each other's rows. */
const exhibitionId = (): string => `ex-${process.pid}-${++unique}-${Date.now()}`;
const reading = (exhibition: string, target: ReadingTarget, quantity: Reading['quantity'], time: string, value: number): Reading => ({
  exhibition, target, quantity, time, value,
});

async function withStore<T>(o: HistoryStoreOptions, fn: (s: HistoryStore) => Promise<T>): Promise<T> {
  const store = await openHistoryStore(o);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export function historyStoreCases(engine: Engine): void {
  it('gives back what was appended, raw for a short range, a redelivered reading once', async () => {
    const o = await engine.options();
    const ex = exhibitionId();
    const rows = [
      reading(ex, zone('gallery-1'), 'temperature', '2026-12-04T10:00:00Z', 21.4),
      reading(ex, zone('gallery-1'), 'temperature', '2026-12-04T10:01:00Z', 21.6),
      reading(ex, zone('gallery-1'), 'humidity', '2026-12-04T10:01:00Z', 48),
      reading(ex, artwork('vermeer'), 'temperature', '2026-12-04T10:01:00Z', 19.9),
    ];
    await withStore(o, async (s) => {
      await s.append(rows);
      await s.append([rows[1]!, reading(ex, zone('gallery-1'), 'temperature', '2026-12-04T09:59:00Z', 21.0)]);
      const h = await s.query({ exhibition: ex, target: zone('gallery-1'), quantity: 'temperature', from: new Date('2026-12-04T09:00:00Z'), to: new Date('2026-12-04T11:00:00Z') });
      expect(h.bucketSeconds).toBe(0);
      expect(h.from).toBe('2026-12-04T09:00:00.000Z');
      expect(h.points).toEqual([
        [Date.parse('2026-12-04T09:59:00Z'), 21.0, 21.0, 21.0],
        [Date.parse('2026-12-04T10:00:00Z'), 21.4, 21.4, 21.4],
        [Date.parse('2026-12-04T10:01:00Z'), 21.6, 21.6, 21.6],
      ]);
      const work = await s.query({ exhibition: ex, target: artwork('vermeer'), quantity: 'temperature', from: new Date('2026-12-04T00:00:00Z'), to: new Date('2026-12-05T00:00:00Z') });
      expect(work.points).toEqual([[Date.parse('2026-12-04T10:01:00Z'), 19.9, 19.9, 19.9]]);
      const none = await s.query({ exhibition: ex, target: zone('nowhere'), quantity: 'temperature', from: new Date('2026-12-04T00:00:00Z'), to: new Date('2026-12-05T00:00:00Z') });
      expect(none.points).toEqual([]);
      await expect(s.query({ exhibition: ex, target: zone('gallery-1'), quantity: 'temperature', from: new Date('2026-12-05T00:00:00Z'), to: new Date('2026-12-04T00:00:00Z') })).rejects.toThrow(/after/);
    });
  });

  it('answers a year chart from the rollups: mean, min and max per bucket, within maxPoints', { timeout: 120_000 }, async () => {
    const o = await engine.options();
    const ex = exhibitionId();
    const start = Date.parse('2026-01-01T00:00:00Z');
    const step = 20 * 60_000; // every 20 min for a year: 26,280 readings
    const all: Reading[] = [];
    for (let t = start; t < start + 365 * 86_400_000; t += step)
      all.push(reading(ex, zone('hall'), 'humidity', new Date(t).toISOString(), 40 + ((t / step) % 11)));
    await withStore(o, async (s) => {
      for (let i = 0; i < all.length; i += 2000) await s.append(all.slice(i, i + 2000));
    });
    // With the raw readings gone, only the rollups can answer: the year chart must not depend on raw rows.
    await engine.sql(o, `DELETE FROM readings WHERE series_id IN (SELECT id FROM series WHERE exhibition = '${ex}')`);
    await withStore(o, async (s) => {
      const q = { exhibition: ex, target: zone('hall'), quantity: 'humidity' as const, from: new Date(start), to: new Date('2026-12-31T23:59:59Z') };
      const halfDays = await s.query(q);
      expect(halfDays.bucketSeconds).toBe(43_200);
      expect(halfDays.points.length).toBe(730);
      const days = await s.query({ ...q, maxPoints: 400 });
      expect(days.bucketSeconds).toBe(86_400);
      expect(days.points.length).toBe(365);
      // Check one day against the readings themselves.
      const day = Date.parse('2026-07-14T00:00:00Z');
      const values = all.filter((r) => Date.parse(r.time) >= day && Date.parse(r.time) < day + 86_400_000).map((r) => r.value);
      const point = days.points.find((p) => p[0] === day)!;
      expect(point[1]).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
      expect([point[2], point[3]]).toEqual([Math.min(...values), Math.max(...values)]);
    });
  });

  it('buckets raw readings for a range between a day and a month', { timeout: 120_000 }, async () => {
    const o = await engine.options();
    const ex = exhibitionId();
    const start = Date.parse('2026-12-01T00:00:00Z');
    const week = Array.from({ length: 7 * 1440 }, (_, i) => reading(ex, zone('hall'), 'temperature', new Date(start + i * 60_000).toISOString(), i % 2 ? 20 : 22));
    await withStore(o, async (s) => {
      for (let i = 0; i < week.length; i += 2500) await s.append(week.slice(i, i + 2500));
      const h = await s.query({ exhibition: ex, target: zone('hall'), quantity: 'temperature', from: new Date(start), to: new Date(start + 7 * 86_400_000 - 1) });
      expect(h.bucketSeconds).toBe(900); // 7 days in at most 1000 points
      expect(h.points.length).toBe(672);
      const [t0, mean, lo, hi] = h.points[0]!;
      expect([t0, lo, hi]).toEqual([start, 20, 22]);
      expect(mean).toBeCloseTo((8 * 22 + 7 * 20) / 15, 9); // 15 one-minute readings, the first 22
    });
  });

  it('lists the readings since a time, oldest first, of that exhibition only', async () => {
    const o = await engine.options();
    const ex = exhibitionId();
    const other = exhibitionId();
    await withStore(o, async (s) => {
      await s.append([
        reading(ex, zone('a'), 'visitors', '2026-12-06T08:00:00Z', 3),
        reading(ex, artwork('w'), 'illuminance', '2026-12-06T09:30:00Z', 50),
        reading(ex, zone('a'), 'visitors', '2026-12-06T09:00:00Z', 7),
        reading(other, zone('a'), 'visitors', '2026-12-06T09:10:00Z', 99),
      ]);
      expect(await s.recent(ex, new Date('2026-12-06T08:30:00Z'))).toEqual([
        reading(ex, zone('a'), 'visitors', '2026-12-06T09:00:00.000Z', 7),
        reading(ex, artwork('w'), 'illuminance', '2026-12-06T09:30:00.000Z', 50),
      ]);
    });
  });

  it('integrates lux-hours this year per work and per zone, counting nothing across a gap over 30 min', async () => {
    const o = await engine.options();
    const ex = exhibitionId();
    const lux = (target: ReadingTarget, time: string, value: number): Reading => reading(ex, target, 'illuminance', time, value);
    const vermeer = [
      lux(artwork('vermeer'), '2025-12-31T23:00:00Z', 1000), // last year: nothing counts
      lux(artwork('vermeer'), '2026-01-10T10:00:00Z', 100),
      lux(artwork('vermeer'), '2026-01-10T10:30:00Z', 200), // 30 min: (100 + 200) / 2 × 0.5 h = 75
      lux(artwork('vermeer'), '2026-01-10T11:30:00Z', 200), // 60 min gap: nothing
      lux(artwork('vermeer'), '2026-01-10T11:40:00Z', 50), // (200 + 50) / 2 × 1/6 h = 20.83
      lux(artwork('vermeer'), '2026-03-02T12:00:00Z', 5000), // after now
      lux(artwork('vermeer'), '2026-03-02T12:10:00Z', 5000),
    ];
    await withStore(o, async (s) => {
      // Late and out of order, as a sensor catching up after an outage delivers them, and one redelivered.
      await s.append([vermeer[0]!, vermeer[1]!, vermeer[4]!, vermeer[6]!]);
      await s.append([vermeer[3]!, vermeer[2]!, vermeer[5]!, vermeer[1]!]);
      await s.append([
        lux(zone('gallery-1'), '2026-02-01T10:00:00Z', 50),
        lux(zone('gallery-1'), '2026-02-01T10:10:00Z', 50), // 50 × 1/6 h = 8.33
        reading(ex, artwork('vermeer'), 'temperature', '2026-01-10T10:10:00Z', 20),
      ]);
      const got = await s.luxHoursThisYear(ex, new Date('2026-03-01T12:00:00Z'));
      expect(Object.keys(got).sort()).toEqual(['artwork:vermeer', 'zone:gallery-1']);
      expect(got['artwork:vermeer']).toBeCloseTo(75 + 250 / 12, 9);
      expect(got['zone:gallery-1']).toBeCloseTo(50 / 6, 9);
      expect((await s.luxHoursThisYear(ex, new Date('2026-12-31T00:00:00Z')))['artwork:vermeer']).toBeCloseTo(75 + 250 / 12 + 5000 / 6, 9);
    });
  });

  it('fills lux-hours for readings stored before the lux_hour table existed (schema 1 → 2)', async () => {
    const o = await engine.options();
    const ex = exhibitionId();
    await withStore(o, (s) =>
      s.append([0, 10, 20, 60].map((m) => reading(ex, artwork('w'), 'illuminance', new Date(Date.parse('2026-05-01T10:00:00Z') + m * 60_000).toISOString(), 60))),
    );
    await engine.sql(o, engine.backToSchema1);
    const got = await withStore(o, (s) => s.luxHoursThisYear(ex, new Date('2026-06-01T00:00:00Z')));
    expect(got['artwork:w']).toBeCloseTo(20, 9); // 60 lx × 20 min; the 40 min gap counts nothing
  });

  it('keeps every acknowledged reading when the writer is SIGKILLed', { timeout: 120_000 }, async () => {
    const o = await engine.options();
    const ex = exhibitionId();
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'append-child.ts'), JSON.stringify({ ...o, exhibition: ex })], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let acked = 0;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      let buffered = '';
      child.stdout.on('data', (d: Buffer) => {
        buffered += d.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines) acked = Math.max(acked, Number(line.replace('acked ', '')));
        if (acked >= 1000) {
          child.kill('SIGKILL'); // right after an append resolved, likely in the middle of the next one
          resolve();
        }
      });
      child.once('exit', () => reject(new Error(`writer exited early: ${stderr}`)));
    });
    await exited;
    const stored = await withStore(o, (s) => s.recent(ex, new Date(0)));
    expect(stored.length).toBeGreaterThanOrEqual(acked);
    expect(stored.length % 50).toBe(0); // whole batches: a transaction is all or nothing
  });

  // Last: in a shared PostgreSQL the prune mark holds for every exhibition, so its times lie long before the others'.
  it('prunes raw readings older than the cut, while the rollups and lux-hours stay, also after a restart', async () => {
    const o = await engine.options();
    const ex = exhibitionId();
    const at = (min: number) => new Date(Date.parse('2000-06-01T10:00:00Z') + min * 60_000).toISOString();
    const temps = Array.from({ length: 13 }, (_, i) => reading(ex, zone('hall'), 'temperature', at(i * 10), 20 + i)); // 10:00 … 12:00
    const light = Array.from({ length: 13 }, (_, i) => reading(ex, artwork('vermeer'), 'illuminance', at(i * 10), 50 + 10 * i));
    const cut = new Date('2000-06-01T11:00:00Z');
    const range = { exhibition: ex, target: zone('hall'), quantity: 'temperature' as const, from: new Date(at(0)), to: new Date(at(120)) };
    const yearEnd = new Date('2000-12-31T23:00:00Z');
    const luxBefore = await withStore(o, async (s) => {
      await s.append([...temps, ...light]);
      const lux = await s.luxHoursThisYear(ex, yearEnd);
      expect(await s.pruneRaw(cut)).toBe(12); // 10:00 … 10:50 of both series
      expect((await s.recent(ex, new Date(0))).map((r) => r.time)).toEqual([...temps.slice(6), ...light.slice(6)].map((r) => r.time).sort());
      return lux;
    });
    expect(luxBefore[`artwork:vermeer`]).toBeGreaterThan(0);
    await withStore(o, async (s) => {
      // A late reading older than the cut is not stored: its hour is summarised already.
      await s.append([reading(ex, zone('hall'), 'temperature', at(5), 99)]);
      // The range reaches before the cut: hourly buckets from the rollup, the same as before pruning.
      const h = await s.query(range);
      expect(h.bucketSeconds).toBe(3600);
      expect(h.points.slice(0, 2)).toEqual([
        [Date.parse(at(0)), 22.5, 20, 25], // 10:00–10:50: 20 … 25
        [Date.parse(at(60)), 28.5, 26, 31], // 11:00–11:50
      ]);
      // After the cut: raw readings as ever.
      const raw = await s.query({ ...range, from: cut });
      expect(raw.bucketSeconds).toBe(0);
      expect(raw.points.map((p) => p[1])).toEqual(temps.slice(6).map((r) => r.value));
      expect(await s.luxHoursThisYear(ex, yearEnd)).toEqual(luxBefore);
    });
  });

  it('keeps sensor health across a restart', async () => {
    const o = await engine.options();
    const ex = exhibitionId();
    const rejection = { sensor: `museum/${ex}/hall/humidity`, reason: 'outside physical range (140 % RH)', time: '2026-12-06T10:00:00.000Z' };
    await withStore(o, async (s) => {
      await s.saveSensorHealth(ex, [
        { sensor: `museum/${ex}/hall/temperature`, accepted: 10, rejected: 0, lastSeen: '2026-12-06T09:00:00.000Z' },
        { sensor: rejection.sensor, accepted: 3, rejected: 1, lastSeen: rejection.time, lastRejection: rejection },
      ]);
      await s.saveSensorHealth(ex, [{ sensor: `museum/${ex}/hall/temperature`, accepted: 11, rejected: 0, lastSeen: '2026-12-06T09:01:00.000Z' }]);
    });
    await withStore(o, async (s) => {
      expect(await s.sensorHealth(ex)).toEqual([
        { sensor: rejection.sensor, accepted: 3, rejected: 1, lastSeen: rejection.time, lastRejection: rejection },
        { sensor: `museum/${ex}/hall/temperature`, accepted: 11, rejected: 0, lastSeen: '2026-12-06T09:01:00.000Z' },
      ]);
      expect(await s.sensorHealth(exhibitionId())).toEqual([]);
    });
  });
}
