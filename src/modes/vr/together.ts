/**
 * Visit together in the headset. The group's avatars are in the gallery's scene, which VR shows as it is, so
 * everyone is seen in VR as in the preview; what VR adds is the headset's side: this person's presence comes from
 * the headset (flagged `vr`), and following the leader obeys the comfort rules — a fade through black to the
 * follower's place (VrMode.moveTo), never a glide, and never a turn: the follower keeps their own heading.
 */
import type { Exhibition } from '../../twin/schema';
import { followMove, followSpot, type PlanPose } from '../../twin/together/follow';
import type { Presence } from '../../twin/together/protocol';
import type { StandPose } from './logic';

/** What the follower needs of the VR mode (VrMode has both). */
export interface VrGroupHost {
  viewer(): { position: [number, number, number]; heading: number; room?: string | undefined; inXR: boolean } | undefined;
  /** Moves the visitor with a fade through black. */
  moveTo(pose: StandPose): Promise<void>;
}

export class VrGroupFollower {
  private moving = false;
  /** Fades done to follow (the journeys read it). */
  fades = 0;

  constructor(
    private readonly exhibition: Exhibition,
    private readonly vr: () => VrGroupHost | undefined,
  ) {}

  /** In a VR session now. */
  get active(): boolean {
    return !!this.vr()?.viewer()?.inXR;
  }

  /** This person's presence from the headset, or nothing outside VR. */
  presence(): Presence | undefined {
    const v = this.vr()?.viewer();
    if (!v?.inXR) return undefined;
    return { p: v.position, h: v.heading, ...(v.room ? { room: v.room } : {}), vr: true };
  }

  /**
   * Follows the leader to this follower's place behind them (`slot`: the follower's order): 'stay' within the
   * slack, 'fade' when moved, 'busy' while a fade runs, 'none' outside VR.
   */
  async follow(leader: PlanPose, slot: number): Promise<'stay' | 'fade' | 'busy' | 'none'> {
    const host = this.vr();
    const v = host?.viewer();
    if (!host || !v?.inXR) return 'none';
    if (this.moving) return 'busy';
    return this.fadeTo(host, v, followSpot(this.exhibition, leader, slot), false);
  }

  /** Gathered at a work: a fade to this person's place in front of it (their own heading kept, as always). */
  async gather(spot: PlanPose): Promise<'stay' | 'fade' | 'busy' | 'none'> {
    const host = this.vr();
    const v = host?.viewer();
    if (!host || !v?.inXR) return 'none';
    if (this.moving) return 'busy';
    return this.fadeTo(host, v, spot, true);
  }

  private async fadeTo(host: VrGroupHost, v: NonNullable<ReturnType<VrGroupHost['viewer']>>, target: PlanPose, always: boolean): Promise<'stay' | 'fade'> {
    const here: PlanPose = { at: [v.position[0], v.position[2]], heading: v.heading, ...(v.room ? { room: v.room } : {}) };
    if (followMove(here, target, true) === 'stay' && !always) return 'stay';
    this.moving = true;
    try {
      // The follower's own heading: a forced turn is what makes people sick.
      await host.moveTo({ position: [target.at[0], v.position[1], target.at[1]], heading: v.heading });
      this.fades++;
    } finally {
      this.moving = false;
    }
    return 'fade';
  }
}
