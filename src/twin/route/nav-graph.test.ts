import { describe, expect, it } from 'vitest';
import type { FloorPlan, Vec2 } from '../schema';
import { distance, pointInPolygon } from '../geometry';
import { NavGraph } from './nav-graph';

const room = (id: string, polygon: Vec2[], level?: string): FloorPlan['rooms'][number] => ({ id, name: { en: id }, polygon, ...(level ? { level } : {}) });

/** Two rooms side by side; the only doorway is at the far end of the shared wall. */
const twoRooms = {
  rooms: [room('a', [[0, 0], [10, 0], [10, 10], [0, 10]]), room('b', [[10, 0], [20, 0], [20, 10], [10, 10]])],
  doorways: [{ id: 'ab', rooms: ['a', 'b'], position: [10, 9] as Vec2, width: 1, height: 2.2 }],
};

/** An L-shaped room: the straight line between the ends of the L leaves the room. */
const lRoom = { rooms: [room('l', [[0, 0], [10, 0], [10, 4], [4, 4], [4, 10], [0, 10]])], doorways: [] };

describe('the walking graph', () => {
  it('walks through the doorway, never through the wall', () => {
    const g = new NavGraph(twoRooms);
    const a = g.addPoint('x', 'a', [8, 1]);
    const b = g.addPoint('y', 'b', [12, 1]);
    const p = g.pathsFrom(a, [b]).get(b)!;
    expect(distance([8, 1], [12, 1])).toBe(4);
    // Up to the doorway near z = 9 and back: about 8 + 8 m, not 4.
    expect(p.metres).toBeGreaterThan(16);
    expect(p.metres).toBeLessThan(17.5);
    expect(p.nodes.some((n) => n.startsWith('d:ab:'))).toBe(true);
  });

  it('goes round the inside corner of a non-convex room, every edge inside it', () => {
    const g = new NavGraph(lRoom);
    const a = g.addPoint('x', 'l', [9, 2]);
    const b = g.addPoint('y', 'l', [2, 9]);
    const p = g.pathsFrom(a, [b]).get(b)!;
    expect(p.nodes.length).toBe(3); // via the corner node at (4, 4)
    expect(p.metres).toBeGreaterThan(distance([9, 2], [2, 9]));
    g.graph.forEachEdge((_e, attrs, s, t) => {
      const [ps, pt] = [g.node(s).position, g.node(t).position];
      if (attrs.kind === 'walk') for (const f of [0.25, 0.5, 0.75]) expect(pointInPolygon([ps[0] + (pt[0] - ps[0]) * f, ps[1] + (pt[1] - ps[1]) * f], lRoom.rooms[0]!.polygon)).toBe(true);
    });
  });

  it('takes the stairs between levels, and the lift (a longer way) when step-free', () => {
    const plan = {
      rooms: [room('g', [[0, 0], [10, 0], [10, 10], [0, 10]], 'ground'), room('u', [[0, 0], [10, 0], [10, 10], [0, 10]], 'upper')],
      doorways: [],
      levels: [
        { id: 'ground', name: { en: 'Ground' }, elevation: 0 },
        { id: 'upper', name: { en: 'Upper' }, elevation: 5 },
      ],
      verticalLinks: [
        { id: 's', kind: 'stairs' as const, ends: [{ level: 'ground', room: 'g', position: [1, 1] as Vec2 }, { level: 'upper', room: 'u', position: [1, 3] as Vec2 }] as [never, never] },
        { id: 'l', kind: 'lift' as const, ends: [{ level: 'ground', room: 'g', position: [9, 9] as Vec2 }, { level: 'upper', room: 'u', position: [9, 9] as Vec2 }] as [never, never] },
      ],
    } as unknown as FloorPlan;
    for (const stepFree of [false, true]) {
      const g = new NavGraph(plan, { stepFree });
      const a = g.addPoint('x', 'g', [2, 2]);
      const b = g.addPoint('y', 'u', [2, 5]);
      const p = g.pathsFrom(a, [b]).get(b)!;
      expect(p.nodes.some((n) => n.startsWith('v:s:'))).toBe(!stepFree);
      expect(p.nodes.some((n) => n.startsWith('v:l:'))).toBe(stepFree);
    }
    const noLift = { ...plan, verticalLinks: plan.verticalLinks!.slice(0, 1) };
    const g = new NavGraph(noLift, { stepFree: true });
    const a = g.addPoint('x', 'g', [2, 2]);
    const b = g.addPoint('y', 'u', [2, 5]);
    expect(g.pathsFrom(a, [b]).has(b)).toBe(false);
  });

  it('walks round a crowded room when there is another way, and measures the real metres', () => {
    // a – m – b in a row, and a corridor c along them from a to b.
    const plan = {
      rooms: [
        room('a', [[0, 0], [10, 0], [10, 10], [0, 10]]),
        room('m', [[10, 0], [20, 0], [20, 10], [10, 10]]),
        room('b', [[20, 0], [30, 0], [30, 10], [20, 10]]),
        room('c', [[0, 10], [30, 10], [30, 14], [0, 14]]),
      ],
      doorways: [
        { id: 'am', rooms: ['a', 'm'], position: [10, 5] as Vec2, width: 1, height: 2 },
        { id: 'mb', rooms: ['m', 'b'], position: [20, 5] as Vec2, width: 1, height: 2 },
        { id: 'ac', rooms: ['a', 'c'], position: [5, 10] as Vec2, width: 1, height: 2 },
        { id: 'cb', rooms: ['c', 'b'], position: [25, 10] as Vec2, width: 1, height: 2 },
      ],
    };
    const route = (penalty?: Map<string, number>) => {
      const g = new NavGraph(plan, { roomPenalty: penalty });
      const x = g.addPoint('x', 'a', [5, 5]);
      const y = g.addPoint('y', 'b', [25, 5]);
      return g.pathsFrom(x, [y]).get(y)!;
    };
    const direct = route();
    expect(direct.nodes.some((n) => n.startsWith('d:am'))).toBe(true);
    expect(direct.metres).toBeCloseTo(20, 0);
    const around = route(new Map([['m', 4]]));
    expect(around.nodes.some((n) => n.startsWith('d:am'))).toBe(false);
    expect(around.nodes.some((n) => n.startsWith('d:ac'))).toBe(true);
    expect(around.metres).toBeGreaterThan(28);
    expect(around.cost).toBeCloseTo(around.metres, 5); // it never set foot in the crowded room
  });
});
