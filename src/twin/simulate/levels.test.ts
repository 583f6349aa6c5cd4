/**
 * Floors above each other: a loft over the gallery has the gallery's plan outline, so the model must ask "which
 * room, which crowd, which zone, which heatmap cell" on one level at a time.
 */
import { describe, expect, it } from 'vitest';
import type { Exhibition } from '../schema';
import { minimalExhibition } from '../fixtures';
import { validateExhibition } from '../validate';
import { baselineSetting, simulate, type Setting } from './index';
import { buildFloor } from './floor';
import { Crowd } from './crowd';

/**
 * The minimal exhibition (hall 0–8 m, gallery 8–14 m by 0–6 m, the vase standing in the gallery) with a loft of the
 * gallery's outline 4.4 m above it, listed before the gallery, stairs up from the gallery, and a work up there;
 * zones: the loft, and a bay drawn as the gallery's outline without naming a room.
 */
function loft(): Exhibition {
  const input = minimalExhibition();
  const space = input.space as Extract<typeof input.space, { kind: 'floorplan' }>;
  const gallery = space.rooms.find((r) => r.id === 'gallery')!;
  space.levels = [{ id: 'ground', name: { en: 'Ground' }, elevation: 0 }, { id: 'upper', name: { en: 'Upper' }, elevation: 4.4 }];
  space.rooms = [space.rooms[0]!, { id: 'loft', name: { en: 'Loft' }, polygon: gallery.polygon, level: 'upper' }, gallery];
  space.verticalLinks = [{ id: 'loft-stairs', kind: 'stairs', name: { en: 'Stairs' }, ends: [{ level: 'ground', room: 'gallery', position: [13, 5] }, { level: 'upper', room: 'loft', position: [9, 1] }] }];
  input.zones = [
    ...(input.zones ?? []),
    { id: 'loft', name: { en: 'Loft' }, room: 'loft' },
    { id: 'bay', name: { en: 'Gallery bay' }, polygon: gallery.polygon },
  ];
  const work = input.artworks[0]!;
  input.artworks = [...input.artworks, { ...work, id: 'up-there', accessionNumber: 'TM-LOFT', placement: { kind: 'wall', room: 'loft', wall: 2, offset: 3, height: 1.5 } }];
  const checked = validateExhibition(input);
  if (!checked.ok) throw new Error(checked.problems.map((p) => p.message).join('; '));
  return checked.exhibition;
}

const day = (over: Partial<Setting> = {}): Setting => ({ ...baselineSetting(150), close: 690, perHour: [1], attraction: new Map([['up-there', 10], ['vase', 10]]), ...over });

describe('simulate: floors above each other', () => {
  it('walks into the room under the loft, not onto the loft: every visitor sees both floors and leaves', () => {
    const r = simulate(loft(), day(), { seed: 1 });
    expect(r.visitors).toEqual({ entered: 150, left: 150, inside: 0 });
    expect(r.works.vase!.visits).toBeGreaterThan(100); // in the gallery, under the loft
    expect(r.works['up-there']!.visits).toBeGreaterThan(100);
    expect(r.zones.gallery!.peakOccupancy).toBeGreaterThan(0);
    expect(r.zones.loft!.peakOccupancy).toBeGreaterThan(0);
  });

  it('never lets two people on different floors push each other, however close on the plan', () => {
    const ex = loft();
    const floor = buildFloor(ex, day());
    const [gallery, upstairs] = [floor.roomIndex('gallery'), floor.roomIndex('loft')];
    expect(floor.rooms.map((r) => floor.levels[r.level]!.id)).toEqual(['ground', 'upper', 'ground']);
    const crowd = new Crowd(floor, 3);
    crowd.place(0, 11, 3, gallery);
    crowd.place(1, 11.1, 3, upstairs); // 10 cm apart on the plan, 4.4 m apart in height
    const ids = Int32Array.from([0, 1]);
    for (let k = 0; k < 10; k++) crowd.step(0.5, ids, 2);
    expect([crowd.x[0], crowd.x[1]]).toEqual([11, 11.1]); // standing (pace 0): nothing moved them
    // The same two on one floor part at once.
    crowd.place(2, 11.1, 3, gallery);
    const same = Int32Array.from([0, 2]);
    crowd.step(0.5, same, 2);
    expect(crowd.x[2]! - crowd.x[0]!).toBeGreaterThan(0.2);
  });

  it("counts a zone drawn over the gallery and the gallery's heatmap cells without the loft's people", () => {
    const r = simulate(loft(), day(), { seed: 2 });
    const { minutes, zones } = r.series;
    // The bay is the gallery's outline on the ground: minute by minute the gallery's head count, never the loft's.
    expect(zones.bay).toEqual(zones.gallery);
    const both = minutes.map((_, k) => zones.gallery![k]! > 0 && zones.loft![k]! > 0);
    expect(both.some(Boolean)).toBe(true); // people on both floors at once
    // Each level has its own heatmap: the ground's cells add up to the hall and gallery, the loft's to the loft.
    const h = r.heatmap;
    expect(h.level).toEqual({ id: 'ground', name: 'Ground' });
    expect(h.otherLevels!.map((l) => [l.id, l.name])).toEqual([['upper', 'Upper']]);
    const sum = (cells: number[]) => cells.reduce((t, c) => t + c, 0);
    let seenUpstairs = 0;
    h.minutes.forEach((m, k) => {
      const at = minutes.indexOf(m);
      expect(sum(h.frames[k]!)).toBe(zones.hall![at]! + zones.gallery![at]!);
      expect(sum(h.otherLevels![0]!.frames[k]!)).toBe(zones.loft![at]!);
      seenUpstairs += zones.loft![at]!;
    });
    expect(seenUpstairs).toBeGreaterThan(0);
  });
});
