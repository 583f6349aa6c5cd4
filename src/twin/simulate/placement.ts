/**
 * The quick forecast for a work being moved in the curating view: its yearly light dose at the new place against
 * its budget, and how crowded its room gets at the busiest hour, with a warning for each limit crossed. It must
 * answer while a curator drags, so it does not run the crowd (simulate.ts takes seconds): the room's people come
 * from Little's law (L = λW: people present = arrival rate × time spent), with the arrival rate at the day's busiest
 * hour, each work's share of stopping visitors (visitors.ts) and its dwell time. People walking through are not
 * counted, so it reads a little under the simulation's peak; the What if view gives the full picture.
 */
import type { Exhibition, Placement } from '../schema';
import { signedArea } from '../geometry';
import { dwellMinutes, planOf, workRoom } from '../route/places';
import { COMFORT } from './results';
import { baselineSetting, type Setting } from './scenario';
import { workLight } from './light';
import { stopShares } from './visitors';

interface PlacementWarning {
  kind: 'light' | 'crowding';
  /** A sentence for the curator. */
  message: string;
}

interface PlacementForecast {
  work: string;
  /** The room the work would be in; null when the place is in none. */
  room: string | null;
  lux: number;
  luxHoursPerYear: number;
  luxHoursBudget: number | null;
  /** People expected in the room at the busiest hour, and per m². */
  roomPeople: number;
  roomDensity: number;
  warnings: PlacementWarning[];
}

const round = (x: number, places = 2) => Math.round(x * 10 ** places) / 10 ** places;

/** Forecasts `work` at `placement` on a day like `s` (default: the What if baseline, 2,000 visitors). */
export function forecastPlacement(ex: Exhibition, work: string, placement: Placement, s: Setting = baselineSetting()): PlacementForecast {
  const artworks = ex.artworks.map((a) => (a.id === work ? { ...a, placement } : a));
  const art = artworks.find((a) => a.id === work);
  if (!art) throw new Error(`there is no work '${work}' in this exhibition`);
  const moved: Exhibition = { ...ex, artworks };
  const plan = planOf(moved);
  const room = workRoom(moved, art, plan) ?? null;
  const hours = (s.close - s.open) / 60;
  const roomLux = room ? ex.space.rooms.find((r) => r.id === room.id)?.lighting?.illuminance : undefined;
  const light = workLight(art, { hoursPerDay: hours, daysPerYear: s.daysPerYear, lux: s.lux, ...(roomLux !== undefined ? { roomLux } : {}) });
  const warnings: PlacementWarning[] = [];
  if (light.fractionOfBudget !== null && light.fractionOfBudget > 1) {
    warnings.push({
      kind: 'light',
      message: `About ${Math.round(light.luxHoursPerYear).toLocaleString('en')} lx·h a year here (${light.lux} lx), ${Math.round(light.fractionOfBudget * 100)} % of its budget of ${light.luxHoursBudget!.toLocaleString('en')} lx·h.`,
    });
  }
  let people = 0;
  let area = 0;
  if (room) {
    area = Math.abs(signedArea(room.polygon));
    const shares = stopShares(moved, s);
    const total = s.perHour.reduce((x, y) => x + y, 0);
    const busiestPerMinute = total > 0 ? ((Math.max(...s.perHour) / total) * s.visitors * (s.perHour.length / hours)) / 60 : 0;
    for (const a of artworks) if (workRoom(moved, a, plan)?.id === room.id) people += busiestPerMinute * shares.get(a.id)! * dwellMinutes(a);
    if (area > 0 && people / area > COMFORT.peoplePerM2) {
      warnings.push({
        kind: 'crowding',
        message: `About ${Math.round(people)} people in ${room.name.en ?? room.id} at the busiest hour: ${round(people / area)} per m², over the comfort limit of ${COMFORT.peoplePerM2} (Fruin).`,
      });
    }
  }
  return {
    work,
    room: room?.id ?? null,
    lux: light.lux,
    luxHoursPerYear: Math.round(light.luxHoursPerYear),
    luxHoursBudget: light.luxHoursBudget,
    roomPeople: round(people, 1),
    roomDensity: area > 0 ? round(people / area) : 0,
    warnings,
  };
}
