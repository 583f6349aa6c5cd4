import { describe, expect, it } from 'vitest';
import { minimalExhibition } from '../fixtures';
import { Exhibition, type ExhibitionInput } from '../schema';
import type { AlertEvent, Quantity, Reading } from './contract';
import { LiveTwin, type LiveTwinOptions } from './live-twin';

type ArtInput = ExhibitionInput['artworks'][number];

/**
 * The fixture plus a second zone and a watercolour: zone "paintings" is the hall (8 × 6 m = 48 m²) with
 * sunrise (its zone field), harbour (by its room) and sketch (CIE high, ASHRAE AA); zone "side" is the gallery
 * (36 m²) with the terracotta vase (by its room).
 */
function exhibition(): Exhibition {
  const input = minimalExhibition();
  input.zones = [...(input.zones ?? []), { id: 'side', name: { en: 'Side' }, room: 'gallery' }];
  const [sunrise, harbour] = input.artworks as ArtInput[];
  delete (harbour as { zone?: string }).zone;
  const sketch = { ...sunrise!, id: 'sketch', accessionNumber: 'TM-009', medium: { en: 'Watercolour' }, environment: { light: 'high', climate: 'AA' } } as ArtInput;
  sketch.placement = { kind: 'wall', room: 'hall', wall: 0, offset: 3.5, height: 1.5 };
  delete (sketch as { zone?: string }).zone;
  input.artworks = [...input.artworks, sketch];
  return Exhibition.parse(input);
}

