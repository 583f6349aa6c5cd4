/**
 * How often each member's presence is relayed. A group of up to LARGE_GROUP members gets everyone's change every
 * PRESENCE_INTERVAL_MS. In a larger group every change of the leader still goes out at once (followers glide
 * after them, and their pointer is the group's), while everyone else's is relayed at most every
 * 2 × PRESENCE_INTERVAL_MS (their latest position then; nothing is lost, an in-between step is skipped): what
 * keeps a member's traffic under 20 KB/s with 100 people all walking. The avatars are drawn two intervals in the
 * past (src/app/together-avatars.ts), so they move smoothly at either rate.
 */
import type { Presence } from '../../twin/together/protocol';
import { PRESENCE_INTERVAL_MS } from '../../twin/together/protocol';

export const LARGE_GROUP = 40;
const SLOW_INTERVAL_MS = 2 * PRESENCE_INTERVAL_MS;

type Entry = Presence & { id: string };

export class PresencePacer {
  /** Changes not relayed yet (the latest per member). */
  private readonly waiting = new Map<string, Entry>();
  private readonly lastSent = new Map<string, number>();

  /**
   * Takes the changes since the last call and returns those to relay now. `connected`: members present;
   * `leader`: whom followers follow. A change held back goes with a later call.
   */
  pace(changed: Entry[], now: number, connected: number, leader: string | undefined): Entry[] {
    for (const e of changed) this.waiting.set(e.id, e);
    const out: Entry[] = [];
    for (const [id, e] of this.waiting) {
      // Half an interval of slack: the server's timer does not tick exactly on time.
      const due = connected <= LARGE_GROUP || id === leader || now - (this.lastSent.get(id) ?? -Infinity) >= SLOW_INTERVAL_MS - PRESENCE_INTERVAL_MS / 2;
      if (!due) continue;
      out.push(e);
      this.waiting.delete(id);
      this.lastSent.set(id, now);
    }
    return out;
  }

  /** A member left the group: nothing of theirs is kept. */
  forget(id: string): void {
    this.waiting.delete(id);
    this.lastSent.delete(id);
  }
}
