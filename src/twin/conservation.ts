/**
 * Conservation history, pure and Babylon-free: the condition vocabulary and how collection-system
 * exports map onto it, a work's timeline of reports and treatments, its latest condition, which works
 * are due for examination, and how a time-lapse position blends the work's states.
 */

/**
 * The condition grades, best first. Linked Art records a condition as a Condition Statement
 * (AAT 300435425, "condition statement": free text) and prescribes no grade scale, so the grades are
 * the five-step scale most collection systems export; `conditionTerms` in the exhibition maps a
 * museum's own terms or AAT concept ids onto them.
 */
export const CONDITIONS = ['excellent', 'good', 'fair', 'poor', 'unstable'] as const;
export type ConditionTerm = (typeof CONDITIONS)[number];

export interface ConditionInfo {
  term: ConditionTerm;
  /** 0 = best. */
  rank: number;
  /** Display colour (Okabe–Ito based, distinguishable with common colour-vision deficiencies). */
  colour: string;
  /** A shape, so that the grade never depends on colour alone. */
  shape: 'circle' | 'square' | 'triangle' | 'diamond' | 'cross';
  /** Words collection systems export for this grade (lower case; English and Italian). */
  synonyms: readonly string[];
}

export const CONDITION_VOCABULARY: Record<ConditionTerm, ConditionInfo> = {
  excellent: { term: 'excellent', rank: 0, colour: '#009e73', shape: 'circle', synonyms: ['excellent', 'very good', 'ottimo', 'eccellente'] },
  good: { term: 'good', rank: 1, colour: '#56b4e9', shape: 'square', synonyms: ['good', 'satisfactory', 'buono', 'discreto/buono'] },
  fair: { term: 'fair', rank: 2, colour: '#e69f00', shape: 'triangle', synonyms: ['fair', 'moderate', 'average', 'discreto', 'mediocre'] },
  poor: { term: 'poor', rank: 3, colour: '#e8743b', shape: 'diamond', synonyms: ['poor', 'bad', 'cattivo', 'scadente', 'pessimo'] },
  unstable: { term: 'unstable', rank: 4, colour: '#7b2d8e', shape: 'cross', synonyms: ['unstable', 'critical', 'instabile', 'critico'] },
};

export function isConditionTerm(s: string): s is ConditionTerm {
  return (CONDITIONS as readonly string[]).includes(s);
}

/**
 * An AAT concept reference in any of the forms exports use (`aat:300…`, `http://vocab.getty.edu/aat/300…`,
 * `https://vocab.getty.edu/page/aat/300…`), as `aat:<id>`; undefined for anything else. These URIs are only
 * identifiers read from collection exports: the app never requests them.
 */
export function aatKey(s: string): string | undefined {
  const m = /^(?:aat:|https?:\/\/vocab\.getty\.edu\/(?:page\/)?aat\/)(\d{6,10})$/i.exec(s.trim());
  return m ? `aat:${m[1]}` : undefined;
}

const normal = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * A condition as written in a file (a grade, a synonym, or a term the exhibition maps in `conditionTerms`,
 * AAT ids in any form) → the grade; undefined when nothing maps it.
 */
export function resolveCondition(value: string, mapped: Readonly<Record<string, string>> = {}): ConditionTerm | undefined {
  const v = normal(value);
  if (isConditionTerm(v)) return v;
  const key = aatKey(value);
  for (const [from, to] of Object.entries(mapped)) {
    const same = key ? aatKey(from) === key : normal(from) === v;
    if (same && isConditionTerm(to)) return to;
  }
  for (const info of Object.values(CONDITION_VOCABULARY)) if (info.synonyms.includes(v)) return info.term;
  return undefined;
}

export const CONDITION_HELP = `use one of ${CONDITIONS.join(', ')} (or map your collection system's term or AAT id to one of them in "conditionTerms")`;

// ------------------------------------------------------------------ timeline

/** The shapes this module reads (structurally typed, so it needs nothing from the schema at run time). */
export interface ConditionAreaLike {
  position: [number, number, number];
  radius: number;
  condition?: ConditionTerm;
  note: Record<string, string>;
}
export interface ReportLike {
  id: string;
  date: string;
  examiner: string;
  condition: ConditionTerm;
  notes: Record<string, string>;
  areas: ConditionAreaLike[];
}
export interface TreatmentLike {
  id: string;
  date: string;
  conservator: string;
  description: Record<string, string>;
}
export interface ConservationLike {
  reports: ReportLike[];
  treatments: TreatmentLike[];
}

