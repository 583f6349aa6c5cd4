import { describe, expect, it } from 'vitest';
import { Exhibition } from '../../twin/schema';
import { minimalExhibition } from '../../twin/fixtures';
import { artworkPose, EYE_HEIGHT } from '../../twin/layout';
import { headingToDir, pointInPolygon } from '../../twin/floorplan';
import {
  blocksTeleport,
  captionAt,
  faceToward,
  headingDelta,
  headingToYaw,
  isTeleportable,
  MIN_TEXT_PER_METRE,
  nextSnapAngle,
  MAX_PANEL_SCALE,
  MAX_SEATED_LIFT,
  panelFacing,
  panelPlacement,
  readableScale,
  seatedLift,
  snapTurn,
  stopPose,
  storyPages,
  textPerMetre,
  yawToHeading,
  type MeshFacts,
} from './logic';

const ex = Exhibition.parse(minimalExhibition());
const facts = (f: Partial<MeshFacts>): MeshFacts => ({ enabled: true, pickable: true, visible: true, collides: false, ...f });

describe('teleport targets', () => {
  it('lands only on walkable floors', () => {
    expect(isTeleportable({ kind: 'floor', enabled: true })).toBe(true);
    expect(isTeleportable({ kind: 'wall', enabled: true })).toBe(false);
    expect(isTeleportable({ kind: undefined, enabled: true })).toBe(false);
    expect(isTeleportable({ kind: 'floor', enabled: false })).toBe(false);
  });

  it('is blocked by walls, plinths, cases, works and panels, not by floors, ceilings or disabled helpers', () => {
    expect(blocksTeleport(facts({ kind: 'wall', collides: true }))).toBe(true);
    // A plinth: an artwork's solid, pickable base.
    expect(blocksTeleport(facts({ artworkId: 'vase', collides: true }))).toBe(true);
    // A glass case is not pickable but is solid.
    expect(blocksTeleport(facts({ pickable: false, collides: true }))).toBe(true);
    // The invisible collider of a floor-standing work.
    expect(blocksTeleport(facts({ pickable: false, visible: false, collides: true }))).toBe(true);
    // A painting's canvas, or the visitor's own panel: pickable and visible.
    expect(blocksTeleport(facts({ artworkId: 'sunrise' }))).toBe(true);
    expect(blocksTeleport(facts({ kind: 'floor', collides: true }))).toBe(false);
    // The ceiling: not pickable, no collisions.
    expect(blocksTeleport(facts({ pickable: false }))).toBe(false);
    expect(blocksTeleport(facts({ enabled: false, collides: true }))).toBe(false);
  });
});

describe('snap turn', () => {
  it('turns by the configured angle, right is clockwise, and wraps', () => {
    expect(snapTurn(0, 1)).toBe(45);
    expect(snapTurn(0, -1)).toBe(315);
    expect(snapTurn(350, 1, 30)).toBe(20);
    expect(snapTurn(90, -1, 90)).toBe(0);
  });

  it('measures the signed change between headings', () => {
    expect(headingDelta(350, 35)).toBeCloseTo(45);
    expect(headingDelta(35, 350)).toBeCloseTo(-45);
    expect(headingDelta(0, 180)).toBeCloseTo(180);
  });

  it('cycles through the offered angles', () => {
    expect(nextSnapAngle(45)).toBe(60);
    expect(nextSnapAngle(90)).toBe(30);
    expect(nextSnapAngle(17)).toBe(30);
  });

  it('maps headings to right-handed yaw and back', () => {
    for (const h of [0, 45, 90, 180, 270, 315]) {
      const yaw = headingToYaw(h);
      // Rotating −z by yaw about +y (right-handed) gives (−sin, 0, −cos).
      const dir: [number, number] = [-Math.sin(yaw), -Math.cos(yaw)];
      const expected = headingToDir(h);
      expect(dir[0]).toBeCloseTo(expected[0]);
      expect(dir[1]).toBeCloseTo(expected[1]);
      expect(yawToHeading(yaw)).toBeCloseTo(h);
    }
  });
});

