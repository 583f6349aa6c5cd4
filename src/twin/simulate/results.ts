/**
 * What a run reports, in the shape the CLI's --json prints (the contract: visitors, zones, works) with
 * more fields beside it, and the comfort threshold the zone figures are measured against.
 */

/**
 * Comfort: Fruin's level of service C for walkways (Pedestrian Planning and Design, 1971): at 1.4 m² per person
 * or more, people still choose their own speed and pass each other; above 0.7 people/m² movement becomes
 * restricted (level D), which in a gallery means people can no longer step back to look.
 */
export const COMFORT = { peoplePerM2: 0.7, source: 'Fruin, Pedestrian Planning and Design (1971): walkway level of service C/D boundary, 1.4 m² per person' } as const;

/** Radius of the viewing area in front of a work, metres: where its viewers stand. */
export const VIEWING_RADIUS = 1.5;

/**
 * A work's viewing area is crowded above Fruin's level of service B for queuing (standing) areas, 0.9 m² per
 * person (Fruin, Pedestrian Planning and Design, 1971; the same bands in the Highway Capacity Manual's queuing
 * levels of service): up to there a viewer can still step forward, aside or away without disturbing others; past it
 * (level C) moving means pushing past someone. Viewers stand, so the walkway figure (COMFORT) is the wrong yardstick:
 * it called every work of the default exhibition crowded.
 */
export const VIEWING_COMFORT = {
  peoplePerM2: Math.round((1 / 0.9) * 100) / 100,
  source: 'Fruin, Pedestrian Planning and Design (1971): queuing-area level of service B/C boundary, 0.9 m² per standing person',
} as const;

/** More viewers than this at once within VIEWING_RADIUS of a work's viewing place make it crowded (7.85 → 8). */
export const CROWDED_VIEWERS = VIEWING_COMFORT.peoplePerM2 * Math.PI * VIEWING_RADIUS ** 2;

export interface ZoneResult {
  name: string;
  area: number;
  peakOccupancy: number;
  peakDensity: number;
  minutesAboveComfort: number;
  /** Time of the peak, "HH:MM". */
  peakAt: string;
  closed?: boolean;
}

export interface DoorwayResult {
  crossings: number;
  peakPerMinute: number;
  /** People per metre of width per minute at the busiest minute. */
  peakFlowPerMetre: number;
  /** Most people waiting (walking slower than a third of their pace) within 2 m of it at once. */
  peakWaiting: number;
  /** Person-minutes spent waiting there. */
  waitingMinutes: number;
}

export interface WorkResult {
  luxHoursPerYear: number;
  luxHoursBudget: number | null;
  lux: number;
  fractionOfBudget: number | null;
  yearsToNoticeableChange: number | null;
  /** Where `lux` came from: a scenario, the live twin's measurement, the format's light, the room's, the limit's. */
  luxFrom: 'scenario' | 'measured' | 'format' | 'room' | 'limit' | 'gallery';
  /** Visitors who stopped at it. */
  visits: number;
  peakViewers: number;
  /** Minutes its viewing area was above the viewing comfort density (VIEWING_COMFORT). */
  minutesCrowded: number;
  /** False when the work's room is closed or cannot be reached. */
  reachable: boolean;
}

export interface Heatmap {
  origin: [number, number];
  cellSize: number;
  cols: number;
  rows: number;
  /** Minutes after midnight of each frame. */
  minutes: number[];
  /** The level `frames` counts (the plan's first). */
  level: { id: string; name: string };
  /** People per cell on that level, row by row, one array per frame. */
  frames: number[][];
  /** A plan of several levels: each other level's own frames (same grid and minutes), in the plan's order. */
  otherLevels?: { id: string; name: string; frames: number[][] }[];
}

/** Where the visitors stood, every few seconds over a stretch of the day (SimulateOptions.track). */
export interface AgentTrack {
  fromMinute: number;
  everySeconds: number;
  /**
   * Per frame: the visitor numbers inside, ascending, their [x, z] pairs in the same order, and the elevation of
   * the floor each stands on (m; absent: the ground).
   */
  frames: { ids: Int32Array; xz: Float32Array; y?: Float32Array }[];
}

export interface SimulationResult {
  scenario: string;
  seed: number;
  visitors: { entered: number; left: number; inside: number };
  averageVisitMinutes: number;
  comfort: typeof COMFORT;
  /** The density above which a work's viewing area counts as crowded. */
  viewingComfort: typeof VIEWING_COMFORT;
  open: string;
  close: string;
  zones: Record<string, ZoneResult>;
  doorways: Record<string, DoorwayResult>;
  works: Record<string, WorkResult>;
  /** Works whose viewing area was above comfort for at least 10 minutes, most crowded first. */
  crowdedWorks: string[];
  /** Occupancy per zone at each sampled minute, for charts. */
  series: { minutes: number[]; zones: Record<string, number[]> };
  heatmap: Heatmap;
  /** Simulated steps and their length, s. */
  steps: number;
  stepSeconds: number;
  track?: AgentTrack;
}

export const clock = (minutes: number): string => {
  const m = Math.round(minutes);
  return `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};
