/**
 * The tiles of one panorama level still to load, handed out nearest first to where the visitor looks NOW: when the
 * visitor turns while a 12K photo streams, the tiles coming into view jump the queue (the order is worked out again
 * on the next tile asked for, with the same rule as twin/panorama.ts `tileOrder`). No Babylon: the dome asks it.
 */
import { tileOrder, type PanoramaLevel } from '../twin/panorama';

/** Where the visitor looks: plan heading (0 toward −z, 90 toward +x) and pitch (degrees, up positive). */
export interface Look {
  heading: number;
  pitch: number;
}

/** A turn smaller than this (degrees) keeps the order as it is: no resorting on every small head movement. */
const RESORT_DEGREES = 10;

export class TileQueue {
  private order: number[];
  private readonly taken = new Set<number>();
  private sortedFor: Look;

  constructor(
    private readonly level: Pick<PanoramaLevel, 'columns' | 'rows'>,
    private readonly panoramaHeading: number,
    private look: Look,
  ) {
    this.sortedFor = { ...look };
    this.order = tileOrder(level, panoramaHeading, look.heading, look.pitch);
  }

  /** How many tiles are not yet handed out. */
  get left(): number {
    return this.level.columns * this.level.rows - this.taken.size;
  }

  /** The visitor looked elsewhere; the next `next()` follows the new look. */
  setLook(look: Look): void {
    this.look = { ...look };
  }

  /** The tile to load next, or undefined when every tile has been handed out. */
  next(): number | undefined {
    if (angleBetween(this.look, this.sortedFor) >= RESORT_DEGREES) {
      this.sortedFor = { ...this.look };
      this.order = tileOrder(this.level, this.panoramaHeading, this.look.heading, this.look.pitch).filter((i) => !this.taken.has(i));
    }
    while (this.order.length) {
      const i = this.order.shift()!;
      if (this.taken.has(i)) continue;
      this.taken.add(i);
      return i;
    }
    return undefined;
  }
}

const RAD = Math.PI / 180;

/** The angle between two looks, degrees (on the sphere: a turn near the zenith counts little). */
export function angleBetween(a: Look, b: Look): number {
  const dir = (l: Look) => [Math.cos(l.pitch * RAD) * Math.sin(l.heading * RAD), Math.sin(l.pitch * RAD), -Math.cos(l.pitch * RAD) * Math.cos(l.heading * RAD)];
  const [x1, y1, z1] = dir(a);
  const [x2, y2, z2] = dir(b);
  return Math.acos(Math.max(-1, Math.min(1, x1! * x2! + y1! * y2! + z1! * z2!))) / RAD;
}

/** The look of a camera from its world forward direction (x, y, z; y up). */
export function lookOfDirection(x: number, y: number, z: number): Look {
  const len = Math.hypot(x, y, z) || 1;
  const heading = Math.atan2(x, -z) / RAD;
  return { heading: heading < 0 ? heading + 360 : heading, pitch: Math.asin(Math.max(-1, Math.min(1, y / len))) / RAD };
}
