import { describe, expect, it } from 'vitest';
import { Exhibition, type ExhibitionInput } from '../schema';
import { minimalExhibition } from '../fixtures';
import { baselineSetting, simulate, type Setting } from './index';
import { calibratedLight, litLevel, measuredLux, parseLightCalibration, type LightCalibration } from './calibrate';

/** One 5 × 4 m room, zone 'hall', with a watercolour (model: 50 lx, its CIE limit) and an oil (200 lx). */
function twoWorks(): Exhibition {
  const input: ExhibitionInput = minimalExhibition();
  const space = input.space as Extract<ExhibitionInput['space'], { kind: 'floorplan' }>;
  space.rooms = [{ id: 'hall', name: { en: 'Hall' }, polygon: [[0, 0], [5, 0], [5, 4], [0, 4]] }];
  space.doorways = [];
  input.zones = [{ id: 'hall', name: { en: 'Hall' }, room: 'hall' }];
  input.entrance = { position: [2.5, 0, 3.5], heading: 180 };
  const work = input.artworks[0]!;
  input.artworks = [
    { ...work, id: 'sunrise', placement: { kind: 'wall', room: 'hall', wall: 0, offset: 1.2, height: 1.5 }, medium: { en: 'Watercolour on paper' } },
    { ...work, id: 'harbour', placement: { kind: 'wall', room: 'hall', wall: 0, offset: 3.8, height: 1.5 }, medium: { en: 'Oil on canvas' } },
  ];
  input.tours = [];
  input.arReferences = { points: [], markers: [] };
  return Exhibition.parse(input);
}

const day: Setting = { ...baselineSetting(0), open: 600, close: 1080, daysPerYear: 300 }; // 8 h, 300 days
const HOUR = 3_600_000;
/** Hourly history points: `lit` hours at `lux`, each followed by a dark hour. */
const hours = (lit: number, lux: number) => Array.from({ length: lit * 2 }, (_, i) => [i * HOUR, i % 2 ? 0.4 : lux, 0, lux] as const);
const calibration = (over: Partial<LightCalibration>): LightCalibration => ({ from: '2026-01-01T00:00:00Z', to: '2026-12-01T00:00:00Z', zones: {}, artworks: {}, ...over });

describe('light calibration from measured history', () => {
  it('takes the mean of the lit hours only, and none from less than a day of them', () => {
    expect(litLevel(hours(30, 150))).toEqual({ lux: 150, litHours: 30 });
    expect(litLevel(hours(23, 150))).toBeUndefined();
    expect(litLevel([])).toBeUndefined();
  });

  it("scales the zone's works by measured over modelled light (hand-computed)", () => {
    // The model expects (50 + 200) / 2 = 125 lx in the hall; 150 lx measured is a factor of 1.2:
    // the watercolour gets 60 lx, the oil 240 lx.
    const got = calibratedLight(twoWorks(), day, calibration({ zones: { hall: { lux: 150, litHours: 400 } } }));
    expect(Object.fromEntries(got)).toEqual({
      sunrise: { lux: 60, from: 'zone', zone: 'hall', factor: 1.2 },
      harbour: { lux: 240, from: 'zone', zone: 'hall', factor: 1.2 },
    });
  });

  it("prefers a work's own sensor to its zone's", () => {
    const got = calibratedLight(twoWorks(), day, calibration({ zones: { hall: { lux: 150, litHours: 400 } }, artworks: { sunrise: { lux: 42, litHours: 300 } } }));
    expect(got.get('sunrise')).toEqual({ lux: 42, from: 'artwork' });
    expect(got.get('harbour')!.lux).toBe(240);
  });

  it("moves the simulation's light dose: the watercolour at 60 lx for 8 h on 300 days is 144 000 lx·h, 96 % of its budget", () => {
    const ex = twoWorks();
    const model = simulate(ex, day).works.sunrise!;
    expect(model).toMatchObject({ lux: 50, luxHoursPerYear: 120_000 });
    const lux = measuredLux(ex, day, calibration({ zones: { hall: { lux: 150, litHours: 400 } } }))!;
    const calibrated = simulate(ex, day, { measuredLux: lux }).works.sunrise!;
    expect(calibrated).toMatchObject({ lux: 60, luxHoursPerYear: 144_000, luxHoursBudget: 150_000, fractionOfBudget: 0.96, luxFrom: 'measured' });
    // A scenario's light level still wins over what was measured.
    expect(simulate(ex, { ...day, lux: new Map([['sunrise', 30]]) }, { measuredLux: lux }).works.sunrise!.lux).toBe(30);
  });

  it('leaves the model alone without measurements', () => {
    expect(measuredLux(twoWorks(), day, undefined)).toBeUndefined();
    expect(calibratedLight(twoWorks(), day, calibration({ zones: { elsewhere: { lux: 300, litHours: 100 } } })).size).toBe(0);
  });

  it('reads a saved /what-if/light answer, and names each problem in a file that does not fit the exhibition', () => {
    const ex = twoWorks();
    const saved = calibration({ zones: { hall: { lux: 150, litHours: 400 } }, artworks: { sunrise: { lux: 42, litHours: 300 } } });
    expect(parseLightCalibration(JSON.parse(JSON.stringify(saved)), ex)).toEqual(saved);
    const problems = (value: unknown): string[] => {
      try {
        parseLightCalibration(value, ex);
        return [];
      } catch (e) {
        return (e as { problems: string[] }).problems;
      }
    };
    expect(problems({ ...saved, zones: { hall: { lux: -3, litHours: 400 } } })).toEqual(['light zones.hall.lux: Too small: expected number to be >=0']);
    expect(problems({ ...saved, artworks: { sunrise: { lux: 42, litHours: 5 } } })).toEqual([`light artworks.sunrise.litHours: at least 24 lit hours (fewer calibrate nothing)`]);
    expect(problems({ ...saved, zones: { crypt: { lux: 150, litHours: 400 } }, artworks: { sunsett: { lux: 42, litHours: 300 } } })).toEqual([
      "light: no zone 'crypt' in the exhibition (its zones: hall)",
      "light: no work 'sunsett' in the exhibition",
    ]);
    expect(problems({ zones: {}, artworks: {} })).toEqual(['light from: Invalid input: expected string, received undefined', 'light to: Invalid input: expected string, received undefined']);
    expect(problems({ ...saved, from: saved.to, to: saved.from })).toEqual([`light: 'to' (${saved.from}) is before 'from' (${saved.to})`]);
  });
});
