import { describe, expect, it } from 'vitest';
import { Exhibition, type ExhibitionInput } from '../schema';
import { minimalExhibition } from '../fixtures';
import { baselineSetting } from './scenario';
import { forecastPlacement } from './placement';

/** The fixture's two rooms (hall 8 × 6 m, gallery 6 × 6 m); the gallery lit at 300 lx; 'sunrise' a watercolour. */
function twoRooms(): Exhibition {
  const input: ExhibitionInput = minimalExhibition();
  const space = input.space as Extract<ExhibitionInput['space'], { kind: 'floorplan' }>;
  space.rooms[1] = { ...space.rooms[1]!, lighting: { illuminance: 300 } };
  input.artworks = [{ ...input.artworks[0]!, medium: { en: 'Watercolour on paper' }, dwellMinutes: 10 }];
  input.tours = [];
  input.arReferences = { points: [], markers: [] };
  return Exhibition.parse(input);
}

/** One open hour; everyone stops at the one work (attraction 10). */
const hour = (visitors: number) => ({ ...baselineSetting(visitors), open: 600, close: 660, perHour: [1], daysPerYear: 300, attraction: new Map([['sunrise', 10]]) });
const inGallery = { kind: 'wall', room: 'gallery', wall: 1, offset: 3, height: 1.5 } as const;
const inHall = { kind: 'wall', room: 'hall', wall: 0, offset: 2, height: 1.5 } as const;

describe('forecastPlacement', () => {
  it('warns when a watercolour moved into a 300 lx room would take more than its yearly budget (hand-computed)', () => {
    // 300 lx × 1 h × 300 days = 90 000 lx·h against a watercolour's 150 000 lx·h: within budget for one hour a day.
    expect(forecastPlacement(twoRooms(), 'sunrise', inGallery, hour(0))).toMatchObject({ room: 'gallery', lux: 300, luxHoursPerYear: 90_000, warnings: [] });
    // 9 hours a day: 810 000 lx·h, 540 % of the budget.
    const day = { ...hour(0), close: 1140 };
    const f = forecastPlacement(twoRooms(), 'sunrise', inGallery, day);
    expect(f.luxHoursPerYear).toBe(810_000);
    expect(f.warnings).toEqual([{ kind: 'light', message: 'About 810,000 lx·h a year here (300 lx), 540 % of its budget of 150,000 lx·h.' }]);
    // Back in the hall (no room light given) it is lit to its 50 lx limit: 135 000 lx·h, no warning.
    expect(forecastPlacement(twoRooms(), 'sunrise', inHall, day)).toMatchObject({ lux: 50, luxHoursPerYear: 135_000, warnings: [] });
  });

  it("forecasts the room's people by Little's law and warns above 0.7 people/m² (hand-computed)", () => {
    // 60 an hour, all stopping 10 min: 1 a minute × 10 min = 10 people in the 36 m² gallery, 0.28/m².
    expect(forecastPlacement(twoRooms(), 'sunrise', inGallery, hour(60))).toMatchObject({ roomPeople: 10, roomDensity: 0.28, warnings: [] });
    // 180 an hour: 30 people, 0.83/m², over comfort; the light stays within budget.
    const busy = forecastPlacement(twoRooms(), 'sunrise', inGallery, hour(180));
    expect(busy).toMatchObject({ roomPeople: 30, roomDensity: 0.83 });
    expect(busy.warnings).toEqual([{ kind: 'crowding', message: 'About 30 people in Gallery at the busiest hour: 0.83 per m², over the comfort limit of 0.7 (Fruin).' }]);
    // The same visitors in the 48 m² hall: 0.63/m², no warning.
    expect(forecastPlacement(twoRooms(), 'sunrise', inHall, hour(180)).warnings).toEqual([]);
  });

  it('names a work that does not exist', () => {
    expect(() => forecastPlacement(twoRooms(), 'nope', inHall)).toThrow("there is no work 'nope' in this exhibition");
  });
});
