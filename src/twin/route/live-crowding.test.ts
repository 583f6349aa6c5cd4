import { describe, expect, it } from 'vitest';
import type { LiveSnapshot, ZoneState } from '../live/contract';
import type { Exhibition } from '../schema';
import { validateExhibition } from '../validate';
import { sampleExhibition } from './sample';
import { planRoute } from './plan';
import { crowdingChange, liveCrowding, roomsOnRoute } from './live-crowding';

function withZones(): Exhibition {
  const input = sampleExhibition();
  // z1 is room g1 (on the way from the entrance in g0 to w13 in g3), z9 a room the route never sees.
  input.zones = [
    { id: 'z1', name: { en: 'Room 2' }, room: 'g1' },
    { id: 'z9', name: { en: 'Upstairs' }, room: 'u0' },
  ];
  const r = validateExhibition(input);
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
  return r.exhibition;
}

function snapshot(zones: Record<string, Partial<ZoneState>>): LiveSnapshot {
  const z = Object.fromEntries(Object.entries(zones).map(([id, s]) => [id, { id, values: {}, ...s } as ZoneState]));
  return { exhibition: 'x', time: '2026-12-06T10:00:00Z', staleAfterMinutes: 15, zones: z, artworks: {}, alerts: [] };
}

describe('live crowding in the visit planner', () => {
  const ex = withZones();
  const rooms = (r: ReturnType<typeof planRoute>) => new Set(r.legs.flatMap((l) => l.path.nodes.map((n) => r.graph.node(n).room)));

  it('reads each zone’s crowding class, leaving out zones with no current count', () => {
    const c = liveCrowding(snapshot({ z1: { crowding: 'crowded' }, z2: { crowding: 'quiet' }, z3: {} }));
    expect(c.z1).toBeGreaterThan(0.7);
    expect(c.z2).toBeLessThan(0.7);
    expect('z3' in c).toBe(false);
    expect(liveCrowding(undefined)).toEqual({});
    // A busy room is walked through; only a crowded one is gone round.
    expect(liveCrowding(snapshot({ z1: { crowding: 'busy' } })).z1).toBeLessThan(0.7);
  });

  it('goes round a room the live counts say is crowded, or warns when asked not to avoid', () => {
    const crowding = liveCrowding(snapshot({ z1: { crowding: 'crowded' } }));
    const avoid = planRoute(ex, { favourites: ['w13'], budget: 60, avoidCrowded: true, crowding });
    expect(rooms(avoid).has('g1')).toBe(false);
    expect(avoid.notes).toContainEqual({ kind: 'avoided-crowded', rooms: ['g1'] });
    const through = planRoute(ex, { favourites: ['w13'], budget: 60, avoidCrowded: false, crowding });
    expect(rooms(through).has('g1')).toBe(true);
    expect(through.notes).toContainEqual({ kind: 'crowded-on-way', rooms: ['g1'] });
    // Calm rooms: no warning at all.
    const calm = planRoute(ex, { favourites: ['w13'], budget: 60, crowding: liveCrowding(snapshot({ z1: { crowding: 'busy' } })) });
    expect(calm.notes.filter((n) => n.kind.includes('crowd'))).toEqual([]);
  });

  it('says which room on the route became crowded since it was planned, and which calmed down', () => {
    const calm = liveCrowding(snapshot({ z1: { crowding: 'quiet' }, z9: { crowding: 'quiet' } }));
    const route = planRoute(ex, { favourites: ['w13'], budget: 60, crowding: calm });
    expect(roomsOnRoute(route).has('g1')).toBe(true);
    const now = liveCrowding(snapshot({ z1: { crowding: 'crowded' }, z9: { crowding: 'quiet' } }));
    expect(crowdingChange(ex, route, calm, now)).toEqual({ nowCrowded: ['g1'], noLongerCrowded: [] });
    // Nothing changed, or only a room the route never enters: nothing to say.
    expect(crowdingChange(ex, route, calm, calm)).toBeUndefined();
    expect(crowdingChange(ex, route, calm, liveCrowding(snapshot({ z1: { crowding: 'quiet' }, z9: { crowding: 'crowded' } })))).toBeUndefined();
    // A room the route went round is calm again.
    const avoided = planRoute(ex, { favourites: ['w13'], budget: 60, avoidCrowded: true, crowding: now });
    expect(crowdingChange(ex, avoided, now, calm)).toEqual({ nowCrowded: [], noLongerCrowded: ['g1'] });
  });
});
