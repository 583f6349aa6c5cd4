/* eslint-disable @typescript-eslint/no-explicit-any -- tests break fixtures freely */
// The validator on the space: walls, poses, room outlines, doorways, the entrance, model spaces.
import { describe, expect, it } from 'vitest';
import { expectNoErrors, expectProblem, fixture, problemsOf } from './validate-testing';

describe('wall placements', () => {
  it('reports a work running past the end of its wall', () => {
    const ex = fixture();
    ex.artworks[1].placement.offset = 7.9; // 0.6 m wide on an 8 m wall
    expectProblem(ex, 'artworks[1].placement.offset', "offset 7.9 m puts the work (0.6 m wide) past the end of wall 0 of room 'hall' (8 m long); the offset must be between 0.3 m and 7.7 m");
  });

  it('reports a work running past the start of its wall', () => {
    const ex = fixture();
    ex.artworks[0].placement.offset = 0.2;
    expectProblem(ex, 'artworks[0].placement.offset', 'past the start of wall 0');
  });

  it('reports a work wider than its wall', () => {
    const ex = fixture();
    ex.artworks[0].placement = { kind: 'wall', room: 'hall', wall: 0, offset: 4, height: 2 };
    ex.artworks[0].dimensions.width = 9;
    ex.artworks[0].dimensions.height = 7.2;
    expectProblem(ex, 'artworks[0].placement.wall', "the work (9 m wide) is wider than wall 0 of room 'hall' (8 m long)");
  });

  it('reports a work reaching above the ceiling (room height, else wallHeight)', () => {
    const ex = fixture();
    ex.artworks[1].placement = { kind: 'wall', room: 'gallery', wall: 0, offset: 3, height: 3.2 };
    expectProblem(ex, 'artworks[1].placement.height', "the top of the work would be at 3.65 m, above the 3.5 m ceiling of room 'gallery'; the height must be at most 3.05 m");
    const ex2 = fixture();
    ex2.artworks[1].placement.height = 3.7;
    expectProblem(ex2, 'artworks[1].placement.height', "above the 4 m ceiling of room 'hall'");
  });

  it('reports a work reaching below the floor', () => {
    const ex = fixture();
    ex.artworks[0].placement.height = 0.3;
    expectProblem(ex, 'artworks[0].placement.height', 'would reach 0.1 m below the floor; the height must be at least 0.4 m');
  });

  it('reports works overlapping on the same wall', () => {
    const ex = fixture();
    ex.artworks[1].placement.offset = 2.6; // sunrise spans 1.5–2.5, harbour 2.3–2.9
    expectProblem(ex, 'artworks[1].placement', "overlaps 'sunrise' (artworks[0]) on wall 0 of room 'hall'");
  });

  it('does not report works on the same wall that are one above the other', () => {
    const ex = fixture();
    ex.artworks[1].placement.offset = 2;
    ex.artworks[1].placement.height = 2.7; // 2.25–3.15 vs 1.2–2.0
    expectNoErrors(ex);
  });

  it('warns when only the frames overlap', () => {
    const ex = fixture();
    ex.artworks[1].placement.offset = 2.85; // image 2.55–3.15, frames reach 2.5 and 2.56
    expectProblem(ex, 'artworks[1].placement', "its frame overlaps the frame of 'sunrise'", 'warning');
  });

  it('reports a work hanging across a doorway', () => {
    const ex = fixture();
    ex.artworks[0].placement = { kind: 'wall', room: 'hall', wall: 1, offset: 3, height: 1.6 };
    expectProblem(ex, 'artworks[0].placement', "the work hangs across doorway 'hall-gallery' on wall 1 of room 'hall'");
    ex.artworks[0].placement.height = 3; // above the 2.2 m opening: fine
    expectNoErrors(ex);
  });
});

describe('pose placements', () => {
  it('warns about a work standing outside every room', () => {
    const ex = fixture();
    ex.artworks[2].placement.position = [20, 0, 3];
    expectProblem(ex, 'artworks[2].placement.position', 'is outside every room', 'warning');
  });

  it('warns about an object on its plinth reaching the ceiling', () => {
    const ex = fixture();
    ex.artworks[2].dimensions.height = 3;
    expectProblem(ex, 'artworks[2].placement', "would reach 3.9 m, above the 3.5 m ceiling of room 'gallery'", 'warning');
  });
});

