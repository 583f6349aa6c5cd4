/**
 * The JS heap, measured alike at any exhibition size (issue 20: "JS heap at 1,000 works ≤ 1.5× that at 50"):
 * at one moment, "settled", after a full garbage collection. Settled is: the scene has stopped gaining works
 * (the app builds rooms a room per task after the first frame; reading the heap while it still builds would
 * catch half of it) and no file has been sent for a while (no media in flight). Also a heap snapshot summed up by
 * constructor, to see what grows with the number of works (bench/heap-snapshot.ts).
 */
import type { CDPSession, Page } from '@playwright/test';
import type { Served } from './bench-serve';

/** How long the works built and the files sent must not change before the page counts as settled. */
const QUIET_MS = 3000;

/**
 * Waits until the works built in the scene (nodes named `artwork:`) and the files sent have not changed for
 * QUIET_MS (at most `timeoutMs`); says whether it settled and how many of the `works` were built.
 */
export async function settle(page: Page, served: Served[], works: number, timeoutMs: number): Promise<{ settled: boolean; built: number; works: number; waitedMs: number }> {
  const t0 = Date.now();
  let built = -1;
  let builtSince = t0;
  for (;;) {
    const now = await page.evaluate(() => {
      const scene = window.museumTwin?.scene() as { transformNodes: { name: string }[] } | undefined;
      return scene ? scene.transformNodes.filter((n) => n.name.startsWith('artwork:')).length : 0;
    });
    if (now !== built) {
      built = now;
      builtSince = Date.now();
    }
    const quiet = Date.now() - Math.max(served.at(-1)?.at ?? 0, builtSince);
    if (quiet >= QUIET_MS) return { settled: true, built, works, waitedMs: Date.now() - t0 };
    if (Date.now() - t0 > timeoutMs) return { settled: false, built, works, waitedMs: Date.now() - t0 };
    await page.waitForTimeout(500);
  }
}

/** The page's JS heap in use after full garbage collections (bytes). */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  // Twice: the first can free objects whose finalisers keep others until the next.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** A heap snapshot's nodes by constructor (or kind, for strings, code and arrays): count and self bytes. */
export interface HeapGroup {
  name: string;
  count: number;
  /** Self sizes. */
  bytes: number;
  /** Arrays, boxed numbers and backing stores these objects are the first to point at. */
  owned: number;
}

/** Takes a heap snapshot through the DevTools protocol and returns it parsed. */
export async function takeSnapshot(cdp: CDPSession): Promise<HeapSnapshot> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  return JSON.parse(chunks.join('')) as HeapSnapshot;
}

