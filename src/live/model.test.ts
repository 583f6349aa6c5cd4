import { describe, expect, it } from 'vitest';
import type { Alert, LiveSnapshot } from '../twin/live/contract';
import {
  applyAlertEvent,
  brokerWsUrl,
  decodeLastKnown,
  encodeLastKnown,
  formatAgo,
  formatClock,
  heatLegend,
  heatLevel,
  historyUrl,
  lightBudgetParts,
  newer,
  spanRange,
  withUnit,
} from './model';

const snapshot = (time = '2026-12-06T10:00:00Z'): LiveSnapshot => ({
  exhibition: 'default',
  time,
  staleAfterMinutes: 15,
  zones: { gallery: { id: 'gallery', values: { visitors: { value: 12, time, stale: false } }, crowding: 'busy' } },
  artworks: {
    a1: { id: 'a1', zone: 'gallery', values: {}, limits: {}, fluctuation24h: {}, alerts: [] },
    a2: { id: 'a2', zone: 'gallery', values: {}, limits: {}, fluctuation24h: {}, alerts: [] },
  },
  alerts: [],
});

const alert: Alert = {
  id: 'al-1',
  exhibition: 'default',
  zone: 'gallery',
  artworks: ['a1'],
  quantity: 'humidity',
  kind: 'above',
  value: 72,
  limit: 60,
  since: '2026-12-06T09:58:00Z',
};

describe('heat overlay classes', () => {
  it('puts a zone below, within or above the band, and says the band in numbers', () => {
    expect(heatLevel('humidity', 35)).toBe('low');
    expect(heatLevel('humidity', 55)).toBe('ok');
    expect(heatLevel('humidity', 72)).toBe('high');
    expect(heatLevel('illuminance', 0)).toBe('ok');
    expect(heatLevel('uv', 120)).toBe('high');
    expect(heatLegend('humidity', 'en').map((l) => `${l.bound ?? ''} ${l.range}`.trim())).toEqual(['below 40 % RH', '40–60 % RH', 'above 60 % RH']);
    // Light has no lower limit: two levels only.
    expect(heatLegend('illuminance', 'en').map((l) => l.level)).toEqual(['ok', 'high']);
    expect(withUnit('temperature', 21.44, 'it')).toBe('21,4 °C');
  });
});

describe('age of what is shown', () => {
  const now = new Date('2026-12-06T10:45:00Z');
  it('says how long ago, in the language', () => {
    expect(formatAgo('2026-12-06T10:42:00Z', now, 'en')).toBe('3 min. ago');
    expect(formatAgo('2026-12-06T10:44:50Z', now, 'en')).toBe('now');
    expect(formatAgo('2026-12-06T08:45:00Z', now, 'en')).toBe('2 hr. ago');
    expect(formatAgo('2026-12-05T10:45:00Z', now, 'en')).toBe('yesterday');
    expect(formatAgo('2026-12-06T10:42:00Z', now, 'it')).toBe('3 min fa');
  });
  it('gives the clock time, with the day when it is not today', () => {
    expect(formatClock('2026-12-06T10:42:00Z', now, 'en-GB')).toMatch(/\d\d:42/);
    expect(formatClock('2026-12-01T10:42:00Z', now, 'en-GB')).toMatch(/^1 Dec/);
  });
});

describe('light budget wording', () => {
  it('gives the percent used and the day, and whether it runs ahead of the year', () => {
    const p = lightBudgetParts({ usedLuxHours: 91_500, budgetLuxHours: 150_000, fractionUsed: 0.61, fractionOfYear: 0.926 }, new Date('2026-12-04T12:00:00Z'), 'en-GB');
    expect(p).toEqual({ percent: '61%', date: '4 December', ahead: false });
    expect(lightBudgetParts({ usedLuxHours: 1, budgetLuxHours: 1, fractionUsed: 0.5, fractionOfYear: 0.25 }, new Date('2026-04-01T12:00:00Z'), 'it').ahead).toBe(true);
  });
});