describe('room outlines', () => {
  it('reports a self-intersecting outline', () => {
    const ex = fixture();
    ex.space.rooms[1].polygon = [
      [8, 0],
      [14, 6],
      [14, 0],
      [8, 6],
    ];
    expectProblem(ex, 'space.rooms[1].polygon', 'wall 0 (point 0 → 1) crosses wall 2 (point 2 → 3); the outline must not cross itself');
  });

  it('reports an outline with no area', () => {
    const ex = fixture();
    ex.space.rooms[1].polygon = [
      [8, 0],
      [10, 0],
      [14, 0],
    ];
    expectProblem(ex, 'space.rooms[1].polygon', 'the outline has no area (its points lie on a line)');
  });

  it('reports a repeated point (a wall of no length)', () => {
    const ex = fixture();
    ex.space.rooms[1].polygon = [
      [8, 0],
      [14, 0],
      [14, 6],
      [14, 6],
      [8, 6],
    ];
    expectProblem(ex, 'space.rooms[1].polygon[3]', 'point 3 repeats point 2 (wall 2 has no length)');
  });

  it('reports an outline that doubles back', () => {
    const ex = fixture();
    ex.space.rooms[1].polygon = [
      [8, 0],
      [14, 0],
      [16, 0],
      [14, 0],
      [14, 6],
      [8, 6],
    ];
    expectProblem(ex, 'space.rooms[1].polygon[2]', 'the outline doubles back on itself at point 2');
  });

  it('checks zone outlines too', () => {
    const ex = fixture();
    ex.zones[0].polygon = [
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
    ];
    expectProblem(ex, 'zones[0].polygon', 'the outline must not cross itself');
  });

  it('warns about rooms that overlap', () => {
    const ex = fixture();
    ex.space.rooms[1].polygon = [
      [7, 0],
      [14, 0],
      [14, 6],
      [7, 6],
    ];
    expectProblem(ex, 'space.rooms[1].polygon', "room 'gallery' overlaps room 'hall'", 'warning');
  });

  it('does not treat rooms sharing a wall as overlapping, even L-shaped ones', () => {
    const ex = fixture();
    ex.space.rooms[1].polygon = [
      [8, 0],
      [14, 0],
      [14, 10],
      [4, 10],
      [4, 6],
      [8, 6],
    ];
    expect(problemsOf(ex).filter((p) => p.message.includes('overlaps'))).toEqual([]);
  });
});

describe('doorways', () => {
  it('reports a doorway that is not on a wall of a room it names', () => {
    const ex = fixture();
    ex.space.doorways[0].position = [7, 3];
    expectProblem(ex, 'space.doorways[0].position', "the doorway is not on a wall of room 'hall': the nearest, wall 1, is 1 m away (walls are 0.2 m thick)");
  });

  it('accepts a doorway within the wall thickness', () => {
    const ex = fixture();
    ex.space.doorways[0].position = [8.1, 3];
    expectNoErrors(ex);
  });

  it('reports a doorway running past the end of its wall', () => {
    const ex = fixture();
    ex.space.doorways[0].position = [8, 0.3];
    expectProblem(ex, 'space.doorways[0].position', "the doorway (1.2 m wide) runs past the end of wall 1 of room 'hall' (6 m long)");
  });

  it('reports a doorway wider than its wall', () => {
    const ex = fixture();
    ex.space.doorways[0].width = 7;
    expectProblem(ex, 'space.doorways[0].width', "the doorway (7 m wide) is wider than wall 1 of room 'hall' (6 m long)");
  });

  it('reports a doorway taller than the room', () => {
    const ex = fixture();
    ex.space.doorways[0].height = 3.8;
    expectProblem(ex, 'space.doorways[0].height', "the doorway (3.8 m high) is taller than room 'gallery' (3.5 m)");
  });

  it('warns about a room that no doorway leads to', () => {
    const ex = fixture();
    ex.space.doorways = [];
    expectProblem(ex, 'space.rooms[1]', "room 'gallery' cannot be reached from the entrance (in room 'hall')", 'warning');
  });
});

describe('entrance', () => {
  it('reports an entrance outside every room', () => {
    const ex = fixture();
    ex.entrance.position = [-2, 0, 3];
    expectProblem(ex, 'entrance.position', 'the entrance (x -2 m, z 3 m) is not inside any room');
  });

  it('warns about an entrance inside a wall', () => {
    const ex = fixture();
    ex.entrance.position = [0.1, 0, 3];
    expectProblem(ex, 'entrance.position', 'within 20 cm of a wall', 'warning');
  });
});

describe('model spaces', () => {
  it('checks wall placements against model room outlines, without a ceiling', () => {
    const ex = fixture();
    ex.space = {
      kind: 'model',
      model: 'space/museum.glb',
      floorMeshes: ['floor'],
      rooms: [
        { id: 'hall', name: { en: 'Hall', it: 'Salone' }, polygon: [[0, 0], [8, 0], [8, 6], [0, 6]] },
        { id: 'gallery', name: { en: 'Gallery', it: 'Galleria' }, polygon: [[8, 0], [14, 0], [14, 6], [8, 6]] },
      ],
    };
    expect(problemsOf(ex)).toEqual([]);
    ex.artworks[0].placement.wall = 7;
    expectProblem(ex, 'artworks[0].placement.wall', "wall 7 does not exist in room 'hall'");
  });
});
