import { describe, expect, it } from 'vitest';
import { Exhibition } from '../schema';
import { minimalExhibition } from '../fixtures';
import { applyScenario, baselineSetting, compareResults, parseScenario, simulate, ScenarioError } from './index';

const fixture = (): Exhibition => Exhibition.parse(minimalExhibition());

function problemsOf(changes: unknown[]): string[] {
  try {
    applyScenario(fixture(), baselineSetting(100), parseScenario({ name: 'bad', changes }));
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems;
    throw e;
  }
  return [];
}

describe('scenarios', () => {
  it('changes a copy: hours, arrivals, light, a moved and an added work, a closed room', () => {
    const ex = fixture();
    const { exhibition, setting } = applyScenario(ex, baselineSetting(100), parseScenario({
      name: 'late opening',
      changes: [
        { kind: 'openingHours', open: '09:00', close: '21:00', daysPerYear: 362 },
        { kind: 'arrivals', perHour: [10, 20, 30] },
        { kind: 'lightLevel', room: 'hall', lux: 80 },
        { kind: 'moveWork', work: 'harbour', placement: { kind: 'wall', room: 'gallery', wall: 1, offset: 3, height: 1.5 } },
        { kind: 'addWork', copyOf: 'sunrise', id: 'sunrise-2', placement: { kind: 'wall', room: 'hall', wall: 2, offset: 3, height: 1.5 } },
      ],
    }));
    expect(setting).toMatchObject({ open: 540, close: 1260, daysPerYear: 362, visitors: 60 });
    expect(setting.lux.get('sunrise')).toBe(80);
    expect(exhibition.artworks.find((a) => a.id === 'harbour')!.placement).toMatchObject({ room: 'gallery' });
    expect(exhibition.artworks.map((a) => a.id)).toContain('sunrise-2');
    expect(ex.artworks.find((a) => a.id === 'harbour')!.placement).toMatchObject({ room: 'hall' }); // the baseline is untouched
  });

  it('names unknown works, rooms and doorways', () => {
    const problems = problemsOf([
      { kind: 'moveWork', work: 'turner', placement: { kind: 'wall', room: 'hall', wall: 0, offset: 1, height: 1.5 } },
      { kind: 'closeRoom', room: 'crypt' },
      { kind: 'closeDoorway', doorway: 'back-door' },
    ]);
    expect(problems).toContain("change 1 (moveWork): there is no work 'turner' in this exhibition");
    expect(problems).toContain("change 2 (closeRoom): there is no room 'crypt' (rooms: hall, gallery)");
    expect(problems).toContain("change 3 (closeDoorway): there is no doorway 'back-door' (doorways: hall-gallery)");
  });

  it('refuses negative and absurd arrivals with the limit', () => {
    expect(() => parseScenario({ name: 'x', changes: [{ kind: 'arrivals', visitors: -5 }] })).toThrow('scenario changes.0.visitors: visitors cannot be negative');
    expect(() => parseScenario({ name: 'x', changes: [{ kind: 'arrivals', perHour: [10_000_000] }] })).toThrow('at most 4000 arrivals an hour');
    // 20 000 visitors in one hour is allowed a day but not an hour.
    expect(problemsOf([{ kind: 'openingHours', open: '10:00', close: '11:00' }, { kind: 'arrivals', visitors: 20_000, perHour: [1] }])).toEqual([
      'arrivals: about 20000 an hour at the busiest time; at most 4000 an hour can be simulated',
    ]);
  });

  it('says which room the entrance can no longer reach', () => {
    expect(problemsOf([{ kind: 'closeDoorway', doorway: 'hall-gallery' }])).toEqual([
      "layout: room 'gallery' (with work 'vase') cannot be reached from the entrance; open a doorway to it or close the room",
    ]);
    expect(problemsOf([{ kind: 'closeDoorway', doorway: 'hall-gallery' }, { kind: 'closeRoom', room: 'gallery' }])).toEqual([]);
    expect(problemsOf([{ kind: 'openingHours', open: '18:00', close: '10:00' }])).toEqual(['opening hours: closing time must come after opening time']);
  });

  it('compares two runs: brighter light is worse for the work, a closed room empties', () => {
    const ex = fixture();
    const base = simulate(ex, { ...baselineSetting(60), close: 720 }, { seed: 2 });
    const { exhibition, setting } = applyScenario(ex, { ...baselineSetting(60), close: 720 }, parseScenario({
      name: 'brighter, gallery closed',
      changes: [
        { kind: 'lightLevel', work: 'sunrise', lux: 400 },
        { kind: 'closeRoom', room: 'gallery' },
      ],
    }));
    const other = simulate(exhibition, setting, { seed: 2, scenarioName: 'brighter, gallery closed' });
    const diff = compareResults(base, other);
    expect(diff.scenario).toBe('brighter, gallery closed');
    const lux = diff.rows.find((r) => r.subject === 'sunrise' && r.measure === 'lux-hours a year')!;
    expect(lux).toMatchObject({ baseline: 200 * 2 * 313, scenario: 400 * 2 * 313, change: 200 * 2 * 313, verdict: 'worse' });
    expect(other.zones.gallery).toMatchObject({ peakOccupancy: 0, closed: true });
    expect(other.works.vase!.reachable).toBe(false);
    expect(diff.rows.some((r) => r.subject === 'gallery' && r.measure === 'peak occupancy')).toBe(base.zones.gallery!.peakOccupancy > 0);
    expect(diff.worse).toBeGreaterThan(0);
  });
});
