/**
 * The visiting order: an orienteering heuristic over a matrix of walking costs.
 *
 * "Greedy ratio insertion + 2-opt + or-opt": works are inserted one at a time where they add least, must-see works
 * first, then the rest by value per minute (their value over the minutes they add: walking plus dwell), while the
 * visit fits the time budget; then the order is improved by 2-opt (reversing a stretch of the route) and or-opt
 * (moving a run of one to three stops elsewhere) until neither shortens it, and the loop tries again to fit what
 * was left out. The start and the end are fixed. Pure: no geometry, so it is tested against brute force.
 */

export interface OrderInput {
  /** cost[i][j]: what walking from i to j costs (minimised). Index 0 is the start, 1 the end, 2.. the works. */
  cost: readonly (readonly number[])[];
  /** time[i][j]: minutes walking from i to j (checked against the budget); defaults to cost. */
  time?: readonly (readonly number[])[];
  /** Minutes at each index (0 for start and end). */
  dwell: readonly number[];
  /** Value of each index: must-see works are worth more and are placed first. */
  value: readonly number[];
  /** Minutes available (Infinity: all day). */
  budget: number;
}

export interface OrderResult {
  /** Work indices in visiting order. */
  order: number[];
  /** Work indices that did not fit. */
  left: number[];
}

const EPS = 1e-9;

export function orderStops(input: OrderInput): OrderResult {
  const { cost, dwell, value, budget } = input;
  const time = input.time ?? cost;
  const n = cost.length;
  const route = [0, 1];
  const pending = new Set<number>();
  for (let i = 2; i < n; i++) if (Number.isFinite(cost[0]![i]!) && Number.isFinite(cost[i]![1]!)) pending.add(i);
  const unreachable = [...Array(n).keys()].slice(2).filter((i) => !pending.has(i));
  const minutes = (r: number[]): number => {
    let t = 0;
    for (let k = 1; k < r.length; k++) t += time[r[k - 1]!]![r[k]!]! + dwell[r[k]!]!;
    return t;
  };
  const tiers = [...new Set([...pending].map((i) => value[i]!))].sort((a, b) => b - a);
  for (let round = 0; round < 3; round++) {
    let added = false;
    for (const tier of tiers) added = insertTier(route, pending, tier, input, time, minutes) || added;
    improve(route, cost);
    if (!added) break;
  }
  // The improvement may leave the route over budget only if time and cost disagree; drop the least valuable then.
  while (minutes(route) > budget + EPS && route.length > 2) {
    let worst = 1;
    for (let k = 1; k < route.length - 1; k++) if (value[route[k]!]! <= value[route[worst]!]!) worst = k;
    pending.add(route.splice(worst, 1)[0]!);
  }
  return { order: route.slice(1, -1), left: [...pending, ...unreachable] };
}

/** Inserts works of one value tier where each adds least, best ratio first, while they fit. */
function insertTier(route: number[], pending: Set<number>, tier: number, input: OrderInput, time: OrderInput['time'] & {}, minutes: (r: number[]) => number): boolean {
  const { cost, dwell, value, budget } = input;
  let used = minutes(route);
  let any = false;
  for (;;) {
    let best: { i: number; at: number; ratio: number; extra: number } | undefined;
    for (const i of pending) {
      if (value[i] !== tier) continue;
      const ins = cheapestInsertion(route, i, cost);
      const extra = time[route[ins.at - 1]!]![i]! + time[i]![route[ins.at]!]! - time[route[ins.at - 1]!]![route[ins.at]!]! + dwell[i]!;
      if (used + extra > budget + EPS) continue;
      const ratio = value[i]! / Math.max(EPS, ins.delta + dwell[i]!);
      if (!best || ratio > best.ratio) best = { i, at: ins.at, ratio, extra };
    }
    if (!best) return any;
    route.splice(best.at, 0, best.i);
    pending.delete(best.i);
    used += best.extra;
    any = true;
  }
}

/** Where in the route (between start and end) index i adds least cost. */
export function cheapestInsertion(route: readonly number[], i: number, cost: OrderInput['cost']): { at: number; delta: number } {
  let best = { at: 1, delta: Infinity };
  for (let k = 1; k < route.length; k++) {
    const a = route[k - 1]!;
    const b = route[k]!;
    const delta = cost[a]![i]! + cost[i]![b]! - cost[a]![b]!;
    if (delta < best.delta) best = { at: k, delta };
  }
  return best;
}

/** 2-opt and or-opt until neither helps (the first and last entries stay put). */
export function improve(route: number[], cost: OrderInput['cost']): void {
  const c = (a: number, b: number): number => cost[a]![b]!;
  for (let pass = 0; pass < 50; pass++) {
    let better = false;
    // 2-opt: reverse route[i..j]. Costs may be asymmetric, so compare whole stretches.
    for (let i = 1; i < route.length - 2; i++) {
      for (let j = i + 1; j < route.length - 1; j++) {
        const before = stretch(route, i - 1, j + 1, c);
        const seg = route.slice(i, j + 1).reverse();
        const trial = [route[i - 1]!, ...seg, route[j + 1]!];
        let after = 0;
        for (let k = 1; k < trial.length; k++) after += c(trial[k - 1]!, trial[k]!);
        if (after < before - 1e-7) {
          route.splice(i, seg.length, ...seg);
          better = true;
        }
      }
    }
    // Or-opt: move a run of 1–3 stops to another place.
    for (let len = 1; len <= 3; len++) {
      for (let i = 1; i + len <= route.length - 1; i++) {
        const run = route.slice(i, i + len);
        const prev = route[i - 1]!;
        const next = route[i + len]!;
        const removed = c(prev, run[0]!) + c(run[len - 1]!, next) - c(prev, next);
        const rest = [...route.slice(0, i), ...route.slice(i + len)];
        let best = { at: -1, delta: removed - 1e-7, reversed: false };
        for (let k = 1; k < rest.length; k++) {
          const a = rest[k - 1]!;
          const b = rest[k]!;
          const fwd = c(a, run[0]!) + c(run[len - 1]!, b) - c(a, b);
          if (fwd < best.delta) best = { at: k, delta: fwd, reversed: false };
          const rev = c(a, run[len - 1]!) + c(run[0]!, b) - c(a, b);
          if (len > 1 && rev < best.delta) best = { at: k, delta: rev, reversed: true };
        }
        if (best.at >= 0) {
          const moved = best.reversed ? [...run].reverse() : run;
          rest.splice(best.at, 0, ...moved);
          route.splice(0, route.length, ...rest);
          better = true;
        }
      }
    }
    if (!better) return;
  }
}

function stretch(route: readonly number[], from: number, to: number, c: (a: number, b: number) => number): number {
  let s = 0;
  for (let k = from + 1; k <= to; k++) s += c(route[k - 1]!, route[k]!);
  return s;
}

/** Walking cost of start → order → end. */
export function routeCost(order: readonly number[], cost: OrderInput['cost']): number {
  const r = [0, ...order, 1];
  let s = 0;
  for (let k = 1; k < r.length; k++) s += cost[r[k - 1]!]![r[k]!]!;
  return s;
}
