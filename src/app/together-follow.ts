/**
 * A group member's view moving with the group: following the leader (a glide behind them in the same room, a
 * fade into another; in VR always a fade keeping one's own heading, src/modes/vr/together.ts), and going to one's
 * own place in front of a work when the group is gathered. The places come from src/twin/together/follow.ts.
 */
import type { Scene } from '@babylonjs/core/scene';
import { headingToDir } from '../twin/floorplan';
import { artworkPose, EYE_HEIGHT } from '../twin/layout';
import type { Vec3 } from '../twin/schema';
import { followMove, followSpot, type PlanPose } from '../twin/together/follow';
import type { Presence } from '../twin/together/protocol';
import { byId } from '../ui/dom';
import type { VrGroupFollower } from '../modes/vr/together';
import type { VisitContext } from './context';

/** A move asked of the group's member: after the leader, or to their place at a gathered work. */
type Move = { kind: 'follow'; leader: Presence; slot: number } | { kind: 'gather'; spot: PlanPose };

export class GroupMoves {
  /** The move asked for last and not begun yet: a newer request replaces it (the leader's latest place wins). */
  private next?: Move;
  private running = false;

  constructor(
    private readonly c: VisitContext,
    private readonly vr: VrGroupFollower,
    /** The moves asked for are all made: the member stands where the group is. */
    private readonly arrived: () => void = () => {},
  ) {}

  /** A move to follow or gather is under way or waiting (the journeys wait for it to end before reading a pose). */
  get moving(): boolean {
    return this.running;
  }

  /**
   * To this member's place (`slot`) behind the leader's latest presence, in the preview or VR. Asked while a move
   * runs, it is made when that move ends, to where the leader is then: the server relays a presence only when it
   * changed, so a leader who walked on and then stood still must not be lost to a follower still on its way.
   */
  follow(leader: Presence, slot: number): void {
    const mode = this.c.state.mode;
    if (mode !== 'preview' && mode !== 'vr') return;
    this.ask({ kind: 'follow', leader, slot });
  }

  /** To this member's place in front of a gathered work (always, even when following was off). */
  gather(spot: PlanPose): void {
    this.ask({ kind: 'gather', spot });
  }

  /** The work nearest to where this person stands, in their room. */
  nearestWork(): string | undefined {
    const pose = this.c.preview?.pose();
    if (!pose) return undefined;
    const room = this.c.preview?.currentRoom();
    let best: { id: string; d: number } | undefined;
    for (const a of this.c.ex.artworks) {
      const p = artworkPose(this.c.ex, a);
      if (room && p.room !== room) continue;
      const d = Math.hypot(p.position[0] - pose.position[0], p.position[2] - pose.position[2]);
      if (!best || d < best.d) best = { id: a.id, d };
    }
    return best?.id;
  }

  private ask(move: Move): void {
    this.next = move;
    if (!this.running) void this.run();
  }

  /** One move at a time, each to the latest place asked for. */
  private async run(): Promise<void> {
    this.running = true;
    try {
      for (let m = this.next; m; m = this.next) {
        this.next = undefined;
        await this.make(m);
      }
    } finally {
      this.running = false;
    }
    this.c.requestRender();
    this.arrived();
  }

  private async make(m: Move): Promise<void> {
    const mode = this.c.state.mode;
    if (m.kind === 'gather') {
      if (mode === 'vr') await this.vr.gather(m.spot);
      else await this.moveTo(m.spot, true);
      return;
    }
    const at: PlanPose = { at: [m.leader.p[0], m.leader.p[2]], heading: m.leader.h, ...(m.leader.room ? { room: m.leader.room } : {}) };
    if (mode === 'vr') await this.vr.follow(at, m.slot);
    else if (mode === 'preview') await this.moveTo(followSpot(this.c.ex, at, m.slot), false);
  }

  private async moveTo(target: PlanPose, always: boolean): Promise<void> {
    const preview = this.c.preview;
    if (!preview) return;
    const pose = preview.pose();
    const room = preview.currentRoom();
    const here: PlanPose = { at: [pose.position[0], pose.position[2]], heading: pose.heading, ...(room ? { room } : {}) };
    const how = followMove(here, target, false);
    if (how === 'stay' && !always) return;
    const dir = headingToDir(target.heading);
    const eye: Vec3 = [target.at[0], pose.position[1] + EYE_HEIGHT, target.at[1]];
    const look: Vec3 = [eye[0] + dir[0], eye[1], eye[2] + dir[1]];
    const scene = preview.visitor.camera.getScene();
    if (how === 'fade' && !this.c.reducedMotion.matches) {
      const fade = byId('fade');
      fade.classList.add('on');
      try {
        await new Promise((r) => setTimeout(r, 260));
        await glideEnded(scene, () => preview.visitor.glide(eye, look, 0));
      } finally {
        fade.classList.remove('on');
      }
    } else {
      await glideEnded(scene, () => preview.visitor.glide(eye, look, how === 'fade' ? 0 : undefined));
    }
  }
}

/**
 * A glide of the visitor's camera, over when it arrives or when another move stops it: VisitorCamera.glide's
 * promise does not settle when a later glide (opening a work, a tour, a gathering) replaces it, and a follower
 * waiting on it would never follow again. The glide's frame observer is the one it adds; when that is gone, the
 * glide is over either way.
 */
function glideEnded(scene: Scene, start: () => Promise<void>): Promise<void> {
  const frames = scene.onBeforeRenderObservable;
  const before = new Set(frames.observers);
  const glide = start();
  const mine = frames.observers.find((o) => !before.has(o));
  if (!mine) return glide; // a cut: already there
  return new Promise((resolve) => {
    const done = () => {
      scene.onAfterRenderObservable.remove(watch);
      resolve();
    };
    // Babylon removes an observer on the next task: a frame later it is no longer listed.
    const watch = scene.onAfterRenderObservable.add(() => {
      if (!frames.observers.includes(mine)) done();
    });
    void glide.then(done);
  });
}
