/**
 * The walking graph of a floor plan, for real walking distances: a visibility graph over doorway sides,
 * the inner corners of non-convex rooms, the ends of stairs, ramps and lifts, and the points a visit
 * stops at (where a visitor stands to look at a work, the start and the end). Edges join only points that see
 * each other inside one room, the two sides of a doorway, and the two ends of a vertical link, so a path never
 * passes through a wall. Graph and shortest paths: graphology and graphology-shortest-path (Dijkstra).
 */
import Graph from 'graphology';
import { dijkstra } from 'graphology-shortest-path';
import type { FloorPlan, Vec2, VerticalLink } from '../schema';
import { distance, edgeOf, orient, pointInPolygon, segmentsMeet, signedArea, toSegment } from '../geometry';
import { isStepFree, levelsOf, roomLevels, verticalLinksOf } from './levels';

export type EdgeKind = 'walk' | 'door' | VerticalLink['kind'];

export interface NavNode {
  kind: 'door' | 'corner' | 'link' | 'point';
  room: string;
  level: string;
  position: Vec2;
  /** Doorway, vertical link or point id. */
  ref: string;
}

export interface NavEdge {
  kind: EdgeKind;
  /** Metres walked (for a lift, the plan distance between its doors). */
  length: number;
  /** What the planner minimises: metres, more in crowded rooms, a lift's wait as metres. */
  cost: number;
  ref?: string;
}

/** How far into a room the point beside a doorway or a corner sits (a visitor does not brush the wall). */
const INSET = 0.4;
/** A lift's wait and ride, as metres walked at museum pace (about 40 s). */
export const LIFT_COST_M = 32;
/** Stairs: a flight is about twice as long as it is high. Ramps: 1 in 12, the accessible gradient. */
const STAIRS_PER_RISE = 2;
const RAMP_PER_RISE = 12;

export interface NavOptions {
  /** Leave out stairs. */
  stepFree?: boolean;
  /** Cost multiplier per room (> 1 for a room to avoid). */
  roomPenalty?: ReadonlyMap<string, number>;
}

export interface PathResult {
  /** Node keys from source to target. */
  nodes: string[];
  metres: number;
  cost: number;
}

type Plan = Pick<FloorPlan, 'rooms' | 'doorways'> & Partial<Pick<FloorPlan, 'levels' | 'verticalLinks'>>;

export class NavGraph {
  readonly graph = new Graph<NavNode, NavEdge>({ type: 'undirected', multi: false, allowSelfLoops: false });
  private readonly byRoom = new Map<string, string[]>();
  private readonly polygons = new Map<string, Vec2[]>();
  private readonly convex = new Map<string, boolean>();
  private readonly levelOf: Map<string, string>;
  private readonly elevation: Map<string, number>;

  constructor(plan: Plan, private readonly options: NavOptions = {}) {
    this.levelOf = roomLevels(plan);
    this.elevation = new Map(levelsOf(plan).map((l) => [l.id, l.elevation]));
    for (const room of plan.rooms) {
      this.polygons.set(room.id, room.polygon);
      this.convex.set(room.id, isConvex(room.polygon));
      this.byRoom.set(room.id, []);
    }
    for (const room of plan.rooms) if (!this.convex.get(room.id)) this.addCorners(room.id, room.polygon);
    for (const door of plan.doorways) this.addDoorway(door.id, door.rooms, door.position);
    for (const link of verticalLinksOf(plan)) this.addLink(link);
  }

  roomLevel(room: string): string | undefined {
    return this.levelOf.get(room);
  }

  hasRoom(room: string): boolean {
    return this.polygons.has(room);
  }

  /** Adds a place a visit stops at; it sees every node of its room that it can see in a straight line. */
  addPoint(id: string, room: string, position: Vec2): string {
    const key = `p:${id}`;
    if (this.graph.hasNode(key)) return key;
    this.addNode(key, { kind: 'point', room, level: this.levelOf.get(room) ?? '', position, ref: id });
    return key;
  }

  /** Shortest paths (by cost) from one node to the given targets; unreachable targets are absent. */
  pathsFrom(source: string, targets: readonly string[]): Map<string, PathResult> {
    // Brandes' Dijkstra gives each node's predecessors without copying a path per node (singleSource does,
    // which dominated planning over large exhibitions); the paths wanted are walked back from their targets.
    const [, pred] = dijkstra.brandes(this.graph, source, 'cost');
    const out = new Map<string, PathResult>();
    for (const t of targets) {
      if (t !== source && !pred[t]?.length) continue;
      const nodes = [t];
      for (let at = t; at !== source; ) {
        at = pred[at]![0]!;
        nodes.push(at);
      }
      out.set(t, this.measure(nodes.reverse()));
    }
    return out;
  }

  /** Metres and cost along a node path. */
  measure(nodes: string[]): PathResult {
    let metres = 0;
    let cost = 0;
    for (let i = 1; i < nodes.length; i++) {
      const e = this.graph.getEdgeAttributes(this.graph.edge(nodes[i - 1], nodes[i])!);
      metres += e.length;
      cost += e.cost;
    }
    return { nodes, metres, cost };
  }

  edgeBetween(a: string, b: string): NavEdge | undefined {
    const e = this.graph.edge(a, b);
    return e === undefined ? undefined : this.graph.getEdgeAttributes(e);
  }

  node(key: string): NavNode {
    return this.graph.getNodeAttributes(key);
  }

