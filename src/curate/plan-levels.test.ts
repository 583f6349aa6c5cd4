import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exhibitionToDoc } from '../twin/collab-doc';
import { moveOnFloor, moveToWall } from '../twin/curate-actions';
import { placedWorks } from './floor-plan';
import { levelElevation, levelOfRoom, roomsOnLevel, shownOnLevel, switchableLevels } from './plan-levels';

const ex = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../assets/default/exhibition.json'), 'utf8'));

describe('levels in the curating view', () => {
  it('switches between the default’s ground floor and mezzanine, lowest first; a building of one floor has nothing to switch', () => {
    expect(switchableLevels(ex.space).map((l) => l.id)).toEqual(['ground', 'mezzanine']);
    expect(switchableLevels({ rooms: ex.space.rooms.filter((r: { level?: string }) => !r.level) })).toEqual([]);
    expect(switchableLevels(undefined)).toEqual([]);
  });

  it('shows one level’s rooms at a time: the stair hall and the mezzanine (one outline) never together', () => {
    const ids = (level: string | undefined) => roomsOnLevel(ex.space, level).map((r: { id: string }) => r.id);
    expect(ids('ground')).toEqual(['hall', 'gallery', 'sculpture', 'cabinet', 'stair-hall']);
    expect(ids('mezzanine')).toEqual(['mezzanine']);
    expect(ids(undefined)).toHaveLength(6);
    expect(levelElevation(ex.space, 'mezzanine')).toBe(4.4);
    expect(levelElevation(ex.space, 'ground')).toBe(0);
  });

  it('shows each work on its room’s level, follows a move upstairs, and keeps a work moved off every room on every level', () => {
    const doc = exhibitionToDoc(ex);
    const on = (level: string) => [...placedWorks(doc)].filter(([, w]) => shownOnLevel(ex.space, w.room, level)).map(([id]) => id);
    expect(on('mezzanine').sort()).toEqual(['lemons-and-a-blue-jug-study', 'poplars-for-her-sister', 'study-for-red-rhythm']);
    expect(on('ground')).toHaveLength(ex.artworks.length - 3);
    expect(on('ground')).toContain('harbour-lights');
    // Hung on the mezzanine's west wall: shown there, gone from the ground floor; its level is the one a pick goes to.
    moveToWall(doc, 'harbour-lights', 'mezzanine', 3, 6);
    expect(on('mezzanine')).toContain('harbour-lights');
    expect(on('ground')).not.toContain('harbour-lights');
    expect(levelOfRoom(ex.space, placedWorks(doc).get('harbour-lights')?.room)).toBe('mezzanine');
    // An object moved far off the building: on both plans, to be picked and moved back.
    moveOnFloor(doc, 'ivy-amphora', [140, -60]);
    expect(placedWorks(doc).get('ivy-amphora')?.room).toBeUndefined();
    expect(on('ground')).toContain('ivy-amphora');
    expect(on('mezzanine')).toContain('ivy-amphora');
  });
});
