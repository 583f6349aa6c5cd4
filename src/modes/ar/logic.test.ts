import { describe, expect, it } from 'vitest';
import { deOverlap, floorOutline, manualPivot, nearbyWorks, overlaps, registrationMethods, type LabelBox } from './logic';
import { arSupport, isIos } from './support';

describe('nearbyWorks', () => {
  const viewer = { position: [0, 0, 0] as [number, number, number], forward: [0, 0, -1] as [number, number, number] };
  it('keeps the nearest works in front, at most max', () => {
    const works = Array.from({ length: 8 }, (_, i) => ({ id: `w${i}`, position: [0.2 * i, 1, -1 - i] as [number, number, number] }));
    expect(nearbyWorks(works, viewer, { max: 5 })).toEqual(['w0', 'w1', 'w2', 'w3', 'w4']);
  });
  it('drops works out of range or behind the visitor', () => {
    const works = [
      { id: 'far', position: [0, 1, -9] as [number, number, number] },
      { id: 'behind', position: [0, 1, 3] as [number, number, number] },
      { id: 'beside', position: [2, 1, 0] as [number, number, number] },
      { id: 'close-behind', position: [0, 1, 0.4] as [number, number, number] },
    ];
    expect(nearbyWorks(works, viewer, { radius: 6 })).toEqual(['close-behind', 'beside']);
  });
});

describe('deOverlap', () => {
  it('lifts overlapping labels until none overlap, first label stays', () => {
    const boxes: LabelBox[] = [
      { id: 'a', right: 0, up: 0, depth: 2, width: 0.4, height: 0.1 },
      { id: 'b', right: 0.1, up: 0.02, depth: 2, width: 0.4, height: 0.1 },
      { id: 'c', right: -0.1, up: 0, depth: 2.2, width: 0.4, height: 0.1 },
      { id: 'd', right: 3, up: 0, depth: 2, width: 0.4, height: 0.1 },
    ];
    const lift = deOverlap(boxes);
    expect(lift.get('a')).toBe(0);
    expect(lift.get('d')).toBe(0);
    expect(lift.get('b')!).toBeGreaterThan(0);
    const placed = boxes.map((b) => ({ ...b, up: b.up + lift.get(b.id)! }));
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i]!, placed[j]!)).toBe(false);
  });
});

describe('arSupport', () => {
  const xr = (ar: boolean) => ({ isSessionSupported: async (m: string) => ar && m === 'immersive-ar' });
  const android = 'Mozilla/5.0 (Linux; Android 14) Chrome/130 Mobile';
  const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1';
  it('gives the reason AR is not offered', async () => {
    expect(await arSupport({ xr: xr(true), secure: true, userAgent: android, maxTouchPoints: 5 })).toEqual({ supported: true });
    expect(await arSupport({ xr: xr(true), secure: false, userAgent: android, maxTouchPoints: 5 })).toEqual({ supported: false, reason: 'insecure' });
    expect(await arSupport({ secure: true, userAgent: iphone, maxTouchPoints: 5 })).toEqual({ supported: false, reason: 'ios' });
    expect(await arSupport({ secure: true, userAgent: android, maxTouchPoints: 5 })).toEqual({ supported: false, reason: 'no-webxr' });
    expect(await arSupport({ xr: xr(false), secure: true, userAgent: android, maxTouchPoints: 5 })).toEqual({ supported: false, reason: 'no-ar' });
    const throws = { isSessionSupported: async () => { throw new Error('x'); } };
    expect(await arSupport({ xr: throws, secure: true, userAgent: android, maxTouchPoints: 0 })).toEqual({ supported: false, reason: 'no-ar' });
  });
  it('recognises iPadOS posing as a Mac', () => {
    expect(isIos({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Safari/605', maxTouchPoints: 5 })).toBe(true);
    expect(isIos({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Safari/605', maxTouchPoints: 0 })).toBe(false);
  });
});

describe('registration methods', () => {
  const rooms = [
    { id: 'a', name: { en: 'A' }, polygon: [[0, 0], [4, 0], [4, 3], [0, 3]] as [number, number][] },
    { id: 'b', name: { en: 'B' }, polygon: [[4, 0], [10, 0], [10, 3], [4, 3]] as [number, number][] },
  ];
  const space = { kind: 'floorplan' as const, wallHeight: 3, wallThickness: 0.2, rooms, doorways: [] };
  const point = (id: string, x: number) => ({ id, name: { en: id }, position: [x, 0, 0] as [number, number, number] });
  const marker = { id: 'm', name: { en: 'm' }, image: 'm.png', widthMetres: 0.2, position: [0, 1.5, 0] as [number, number, number], normal: [0, 0, 1] as [number, number, number], up: [0, 1, 0] as [number, number, number] };

  it('offers points (two or more), a marker, and by hand (any room outline), in that order', () => {
    expect(registrationMethods({ space, arReferences: { points: [point('p', 0), point('q', 2)], markers: [marker] } })).toEqual(['points', 'marker', 'manual']);
    expect(registrationMethods({ space, arReferences: { points: [point('p', 0)], markers: [] } })).toEqual(['manual']);
    expect(registrationMethods({ space: { kind: 'model', model: 'm.glb', floorMeshes: ['f'], rooms: [] }, arReferences: { points: [], markers: [marker] } })).toEqual(['marker']);
  });

  it('turns the manual placement about the middle of the entrance room, on its floor', () => {
    expect(manualPivot({ space, entrance: { position: [8, 0.1, 1], heading: 0 } })).toEqual([7, 0.1, 1.5]);
    expect(manualPivot({ space, entrance: { position: [1, 0, 1], heading: 0 } })).toEqual([2, 0, 1.5]);
  });

  it('outlines every room on the floor', () => {
    const lines = floorOutline({ space, entrance: { position: [1, 0, 1], heading: 0 } });
    expect(lines).toHaveLength(8);
    expect(lines[0]).toEqual([[0, 0, 0], [4, 0, 0]]);
    expect(lines[3]).toEqual([[0, 0, 3], [0, 0, 0]]);
  });
});
