import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exhibitionToDoc } from '../twin/collab-doc';
import { moveOnFloor, moveToWall } from '../twin/curate-actions';
import { cameraMark, colleagueColour, planBox, workPoints } from './floor-plan';

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

  it('fits the walls and every work, so a work moved far off the rooms stays on the plan to be picked', () => {
    const doc = exhibitionToDoc(ex);
    const rooms = planBox(ex.space, []);
    expect(planBox(ex.space, workPoints(doc).values())).toEqual(rooms); // the works hang inside the rooms
    moveOnFloor(doc, 'ivy-amphora', [140, -60]);
    const box = planBox(ex.space, workPoints(doc).values());
    const [x, z] = workPoints(doc).get('ivy-amphora')!;
    expect([x, z]).toEqual([140, -60]);
    expect(x).toBeLessThanOrEqual(box.x0 + box.width - 0.5);
    expect(z).toBeGreaterThanOrEqual(box.z0 + 0.5);
    expect(box.x0).toBe(rooms.x0); // the walls are still all in view
    expect(box.z0 + box.height).toBe(rooms.z0 + rooms.height);
  });

  it('draws a colleague’s camera where it stands, or at the plan’s edge toward it when it stands outside', () => {
    const box = { x0: 0, z0: 0, width: 20, height: 10 };
    expect(cameraMark(box, { at: [4, 6, 3], look: [8, 1, 3] })).toEqual({ eye: [4, 3], look: [8, 3], outside: false });
    // 30 m east of what it looks at: drawn on the east edge (inset 2 % of the short side), on the same line.
    const far = cameraMark(box, { at: [40, 20, 5], look: [10, 0, 5] });
    expect(far.outside).toBe(true);
    expect(far.eye[0]).toBeCloseTo(19.8);
    expect(far.eye[1]).toBeCloseTo(5);
    // Off a corner: on the edge it meets first, pointing along the line to the look point.
    const corner = cameraMark(box, { at: [-10, 20, -10], look: [5, 1, 5] });
    expect(corner.eye[0]).toBeCloseTo(0.2);
    expect(corner.eye[1]).toBeCloseTo(0.2);
  });
});
