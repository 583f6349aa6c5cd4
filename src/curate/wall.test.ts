import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { artworksMap, exhibitionToDoc } from '../twin/collab-doc';
import type { Space } from '../twin/schema';
import { hangOnWall, nearestWall, snapOffset, wallChoices } from './wall';

const ex = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../assets/default/exhibition.json'), 'utf8'));
const space = ex.space as Space;
const placeOf = (doc: Y.Doc, id: string) => (artworksMap(doc).get(id)!.get('placement') as Y.Map<unknown>).toJSON();

describe('snapOffset', () => {
  it('snaps to 5 cm without float noise', () => {
    expect(snapOffset(2.3)).toBe(2.3);
    expect(snapOffset(2.33)).toBe(2.35);
    expect(snapOffset(2.3 + 0.05)).toBe(2.35);
    expect(snapOffset(1.9 - 0.05)).toBe(1.85);
  });
  it('never goes before the wall start, and a non-number goes to 0', () => {
    expect(snapOffset(-0.2)).toBe(0);
    expect(snapOffset(Number.NaN)).toBe(0);
  });
});

describe('walls to hang on', () => {
  it('lists every wall of every room with its length', () => {
    const walls = wallChoices(space);
    // Six rooms of four walls each (the stair hall and the mezzanine above it among them).
    expect(walls).toHaveLength(24);
    expect(walls).toContainEqual({ room: 'mezzanine', wall: 3, length: 10 });
    expect(walls).toContainEqual({ room: 'gallery', wall: 2, length: 16 });
    expect(walls).toContainEqual({ room: 'cabinet', wall: 3, length: 7 });
  });

  it('finds the wall nearest a point of the plan, in the room holding it, and how far along it is', () => {
    expect(nearestWall(space, [-6.5, 3])).toMatchObject({ room: 'cabinet', wall: 3, along: 4 });
    expect(nearestWall(space, [5, -0.3])).toMatchObject({ room: 'gallery', wall: 2, along: 11 });
    expect(nearestWall(space, [5, 0.3])).toMatchObject({ room: 'hall', wall: 0, along: 5 });
    expect(nearestWall(space, [40, 40])).toBeUndefined();
  });

  it('hangs a work on a wall of another room at the clear place nearest the middle, its height kept', () => {
    const doc = exhibitionToDoc(ex);
    // The middle of gallery wall 2 (8 m) would touch Red Rhythm (6.647 m, 1.4 m wide): 8.1 m is the first clear place.
    expect(hangOnWall(doc, 'harbour-lights', { room: 'gallery', wall: 2 }, undefined, {})).toEqual([]);
    expect(placeOf(doc, 'harbour-lights')).toEqual({ kind: 'wall', room: 'gallery', wall: 2, offset: 8.1, height: 1.6 });
    // Near a point: beside the doorway to the hall, not in it.
    expect(hangOnWall(doc, 'dawn-over-the-marsh', { room: 'gallery', wall: 2 }, 11, {})).toEqual([]);
    expect(Math.abs((placeOf(doc, 'dawn-over-the-marsh').offset as number) - 11)).toBeGreaterThanOrEqual(1.2 + 0.6 - 1e-9);
  });

  it('still moves a work onto a wall with no room for it, and names the problem it adds', () => {
    const doc = exhibitionToDoc(ex);
    (artworksMap(doc).get('castelrovo-from-the-river')!.get('dimensions') as Y.Map<unknown>).set('width', 7.5);
    expect(hangOnWall(doc, 'castelrovo-from-the-river', { room: 'cabinet', wall: 3 }, undefined, {})).toEqual([
      "the work (7.5 m wide) is wider than wall 3 of room 'cabinet' (7.00 m)",
      "overlaps 'saint-ravo-calms-the-waters' on wall 3 of room 'cabinet'",
    ]);
    expect(placeOf(doc, 'castelrovo-from-the-river')).toMatchObject({ room: 'cabinet', wall: 3 });
  });
});
