import { describe, expect, it } from 'vitest';
import { Exhibition } from './schema';
import { minimalExhibition } from './fixtures';
import { artworkPose, viewpoint, EYE_HEIGHT } from './layout';
import { pointInPolygon } from './floorplan';

const ex = Exhibition.parse(minimalExhibition());

describe('artworkPose', () => {
  it('hangs a wall painting on the wall face, facing into the room', () => {
    const sunrise = ex.artworks.find((a) => a.id === 'sunrise')!;
    const pose = artworkPose(ex, sunrise);
    // Wall 0 of the hall runs from (0,0) to (8,0); the room lies toward +z.
    expect(pose.position[0]).toBeCloseTo(2);
    expect(pose.position[1]).toBe(1.6);
    expect(pose.position[2]).toBeGreaterThan(0.1);
    expect(pose.position[2]).toBeLessThan(0.2);
    expect(pose.heading).toBeCloseTo(180);
    expect(pose.room).toBe('hall');
  });
});

describe('viewpoint', () => {
  it('stands in front of each work, inside its room, at eye height, looking at it', () => {
    for (const art of ex.artworks) {
      const pose = artworkPose(ex, art);
      const vp = viewpoint(ex, art, pose);
      const room = ex.space.rooms.find((r) => r.id === pose.room)!;
      expect(pointInPolygon([vp.eye[0], vp.eye[2]], room.polygon)).toBe(true);
      expect(vp.eye[1]).toBeCloseTo(EYE_HEIGHT);
      const d = Math.hypot(vp.eye[0] - vp.target[0], vp.eye[2] - vp.target[2]);
      expect(d).toBeGreaterThan(0.9);
      expect(d).toBeLessThan(7.5);
    }
  });
});
