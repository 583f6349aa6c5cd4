/** The order a panorama's tiles load in while the visitor turns. */
import { describe, expect, it } from 'vitest';
import { imageDirection, tileBounds } from '../twin/panorama';
import { angleBetween, lookOfDirection, TileQueue } from './panorama-tile-queue';

// A 12K photo's sharp level: 6 × 3 tiles of 2048 px.
const level = { columns: 6, rows: 3 };

/** The plan heading a tile's centre looks toward, for a panorama whose centre looks along `heading`. */
function tileHeading(tile: number, heading: number): number {
  const b = tileBounds(level, tile);
  const [x, y, z] = imageDirection(heading, (b.u0 + b.u1) / 2, (b.v0 + b.v1) / 2);
  return lookOfDirection(x, y, z).heading;
}

const near = (a: number, b: number, within: number) => Math.abs(((a - b + 540) % 360) - 180) <= within;

describe('the tiles of a streaming panorama', () => {
  it('come nearest first to where the visitor looks, and the ones behind last', () => {
    const q = new TileQueue(level, 30, { heading: 90, pitch: 0 });
    const first = q.next()!;
    expect(near(tileHeading(first, 30), 90, 30)).toBe(true);
    const rest: number[] = [];
    for (let i = q.next(); i !== undefined; i = q.next()) rest.push(i);
    expect(near(tileHeading(rest.at(-1)!, 30), 270, 60)).toBe(true);
    expect(new Set([first, ...rest]).size).toBe(18);
  });

  it('follows a turn: after the visitor turns round, the tiles now in view come next, none twice, none lost', () => {
    const q = new TileQueue(level, 0, { heading: 0, pitch: 0 });
    const before = [q.next()!, q.next()!];
    before.forEach((t) => expect(near(tileHeading(t, 0), 0, 60)).toBe(true));
    q.setLook({ heading: 180, pitch: 0 });
    const after = q.next()!;
    // Without the turn the next tile would still face the way the visitor looked first.
    expect(near(tileHeading(after, 0), 180, 30)).toBe(true);
    const seen = [...before, after];
    for (let i = q.next(); i !== undefined; i = q.next()) seen.push(i);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 18 }, (_, i) => i));
    expect(q.left).toBe(0);
  });

  it('keeps its order for a small head movement, and looks up to the ceiling when the visitor does', () => {
    const q = new TileQueue(level, 0, { heading: 0, pitch: 0 });
    const unmoved = new TileQueue(level, 0, { heading: 0, pitch: 0 });
    q.setLook({ heading: 4, pitch: 2 });
    expect([q.next(), q.next(), q.next()]).toEqual([unmoved.next(), unmoved.next(), unmoved.next()]);
    q.setLook({ heading: 0, pitch: 85 });
    // The top row is tiles 0–5.
    expect(q.next()!).toBeLessThan(6);
  });

  it("reads a camera's heading and pitch the way the plan writes them (0 toward −z, 90 toward +x)", () => {
    expect(lookOfDirection(0, 0, -1)).toEqual({ heading: 0, pitch: 0 });
    expect(lookOfDirection(1, 0, 0).heading).toBeCloseTo(90);
    expect(lookOfDirection(-1, 0, 0).heading).toBeCloseTo(270);
    expect(lookOfDirection(0, 1, -1).pitch).toBeCloseTo(45);
    expect(angleBetween({ heading: 350, pitch: 0 }, { heading: 10, pitch: 0 })).toBeCloseTo(20);
  });
});
