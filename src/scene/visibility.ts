/**
 * Only what can be seen is drawn: the visitor's room and the rooms opening off it. Everything in
 * a farther room (its architecture, its works and their lights) is disabled, so Babylon neither
 * culls nor draws it. Labels, too small to read from afar, show within a few metres only.
 * Checks run when the viewer has moved, and allocate nothing.
 */
import type { Scene } from '@babylonjs/core/scene';
import type { Node } from '@babylonjs/core/node';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import type { Observer } from '@babylonjs/core/Misc/observable';
import { pointInPolygon } from '../twin/floorplan';
import type { Vec2 } from '../twin/schema';
import type { RoomGraph } from '../twin/rooms';

/** A wall label is readable up to about this far (metres). */
export const LABEL_DISTANCE = 7;
/** The viewer must move this far (metres) before the checks run again. */
const STEP = 0.2;

export interface RoomMembers {
  /** Architecture, merged frames, works' roots: anything whose enabled state follows the room. */
  nodes: Node[];
  /** Lights that belong to the room (work spotlights): off with it. */
  lights: Node[];
  labels: AbstractMesh[];
}

export class RoomVisibility {
  private readonly members = new Map<string, RoomMembers>();
  private readonly polygons: { id: string; polygon: Vec2[]; elevation?: number }[];
  /** Rooms stand on more than one level: the plan point alone does not tell the room. */
  private readonly stacked: boolean;
  private readonly point: Vec2 = [0, 0];
  private lastX = NaN;
  private lastY = NaN;
  private lastZ = NaN;
  private current?: string;
  private readonly shown = new Set<string>();
  private observer?: Observer<Scene>;
  /** A node of the twin whose parent tells whether the twin has been moved (AR). */
  private probe?: Node;
  private standDown = false;
  /** Nodes switched off here: meshes under them are not even offered to Babylon as candidates. */
  private readonly hidden = new Set<Node>();
  /**
   * What Babylon considers drawing each frame: every mesh but those in hidden rooms. Babylon asks each
   * candidate whether it is ready before whether it is enabled, so a thousand works' meshes would cost
   * every frame; the list is remade only when meshes come or go or the visitor changes room.
   */
  private readonly candidates = { data: [] as AbstractMesh[], length: 0 };
  private dirty = true;
  private counted = -1;
  private restore?: () => void;

  constructor(
    private readonly scene: Scene,
    /** `elevation`: the room's floor height, where the building has levels. */
    rooms: { id: string; polygon: Vec2[]; elevation?: number }[],
    private readonly graph: RoomGraph,
    /** Told when the visitor enters another room (to load what is now near). */
    private readonly entered: (room: string) => void,
  ) {
    this.polygons = rooms;
    this.stacked = new Set(rooms.map((r) => r.elevation ?? 0)).size > 1;
    for (const r of rooms) this.members.set(r.id, { nodes: [], lights: [], labels: [] });
  }

  /** The room the viewer was last seen in. */
  get room(): string | undefined {
    return this.current;
  }

  /** Whether a room is drawn now (the visitor's or one opening off it). */
  isShown(room: string | undefined): boolean {
    return room === undefined || this.current === undefined || this.shown.has(room);
  }

  add(room: string | undefined, what: Partial<RoomMembers>): void {
    const m = room !== undefined ? this.members.get(room) : undefined;
    if (!m) return;
    const on = this.isShown(room);
    for (const n of what.nodes ?? []) {
      this.probe ??= n;
      m.nodes.push(n);
      this.switch(n, on);
    }
    for (const l of what.lights ?? []) {
      m.lights.push(l);
      this.switch(l, on);
    }
    for (const l of what.labels ?? []) m.labels.push(l);
  }