describe('history addresses', () => {
  it('asks the history API and its CSV for one place, quantity and range', () => {
    const r = spanRange('24h', new Date('2026-12-06T10:00:00Z'));
    expect(r).toEqual({ from: '2026-12-05T10:00:00.000Z', to: '2026-12-06T10:00:00.000Z' });
    expect(historyUrl('default', { kind: 'artwork', id: 'a 1' }, 'humidity', r, 'csv')).toBe(
      '/api/exhibitions/default/history.csv?artwork=a+1&quantity=humidity&from=2026-12-05T10%3A00%3A00.000Z&to=2026-12-06T10%3A00%3A00.000Z',
    );
    expect(historyUrl('default', { kind: 'zone', id: 'gallery' }, 'visitors', r)).toMatch(/^\/api\/exhibitions\/default\/history\?zone=gallery&quantity=visitors&/);
  });
  it('connects to the broker on the page’s own origin', () => {
    expect(brokerWsUrl('/mqtt', { protocol: 'http:', host: '127.0.0.1:5173' })).toBe('ws://127.0.0.1:5173/mqtt');
    expect(brokerWsUrl('/mqtt', { protocol: 'https:', host: 'museum.example' })).toBe('wss://museum.example/mqtt');
    expect(brokerWsUrl('wss://broker.example/mqtt', { protocol: 'http:', host: 'x' })).toBe('wss://broker.example/mqtt');
  });
});

describe('alert events on the last snapshot', () => {
  it('adds a raised alert at its works and removes it when cleared', () => {
    const raised = applyAlertEvent(snapshot(), { event: 'raised', alert });
    expect(raised.alerts.map((a) => a.id)).toEqual(['al-1']);
    expect(raised.artworks.a1!.alerts).toEqual(['al-1']);
    expect(raised.artworks.a2!.alerts).toEqual([]);
    // Raised twice (the latest value): one alert, not two.
    const again = applyAlertEvent(raised, { event: 'raised', alert: { ...alert, value: 74 } });
    expect(again.alerts).toHaveLength(1);
    expect(again.alerts[0]!.value).toBe(74);
    expect(again.artworks.a1!.alerts).toEqual(['al-1']);
    const cleared = applyAlertEvent(again, { event: 'cleared', alert: { ...alert, clearedAt: '2026-12-06T10:10:00Z' } });
    expect(cleared.alerts).toEqual([]);
    expect(cleared.artworks.a1!.alerts).toEqual([]);
  });
  it('ignores another exhibition’s alert', () => {
    const s = snapshot();
    expect(applyAlertEvent(s, { event: 'raised', alert: { ...alert, exhibition: 'other' } })).toBe(s);
  });
  it('keeps the newer snapshot when a retained one arrives after a fetch', () => {
    const older = snapshot('2026-12-06T09:00:00Z');
    const recent = snapshot('2026-12-06T10:00:00Z');
    expect(newer(recent, older)).toBe(recent);
    expect(newer(older, recent)).toBe(recent);
    expect(newer(undefined, older)).toBe(older);
  });
});

describe('last known values kept in the browser', () => {
  it('reads back what it wrote, for the same exhibition only', () => {
    const k = { snapshot: snapshot(), receivedAt: '2026-12-06T10:00:01Z' };
    expect(decodeLastKnown(encodeLastKnown(k), 'default')).toEqual(k);
    expect(decodeLastKnown(encodeLastKnown(k), 'other')).toBeUndefined();
  });
  it('gives nothing for damaged or foreign data instead of showing it', () => {
    expect(decodeLastKnown(null, 'default')).toBeUndefined();
    expect(decodeLastKnown('{not json', 'default')).toBeUndefined();
    expect(decodeLastKnown(JSON.stringify({ snapshot: { exhibition: 'default', time: 'yesterday' }, receivedAt: 'x' }), 'default')).toBeUndefined();
    expect(decodeLastKnown(JSON.stringify({ snapshot: { ...snapshot(), alerts: 'none' }, receivedAt: 'x' }), 'default')).toBeUndefined();
  });
});
