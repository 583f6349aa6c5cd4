import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateExhibition } from '../validate';
import { pointInPolygon } from '../geometry';
import type { FloorPlan, Vec2 } from '../schema';
import { planOf, workPlace } from './places';
import { roomGraph } from '../rooms';
import { seenThroughStairwells, stairwells } from './stairwell';

const r = validateExhibition(JSON.parse(readFileSync(fileURLToPath(new URL('../../../assets/default/exhibition.json', import.meta.url)), 'utf8')));
if (!r.ok) throw new Error('the default exhibition does not validate');
const ex = r.exhibition;
const plan = planOf(ex);
const round = (p: Vec2) => p.map((v) => Math.round(v * 100) / 100);

describe('the default exhibition’s stairwell', () => {
  const [well, ...others] = stairwells(plan);

  it('is one, for the stairs (the lift rises where it stands), cut through the stair hall’s ceiling and the mezzanine’s floor', () => {
    expect(others).toEqual([]);
    expect(well).toMatchObject({ link: 'mezzanine-stairs', lowerRoom: 'stair-hall', bottom: 0, top: 4.4, ceilingsCut: ['stair-hall'], floorsCut: ['mezzanine'] });
  });

  it('opens over the whole flight, its clearance on the open side and up to the east wall on the other (no ledge too narrow to walk)', () => {
    // The flight: 1.2 m wide about x 15, from the foot's marked floor (z 9.4 − 0.6) to the head's (z 0.8 + 0.6).
    expect(round(well!.flight.from)).toEqual([15, 8.8]);
    expect(round(well!.flight.to)).toEqual([15, 1.4]);
    expect(well!.opening.map(round)).toEqual([[14.3, 8.8], [14.3, 1.4], [15.99, 1.4], [15.99, 8.8]]);
  });

  it('is guarded on the upper floor along its open side and across the foot’s end, not across the head (the way on) nor along the wall', () => {
    expect(well!.guarded.map((e) => e.map(round))).toEqual([
      [[15.99, 8.8], [14.3, 8.8]],
      [[14.3, 8.8], [14.3, 1.4]],
    ]);
    expect(well!.railed.map((e) => e.map(round))).toEqual([[[14.4, 8.8], [14.4, 1.4]]]);
  });

  it('leaves every work’s viewing place on the mezzanine on its floor, none in the opening', () => {
    const upstairs = ex.artworks.map((a) => workPlace(ex, a)).filter((p) => p?.level === 'mezzanine');
    expect(upstairs).toHaveLength(3);
    for (const p of upstairs) expect(pointInPolygon(p!.position, well!.opening), p!.id).toBe(false);
  });
});

describe('stairwells of other plans', () => {
  const base = (ends: [Vec2, Vec2]): Pick<FloorPlan, 'rooms' | 'levels' | 'verticalLinks' | 'wallHeight'> => ({
    wallHeight: 4,
    levels: [
      { id: 'g', name: { en: 'Ground' }, elevation: 0 },
      { id: 'u', name: { en: 'Upper' }, elevation: 5 },
    ],
    rooms: [
      { id: 'low', name: { en: 'Low' }, polygon: [[0, 0], [12, 0], [12, 12], [0, 12]], level: 'g' },
      { id: 'up', name: { en: 'Up' }, polygon: [[0, 0], [12, 0], [12, 12], [0, 12]], level: 'u' },
    ],
    verticalLinks: [{ id: 's', kind: 'stairs', ends: [{ level: 'g', room: 'low', position: ends[0] }, { level: 'u', room: 'up', position: ends[1] }] }],
  });

  it('in the middle of a room: open on both sides, railed on both, guarded on three edges', () => {
    const [w] = stairwells(base([[6, 2], [6, 10]]));
    expect(w!.opening.map(round)).toEqual([[6.7, 2.6], [6.7, 9.4], [5.3, 9.4], [5.3, 2.6]]);
    expect(w!.railed).toHaveLength(2);
    expect(w!.guarded).toHaveLength(3);
  });

  it('none for a lift, nor for stairs whose ends are one above the other', () => {
    expect(stairwells(base([[6, 6], [6, 6.5]]))).toEqual([]);
    const lift = base([[6, 2], [6, 10]]);
    lift.verticalLinks![0]!.kind = 'lift';
    expect(stairwells(lift)).toEqual([]);
  });

  it('keeps a ceiling high above the head (a double-height room below) and only cuts rooms the opening lies wholly in', () => {
    const tall = base([[6, 2], [6, 10]]);
    tall.rooms[0]!.height = 9;
    expect(stairwells(tall)[0]!.ceilingsCut).toEqual([]);
    const small = base([[6, 2], [6, 10]]);
    small.rooms[1]!.polygon = [[0, 0], [12, 0], [12, 5], [0, 5]];
    expect(stairwells(small)[0]!.floorsCut).toEqual([]);
  });
});

describe('rooms seen through a stairwell', () => {
  it('joins the stair hall and the mezzanine (culling draws the one above or below), leaving the doorways’ graph as it was', () => {
    const doors = roomGraph(plan);
    const seen = seenThroughStairwells(doors, plan);
    expect(seen.get('stair-hall')).toEqual([...doors.get('stair-hall')!, 'mezzanine']);
    expect(seen.get('mezzanine')).toEqual(['stair-hall']);
    expect(seen.get('gallery')).toEqual(doors.get('gallery'));
    expect(doors.get('mezzanine')).toEqual([]);
  });
});
