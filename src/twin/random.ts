/**
 * A seeded random generator for what must repeat exactly from a seed: the simulator's readings, the fuzz and
 * fault-injection tests (and, later, the what-if simulation). Math.random cannot be seeded.
 *
 * mulberry32 (Tommy Ettinger's public-domain generator): 32 bits of state, fast, good enough for noise and
 * test cases; never for anything secret (use crypto.getRandomValues).
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