export type TimelineEntry =
  | { kind: 'report'; id: string; date: string; who: string; condition: ConditionTerm; text: Record<string, string>; areas: ConditionAreaLike[] }
  | { kind: 'treatment'; id: string; date: string; who: string; text: Record<string, string>; areas: [] };

/**
 * ISO dates of different precision in order: "2010" before "2010-01" before "2010-01-05" (string order does
 * this). On the same date a report comes before the treatment it led to.
 */
function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.kind !== b.kind) return a.kind === 'report' ? -1 : 1;
  return 0;
}

/** Reports and treatments in date order (oldest first); the sort is stable for equal entries. */
export function conservationTimeline(c: ConservationLike | undefined): TimelineEntry[] {
  if (!c) return [];
  const entries: TimelineEntry[] = [
    ...c.reports.map((r) => ({ kind: 'report' as const, id: r.id, date: r.date, who: r.examiner, condition: r.condition, text: r.notes, areas: r.areas })),
    ...c.treatments.map((t) => ({ kind: 'treatment' as const, id: t.id, date: t.date, who: t.conservator, text: t.description, areas: [] as [] })),
  ];
  return entries.map((e, i) => ({ e, i })).sort((x, y) => compareEntries(x.e, y.e) || x.i - y.i).map((x) => x.e);
}

/** The most recent condition report (the later one in the file when two share a date). */
export function latestReport<R extends ReportLike>(c: { reports: R[] } | undefined): R | undefined {
  let best: R | undefined;
  for (const r of c?.reports ?? []) if (!best || r.date >= best.date) best = r;
  return best;
}

/** The colour and grade of an area: its own, or its report's. */
export function areaCondition(area: ConditionAreaLike, report: { condition: ConditionTerm }): ConditionTerm {
  return area.condition ?? report.condition;
}

// ------------------------------------------------------------------ staleness

/** A partial ISO date as the first day it can mean ("2019" → 1 January 2019): a report is never taken as newer than it may be. */
export function isoDateStart(date: string): Date {
  const [y, m = '01', d = '01'] = date.split('-');
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
}

/** Whole and fractional years between a date and now. */
export function yearsSince(date: string, now: Date): number {
  return (now.getTime() - isoDateStart(date).getTime()) / (365.2425 * 24 * 3600 * 1000);
}

export interface DueWork {
  id: string;
  /** The last report's date, or undefined when the work has never been examined. */
  lastReport?: string;
  condition?: ConditionTerm;
  years?: number;
}

/**
 * Works whose last condition report is older than `maxYears` (or that have none), most overdue first;
 * never-examined works lead the list.
 */
export function worksDueForExamination(
  works: readonly { id: string; conservation?: { reports: ReportLike[] } }[],
  now: Date,
  maxYears: number,
): DueWork[] {
  const out: DueWork[] = [];
  for (const w of works) {
    const last = latestReport(w.conservation);
    if (!last) out.push({ id: w.id });
    else {
      const years = yearsSince(last.date, now);
      if (years > maxYears) out.push({ id: w.id, lastReport: last.date, condition: last.condition, years });
    }
  }
  return out.sort((a, b) => (b.years ?? Infinity) - (a.years ?? Infinity));
}

// ------------------------------------------------------------------ time-lapse

/**
 * How much of each state shows at a position on the time-lapse (0 = first state, n − 1 = last):
 * the two neighbouring states blend linearly; the rest are hidden. Positions outside are clamped.
 */
export function stateWeights(position: number, count: number): number[] {
  if (count <= 0) return [];
  const p = Math.min(Math.max(Number.isFinite(position) ? position : 0, 0), count - 1);
  const i = Math.min(Math.floor(p), count - 1);
  const f = p - i;
  return Array.from({ length: count }, (_, k) => (k === i ? 1 - f : k === i + 1 ? f : 0));
}

/** The state a position mostly shows. */
export function dominantState(position: number, count: number): number {
  const w = stateWeights(position, count);
  let best = 0;
  for (let k = 1; k < w.length; k++) if (w[k]! > w[best]!) best = k;
  return best;
}
