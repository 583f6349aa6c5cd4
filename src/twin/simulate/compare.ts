/**
 * The diff of two runs: each figure that changed, by how much, and whether that is better or worse for visitors
 * and works (less crowding, less light on a sensitive work, more years before it fades are better).
 */
import type { SimulationResult } from './results';

export interface ComparisonRow {
  /** What the figure is about: a zone, doorway or work id, or 'visitors'. */
  subject: string;
  measure: string;
  baseline: number | null;
  scenario: number | null;
  change: number | null;
  /** 'better', 'worse', or 'same' / 'changed' where a change is neither (visit length). */
  verdict: 'better' | 'worse' | 'same' | 'changed';
}

export interface Comparison {
  baseline: string;
  scenario: string;
  rows: ComparisonRow[];
  better: number;
  worse: number;
}

type Direction = 'lower' | 'higher' | 'neutral';

function row(subject: string, measure: string, a: number | null, b: number | null, dir: Direction): ComparisonRow {
  const change = a === null || b === null ? null : Math.round((b - a) * 1000) / 1000;
  let verdict: ComparisonRow['verdict'];
  if (a === b || change === 0) verdict = 'same';
  else if (dir === 'neutral' || change === null) verdict = 'changed';
  else verdict = (change < 0) === (dir === 'lower') ? 'better' : 'worse';
  return { subject, measure, baseline: a, scenario: b, change, verdict };
}

/** Compares a scenario's run with the baseline's, figure by figure; unchanged figures are left out unless `all`. */
export function compareResults(base: SimulationResult, other: SimulationResult, all = false): Comparison {
  const rows: ComparisonRow[] = [
    row('visitors', 'average visit (min)', base.averageVisitMinutes, other.averageVisitMinutes, 'neutral'),
    row('visitors', 'still inside at the end', base.visitors.inside, other.visitors.inside, 'lower'),
    row('visitors', 'entered', base.visitors.entered, other.visitors.entered, 'neutral'),
  ];
  for (const id of new Set([...Object.keys(base.zones), ...Object.keys(other.zones)])) {
    const a = base.zones[id];
    const b = other.zones[id];
    rows.push(row(id, 'peak density (people/m²)', a?.peakDensity ?? null, b?.peakDensity ?? null, 'lower'));
    rows.push(row(id, 'minutes above comfort', a?.minutesAboveComfort ?? null, b?.minutesAboveComfort ?? null, 'lower'));
    rows.push(row(id, 'peak occupancy', a?.peakOccupancy ?? null, b?.peakOccupancy ?? null, 'neutral'));
  }
  for (const id of new Set([...Object.keys(base.doorways), ...Object.keys(other.doorways)])) {
    rows.push(row(id, 'most waiting at the doorway', base.doorways[id]?.peakWaiting ?? null, other.doorways[id]?.peakWaiting ?? null, 'lower'));
  }
  for (const id of new Set([...Object.keys(base.works), ...Object.keys(other.works)])) {
    const a = base.works[id];
    const b = other.works[id];
    rows.push(row(id, 'lux-hours a year', a?.luxHoursPerYear ?? null, b?.luxHoursPerYear ?? null, 'lower'));
    rows.push(row(id, 'years to a noticeable change', a?.yearsToNoticeableChange ?? null, b?.yearsToNoticeableChange ?? null, 'higher'));
    rows.push(row(id, 'minutes crowded', a?.minutesCrowded ?? null, b?.minutesCrowded ?? null, 'lower'));
  }
  const shown = all ? rows : rows.filter((r) => r.verdict !== 'same');
  return {
    baseline: base.scenario,
    scenario: other.scenario,
    rows: shown,
    better: shown.filter((r) => r.verdict === 'better').length,
    worse: shown.filter((r) => r.verdict === 'worse').length,
  };
}
