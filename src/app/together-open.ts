/**
 * A work the guide (or a co-guide leading) opened for the group, as each member is shown it. The group does not
 * bend community protocols: each member's own mode decides (a work kept out of VR stays out of a follower's
 * headset even when the guide, in the preview, may see it), and an advisory notice waits for that member's own
 * acknowledgement — the guide's does not count for anyone else (the `open` message carries none). The panels
 * apply the same rules (src/ui's panel, src/modes/xr/world-panel.ts); {@link groupOpenedView} names the outcome
 * for the group's notice and for the journeys, {@link HeadsetOpening} opens it in a following headset.
 */
import { artworkPose } from '../twin/layout';
import { needsNotice, withheld, type VisitMode } from '../twin/protocol';
import type { Artwork, Exhibition } from '../twin/schema';

/** The work itself, its notice (until this member acknowledges it), or only why it is not shown. */
export type GroupOpenedView = 'work' | 'notice' | 'restricted' | 'withheld';

export function groupOpenedView(art: Artwork, mode: VisitMode, acknowledged: (id: string) => boolean): GroupOpenedView {
  const why = withheld(art, mode);
  if (why) return why === 'restricted' ? 'restricted' : 'withheld';
  return needsNotice(art, acknowledged) ? 'notice' : 'work';
}

/** What opening a work needs of the headset (VrMode has it all): its panel applies the protocols. */
export interface HeadsetPanel {
  viewer(): { room?: string | undefined } | undefined;
  panelState(): { artworkId: string } | undefined;
  openWork(id: string): void;
}

/**
 * Opens the works the group is shown in a following member's headset. The headset's panel stands beside the work
 * and closes when the visitor is too far to read it, and the guide's `open` comes before their new place does:
 * a work in another room (or asked for while the follower is on the way) opens once the follower stands in its
 * room, and one opened at once is opened again when the follower has arrived behind the guide, if the move closed
 * it. Checked again every frame while a work waits (a frame may see the arrival before the room does), so a work
 * the guide opened is never silently left unopened; it waits no longer than the next work, or the group's end.
 */
export class HeadsetOpening {
  private waiting?: { artwork: string; room: string | undefined; shown: boolean; arrived: boolean };

  constructor(
    private readonly ex: Exhibition,
    private readonly headset: () => HeadsetPanel | undefined,
    /** A move to follow or gather is under way or waiting (GroupMoves.moving). */
    private readonly moving: () => boolean,
  ) {}

  /** The work waiting to be opened (or opened and waiting for the follower's arrival), if any. */
  get pending(): string | undefined {
    return this.waiting?.artwork;
  }

  /** The group was shown `artwork`: it opens in the headset now or once this follower is in its room. */
  open(artwork: string): void {
    const art = this.ex.artworks.find((w) => w.id === artwork);
    if (!art) return;
    this.waiting = { artwork, room: artworkPose(this.ex, art).room, shown: false, arrived: false };
    this.frame();
  }

  /** The follower's moves are done: they stand where the group is. */
  arrived(): void {
    if (!this.waiting) return;
    this.waiting.arrived = true;
    this.waiting.shown = false;
    this.frame();
  }

  /** Nothing waits any more (following off, out of the headset, the group gone). */
  clear(): void {
    this.waiting = undefined;
  }

  /** Opens the waiting work when the follower is settled in its room; done once that follows an arrival. */
  frame(): void {
    const w = this.waiting;
    const vr = this.headset();
    if (!w || !vr || this.moving()) return;
    if (w.room && vr.viewer()?.room !== w.room) return;
    // Once per settling: a panel the visitor closes, or that closes as unreadable, is not opened every frame.
    if (!w.shown && vr.panelState()?.artworkId !== w.artwork) vr.openWork(w.artwork);
    w.shown = true;
    if (w.arrived) this.waiting = undefined;
  }
}
