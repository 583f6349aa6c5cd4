import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exhibitionToDoc } from '../twin/collab-doc';
import { moveToWall } from '../twin/curate-actions';
import { colleagueColour, workPoints } from './floor-plan';

const ex = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../assets/default/exhibition.json'), 'utf8'));

describe('the floor plan', () => {
  it('puts each work where it hangs or stands, and follows a move onto another wall', () => {
    const doc = exhibitionToDoc(ex);
    const points = workPoints(doc);
    expect(points.size).toBe(ex.artworks.length);
    // Harbour Lights: hall wall 2 runs from (10, 8) to (0, 8); 5 m along it, on the wall's face.
    const [x, z] = points.get('harbour-lights')!;
    expect(x).toBeCloseTo(5, 1);
    expect(z).toBeGreaterThan(7.8);
    expect(points.get('ivy-amphora')).toEqual([7.5, 6.3]);
    moveToWall(doc, 'harbour-lights', 'cabinet', 3, 4);
    const [x2, z2] = workPoints(doc).get('harbour-lights')!;
    expect(x2).toBeLessThan(-6.8);
    expect(z2).toBeCloseTo(3, 1);
  });

  it('leaves out a work on a wall that does not exist (the problems list names it)', () => {
    const doc = exhibitionToDoc(ex);
    moveToWall(doc, 'harbour-lights', 'no-such-room', 0, 1);
    expect(workPoints(doc).has('harbour-lights')).toBe(false);
  });

  it('gives each colleague one colour on every screen', () => {
    expect(colleagueColour('ana')).toBe(colleagueColour('ana'));
    expect(colleagueColour('ana')).not.toBe(colleagueColour('ben'));
  });
});
