/**
 * One simulated day: visitors arrive by the profile, walk the floor as a social-force crowd (crowd.ts) along the
 * walking graph's paths to the works they chose, dwell, and leave by the entrance; at closing those still inside
 * make for the way out. Sampled once a simulated minute into the results (results.ts); deterministic by seed.
 * Bounded: arrivals are capped (scenario.ts), the day ends at most two hours after closing (those still inside
 * are counted as inside), and a wall-clock budget stops a run that would take too long.
 */
import type { Exhibition, Vec2 } from '../schema';
import { pointInPolygon, signedArea } from '../geometry';
import { planOf, workRoom } from '../route/places';
import { levelsOf, roomLevels } from '../route/levels';
import { seededRandom } from '../random';
import { buildFloor, type Waypoint } from './floor';
import { Crowd } from './crowd';
import { planVisitors } from './visitors';
import { workLight } from './light';
import type { AgentTrack } from './results';
import { COMFORT, CROWDED_VIEWERS, VIEWING_COMFORT, VIEWING_RADIUS, clock, type DoorwayResult, type SimulationResult, type WorkResult, type ZoneResult } from './results';
import { settingProblems, ScenarioError, type Setting } from './scenario';

export interface SimulateOptions {
  seed?: number;
  /** Seconds per step (default 0.5). */
  stepSeconds?: number;
  /** Called about once a simulated minute with the share of the day done (0–1). */
  onProgress?: (fraction: number) => void;
  /** Stop with an error after this much wall time, ms (default 5 minutes). */
  maxWallMs?: number;
  /** Mean lux while open, measured by the live twin, per work. */
  measuredLux?: ReadonlyMap<string, number>;
  /** Heatmap frame every this many minutes (default 10). */
  heatmapEveryMinutes?: number;
  scenarioName?: string;
  /** Record where the visitors walk (for agents in the 3D twin): a stretch of the day, every few seconds. */
  track?: { fromMinute: number; minutes: number; everySeconds: number };
}

/** How long after closing the day may run before the last visitors are counted as still inside. */
const AFTER_CLOSE_S = 2 * 3600;
const ARRIVE_M = 0.5;
const WAIT_NEAR_DOOR_M = 2;