  /** Whether the straight line a–b stays inside the room (never crosses one of its walls). */
  sees(room: string, a: Vec2, b: Vec2): boolean {
    const poly = this.polygons.get(room);
    if (!poly) return false;
    if (this.convex.get(room)) return true;
    for (let i = 0; i < poly.length; i++) {
      const [p, q] = edgeOf(poly, i);
      if (segmentsMeet(a, b, p, q, true)) return false;
    }
    return pointInPolygon([(a[0] + b[0]) / 2, (a[1] + b[1]) / 2], poly);
  }

  private addNode(key: string, node: NavNode): void {
    this.graph.addNode(key, node);
    const inRoom = this.byRoom.get(node.room);
    if (!inRoom) return;
    const factor = this.options.roomPenalty?.get(node.room) ?? 1;
    for (const other of inRoom) {
      const o = this.graph.getNodeAttributes(other);
      if (!this.sees(node.room, node.position, o.position)) continue;
      const length = distance(node.position, o.position);
      this.graph.addEdge(key, other, { kind: 'walk', length, cost: length * factor });
    }
    inRoom.push(key);
  }

  private addCorners(room: string, poly: Vec2[]): void {
    const ccw = signedArea(poly) > 0;
    poly.forEach((p, i) => {
      const prev = poly[(i + poly.length - 1) % poly.length]!;
      const next = poly[(i + 1) % poly.length]!;
      const turn = orient(prev, p, next);
      if (ccw ? turn >= 0 : turn <= 0) return; // convex corner: no path bends round it
      // Reflex corner: a node just off it, into the room along the outward bisector's opposite.
      const a = unit([prev[0] - p[0], prev[1] - p[1]]);
      const b = unit([next[0] - p[0], next[1] - p[1]]);
      const bis = unit([-(a[0] + b[0]), -(a[1] + b[1])]);
      const at: Vec2 = [p[0] + bis[0] * INSET, p[1] + bis[1] * INSET];
      if (pointInPolygon(at, poly)) this.addNode(`c:${room}:${i}`, { kind: 'corner', room, level: this.levelOf.get(room) ?? '', position: at, ref: `${room}:${i}` });
    });
  }

  private addDoorway(id: string, rooms: readonly string[], position: Vec2): void {
    if (rooms.length !== 2 || rooms[0] === rooms[1]) return; // a door to the outside is no part of a visit
    const keys: string[] = [];
    for (const room of rooms) {
      const poly = this.polygons.get(room);
      if (!poly) return;
      const side = insetFromWall(poly, position);
      const key = `d:${id}:${room}`;
      this.addNode(key, { kind: 'door', room, level: this.levelOf.get(room) ?? '', position: side, ref: id });
      keys.push(key);
    }
    const length = distance(this.node(keys[0]!).position, this.node(keys[1]!).position);
    this.graph.addEdge(keys[0], keys[1], { kind: 'door', length, cost: length, ref: id });
  }

  private addLink(link: VerticalLink): void {
    if (this.options.stepFree && !isStepFree(link)) return;
    const keys = link.ends.map((end, k) => {
      const key = `v:${link.id}:${k}`;
      if (!this.polygons.has(end.room)) return undefined;
      this.addNode(key, { kind: 'link', room: end.room, level: end.level, position: end.position, ref: link.id });
      return key;
    });
    if (!keys[0] || !keys[1]) return;
    const plan = distance(link.ends[0].position, link.ends[1].position);
    const rise = Math.abs((this.elevation.get(link.ends[0].level) ?? 0) - (this.elevation.get(link.ends[1].level) ?? 0));
    const length = link.kind === 'stairs' ? plan + STAIRS_PER_RISE * rise : link.kind === 'ramp' ? Math.max(plan, RAMP_PER_RISE * rise) : plan;
    const cost = link.kind === 'lift' ? length + LIFT_COST_M : length;
    this.graph.addEdge(keys[0], keys[1], { kind: link.kind, length, cost, ref: link.id });
  }
}

function unit(v: Vec2): Vec2 {
  const l = Math.hypot(v[0], v[1]) || 1;
  return [v[0] / l, v[1] / l];
}

function isConvex(poly: readonly Vec2[]): boolean {
  let sign = 0;
  for (let i = 0; i < poly.length; i++) {
    const o = orient(poly[i]!, poly[(i + 1) % poly.length]!, poly[(i + 2) % poly.length]!);
    if (Math.abs(o) < 1e-9) continue;
    if (sign === 0) sign = Math.sign(o);
    else if (Math.sign(o) !== sign) return false;
  }
  return true;
}

/** The point INSET metres into the room from the doorway, square to the wall it is in. */
function insetFromWall(poly: Vec2[], door: Vec2): Vec2 {
  let best = { i: 0, d: Infinity };
  for (let i = 0; i < poly.length; i++) {
    const [a, b] = edgeOf(poly, i);
    const d = toSegment(door, a, b).distance;
    if (d < best.d) best = { i, d };
  }
  const [a, b] = edgeOf(poly, best.i);
  const dir = unit([b[0] - a[0], b[1] - a[1]]);
  const s = toSegment(door, a, b);
  const foot: Vec2 = [a[0] + dir[0] * s.along, a[1] + dir[1] * s.along];
  for (const sign of [1, -1]) {
    const p: Vec2 = [foot[0] - dir[1] * sign * INSET, foot[1] + dir[0] * sign * INSET];
    if (pointInPolygon(p, poly)) return p;
  }
  return foot;
}
