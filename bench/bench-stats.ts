/**
 * The benchmark's arithmetic: median and percentiles of samples, and the spread of repeated runs (median, min,
 * max), so the machine's noise stays visible instead of being averaged away.
 */

/** The middle value; of an even count, the mean of the two middle ones (two runs give their mean). */
export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The p-th percentile (nearest rank). */
export const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};

export const round = (x: number, d = 1): number => Number(x.toFixed(d));

/** Repeated runs of one figure. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** The spread of the runs that have the figure (undefined when none has). */
export function spread(xs: (number | undefined)[], digits = 1): Spread | undefined {
  const v = xs.filter((x): x is number => x !== undefined && Number.isFinite(x));
  if (!v.length) return undefined;
  return { median: round(median(v), digits), min: round(Math.min(...v), digits), max: round(Math.max(...v), digits), runs: v.length };
}

/** "median [min–max]", or the one value of a single run; '–' when there is none. */
export function showSpread(s: Spread | undefined, unit = ''): string {
  if (!s) return '–';
  return s.runs > 1 && s.min !== s.max ? `${s.median}${unit} [${s.min}–${s.max}]` : `${s.median}${unit}`;
}