/** Runs the day. Throws ScenarioError for a setting that cannot run, Error when the wall-time budget is spent. */
export function simulate(ex: Exhibition, s: Setting, options: SimulateOptions = {}): SimulationResult {
  const problems = settingProblems(ex, s);
  if (problems.length) throw new ScenarioError(problems);
  const seed = options.seed ?? 1;
  const dt = options.stepSeconds ?? 0.5;
  const random = seededRandom(seed);
  const floor = buildFloor(ex, s);
  const plans = planVisitors(ex, floor, s, random);
  const crowd = new Crowd(floor, Math.max(1, plans.length));
  const started = Date.now();
  const maxWall = options.maxWallMs ?? 300_000;

  // Per agent (slot = visitor index): where in its plan it is.
  const n = plans.length;
  const stopAt = new Int32Array(n); // index of the stop being walked to or looked at; stops.length = the way out
  const waypoint = new Int32Array(n);
  const dwellUntil = new Float64Array(n).fill(-1);
  const legs: Waypoint[][] = new Array(n);
  const fromPlace = new Int32Array(n);
  const entrance = floor.places[0]!;
  const entranceRoom = floor.roomIndex(entrance.room);

  const start = s.open * 60;
  const close = s.close * 60;
  const end = close + AFTER_CLOSE_S;
  const minutes: number[] = [];
  const plan = planOf(ex);
  const zones = ex.zones.map((z) => {
    const room = z.room ? plan.rooms.find((r) => r.id === z.room) : undefined;
    const polygon = z.polygon ?? room?.polygon ?? [];
    // A zone drawn as a polygon counts only those on its own level (its room's, else the lowest under it): one
    // drawn over a room with a mezzanine above must not count the people upstairs.
    const level = z.room ? floor.levelOf(z.room) : floor.levelUnder(polygon);
    return { id: z.id, name: z.name.en ?? Object.values(z.name)[0] ?? z.id, room: z.room ? floor.roomIndex(z.room) : -1, level, polygon, area: Math.abs(signedArea(polygon)), series: [] as number[], closed: !!z.room && s.closedRooms.has(z.room), byRoom: !z.polygon && !!z.room };
  });
  // Rooms without a zone of their own still count, so a file with no zones reports its rooms.
  for (const r of plan.rooms) {
    if (zones.some((z) => z.id === r.id)) continue;
    zones.push({ id: r.id, name: r.name.en ?? r.id, room: floor.roomIndex(r.id), level: floor.levelOf(r.id), polygon: r.polygon, area: Math.abs(signedArea(r.polygon)), series: [], closed: s.closedRooms.has(r.id), byRoom: true });
  }
  const doorStats = floor.doorways.map(() => ({ crossings: 0, minute: 0, peakPerMinute: 0, peakWaiting: 0, waitingMinutes: 0 }));
  crowd.onCrossing = (_i, d) => {
    doorStats[d]!.crossings++;
    doorStats[d]!.minute++;
  };
  const viewPlaces = floor.places.map((p, i) => ({ i, p, room: floor.roomIndex(p.room), peak: 0, crowded: 0, visits: 0 })).slice(1);

  // Heatmap grid: cells of at least 1 m, at most 80 on a side.
  const [minX, minZ, maxX, maxZ] = floor.bounds;
  const cellSize = Math.max(1, (maxX - minX) / 80, (maxZ - minZ) / 80);
  const cols = Math.ceil((maxX - minX) / cellSize);
  const rows = Math.ceil((maxZ - minZ) / cellSize);
  // One heatmap per level: a mezzanine's people are not in the density of the room under it.
  const levelFrames: number[][][] = floor.levels.map(() => []);
  const frameMinutes: number[] = [];
  const levelOfRoom = Int32Array.from(floor.rooms, (r) => r.level);
  const heatEvery = options.heatmapEveryMinutes ?? 10;

  const track: AgentTrack | undefined = options.track && { everySeconds: options.track.everySeconds, fromMinute: options.track.fromMinute, frames: [] };
  const trackEvery = options.track ? Math.max(1, Math.round(options.track.everySeconds / dt)) : 0;
  const trackFrom = (options.track?.fromMinute ?? 0) * 60;
  const trackTo = trackFrom + (options.track?.minutes ?? 0) * 60;
  // The floor each room stands on, so an agent on an upper level is drawn there.
  const elevationOf = new Map(levelsOf(plan).map((l) => [l.id, l.elevation ?? 0]));
  const levelOf = roomLevels(plan);
  const roomElevation = floor.rooms.map((r) => elevationOf.get(levelOf.get(r.id) ?? '') ?? 0);

  let next = 0; // next visitor to arrive
  const live = new Int32Array(Math.max(1, n)); // slots of those inside, live[0..inside)
  let inside = 0;
  let steps = 0;
  let visitSeconds = 0;
  let left = 0;

  const setLeg = (i: number, from: number, to: number) => {
    legs[i] = (floor.path(from, to) ?? []).map((w) => ({ ...w }));
    fromPlace[i] = to;
    waypoint[i] = 0;
    // Stand somewhere in front of the work, not all on one spot.
    const last = legs[i]!.length - 1;
    if (last >= 0 && to !== 0) {
      const p = legs[i]![last]!.at;
      const room = floor.rooms[legs[i]![last]!.room]!;
      const q: Vec2 = [p[0] + (random() - 0.5) * 1.4, p[1] + (random() - 0.5) * 1.4];
      if (pointInPolygon(q, room.polygon)) legs[i]![last]!.at = q;
    }
  };
  const goOn = (i: number, t: number) => {
    const stops = plans[i]!.stops;
    const k = ++stopAt[i]!;
    const here = fromPlace[i]!;
    if (t >= close || k >= stops.length) {
      stopAt[i] = stops.length;
      setLeg(i, here, 0);
    } else setLeg(i, here, stops[k]!.place);
    dwellUntil[i] = -1;
    crowd.pace[i] = plans[i]!.pace;
  };

  const sampleEvery = Math.max(1, Math.round(60 / dt));
  for (let t = start; t < end; t = start + (steps + 1) * dt, steps++) {
    while (next < n && plans[next]!.arrival <= t) {
      const i = next++;
      crowd.place(i, entrance.position[0] + (random() - 0.5) * 0.6, entrance.position[1] + (random() - 0.5) * 0.6, entranceRoom);
      live[inside++] = i;
      stopAt[i] = -1;
      fromPlace[i] = 0;
      goOn(i, t);
    }
    if (next >= n && inside === 0) break;
    for (let k = 0; k < inside; k++) {
      const i = live[k]!;
      if (dwellUntil[i]! >= 0) {
        if (t >= dwellUntil[i]! || t >= close) goOn(i, t);
        continue;
      }
      const leg = legs[i]!;
      let w = waypoint[i]!;
      while (w < leg.length && leg[w]!.room === crowd.room[i] && Math.hypot(leg[w]!.at[0] - crowd.x[i]!, leg[w]!.at[1] - crowd.z[i]!) < (w === leg.length - 1 ? ARRIVE_M : ARRIVE_M * 1.6)) w++;
      // At a stair's or lift's end, the visitor comes out at its other end, on the other level (the climb itself is
      // not walked: the crowd moves on one floor at a time).
      if (w > 0 && w < leg.length && leg[w]!.link && leg[w - 1]!.link && leg[w - 1]!.room === crowd.room[i] && leg[w]!.room !== crowd.room[i]) {
        crowd.x[i] = leg[w]!.at[0];
        crowd.z[i] = leg[w]!.at[1];
        crowd.room[i] = leg[w]!.room;
        w++;
      }
      waypoint[i] = w;
      if (w >= leg.length) {
        const stops = plans[i]!.stops;
        if (stopAt[i]! >= stops.length) {
          crowd.active[i] = 0;
          live[k--] = live[--inside]!; // the last one takes this place, and is looked at next
          left++;
          visitSeconds += t - plans[i]!.arrival;
          continue;
        }
        if (t >= close) {
          goOn(i, t);
          continue;
        }
        dwellUntil[i] = t + stops[stopAt[i]!]!.dwellSeconds;
        viewPlaces[stops[stopAt[i]!]!.place - 1]!.visits++;
        crowd.pace[i] = 0.3; // shuffle into place, then stand
        continue;
      }
      crowd.tx[i] = leg[w]!.at[0];
      crowd.tz[i] = leg[w]!.at[1];
      crowd.goal[i] = leg[w]!.room;
    }
    if (inside > 0) crowd.step(dt, live, inside);
    if (track && t >= trackFrom && t < trackTo && steps % trackEvery === 0) {
      // Those inside, by visitor number (ascending, so two frames merge in one pass), and where they stand.
      const ids = Int32Array.from(live.subarray(0, inside)).sort();
      const xz = new Float32Array(ids.length * 2);
      const y = new Float32Array(ids.length);
      ids.forEach((i, k) => {
        xz[2 * k] = crowd.x[i]!;
        xz[2 * k + 1] = crowd.z[i]!;
        y[k] = roomElevation[crowd.room[i]!] ?? 0;
      });
      track.frames.push({ ids, xz, y });
    }

    if (steps % sampleEvery === 0) {
      const minute = Math.round(t / 60);
      sample(minute);
      options.onProgress?.(Math.min(1, (t - start) / (close - start)));
      if (Date.now() - started > maxWall) throw new Error(`the simulation took more than ${Math.round(maxWall / 1000)} s of wall time and was stopped at ${clock(minute)}`);
    }
  }

  function sample(minute: number): void {
    minutes.push(minute);
    for (const z of zones) {
      let c = 0;
      for (let k = 0; k < inside; k++) {
        const i = live[k]!;
        if (z.byRoom ? crowd.room[i] === z.room : (z.level < 0 || levelOfRoom[crowd.room[i]!] === z.level) && pointInPolygon([crowd.x[i]!, crowd.z[i]!], z.polygon)) c++;
      }
      z.series.push(c);
    }
    doorStats.forEach((d, di) => {
      d.peakPerMinute = Math.max(d.peakPerMinute, d.minute);
      d.minute = 0;
      const door = floor.doorways[di]!;
      let waiting = 0;
      for (let k = 0; k < inside; k++) {
        const i = live[k]!;
        if (dwellUntil[i]! >= 0 || crowd.pace[i]! <= 0.3 || levelOfRoom[crowd.room[i]!] !== door.level) continue;
        if (Math.hypot(crowd.x[i]! - door.position[0], crowd.z[i]! - door.position[1]) > WAIT_NEAR_DOOR_M) continue;
        if (Math.hypot(crowd.vx[i]!, crowd.vz[i]!) < crowd.pace[i]! / 3) waiting++;
      }
      d.peakWaiting = Math.max(d.peakWaiting, waiting);
      d.waitingMinutes += waiting;
    });
    for (const v of viewPlaces) {
      let c = 0;
      for (let k = 0; k < inside; k++) {
        const i = live[k]!;
        // Only the work's own room: someone beyond a partition is not in its viewing area.
        if (crowd.room[i] === v.room && Math.hypot(crowd.x[i]! - v.p.position[0], crowd.z[i]! - v.p.position[1]) <= VIEWING_RADIUS) c++;
      }
      v.peak = Math.max(v.peak, c);
      if (c > CROWDED_VIEWERS) v.crowded++;
    }
    if ((minute - s.open) % heatEvery === 0) {
      const cells = floor.levels.map(() => new Array<number>(cols * rows).fill(0));
      for (let k = 0; k < inside; k++) {
        const i = live[k]!;
        const c = Math.min(cols - 1, Math.max(0, Math.floor((crowd.x[i]! - minX) / cellSize)));
        const r = Math.min(rows - 1, Math.max(0, Math.floor((crowd.z[i]! - minZ) / cellSize)));
        cells[levelOfRoom[crowd.room[i]!]!]![r * cols + c]!++;
      }
      cells.forEach((f, l) => levelFrames[l]!.push(f));
      frameMinutes.push(minute);
    }
  }

  const zoneResults: Record<string, ZoneResult> = {};
  for (const z of zones) {
    const peak = Math.max(0, ...z.series);
    const above = z.area > 0 ? z.series.filter((c) => c / z.area > COMFORT.peoplePerM2).length : 0;
    zoneResults[z.id] = {
      name: z.name,
      area: round(z.area),
      peakOccupancy: peak,
      peakDensity: z.area > 0 ? round(peak / z.area) : 0,
      minutesAboveComfort: above,
      peakAt: clock(minutes[z.series.indexOf(peak)] ?? s.open),
      ...(z.closed ? { closed: true } : {}),
    };
  }
  const doorways: Record<string, DoorwayResult> = {};
  floor.doorways.forEach((d, di) => {
    const st = doorStats[di]!;
    doorways[d.id] = { crossings: st.crossings, peakPerMinute: st.peakPerMinute, peakFlowPerMetre: round(st.peakPerMinute / d.width), peakWaiting: st.peakWaiting, waitingMinutes: st.waitingMinutes };
  });
  const hoursPerDay = (s.close - s.open) / 60;
  const works: Record<string, WorkResult> = {};
  const byWork = new Map(viewPlaces.map((v) => [v.p.work!, v]));
  for (const art of ex.artworks) {
    const v = byWork.get(art.id);
    const room = workRoom(ex, art, plan);
    const roomLux = room && ex.space.rooms.find((r) => r.id === room.id)?.lighting?.illuminance;
    const light = workLight(art, { hoursPerDay, daysPerYear: s.daysPerYear, lux: s.lux, ...(options.measuredLux ? { measured: options.measuredLux } : {}), ...(roomLux !== undefined ? { roomLux } : {}) });
    const closed = !room || s.closedRooms.has(room.id);
    works[art.id] = {
      luxHoursPerYear: closed ? 0 : Math.round(light.luxHoursPerYear),
      luxHoursBudget: light.luxHoursBudget,
      lux: closed ? 0 : light.lux,
      fractionOfBudget: closed || light.fractionOfBudget === null ? (closed && light.luxHoursBudget ? 0 : null) : round(light.fractionOfBudget),
      yearsToNoticeableChange: closed || light.yearsToNoticeableChange === null ? null : round(light.yearsToNoticeableChange),
      luxFrom: light.luxFrom,
      visits: v?.visits ?? 0,
      peakViewers: v?.peak ?? 0,
      minutesCrowded: v?.crowded ?? 0,
      reachable: !!v && Number.isFinite(floor.metres(0, v.i)),
    };
  }
  const crowdedWorks = Object.entries(works)
    .filter(([, w]) => w.minutesCrowded >= 10)
    .sort((a, b) => b[1].minutesCrowded - a[1].minutesCrowded)
    .map(([id]) => id);
  options.onProgress?.(1);
  return {
    scenario: options.scenarioName ?? 'baseline',
    seed,
    visitors: { entered: next, left, inside },
    averageVisitMinutes: left ? round(visitSeconds / left / 60) : 0,
    comfort: COMFORT,
    viewingComfort: VIEWING_COMFORT,
    open: clock(s.open),
    close: clock(s.close),
    zones: zoneResults,
    doorways,
    works,
    crowdedWorks,
    series: { minutes, zones: Object.fromEntries(zones.map((z) => [z.id, z.series])) },
    heatmap: {
      origin: [minX, minZ],
      cellSize: round(cellSize),
      cols,
      rows,
      minutes: frameMinutes,
      level: floor.levels[0]!,
      frames: levelFrames[0]!,
      ...(floor.levels.length > 1 ? { otherLevels: floor.levels.slice(1).map((l, k) => ({ ...l, frames: levelFrames[k + 1]! })) } : {}),
    },
    steps,
    stepSeconds: dt,
    ...(track ? { track } : {}),
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