/** The parts of V8's .heapsnapshot format read here. */
export interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]]; edge_fields: string[]; edge_types: [string[], ...unknown[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/** Kinds of node that belong to the object pointing at them (its elements, boxed numbers, backing stores). */
const OWNED = new Set(['array', 'number', 'hidden', 'concatenated string', 'sliced string']);

/**
 * Sums a snapshot's nodes by constructor: objects by their constructor's name, closures as `(closure)`, the rest
 * by kind (`(string)`, `(array)`, `(code)`…), as DevTools' Summary groups them (self sizes). `owned` adds to an
 * object's group the arrays, boxed numbers and backing stores it is the first to point at (so a mesh's vertex
 * arrays count with the mesh): an approximation of what each kind of object keeps.
 */
export function groupSnapshot(s: HeapSnapshot): HeapGroup[] {
  const { node_fields: fields, node_types, edge_fields, edge_types } = s.snapshot.meta;
  const types = node_types[0];
  const step = fields.length;
  const [ti, ni, si, ei] = ['type', 'name', 'self_size', 'edge_count'].map((f) => fields.indexOf(f)) as [number, number, number, number];
  const estep = edge_fields.length;
  const [eti, eto] = ['type', 'to_node'].map((f) => edge_fields.indexOf(f)) as [number, number];
  const weak = edge_types[0].indexOf('weak');
  const count = s.nodes.length / step;
  const groupOf = (n: number): string => {
    const type = types[s.nodes[n * step + ti]!]!;
    const name = s.strings[s.nodes[n * step + ni]!]!;
    if (type === 'object' || type === 'native') return name;
    if (type === 'hidden' && name.startsWith('system / ')) return name;
    return type === 'closure' ? '(closure)' : `(${type})`;
  };
  const owner = new Int32Array(count).fill(-1);
  let e = 0;
  for (let n = 0; n < count; n++) {
    const edges = s.nodes[n * step + ei]!;
    const type = types[s.nodes[n * step + ti]!]!;
    const owns = type === 'object' || type === 'closure';
    for (let k = 0; k < edges; k++, e += estep) {
      if (!owns || s.edges[e + eti] === weak) continue;
      const to = s.edges[e + eto]! / step;
      if (owner[to] === -1 && OWNED.has(types[s.nodes[to * step + ti]!]!)) owner[to] = n;
    }
  }
  const groups = new Map<string, HeapGroup>();
  const add = (name: string, self: number, owned: number, counted: boolean) => {
    const g = groups.get(name) ?? { name, count: 0, bytes: 0, owned: 0 };
    if (counted) g.count++;
    g.bytes += self;
    g.owned += owned;
    groups.set(name, g);
  };
  for (let n = 0; n < count; n++) {
    const self = s.nodes[n * step + si]!;
    add(groupOf(n), self, 0, true);
    // Chains (an array of arrays) count with the first object above them.
    let o = owner[n]!;
    for (let hops = 0; o !== -1 && owner[o] !== -1 && hops < 8; hops++) o = owner[o]!;
    if (owner[n] !== -1) add(groupOf(o), 0, self, false);
  }
  return [...groups.values()].sort((a, b) => b.bytes + b.owned - (a.bytes + a.owned));
}

/**
 * The largest nodes of one group (e.g. `system / JSArrayBufferData`) with who holds them: each one's chain of
 * retainers on a shortest path from the root (edge name and the holder's group), up to `depth` steps, for finding
 * what keeps them.
 */
export function retainers(s: HeapSnapshot, group: string, top = 10, depth = 12): { bytes: number; chain: string[] }[] {
  const { node_fields: fields, node_types, edge_fields, edge_types } = s.snapshot.meta;
  const types = node_types[0];
  const step = fields.length;
  const [ti, ni, si, ei] = ['type', 'name', 'self_size', 'edge_count'].map((f) => fields.indexOf(f)) as [number, number, number, number];
  const estep = edge_fields.length;
  const [eti, eni, eto] = ['type', 'name_or_index', 'to_node'].map((f) => edge_fields.indexOf(f)) as [number, number, number];
  const etypes = edge_types[0];
  const count = s.nodes.length / step;
  const name = (n: number) => {
    const type = types[s.nodes[n * step + ti]!]!;
    const nm = s.strings[s.nodes[n * step + ni]!]!;
    return type === 'object' || type === 'native' || type === 'hidden' ? nm : `(${type}) ${nm.slice(0, 40)}`;
  };
  // Each node's retainer on a shortest path from the snapshot's root (breadth first over strong edges), as
  // DevTools' "distance": a chain that ends at what really keeps it, not in a cycle.
  const firstEdge = new Int32Array(count + 1);
  for (let n = 0; n < count; n++) firstEdge[n + 1] = firstEdge[n]! + s.nodes[n * step + ei]! * estep;
  const parent = new Int32Array(count).fill(-1);
  const via = new Array<string>(count);
  const seen = new Uint8Array(count);
  seen[0] = 1;
  let queue = [0];
  while (queue.length) {
    const nextQueue: number[] = [];
    for (const n of queue) {
      for (let e = firstEdge[n]!; e < firstEdge[n + 1]!; e += estep) {
        const et = etypes[s.edges[e + eti]!]!;
        if (et === 'weak' || et === 'shortcut') continue;
        const to = s.edges[e + eto]! / step;
        if (seen[to]) continue;
        seen[to] = 1;
        parent[to] = n;
        const en = s.edges[e + eni]!;
        via[to] = et === 'element' || et === 'hidden' ? `[${en}]` : String(s.strings[en]);
        nextQueue.push(to);
      }
    }
    queue = nextQueue;
  }
  const nodes: number[] = [];
  for (let n = 0; n < count; n++) if (name(n) === group) nodes.push(n);
  nodes.sort((a, b) => s.nodes[b * step + si]! - s.nodes[a * step + si]!);
  return nodes.slice(0, top).map((n) => {
    const chain: string[] = [];
    for (let m = n, d = 0; parent[m] !== -1 && d < depth; m = parent[m]!, d++) chain.push(`${via[m]} ← ${name(parent[m]!)}`);
    return { bytes: s.nodes[n * step + si]!, chain };
  });
}
