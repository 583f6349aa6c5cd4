/**
 * Rooms as a graph joined by doorways: which rooms a visitor can see into from where they stand
 * (their room and the ones opening off it), and how many doorways away every other room is.
 * Drives culling and the order works load in (src/scene/visibility.ts, src/scene/streaming.ts).
 */
import type { FloorPlan } from './schema';

export type RoomGraph = Map<string, string[]>;

export function roomGraph(plan: Pick<FloorPlan, 'rooms' | 'doorways'>): RoomGraph {
  const graph: RoomGraph = new Map(plan.rooms.map((r) => [r.id, [] as string[]]));
  for (const door of plan.doorways) {
    const [a, b] = door.rooms;
    if (!a || !b || a === b) continue;
    const la = graph.get(a);
    const lb = graph.get(b);
    if (!la || !lb) continue;
    if (!la.includes(b)) la.push(b);
    if (!lb.includes(a)) lb.push(a);
  }
  return graph;
}

/** Doorways from `from` to every room it reaches (breadth first); unreachable rooms are absent. */
export function roomHops(graph: RoomGraph, from: string): Map<string, number> {
  const hops = new Map<string, number>([[from, 0]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const here = queue[i]!;
    const d = hops.get(here)!;
    for (const next of graph.get(here) ?? []) {
      if (hops.has(next)) continue;
      hops.set(next, d + 1);
      queue.push(next);
    }
  }
  return hops;
}
