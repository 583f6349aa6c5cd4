import { describe, expect, it } from 'vitest';
import { minimalExhibition } from '../fixtures';
import { Exhibition } from '../schema';
import { exhibitionSensors, isSensorTopic, parseSensorMessage, type SensorContext } from './sensor-message';

const now = new Date('2026-12-04T10:20:00Z');
const ctx: SensorContext = {
  exhibitions: new Map([['test-exhibition', { zones: new Set(['paintings']), artworks: new Set(['sunrise']) }]]),
  now,
};

const reason = (topic: string, payload: Uint8Array | string, c: SensorContext = ctx): string => {
  const r = parseSensorMessage(topic, payload, c);
  if (r.ok) throw new Error(`accepted ${JSON.stringify(r.reading)}`);
  expect(r.rejection.sensor).toBe(topic);
  expect(r.rejection.time).toBe(now.toISOString());
  return r.rejection.reason;
};

describe('sensor topics', () => {
  it('knows the zone and artwork forms and nothing else', () => {
    expect(isSensorTopic('museum/ex/hall/temperature')).toBe(true);
    expect(isSensorTopic('museum/ex/artworks/sunrise/uv')).toBe(true);
    expect(isSensorTopic('museum/ex/alerts')).toBe(false);
    expect(isSensorTopic('twin/ex/snapshot')).toBe(false);
    expect(isSensorTopic('museum/ex/hall/temperature/extra')).toBe(false);
    expect(isSensorTopic('museum//hall/temperature')).toBe(false);
  });
});

describe('parseSensorMessage accepts', () => {
  it('a zone reading with its own time, normalised to UTC', () => {
    const r = parseSensorMessage('museum/test-exhibition/paintings/humidity', '{"value": 52.5, "time": "2026-12-04T11:15:00+01:00"}', ctx);
    expect(r).toEqual({
      ok: true,
      reading: { exhibition: 'test-exhibition', target: { kind: 'zone', id: 'paintings' }, quantity: 'humidity', value: 52.5, time: '2026-12-04T10:15:00.000Z' },
    });
  });

  it('a showcase reading as bytes, without time (then the time received), ignoring extra fields', () => {
    const bytes = new TextEncoder().encode('{"value": 38, "battery": 0.9}');
    const r = parseSensorMessage('museum/test-exhibition/artworks/sunrise/illuminance', bytes, ctx);
    expect(r.ok && r.reading).toEqual({
      exhibition: 'test-exhibition', target: { kind: 'artwork', id: 'sunrise' }, quantity: 'illuminance', value: 38, time: now.toISOString(),
    });
  });

  it('the edges of each physical range', () => {
    for (const [q, v] of [['temperature', -40], ['temperature', 80], ['humidity', 0], ['humidity', 100], ['uv', 10000], ['visitors', 0], ['illuminance', 200000]] as const)
      expect(parseSensorMessage(`museum/test-exhibition/paintings/${q}`, JSON.stringify({ value: v }), ctx).ok).toBe(true);
  });

  it('a time up to 5 minutes ahead (clock drift)', () => {
    expect(parseSensorMessage('museum/test-exhibition/paintings/uv', '{"value": 10, "time": "2026-12-04T10:24:59Z"}', ctx).ok).toBe(true);
  });
});

describe('parseSensorMessage rejects, saying why', () => {
  const zone = 'museum/test-exhibition/paintings/humidity';

  it('an oversized message before reading it', () => {
    expect(reason(zone, 'x'.repeat(70_000))).toBe('message of 70000 bytes is over the 4096-byte limit');
    expect(reason(zone, new Uint8Array(200), { ...ctx, maxBytes: 100 })).toBe('message of 200 bytes is over the 100-byte limit');
  });

  it('a topic of the wrong shape', () => {
    expect(reason('museum/test-exhibition/humidity', '{"value":1}')).toMatch(/^topic "museum\/test-exhibition\/humidity" is not museum\/<exhibition>\/<zone>\/<quantity>/);
  });

  it('an unknown exhibition, quantity, zone or work', () => {
    expect(reason('museum/elsewhere/paintings/humidity', '{"value":1}')).toBe('unknown exhibition "elsewhere"');
    expect(reason('museum/test-exhibition/paintings/co2', '{"value":1}')).toBe('unknown quantity "co2": one of temperature, humidity, illuminance, uv, visitors');
    expect(reason('museum/test-exhibition/x/humidity', '{"value":1}')).toBe('unknown zone "x" in exhibition "test-exhibition"');
    expect(reason('museum/test-exhibition/artworks/mona/uv', '{"value":1}')).toBe('unknown artwork "mona" in exhibition "test-exhibition"');
  });

  it('a payload that is not UTF-8, not JSON, or not an object', () => {
    expect(reason(zone, new Uint8Array([0xff, 0xfe, 0x7b]))).toBe('not UTF-8 text');
    expect(reason(zone, 'NaN')).toBe('not JSON');
    expect(reason(zone, '{"value": 21.4')).toBe('not JSON');
    expect(reason(zone, '21.4')).toMatch(/^payload is not a JSON object/);
    expect(reason(zone, '[21.4]')).toMatch(/^payload is not a JSON object/);
    expect(reason(zone, 'null')).toMatch(/^payload is not a JSON object/);
  });

  it('a missing or non-numeric value', () => {
    expect(reason(zone, '{"time": "2026-12-04T10:15:00Z"}')).toBe('value is missing');
    expect(reason(zone, '{"value": "21.4"}')).toBe('value is not a finite number');
    expect(reason(zone, '{"value": null}')).toBe('value is not a finite number');
    expect(reason(zone, '{"value": 1e999}')).toBe('value is not a finite number');
  });

  it('a value outside what the physical world allows', () => {
    expect(reason(zone, '{"value": 140}')).toBe('humidity 140 is outside 0–100 % RH');
    expect(reason('museum/test-exhibition/paintings/temperature', '{"value": -41.5}')).toBe('temperature -41.5 is outside -40–80 °C');
    expect(reason('museum/test-exhibition/paintings/illuminance', '{"value": -1}')).toBe('illuminance -1 is outside 0–200000 lx');
    expect(reason('museum/test-exhibition/paintings/uv', '{"value": 20000}')).toBe('uv 20000 is outside 0–10000 µW/lm');
    expect(reason('museum/test-exhibition/paintings/visitors', '{"value": 12.5}')).toBe('visitors 12.5 is not a whole number');
  });

  it('a time that is malformed, too far ahead or too old', () => {
    expect(reason(zone, '{"value": 50, "time": "yesterday"}')).toBe('time is not an ISO 8601 time with its zone, such as "2026-12-04T10:15:00Z"');
    expect(reason(zone, '{"value": 50, "time": "2026-12-04T10:15:00"}')).toMatch(/^time is not an ISO 8601 time/);
    expect(reason(zone, '{"value": 50, "time": "2026-12-04T10:26:00Z"}')).toBe('time is more than 5 minutes in the future');
    expect(reason(zone, '{"value": 50, "time": "2025-12-01T00:00:00Z"}')).toBe('time is more than a year in the past');
  });

  it('cuts a hostile id short in the reason', () => {
    const long = 'z'.repeat(500);
    expect(reason(`museum/test-exhibition/${long}/humidity`, '{"value":1}').length).toBeLessThan(140);
  });
});

describe('exhibitionSensors', () => {
  it("lists an exhibition's zones and works", () => {
    const ex = Exhibition.parse(minimalExhibition());
    const s = exhibitionSensors(ex);
    expect([...s.zones]).toEqual(['paintings']);
    expect(s.artworks.has('sunrise')).toBe(true);
  });
});