describe('panel placement', () => {
  const sunrise = ex.artworks.find((a) => a.id === 'sunrise')!;
  const pose = artworkPose(ex, sunrise);
  const hall = ex.space.rooms.find((r) => r.id === 'hall')!.polygon;
  const panel = { width: 0.8, height: 1.0, smallestText: 0.022 };

  it('goes beside the work, on the visitor’s right, out from the wall, inside the room, facing the visitor', () => {
    const viewer: [number, number, number] = [2, EYE_HEIGHT, 2.2];
    const p = panelPlacement({ work: pose, workWidth: 1.0, floorY: 0, viewer, room: hall, panel });
    // Sunrise hangs on the z = 0 wall facing +z; a visitor facing it looks toward −z, so their right is +x.
    expect(p.side).toBe('right');
    expect(p.centre[0]).toBeGreaterThan(pose.position[0] + 0.5);
    expect(p.centre[2]).toBeGreaterThan(pose.position[2]);
    expect(pointInPolygon([p.centre[0], p.centre[2]], hall)).toBe(true);
    expect(p.centre[1]).toBeGreaterThan(1.1);
    expect(p.centre[1]).toBeLessThan(1.7);
    // Its +z (sin yaw, cos yaw) points at the visitor.
    const toViewer = [viewer[0] - p.centre[0], viewer[2] - p.centre[2]];
    const n = Math.hypot(toViewer[0]!, toViewer[1]!);
    expect(Math.sin(p.yaw) * (toViewer[0]! / n) + Math.cos(p.yaw) * (toViewer[1]! / n)).toBeCloseTo(1);
  });

  it('moves to the other side when the right side runs into a wall', () => {
    // The work hangs near the east wall (x = 4), which lies on the visitor's right.
    const poly: [number, number][] = [[0, 0], [4, 0], [4, 4], [0, 4]];
    const work = { position: [3.1, 1.6, 0.15] as [number, number, number], heading: 180 };
    const p = panelPlacement({ work, workWidth: 1.0, floorY: 0, viewer: [3, EYE_HEIGHT, 2], room: poly, panel });
    expect(p.side).toBe('left');
    expect(p.centre[0]).toBeLessThan(3.1);
    expect(pointInPolygon([p.centre[0], p.centre[2]], poly)).toBe(true);
  });

  it('keeps text at least 1.5 cm per metre of distance', () => {
    for (const d of [0.5, 1, 2, 4, 8]) {
      const s = readableScale(d, panel.smallestText);
      expect(s).toBeGreaterThanOrEqual(1);
      expect(panel.smallestText * s).toBeGreaterThanOrEqual(MIN_TEXT_PER_METRE * d - 1e-9);
    }
    const far = panelPlacement({ work: pose, workWidth: 1.0, floorY: 0, viewer: [2, EYE_HEIGHT, 4], room: hall, panel });
    expect(far.scale).toBeGreaterThan(1);
    const dist = Math.hypot(far.centre[0] - 2, far.centre[1] - EYE_HEIGHT, far.centre[2] - 4);
    expect(panel.smallestText * far.scale).toBeGreaterThanOrEqual(MIN_TEXT_PER_METRE * dist - 1e-9);
  });

  it('faces a point', () => {
    expect(faceToward([0, 0], [0, 1])).toBeCloseTo(0);
    expect(faceToward([0, 0], [1, 0])).toBeCloseTo(Math.PI / 2);
    expect(faceToward([0, 0], [0, -1])).toBeCloseTo(Math.PI);
    expect(faceToward([0, 0], [-1, 0])).toBeCloseTo(-Math.PI / 2);
  });
});

