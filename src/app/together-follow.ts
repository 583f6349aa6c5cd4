/**
 * A group member's view moving with the group: following the leader (a glide behind them in the same room, a
 * fade into another; in VR always a fade keeping one's own heading, src/modes/vr/together.ts), and going to one's
 * own place in front of a work when the group is gathered. The places come from src/twin/together/follow.ts.
 */
import { headingToDir } from '../twin/floorplan';
import { artworkPose, EYE_HEIGHT } from '../twin/layout';
import type { Vec3 } from '../twin/schema';
import { followMove, followSpot, type PlanPose } from '../twin/together/follow';
import type { Presence } from '../twin/together/protocol';
import { byId } from '../ui/dom';
import type { VrGroupFollower } from '../modes/vr/together';
import type { VisitContext } from './context';

export class GroupMoves {
  /** A glide to follow or gather is under way (the journeys wait for it to end before reading a pose). */
  moving = false;

  constructor(
    private readonly c: VisitContext,
    private readonly vr: VrGroupFollower,
  ) {}

  /** To this member's place (`slot`) behind the leader's latest presence; nothing while a move runs or outside preview and VR. */
  follow(leader: Presence, slot: number): void {
    const mode = this.c.state.mode;
    if (this.moving || (mode !== 'preview' && mode !== 'vr')) return;
    const at: PlanPose = { at: [leader.p[0], leader.p[2]], heading: leader.h, ...(leader.room ? { room: leader.room } : {}) };
    if (mode === 'vr') return void this.vr.follow(at, slot);
    void this.moveTo(followSpot(this.c.ex, at, slot), false);
  }

  /** To this member's place in front of a gathered work (always, even when following was off). */
  gather(spot: PlanPose): void {
    if (this.c.state.mode === 'vr') void this.vr.gather(spot);
    else void this.moveTo(spot, true);
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
    this.moving = true;
    try {
      if (how === 'fade' && !this.c.reducedMotion.matches) {
        const fade = byId('fade');
        fade.classList.add('on');
        await new Promise((r) => setTimeout(r, 260));
        await preview.visitor.glide(eye, look, 0);
        fade.classList.remove('on');
      } else {
        await preview.visitor.glide(eye, look, how === 'fade' ? 0 : undefined);
      }
    } finally {
      this.moving = false;
      this.c.requestRender();
    }
  }
}
