/**
 * What a member is shown of a work the guide (or a co-guide leading) opened for the group. The group does not
 * bend community protocols: each member's own mode decides (a work kept out of VR stays out of a follower's
 * headset even when the guide, in the preview, may see it), and an advisory notice waits for that member's own
 * acknowledgement — the guide's does not count for anyone else (the `open` message carries none). The panels
 * apply the same rules (src/ui's panel, src/modes/xr/world-panel.ts); this names the outcome for the group's
 * notice and for the journeys.
 */
import { needsNotice, withheld, type VisitMode } from '../twin/protocol';
import type { Artwork } from '../twin/schema';

/** The work itself, its notice (until this member acknowledges it), or only why it is not shown. */
export type GroupOpenedView = 'work' | 'notice' | 'restricted' | 'withheld';

export function groupOpenedView(art: Artwork, mode: VisitMode, acknowledged: (id: string) => boolean): GroupOpenedView {
  const why = withheld(art, mode);
  if (why) return why === 'restricted' ? 'restricted' : 'withheld';
  return needsNotice(art, acknowledged) ? 'notice' : 'work';
}
