import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exhibitionSensors, parseSensorMessage, zoneArea } from '../twin/live/index';
import { validateExhibition } from '../twin/validate';
import { DEFAULT_EXHIBITION } from './config';
import { SimulatedGalleries } from './simulator';

const result = validateExhibition(JSON.parse(readFileSync(DEFAULT_EXHIBITION, 'utf8')));
if (!result.ok) throw new Error('the default exhibition does not validate');
const ex = result.exhibition;
/** A local time today (the simulator follows the server's clock, like a building's lighting schedule). */
const local = (hour: number, minute = 0) => new Date(2026, 11, 4, hour, minute);
const byQuantity = (rs: { topic: string; value: number }[], q: string) => rs.filter((r) => r.topic.endsWith(`/${q}`)).map((r) => r.value);

describe('the simulated galleries', () => {
  it('report every zone and quantity, each reading one the server accepts', () => {
    const readings = new SimulatedGalleries(ex, 7).readings(local(12));
    expect(readings).toHaveLength(ex.zones.length * 5);
    const ctx = { exhibitions: new Map([[ex.id, exhibitionSensors(ex)]]), now: local(12) };
    for (const r of readings) expect(parseSensorMessage(r.topic, JSON.stringify({ value: r.value }), ctx).ok, r.topic).toBe(true);
  });

  it('keep the climate plausible for a museum all day', () => {
    const sim = new SimulatedGalleries(ex, 3);
    for (let h = 0; h < 24; h++) {
      const rs = sim.readings(local(h));
      for (const t of byQuantity(rs, 'temperature')) expect(t > 19.5 && t < 22.5, `${t} °C at ${h} h`).toBe(true);
      for (const rh of byQuantity(rs, 'humidity')) expect(rh > 44 && rh < 56, `${rh} % RH at ${h} h`).toBe(true);
    }
  });

  it('switch the lights off and empty the rooms at night, and fill some rooms in the afternoon', () => {
    const sim = new SimulatedGalleries(ex, 11);
    const night = sim.readings(local(23));
    expect(byQuantity(night, 'illuminance').every((v) => v === 0)).toBe(true);
    expect(byQuantity(night, 'visitors').every((v) => v === 0)).toBe(true);
    let afternoon: number[] = [];
    for (let m = 0; m < 60; m += 5) afternoon = byQuantity(sim.readings(local(15, m)), 'visitors');
    // People per m²: one room is busy (0.3 and over, as the live twin counts it), not every room.
    const density = afternoon.map((v, i) => v / zoneArea(ex, ex.zones[i]!)!);
    expect(Math.max(...density)).toBeGreaterThanOrEqual(0.3);
    expect(Math.min(...density)).toBeLessThan(0.3);
    expect(byQuantity(sim.readings(local(15)), 'illuminance').every((v) => v >= 40 && v <= 220)).toBe(true);
  });

  it('repeat exactly with the same seed', () => {
    expect(new SimulatedGalleries(ex, 42).readings(local(10, 30))).toEqual(new SimulatedGalleries(ex, 42).readings(local(10, 30)));
    expect(new SimulatedGalleries(ex, 42).readings(local(10, 30))).not.toEqual(new SimulatedGalleries(ex, 43).readings(local(10, 30)));
  });
});
