import { describe, expect, it } from 'vitest';
import { orderStops, routeCost } from './order';

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomCase(seed: number, works: number): number[][] {
  const r = rng(seed);
  const pts = [...Array(works + 2)].map(() => [r() * 60, r() * 40] as const);
  return pts.map((p) => pts.map((q) => Math.hypot(p[0] - q[0], p[1] - q[1])));
}

function bruteForce(cost: number[][]): number {
  const works = [...Array(cost.length - 2).keys()].map((i) => i + 2);
  let best = Infinity;
  const permute = (rest: number[], done: number[]): void => {
    if (rest.length === 0) {
      best = Math.min(best, routeCost(done, cost));
      return;
    }
    rest.forEach((x, k) => permute([...rest.slice(0, k), ...rest.slice(k + 1)], [...done, x]));
  };
  permute(works, []);
  return best;
}

describe('visiting order (greedy ratio insertion + 2-opt + or-opt)', () => {
  it('walks within 10% of the brute-force optimum on 200 random cases of up to 8 stops', () => {
    let worst = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const works = 3 + (seed % 6); // 3–8 stops
      const cost = randomCase(seed, works);
      const n = cost.length;
      const { order, left } = orderStops({ cost, dwell: Array(n).fill(2), value: Array(n).fill(1), budget: Infinity });
      expect(left).toEqual([]);
      expect([...order].sort((a, b) => a - b)).toEqual([...Array(works).keys()].map((i) => i + 2));
      const ratio = routeCost(order, cost) / bruteForce(cost);
      worst = Math.max(worst, ratio);
      expect(ratio, `seed ${seed}`).toBeLessThanOrEqual(1.1);
    }
    expect(worst).toBeGreaterThanOrEqual(1 - 1e-9);
  });

  it('keeps to the time budget, must-see works first, and names what is left out', () => {
    const cost = randomCase(7, 8);
    const n = cost.length;
    const value = Array(n).fill(1);
    value[5] = 100;
    value[9] = 100; // two must-see works
    const dwell = [0, 0, ...Array(n - 2).fill(5)];
    const all = orderStops({ cost, dwell, value, budget: Infinity });
    const full = routeCost(all.order, cost) + 8 * 5;
    // Room for the two must-see works (either order) and a little more, but not for everything.
    const budget = Math.max(routeCost([5, 9], cost), routeCost([9, 5], cost)) + 10 + 6;
    expect(budget).toBeLessThan(full);
    const short = orderStops({ cost, dwell, value, budget });
    expect(short.order).toContain(5);
    expect(short.order).toContain(9);
    expect(short.left.length).toBeGreaterThan(0);
    expect(short.order.length + short.left.length).toBe(8);
    expect(routeCost(short.order, cost) + short.order.length * 5).toBeLessThanOrEqual(budget);
  });

  it('leaves out a work it cannot reach', () => {
    const cost = randomCase(3, 3);
    for (let i = 0; i < cost.length; i++) {
      cost[4]![i] = Infinity;
      cost[i]![4] = Infinity;
    }
    const r = orderStops({ cost, dwell: [0, 0, 2, 2, 2], value: [0, 0, 1, 1, 1], budget: Infinity });
    expect(r.order.sort()).toEqual([2, 3]);
    expect(r.left).toEqual([4]);
  });
});
