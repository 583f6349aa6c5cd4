/**
 * The works whose rooms are not built yet, by room, and which room to build next. A room's works (their nodes,
 * canvases, materials, labels, frames: tens of KB of JS heap each, in Babylon's objects) are built only once the
 * room is wanted (within reach of the visitor, or in sight), nearest first, or at once when one of its works is
 * asked for (a link, a search): so the heap of a thousand-work exhibition holds the rooms around the visitor, not
 * every room.
 */
export class RoomBuilds<T extends { id: string }> {
  private readonly byRoom = new Map<string, T[]>();
  private readonly roomOfWork = new Map<string, string>();

  /** Rooms still waiting. */
  get size(): number {
    return this.byRoom.size;
  }

  /** Puts a work in its room's wait. */
  add(room: string, work: T): void {
    const list = this.byRoom.get(room);
    if (list) list.push(work);
    else this.byRoom.set(room, [work]);
    this.roomOfWork.set(work.id, room);
  }

  /** The room a waiting work is in (undefined once built, or never waiting). */
  roomOf(id: string): string | undefined {
    return this.roomOfWork.get(id);
  }

  /** A room's works, taken out of the wait to be built now (undefined when the room is not waiting). */
  take(room: string): T[] | undefined {
    const works = this.byRoom.get(room);
    if (!works) return undefined;
    this.byRoom.delete(room);
    for (const w of works) this.roomOfWork.delete(w.id);
    return works;
  }

  /**
   * The waiting room to build next: of those `wanted` (given doorways away, undefined when not connected), the
   * fewest doorways away; undefined when none is wanted now.
   */
  next(hops: (room: string) => number | undefined, wanted: (room: string, hops: number | undefined) => boolean): string | undefined {
    let best: string | undefined;
    let bestHops = Infinity;
    for (const room of this.byRoom.keys()) {
      const d = hops(room);
      if (!wanted(room, d)) continue;
      if (best === undefined || (d ?? Infinity) < bestHops) {
        best = room;
        bestHops = d ?? Infinity;
      }
    }
    return best;
  }
}
