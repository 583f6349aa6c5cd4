import { describe, expect, it } from 'vitest';
import { Exhibition, type ExhibitionInput } from '../schema';
import { minimalExhibition } from '../fixtures';
import { baselineSetting, simulate, type Setting } from './index';

const fixture = (): Exhibition => Exhibition.parse(minimalExhibition());

/** One 5 × 4 m room (20 m²) with one watercolour everybody stops at for hours. */
function oneRoom(): Exhibition {
  const input: ExhibitionInput = minimalExhibition();
  const space = input.space as Extract<ExhibitionInput['space'], { kind: 'floorplan' }>;
  space.rooms = [{ id: 'hall', name: { en: 'Hall' }, polygon: [[0, 0], [5, 0], [5, 4], [0, 4]] }];
  space.doorways = [];
  input.zones = [{ id: 'hall', name: { en: 'Hall' }, room: 'hall' }];
  input.entrance = { position: [2.5, 0, 3.5], heading: 180 };
  const work = input.artworks[0]!;
  input.artworks = [{ ...work, placement: { kind: 'wall', room: 'hall', wall: 0, offset: 2.5, height: 1.5 }, dwellMinutes: 240, medium: { en: 'Watercolour on paper' } }];
  input.tours = [];
  input.arReferences = { points: [], markers: [] };
  return Exhibition.parse(input);
}

function setting(over: Partial<Setting>): Setting {
  return { ...baselineSetting(), ...over };
}

describe('simulate: visitors', () => {
  it('accounts for everyone who entered: they left or are counted inside', () => {
    const r = simulate(fixture(), setting({ visitors: 300, close: 720 }), { seed: 3 });
    expect(r.visitors.entered).toBe(300);
    expect(r.visitors.left + r.visitors.inside).toBe(r.visitors.entered);
    expect(r.visitors.left).toBe(300); // a quiet day: all are out two hours after closing
    expect(r.averageVisitMinutes).toBeGreaterThan(1);
  });

  it('counts those still inside when the day runs out before they do', () => {
    // Everyone arrives in the last minutes and closing sends them out; they still need time to walk out.
    const r = simulate(oneRoom(), setting({ visitors: 16, open: 600, close: 601, perHour: [1], attraction: new Map([['sunrise', 10]]) }), { seed: 1 });
    expect(r.visitors.entered).toBe(16);
    expect(r.visitors.left + r.visitors.inside).toBe(16);
  });

  it('peak density is the peak head count over the zone area, and comfort minutes count minutes above 0.7 people/m²', () => {
    // 16 people in 20 m², all standing at the one work for hours: 0.8 people/m², above comfort.
    const r = simulate(oneRoom(), setting({ visitors: 16, open: 600, close: 720, perHour: [1, 0], attraction: new Map([['sunrise', 10]]) }), { seed: 1 });
    const hall = r.zones.hall!;
    expect(hall.area).toBe(20);
    expect(hall.peakOccupancy).toBe(16);
    expect(hall.peakDensity).toBe(0.8);
    const above = r.series.zones.hall!.filter((n) => n / 20 > 0.7).length;
    expect(above).toBeGreaterThan(0);
    expect(hall.minutesAboveComfort).toBe(above);
    expect(r.works.sunrise!.visits).toBe(16);
    expect(r.works.sunrise!.peakViewers).toBeGreaterThan(5);
  });

  it("calls a work's viewing area crowded past Fruin's queuing level of service B (0.9 m² a person), not at six viewers", () => {
    // The viewing area is 1.5 m around where its viewers stand: 7.07 m²; 1.11 people/m² there is 7.85 people.
    const calm = simulate(oneRoom(), setting({ visitors: 6, open: 600, close: 720, perHour: [1, 0], attraction: new Map([['sunrise', 10]]) }), { seed: 1 });
    expect(calm.viewingComfort.peoplePerM2).toBe(1.11);
    expect(calm.works.sunrise!.peakViewers).toBe(6);
    expect(calm.works.sunrise!.minutesCrowded).toBe(0);
    expect(calm.crowdedWorks).toEqual([]);
    const busy = simulate(oneRoom(), setting({ visitors: 16, open: 600, close: 720, perHour: [1, 0], attraction: new Map([['sunrise', 10]]) }), { seed: 1 });
    expect(busy.works.sunrise!.peakViewers).toBeGreaterThan(8);
    expect(busy.works.sunrise!.minutesCrowded).toBeGreaterThan(10);
    expect(busy.crowdedWorks).toEqual(['sunrise']);
  });

  it('repeats exactly from the same seed and differs with another', () => {
    const day = setting({ visitors: 120, close: 720 });
    const a = simulate(fixture(), day, { seed: 7 });
    const b = simulate(fixture(), day, { seed: 7 });
    const c = simulate(fixture(), day, { seed: 8 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(c.series)).not.toBe(JSON.stringify(a.series));
  });

  it('reports progress up to the whole day', () => {
    const seen: number[] = [];
    simulate(fixture(), setting({ visitors: 20, close: 690 }), { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(60);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1]!)).toBe(true);
  });

  it('stops a run that overruns its wall-time budget with a message', () => {
    expect(() => simulate(fixture(), setting({ visitors: 500 }), { maxWallMs: 0 })).toThrow(/more than 0 s of wall time/);
  });
});

describe('simulate: light', () => {
  it('gives each work its yearly lux-hours against its CIE 157 budget (hand-computed)', () => {
    // Watercolour: medium responsivity, 50 lx and 150 000 lx·h a year. Open 10:00–18:00 (8 h), 300 days:
    // 50 × 8 × 300 = 120 000 lx·h, 80 % of the budget; ISO 4 fades noticeably at 10 Mlx·h: 83.3 years.
    const r = simulate(oneRoom(), setting({ visitors: 0, open: 600, close: 1080, daysPerYear: 300 }));
    expect(r.works.sunrise).toMatchObject({ lux: 50, luxHoursPerYear: 120_000, luxHoursBudget: 150_000, fractionOfBudget: 0.8, yearsToNoticeableChange: 83.333 });
  });

  it('uses a scenario light level for the work', () => {
    const r = simulate(oneRoom(), setting({ visitors: 0, open: 600, close: 1080, daysPerYear: 300, lux: new Map([['sunrise', 100]]) }));
    expect(r.works.sunrise!.luxHoursPerYear).toBe(240_000);
    expect(r.works.sunrise!.fractionOfBudget).toBe(1.6);
  });

  it('gives an irresponsive work no budget and no fading time', () => {
    const r = simulate(fixture(), setting({ visitors: 0 }));
    expect(r.works.vase).toMatchObject({ luxHoursBudget: null, yearsToNoticeableChange: null });
  });
});
