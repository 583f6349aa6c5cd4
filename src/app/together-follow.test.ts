import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { VisitorCamera } from '../modes/preview/visitor-camera';
import { VrGroupFollower } from '../modes/vr/together';
import { roomAt } from '../twin/floorplan';
import { Exhibition } from '../twin/schema';
import { followSpot, gatherSpot } from '../twin/together/follow';
import type { Presence } from '../twin/together/protocol';
import type { VisitContext } from './context';
import { GroupMoves } from './together-follow';

const ex = Exhibition.parse(JSON.parse(readFileSync('assets/default/exhibition.json', 'utf8')));
// The camera's inputs only add listeners to the canvas; Node has none, so a stand-in takes them.
const canvas = { addEventListener() {}, removeEventListener() {}, focus() {}, tabIndex: 0, style: {} } as unknown as HTMLCanvasElement;

/** The leader's presence standing at (x, z) in a room, facing `h`. */
const leaderAt = (x: number, z: number, h: number, room: string): Presence => ({ p: [x, 0, z], h, room });
const spotOf = (p: Presence, slot = 0) => followSpot(ex, { at: [p.p[0], p.p[2]], heading: p.h, ...(p.room ? { room: p.room } : {}) }, slot).at;

describe('a member moving with the group (GroupMoves)', () => {
  let scene: Scene;
  let visitor: VisitorCamera;
  let moves: GroupMoves;
  let clock = 0;
  let arrivals = 0;

  beforeEach(() => {
    scene = new Scene(new NullEngine());
    clock = 0;
    visitor = new VisitorCamera(scene, canvas, { position: [2, 0, 6], heading: 0 }, () => false, () => clock);
    // What GroupMoves reads of the visit: the preview's camera and room, the mode, the motion preference.
    const preview = {
      visitor,
      pose: () => visitor.pose(),
      currentRoom: () => roomAt(ex.space.rooms, [visitor.camera.position.x, visitor.camera.position.z])?.id,
    };
    // Reduced motion: a move into another room is a cut, not a fade through the page's black overlay.
    const c = { ex, state: { mode: 'preview' }, preview, reducedMotion: { matches: true }, requestRender() {} } as unknown as VisitContext;
    arrivals = 0;
    moves = new GroupMoves(c, new VrGroupFollower(ex, () => undefined), () => arrivals++);
  });
  afterEach(() => scene.dispose());

  /** Draws `n` frames 100 ms apart, letting timers and promises run between them. */
  async function frames(n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      scene.render();
      clock += 100;
      await new Promise((r) => setTimeout(r, 0));
    }
  }

  /** Draws frames until the member's moves are over (at most 100). */
  async function settle(): Promise<void> {
    for (let i = 0; i < 100 && moves.moving; i++) await frames(1);
    expect(moves.moving, 'the moves ended').toBe(false);
  }

  const standsAt = () => [visitor.camera.position.x, visitor.camera.position.z];
  const distanceTo = (at: number[]) => Math.hypot(standsAt()[0]! - at[0]!, standsAt()[1]! - at[1]!);

  it('glides behind the leader in the same room', async () => {
    const leader = leaderAt(5, 3, 0, 'hall');
    moves.follow(leader, 0);
    expect(moves.moving).toBe(true);
    await settle();
    expect(distanceTo(spotOf(leader))).toBeLessThan(0.05);
  });

  it("goes on to where the leader is now when the leader moved again during the follower's glide", async () => {
    moves.follow(leaderAt(5, 3, 0, 'hall'), 0);
    await frames(2); // on the way
    // The co-guide took over and walks into the next room: her presence comes once, then she stands still.
    const then = leaderAt(8, -4, 0, 'gallery');
    moves.follow(then, 1);
    await settle();
    expect(roomAt(ex.space.rooms, standsAt() as [number, number])?.id).toBe('gallery');
    expect(distanceTo(spotOf(then, 1))).toBeLessThan(0.05);
  });

  it('follows again after its glide was cut short by another move (opening a work glides the camera too)', async () => {
    moves.follow(leaderAt(5, 3, 0, 'hall'), 0);
    await frames(1);
    const opened = visitor.glide([1, 1.6, 1], [1, 1.6, 0]);
    let arrived = false;
    void opened.then(() => (arrived = true));
    for (let i = 0; i < 100 && !arrived; i++) await frames(1);
    await settle();
    const next = leaderAt(3, 5, 90, 'hall');
    moves.follow(next, 0);
    await settle();
    expect(distanceTo(spotOf(next))).toBeLessThan(0.05);
  });

  it('says once that the member has arrived, when the last move asked for is made (a work opened in the headset waits for it)', async () => {
    moves.follow(leaderAt(5, 3, 0, 'hall'), 0);
    await frames(2);
    moves.follow(leaderAt(8, -4, 0, 'gallery'), 0);
    expect(arrivals).toBe(0);
    await settle();
    expect(arrivals).toBe(1);
  });

  it('brings a member to their own place at a gathered work, after the glide they are on', async () => {
    moves.follow(leaderAt(5, 3, 0, 'hall'), 0);
    await frames(2);
    const spot = gatherSpot(ex, 'dawn-over-the-marsh', 2)!;
    moves.gather(spot);
    await settle();
    expect(distanceTo(spot.at)).toBeLessThan(0.05);
  });
});
