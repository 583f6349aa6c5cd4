import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Exhibition } from '../twin/schema';
import { validateExhibition } from '../twin/validate';
import { planExhibition } from './generated-exhibition';

const template = Exhibition.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../assets/default/exhibition.json'), 'utf8')));

describe('generated exhibitions', () => {
  it.each([1, 7, 50, 200, 1000])('%i works: valid, with no warnings, in rooms joined by doorways', (n) => {
    const plan = planExhibition(template, { works: n });
    const result = validateExhibition(plan.exhibition);
    expect(result.ok).toBe(true);
    expect(result.ok && result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([]);
    const ex = result.ok ? result.exhibition : undefined;
    expect(ex!.artworks).toHaveLength(n);
    expect(new Set(ex!.artworks.map((a) => a.id)).size).toBe(n);
    const space = ex!.space;
    if (space.kind !== 'floorplan') throw new Error('floor plan expected');
    expect(space.rooms).toHaveLength(plan.rooms);
    // An enfilade: one doorway fewer than rooms, every room reachable (the validator warns otherwise).
    expect(space.doorways).toHaveLength(plan.rooms - 1);
  });

  it('mixes paintings and objects, each work with its own media file', () => {
    const plan = planExhibition(template, { works: 200 });
    const kinds = plan.exhibition.artworks.map((a) => a.kind);
    const objects = kinds.filter((k) => k === 'object').length;
    expect(objects / kinds.length).toBeGreaterThan(0.15);
    expect(objects / kinds.length).toBeLessThan(0.4);
    const outs = plan.media.map((m) => m.out);
    expect(new Set(outs).size).toBe(outs.length);
    // Heavy: big paintings and every object's textures at the full side.
    expect(plan.media.some((m) => m.kind === 'image' && m.longSide === 2048)).toBe(true);
    expect(plan.media.filter((m) => m.kind === 'model').every((m) => m.kind === 'model' && m.textureSide === 2048)).toBe(true);
  });

  it('is deterministic by seed', () => {
    const a = JSON.stringify(planExhibition(template, { works: 60 }));
    expect(JSON.stringify(planExhibition(template, { works: 60 }))).toBe(a);
    expect(JSON.stringify(planExhibition(template, { works: 60, seed: 'other' }))).not.toBe(a);
  });

  it('refuses a number of works it cannot make', () => {
    expect(() => planExhibition(template, { works: 0 })).toThrow(/whole number from 1 to 5000/);
    expect(() => planExhibition(template, { works: 2.5 })).toThrow(/whole number/);
  });
});
