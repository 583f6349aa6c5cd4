import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Exhibition } from '../../twin/schema';
import { FOLLOW_DISTANCE, FOLLOW_SLACK } from '../../twin/together/follow';
import { VrGroupFollower, type VrGroupHost } from './together';
import type { StandPose } from './logic';

const ex = Exhibition.parse(JSON.parse(readFileSync('assets/default/exhibition.json', 'utf8')));
const hall = ex.space.rooms.find((r) => r.id === 'hall')!;
// A point well inside the hall (its polygon's centroid).
const mid = hall.polygon.reduce((s, p) => [s[0] + p[0] / hall.polygon.length, s[1] + p[1] / hall.polygon.length], [0, 0]);

/** A headset that records each move (VrMode.moveTo fades through black). */
function headset(at: [number, number, number], heading: number, inXR = true) {
  const moves: StandPose[] = [];
  let release: (() => void) | undefined;
  const host: VrGroupHost & { hold: boolean } = {
    hold: false,
    viewer: () => ({ position: at, heading, room: 'hall', inXR }),
    moveTo: (pose) => {
      moves.push(pose);
      at = pose.position;
      return host.hold ? new Promise<void>((r) => (release = r)) : Promise.resolve();
    },
  };
  return { host, moves, release: () => release?.() };
}

describe('a VR follower', () => {
  it('fades to its place behind the leader and keeps its own heading (never a forced turn)', async () => {
    const { host, moves } = headset([mid[0] + 4, 0, mid[1] + 3], 200);
    const f = new VrGroupFollower(ex, () => host);
    expect(await f.follow({ at: [mid[0], mid[1]], heading: 0, room: 'hall' }, 0)).toBe('fade');
    expect(moves).toHaveLength(1);
    const to = moves[0]!;
    expect(to.heading).toBe(200);
    // Behind the leader (heading 0 looks toward −z, so behind is +z), at the follow distance.
    expect(Math.hypot(to.position[0] - mid[0], to.position[2] - mid[1])).toBeCloseTo(FOLLOW_DISTANCE, 1);
    expect(to.position[2]).toBeGreaterThan(mid[1]);
    expect(f.fades).toBe(1);
    // Already there: it stays, and does not fade again.
    expect(await f.follow({ at: [mid[0], mid[1] + FOLLOW_SLACK / 4], heading: 0, room: 'hall' }, 0)).toBe('stay');
    expect(moves).toHaveLength(1);
  });

  it('moves once at a time, sends its presence flagged vr, and does nothing outside VR', async () => {
    const h = headset([mid[0] + 4, 0, mid[1]], 90);
    h.host.hold = true;
    const f = new VrGroupFollower(ex, () => h.host);
    expect(f.presence()).toEqual({ p: [mid[0] + 4, 0, mid[1]], h: 90, room: 'hall', vr: true });
    const first = f.follow({ at: [mid[0], mid[1]], heading: 0, room: 'hall' }, 0);
    expect(await f.follow({ at: [mid[0] - 2, mid[1]], heading: 0, room: 'hall' }, 0)).toBe('busy');
    h.release();
    expect(await first).toBe('fade');
    const outside = new VrGroupFollower(ex, () => headset([0, 0, 0], 0, false).host);
    expect(outside.presence()).toBeUndefined();
    expect(await outside.follow({ at: [mid[0], mid[1]], heading: 0 }, 0)).toBe('none');
    expect(new VrGroupFollower(ex, () => undefined).active).toBe(false);
  });
});