const EX = 'test-exhibition';
const T0 = Date.parse('2026-12-04T10:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const zone = (id: string, quantity: Quantity, value: number, minutes: number): Reading => ({ exhibition: EX, target: { kind: 'zone', id }, quantity, value, time: at(minutes).toISOString() });
const showcase = (id: string, quantity: Quantity, value: number, minutes: number): Reading => ({ ...zone(id, quantity, value, minutes), target: { kind: 'artwork', id } });
const twin = (options: LiveTwinOptions = {}) => new LiveTwin(exhibition(), { alertMinDurationSeconds: 0, ...options });
const summary = (events: AlertEvent[]) => events.map((e) => `${e.event} ${e.alert.kind} ${e.alert.limit} ${e.alert.artworks.join(',')}`);

describe('snapshot', () => {
  it('has every zone and work, in the contract shape, with limits and where they came from', () => {
    const s = twin().snapshot(at(0));
    expect(Object.keys(s.zones)).toEqual(['paintings', 'side']);
    expect(Object.keys(s.artworks)).toEqual(['sunrise', 'harbour', 'vase', 'sketch']);
    expect(s).toMatchObject({ exhibition: EX, time: at(0).toISOString(), staleAfterMinutes: 15, alerts: [] });
    expect(s.zones.side).toEqual({ id: 'side', values: {} });
    expect(s.artworks.sunrise).toEqual({
      id: 'sunrise',
      zone: 'paintings',
      values: {},
      limits: { illuminance: { max: 200 }, annualLuxHours: 600_000, uv: { max: 75 }, humidity: { min: 40, max: 60, maxFluctuation24h: 10 }, temperature: { min: 16, max: 25 } },
      limitsSource: expect.stringContaining('CIE 157:2004 category 2'),
      fluctuation24h: {},
      lightBudget: { usedLuxHours: 0, budgetLuxHours: 600_000, fractionUsed: 0, fractionOfYear: expect.closeTo((337 + 10 / 24) / 365, 12) },
      alerts: [],
    });
    expect(s.artworks.harbour?.zone).toBe('paintings');
    expect(s.artworks.vase).toMatchObject({ zone: 'side', limits: { humidity: { min: 40, max: 60 } } });
    expect(s.artworks.vase?.lightBudget).toBeUndefined();
    expect(JSON.parse(JSON.stringify(s))).toEqual(s); // travels as JSON unchanged
  });

  it('shows a value as stale after 15 minutes (configurable), never as live', () => {
    const t = twin();
    t.ingest(zone('paintings', 'temperature', 21.5, 0));
    expect(t.snapshot(at(15)).zones.paintings?.values.temperature).toEqual({ value: 21.5, time: at(0).toISOString(), stale: false });
    expect(t.snapshot(at(15.1)).zones.paintings?.values.temperature?.stale).toBe(true);
    const quick = twin({ staleAfterMinutes: 1 });
    quick.ingest(zone('paintings', 'temperature', 21.5, 0));
    expect(quick.snapshot(at(2)).zones.paintings?.values.temperature?.stale).toBe(true);
  });

  it('gives crowding per room from visitors and floor area: quiet, busy, crowded; none when stale', () => {
    const t = twin();
    const crowding = (n: number, minutes: number) => {
      t.ingest(zone('paintings', 'visitors', n, minutes));
      return t.snapshot(at(minutes)).zones.paintings?.crowding;
    };
    expect(crowding(14, 0)).toBe('quiet'); // 0.29 /m² in 48 m²
    expect(crowding(15, 1)).toBe('busy'); // 0.31
    expect(crowding(33, 2)).toBe('busy'); // 0.69
    expect(crowding(34, 3)).toBe('crowded'); // 0.71
    expect(t.snapshot(at(30)).zones.paintings?.crowding).toBeUndefined();
    const strict = twin({ crowding: { busy: 0.1, crowded: 0.2 } });
    strict.ingest(zone('side', 'visitors', 8, 0)); // 0.22 /m² in 36 m²
    expect(strict.snapshot(at(0)).zones.side?.crowding).toBe('crowded');
  });

  it("gives a work its own showcase sensor's readings, else its zone's, per quantity", () => {
    const t = twin();
    t.ingest(zone('paintings', 'humidity', 50, 0));
    t.ingest(zone('paintings', 'illuminance', 120, 0));
    t.ingest(showcase('sketch', 'humidity', 47, 1));
    const s = t.snapshot(at(1));
    expect(s.artworks.sketch?.values.humidity?.value).toBe(47);
    expect(s.artworks.sketch?.values.illuminance?.value).toBe(120);
    expect(s.artworks.sunrise?.values.humidity?.value).toBe(50);
    expect(s.artworks.vase?.values).toEqual({});
  });

  it('keeps the newest reading as the present; a late one does not replace it', () => {
    const t = twin();
    t.ingest(zone('paintings', 'temperature', 21, 10));
    expect(t.ingest(zone('paintings', 'temperature', 35, 5))).toEqual([]);
    expect(t.snapshot(at(10)).zones.paintings?.values.temperature?.value).toBe(21);
  });

  it('ignores readings for another exhibition or an unknown place', () => {
    const t = twin();
    t.ingest({ ...zone('paintings', 'humidity', 99, 0), exhibition: 'other' });
    t.ingest(zone('nowhere', 'humidity', 99, 0));
    expect(t.snapshot(at(0)).zones.paintings?.values).toEqual({});
  });
});

describe('conservation alerts', () => {
  it('names the zone, quantity, value, limit, since and the works whose limit is crossed', () => {
    const t = twin({ alertMinDurationSeconds: 120 });
    expect(t.ingest(zone('paintings', 'humidity', 58, 0))).toEqual([]); // over AA's 55 only: pending
    const events = t.tick(at(2));
    expect(summary(events)).toEqual(['raised above 55 sketch']);
    expect(events[0]!.alert).toMatchObject({ exhibition: EX, zone: 'paintings', quantity: 'humidity', value: 58, limit: 55, since: at(0).toISOString() });
    expect(t.snapshot(at(2)).artworks.sketch?.alerts).toEqual([events[0]!.alert.id]);
    expect(t.snapshot(at(2)).artworks.sunrise?.alerts).toEqual([]);
    t.ingest(zone('paintings', 'humidity', 50, 3));
    expect(summary(t.tick(at(5)))).toEqual(['cleared above 55 sketch']);
    expect(t.snapshot(at(5)).alerts).toEqual([]);
  });

  it('a humidity hovering around 60 % gives one alert and one recovery for the works limited there', () => {
    const t = twin({ alertMinDurationSeconds: 60 });
    const hover = [60.5, 59.5, 61, 59, 60.2, 59.8, 60.8, 59.2];
    const events = hover.flatMap((v, i) => t.ingest(zone('paintings', 'humidity', v, i * 0.5)));
    expect(summary(events).filter((e) => e.includes(' 60 '))).toEqual(['raised above 60 sunrise,harbour']);
    const after = [55, 55, 55].flatMap((v, i) => t.ingest(zone('paintings', 'humidity', v, 5 + i)));
    expect(summary(after).filter((e) => e.includes(' 60 '))).toEqual(['cleared above 60 sunrise,harbour']);
  });

  it("once a work's showcase reports a quantity, its zone's readings of it no longer speak for the work", () => {
    const t = twin();
    expect(summary(t.ingest(zone('paintings', 'humidity', 63, 0)))).toEqual(['raised above 60 sunrise,harbour', 'raised above 55 sketch']);
    t.ingest(showcase('sunrise', 'humidity', 50, 1));
    t.ingest(zone('paintings', 'humidity', 64, 2));
    expect(t.snapshot(at(2)).alerts.find((a) => a.limit === 60)?.artworks).toEqual(['harbour']);
    expect(t.snapshot(at(2)).artworks.sunrise?.alerts).toEqual([]);
    // The last work behind the 55 % limit gets its own sensor: that alert is cleared, not left up for ever.
    t.ingest(showcase('sketch', 'humidity', 50, 3));
    expect(summary(t.ingest(zone('paintings', 'humidity', 64, 4)))).toEqual(['cleared above 55 sketch']);
    expect(t.snapshot(at(4)).alerts.map((a) => a.limit)).toEqual([60]);
  });

  it('watches the 24 h spread against each band', () => {
    const t = twin();
    const events = [...t.ingest(zone('paintings', 'humidity', 42, 0)), ...t.ingest(zone('paintings', 'humidity', 53, 120))];
    expect(summary(events)).toEqual(['raised below 45 sketch', 'raised fluctuation 10 sunrise,harbour,sketch', 'cleared below 45 sketch']);
    expect(t.snapshot(at(120)).artworks.sunrise?.fluctuation24h).toEqual({ humidity: 11 });
    expect(t.snapshot(at(24 * 60 + 1)).artworks.sunrise?.fluctuation24h).toEqual({ humidity: 0 }); // the first has left the window
    expect(t.snapshot(at(120 + 24 * 60)).artworks.sunrise?.fluctuation24h).toEqual({}); // and then the second
  });

  it('light: over the lux limit, and lux-hours ahead of the pro-rata budget', () => {
    const t = new LiveTwin(exhibition(), { alertMinDurationSeconds: 0 });
    const july = Date.parse('2026-07-02T12:00:00Z'); // half the year gone: allowance 60 % of the budget
    t.restore({ luxHours: { sketch: 9_500, sunrise: 1_000 }, recent: [], asOf: new Date(july).toISOString() });
    const events = t.ingest({ ...zone('paintings', 'illuminance', 80, 0), time: new Date(july).toISOString() });
    expect(summary(events)).toEqual(['raised above 50 sketch', 'raised light-budget 9000 sketch']);
    expect(events[1]!.alert).toMatchObject({ quantity: 'illuminance', zone: 'paintings', value: 9_500 });
    const budget = t.snapshot(new Date(july)).artworks.sketch?.lightBudget;
    expect(budget?.fractionUsed).toBeCloseTo(9_500 / 15_000, 9);
    expect(budget?.fractionOfYear).toBeCloseTo(0.5, 9);
  });
});

describe('lux-hours and restore', () => {
  it("adds each zone reading's light to the works there (61 % of the budget by 4 December)", () => {
    const t = twin();
    t.restore({ luxHours: { sunrise: 366_000 }, recent: [], asOf: at(0).toISOString() });
    t.ingest(zone('paintings', 'illuminance', 40, 0));
    t.ingest(zone('paintings', 'illuminance', 60, 30)); // 25 lx·h
    const s = t.snapshot(at(30));
    expect(s.artworks.sunrise?.lightBudget?.usedLuxHours).toBeCloseTo(366_025, 6);
    expect(Math.round(s.artworks.sunrise!.lightBudget!.fractionUsed * 100)).toBe(61);
    expect(t.luxHoursTotals(at(30))).toEqual({ sunrise: 366_025, harbour: 25, sketch: 25 });
  });

  it('rebuilds after a restart: values, windows and active alerts, without counting light twice or raising again', () => {
    const before = twin({ alertMinDurationSeconds: 60 });
    const recent = [zone('paintings', 'humidity', 65, 0), zone('paintings', 'humidity', 65, 2), zone('paintings', 'illuminance', 40, 0), zone('paintings', 'illuminance', 40, 30)];
    const raised = recent.flatMap((r) => before.ingest(r));
    expect(raised.length).toBeGreaterThan(0);
    const stored = before.luxHoursTotals(at(30));
    const after = twin({ alertMinDurationSeconds: 60 });
    after.restore({ luxHours: stored, recent, asOf: at(30).toISOString() });
    const s = after.snapshot(at(30));
    expect(s.alerts.map((a) => a.id)).toEqual(before.snapshot(at(30)).alerts.map((a) => a.id));
    expect(s.artworks.sunrise?.lightBudget?.usedLuxHours).toBeCloseTo(20, 9);
    expect(after.ingest(zone('paintings', 'humidity', 65, 31))).toEqual([]);
    after.ingest(zone('paintings', 'illuminance', 40, 60));
    expect(after.snapshot(at(60)).artworks.sunrise?.lightBudget?.usedLuxHours).toBeCloseTo(40, 9);
  });
});
