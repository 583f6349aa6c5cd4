import { describe, expect, it } from 'vitest';
import { minimalExhibition } from '../fixtures';
import { pointInPolygon } from '../floorplan';
import { Exhibition } from '../schema';
import { artworkPose } from '../layout';
import { followMove, followSpot, gatherSpot, headingDelta } from './follow';
import { PresenceThrottle, PresenceTrack } from './smoothing';

const ex = Exhibition.parse(minimalExhibition());
const hall = ex.space.rooms.find((r) => r.id === 'hall')!;

describe('gathering at a work', () => {
  it('places thirty people in front of the work, inside its room, apart from each other, all facing it', () => {
    const sunrise = artworkPose(ex, ex.artworks.find((a) => a.id === 'sunrise')!);
    const spots = Array.from({ length: 30 }, (_, i) => gatherSpot(ex, 'sunrise', i)!);
    for (const s of spots) {
      expect(s.room).toBe('hall');
      expect(pointInPolygon(s.at, hall.polygon)).toBe(true);
      // The work hangs on the z = 0 wall facing +z: everyone stands in front of it (z > its z) and looks at it.
      expect(s.at[1]).toBeGreaterThan(sunrise.position[2]);
      const toWork = (Math.atan2(sunrise.position[0] - s.at[0], -(sunrise.position[2] - s.at[1])) * 180) / Math.PI;
      expect(Math.abs(headingDelta(s.heading, toWork))).toBeLessThan(1);
    }
    // The first seven (the front row) stand a place apart.
    for (let i = 0; i < 7; i++) {
      for (let j = i + 1; j < 7; j++) {
        expect(Math.hypot(spots[i]!.at[0] - spots[j]!.at[0], spots[i]!.at[1] - spots[j]!.at[1])).toBeGreaterThan(0.5);
      }
    }
  });

  it('knows no spot for a work that is not in the exhibition', () => {
    expect(gatherSpot(ex, 'nope', 0)).toBeUndefined();
  });
});

describe('following the guide', () => {
  it('stands behind the guide, facing the same way, inside the guide\'s room', () => {
    const leader = { at: [4, 3] as [number, number], heading: 90, room: 'hall' }; // looking toward +x
    const s = followSpot(ex, leader, 0);
    expect(s.at[0]).toBeCloseTo(4 - 1.6);
    expect(s.at[1]).toBeCloseTo(3);
    expect(s.heading).toBe(90);
    const s1 = followSpot(ex, leader, 1);
    expect(Math.abs(s1.at[1] - 3)).toBeGreaterThan(0.5); // beside the first follower
  });

  it('never sends a follower through a wall when the guide stands against it', () => {
    const leader = { at: [0.5, 3] as [number, number], heading: 90, room: 'hall' }; // back to the west wall
    for (let slot = 0; slot < 12; slot++) expect(pointInPolygon(followSpot(ex, leader, slot).at, hall.polygon)).toBe(true);
  });

  it('stays put within the slack, glides in the same room, fades into another, and in VR only fades', () => {
    const here = { at: [2, 3] as [number, number], heading: 0, room: 'hall' };
    expect(followMove(here, { ...here, at: [2.3, 3] }, false)).toBe('stay');
    expect(followMove(here, { ...here, at: [5, 3] }, false)).toBe('glide');
    expect(followMove(here, { at: [10, 3], heading: 0, room: 'gallery' }, false)).toBe('fade');
    expect(followMove(here, { ...here, at: [5, 3] }, true)).toBe('fade');
  });
});

describe('smooth avatars', () => {
  it('draws a person between their last two updates, one interval late, turning the short way', () => {
    const t = new PresenceTrack(250);
    expect(t.at(0)).toBeUndefined();
    t.push(1000, [0, 0, 0], 350);
    t.push(1250, [1, 0, 0], 10);
    expect(t.at(1375)).toEqual({ p: [0.5, 0, 0], h: 0 });
    expect(t.at(5000)).toEqual({ p: [1, 0, 0], h: 10 }); // stopped sending: stays where last seen
  });

  it('sends at most once per interval and nothing unchanged', () => {
    const th = new PresenceThrottle<number>(250, String);
    expect(th.offer(0, 1)).toBe(true);
    expect(th.offer(100, 2)).toBe(false);
    expect(th.offer(300, 2)).toBe(true);
    expect(th.offer(700, 2)).toBe(false);
  });
});