describe('a panel following the visitor', () => {
  const panel = { width: 0.8, height: 1.0, smallestText: 0.022 };
  const anchor: [number, number, number] = [2, 1.4, 0.5];
  /** The panel's face (+z turned by yaw) as a unit vector in plan. */
  const face = (yaw: number) => [Math.sin(yaw), Math.cos(yaw)] as const;

  it('turns to face the visitor wherever they walk, staying where it was put', () => {
    for (const [x, z] of [[2, 3], [5, 0.5], [-1, -2], [2.3, -1], [0, 0.6]] as const) {
      const f = panelFacing({ anchor, floorY: 0, viewer: [x, EYE_HEIGHT, z], panel });
      const to = [x - anchor[0], z - anchor[2]];
      const n = Math.hypot(to[0]!, to[1]!);
      const [fx, fz] = face(f.yaw);
      expect(fx * (to[0]! / n) + fz * (to[1]! / n)).toBeCloseTo(1);
      expect(f.centre[0]).toBe(anchor[0]);
      expect(f.centre[2]).toBe(anchor[2]);
    }
  });

  it('keeps its smallest text at 1.5 cm or more per metre of distance as the visitor backs away', () => {
    let last = 0;
    for (const back of [0.5, 1, 1.5, 2, 3, 4]) {
      const viewer: [number, number, number] = [anchor[0], EYE_HEIGHT, anchor[2] + back];
      const f = panelFacing({ anchor, floorY: 0, viewer, panel });
      expect(f.distance).toBeCloseTo(Math.hypot(back, EYE_HEIGHT - f.centre[1]));
      expect(f.readable).toBe(true);
      expect(textPerMetre(panel.smallestText * f.scale, f.distance)).toBeGreaterThanOrEqual(MIN_TEXT_PER_METRE - 1e-9);
      expect(f.scale).toBeGreaterThanOrEqual(last);
      last = f.scale;
    }
    // Near the work it keeps its own size; it grows only when the text would be too small.
    expect(panelFacing({ anchor, floorY: 0, viewer: [2, EYE_HEIGHT, 1.5], panel }).scale).toBe(1);
  });

  it('rises as it grows so it never reaches into the floor, and stops growing at a limit', () => {
    const f = panelFacing({ anchor, floorY: 0, viewer: [anchor[0], EYE_HEIGHT, anchor[2] + 4], panel });
    expect(f.scale).toBeGreaterThan(2);
    expect(f.centre[1] - (panel.height * f.scale) / 2).toBeGreaterThan(0);
    const far = panelFacing({ anchor, floorY: 0, viewer: [anchor[0], EYE_HEIGHT, anchor[2] + 40], panel });
    expect(far.scale).toBe(MAX_PANEL_SCALE);
    // Too far to read even at that size: the visitor has walked away from the work.
    expect(far.readable).toBe(false);
  });

  it('measures text per metre of distance', () => {
    expect(textPerMetre(0.03, 2)).toBeCloseTo(0.015);
    expect(textPerMetre(0.03, 0)).toBe(Infinity);
  });
});

describe('seated mode', () => {
  it('lifts a seated visitor’s eyes to standing eye height', () => {
    expect(seatedLift(1.15)).toBeCloseTo(EYE_HEIGHT - 1.15);
    expect(1.15 + seatedLift(1.15)).toBeCloseTo(EYE_HEIGHT);
  });

  it('does not lift a standing visitor, nor lower a tall one, nor lift past its limit or without a height', () => {
    expect(seatedLift(EYE_HEIGHT)).toBe(0);
    expect(seatedLift(1.85)).toBe(0);
    expect(seatedLift(0.3)).toBe(MAX_SEATED_LIFT);
    expect(seatedLift(0)).toBe(0);
    expect(seatedLift(Number.NaN)).toBe(0);
  });
});

describe('tour stops', () => {
  it('stand the visitor on the floor in front of each work, inside its room, facing it', () => {
    for (const art of ex.artworks) {
      const pose = artworkPose(ex, art);
      const s = stopPose(ex, art, pose);
      const room = ex.space.rooms.find((r) => r.id === pose.room)!;
      expect(pointInPolygon([s.position[0], s.position[2]], room.polygon)).toBe(true);
      expect(s.position[1]).toBeCloseTo(0);
      const d = headingToDir(s.heading);
      const to = [pose.position[0] - s.position[0], pose.position[2] - s.position[2]];
      const n = Math.hypot(to[0]!, to[1]!);
      expect(d[0] * (to[0]! / n) + d[1] * (to[1]! / n)).toBeCloseTo(1);
    }
  });
});

describe('story pages', () => {
  it('keeps short stories on one page as plain text, links as their words', () => {
    expect(storyPages('Painted at dawn.\n\nCompare *the light* in [the harbour](#artwork=harbour).')).toEqual([
      'Painted at dawn.\n\nCompare the light in the harbour.',
    ]);
  });

  it('never shows markup as markup and splits long stories at sentence boundaries', () => {
    const long = Array.from({ length: 30 }, (_, i) => `Sentence number ${i} tells a little more.`).join(' ');
    const pages = storyPages(`<script>x</script> intro.\n\n${long}`, 200);
    expect(pages.length).toBeGreaterThan(4);
    for (const p of pages) expect(p.length).toBeLessThanOrEqual(200);
    expect(pages[0]).toContain('<script>x</script>');
    expect(pages.join(' ').replace(/\s+/g, ' ')).toContain('Sentence number 29 tells a little more.');
  });

  it('has one empty page for an empty story', () => {
    expect(storyPages('')).toEqual(['']);
  });
});

describe('captions', () => {
  it('shows the cue at the current time', () => {
    const cues = [
      { start: 0, end: 2, text: 'One' },
      { start: 2, end: 4, text: 'Two' },
    ];
    expect(captionAt(cues, 1)).toBe('One');
    expect(captionAt(cues, 2)).toBe('Two');
    expect(captionAt(cues, 5)).toBe('');
  });
});