  /** Starts checking before each frame; `room` is where the visitor starts, if known. */
  start(room?: string): void {
    if (room !== undefined && this.members.has(room)) this.enter(room);
    this.observer = this.scene.onBeforeRenderObservable.add(() => this.update());
    const scene = this.scene;
    const original = scene.getActiveMeshCandidates;
    const added = scene.onNewMeshAddedObservable.add(() => (this.dirty = true));
    const removed = scene.onMeshRemovedObservable.add(() => (this.dirty = true));
    scene.getActiveMeshCandidates = () => {
      // Babylon tells of new meshes a tick late: a changed count catches them in the same frame.
      if (this.dirty || scene.meshes.length !== this.counted) this.rebuild();
      return this.candidates as unknown as ReturnType<typeof original>;
    };
    this.restore = () => {
      scene.getActiveMeshCandidates = original;
      scene.onNewMeshAddedObservable.remove(added);
      scene.onMeshRemovedObservable.remove(removed);
    };
  }

  dispose(): void {
    this.scene.onBeforeRenderObservable.remove(this.observer ?? null);
    this.restore?.();
  }

  private switch(n: Node, on: boolean): void {
    if (n.isEnabled(false) !== on) n.setEnabled(on);
    if (on) this.hidden.delete(n);
    else this.hidden.add(n);
    this.dirty = true;
  }

  private rebuild(): void {
    const out = this.candidates.data;
    out.length = 0;
    for (const mesh of this.scene.meshes) {
      let n: Node | null = mesh;
      while (n && !this.hidden.has(n)) n = n.parent;
      if (!n) out.push(mesh);
    }
    this.candidates.length = out.length;
    this.counted = this.scene.meshes.length;
    this.dirty = false;
  }

  /** Runs before each frame; cheap when the viewer has not moved. */
  update(): void {
    const cam = this.scene.activeCamera;
    if (!cam) return;
    if (this.moved()) return;
    const p = cam.globalPosition;
    const dx = p.x - this.lastX;
    const dz = p.z - this.lastZ;
    // Across the floor, or up or down (a lift moves the visitor at the same plan point).
    if (dx * dx + dz * dz < STEP * STEP && Math.abs(p.y - this.lastY) < STEP) return;
    this.lastX = p.x;
    this.lastY = p.y;
    this.lastZ = p.z;
    this.point[0] = p.x;
    this.point[1] = p.z;
    // Still in the same room (most frames): no search.
    let room = this.current;
    const here = room !== undefined ? this.polygons.find((r) => r.id === room) : undefined;
    if (this.stacked || !here || !pointInPolygon(this.point, here.polygon)) {
      // In a doorway's thickness no room contains the viewer: keep the last one. Of rooms one above another
      // (levels), the one whose floor is the highest under the eye.
      let floor = -Infinity;
      for (const r of this.polygons) {
        const e = r.elevation ?? 0;
        if (e > p.y || e <= floor) continue;
        if (pointInPolygon(this.point, r.polygon)) {
          room = r.id;
          floor = e;
        }
      }
    }
    if (room !== this.current && room !== undefined) this.enter(room);
    this.labels(p.x, p.y, p.z);
  }

  /**
   * In AR the twin hangs under a registration node, so the camera's position is no longer in plan
   * coordinates: then every room is shown (AR draws the twin as an occluder and hides works itself).
   */
  private moved(): boolean {
    const twinMoved = this.probe?.parent != null;
    if (twinMoved && !this.standDown) {
      this.standDown = true;
      this.current = undefined;
      this.lastX = NaN;
      for (const m of this.members.values()) for (const n of [...m.nodes, ...m.lights]) this.switch(n, true);
    } else if (!twinMoved && this.standDown) this.standDown = false;
    return twinMoved;
  }

  private enter(room: string): void {
    this.current = room;
    this.shown.clear();
    this.shown.add(room);
    for (const next of this.graph.get(room) ?? []) this.shown.add(next);
    for (const [id, m] of this.members) {
      const on = this.shown.has(id);
      for (const n of m.nodes) this.switch(n, on);
      for (const l of m.lights) this.switch(l, on);
    }
    this.entered(room);
  }

  private labels(x: number, y: number, z: number): void {
    const max = LABEL_DISTANCE * LABEL_DISTANCE;
    for (const id of this.shown) {
      for (const label of this.members.get(id)!.labels) {
        const c = label.absolutePosition;
        const d = (c.x - x) ** 2 + (c.y - y) ** 2 + (c.z - z) ** 2;
        label.isVisible = d < max;
      }
    }
  }
}
