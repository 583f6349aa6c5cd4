import { describe, expect, it } from 'vitest';
import { validateExhibition, formatProblem } from '../../twin/validate';
import { artworkPose } from '../../twin/layout';
import type { Exhibition } from '../../twin/schema';
import { display, layoutExhibition, MAX_WORKS_PER_ROOM } from './layout';
import { HANGING_LINE } from './hang';
import type { ImportedWork } from './imported-work';

function painting(n: number, room?: string, size = { height: 0.7 + (n % 3) * 0.2, width: 0.5 + (n % 4) * 0.25 }): ImportedWork {
  return { sourceId: `P ${n}`, kind: 'painting', title: { en: `Painting ${n}` }, dimensions: size, mediaFile: `/src/p${n}.JPG`, rights: 'Public domain', ...(room ? { room } : {}) };
}
function object(n: number, room?: string, size = { height: 0.4, width: 0.3, depth: 0.3 }): ImportedWork {
  return { sourceId: `O ${n}`, kind: 'object', title: { en: `Object ${n}` }, dimensions: size, mediaFile: `/src/o${n}.glb`, rights: 'CC BY 4.0', ...(room ? { room } : {}) };
}

function valid(works: ImportedWork[], opts = {}): { ex: Exhibition; problems: string[] } {
  const layout = layoutExhibition(works, opts);
  const result = validateExhibition(JSON.parse(JSON.stringify(layout.exhibition)));
  const errors = result.problems.filter((p) => p.severity === 'error').map(formatProblem);
  expect(errors).toEqual([]);
  if (!result.ok) throw new Error('invalid');
  const warnings = result.problems.map(formatProblem);
  return { ex: result.exhibition, problems: [...warnings, ...layout.problems.map((p) => `${p.where}: ${p.message}`)] };
}

describe('layoutExhibition', () => {
  it('makes a valid exhibition with the works in rooms named by the source, an entrance and a tour through everything', () => {
    const works = [painting(1, 'Landscapes'), painting(2, 'Landscapes'), object(3, 'Landscapes'), painting(4, 'Portraits'), object(5, 'Portraits'), object(6, 'Portraits')];
    const { ex, problems } = valid(works, { title: { en: 'Our collection' } });
    expect(problems.filter((p) => !p.includes('no "it" text'))).toEqual([]);
    expect(ex.space.rooms.map((r) => r.name.en)).toEqual(['Landscapes', 'Portraits']);
    expect(ex.artworks).toHaveLength(6);
    expect(ex.tours[0]!.stops).toHaveLength(6);
    expect(ex.space.kind === 'floorplan' && ex.space.doorways.map((d) => d.rooms.length)).toEqual([1, 2]);
    // The visitor starts inside the first room, facing into it.
    expect(ex.entrance.position[2]).toBeGreaterThan(0);
  });

  it('hangs paintings at real size with their centres on the hanging line, evenly spaced on a wall', () => {
    const works = Array.from({ length: 8 }, (_, i) => painting(i, 'One', { height: 0.8, width: 0.6 }));
    const { ex } = valid(works);
    const hung = ex.artworks.map((a) => a.placement).filter((p) => p.kind === 'wall');
    expect(hung.every((p) => p.height === HANGING_LINE)).toBe(true);
    expect(ex.artworks[0]!.dimensions).toEqual({ height: 0.8, width: 0.6 });
    const byWall = new Map<number, number[]>();
    for (const p of hung) byWall.set(p.wall, [...(byWall.get(p.wall) ?? []), p.offset]);
    for (const offsets of byWall.values()) {
      const gaps = offsets.slice(1).map((o, i) => o - offsets[i]!);
      for (const g of gaps) expect(g).toBeCloseTo(gaps[0]!, 2);
    }
  });

  it('raises a painting too tall for the hanging line and gives its room a ceiling above it', () => {
    const { ex } = valid([painting(1, 'Big', { height: 5.2, width: 3 })]);
    const p = ex.artworks[0]!.placement;
    expect(p.kind === 'wall' && p.height - 2.6).toBeGreaterThanOrEqual(0.3);
    expect(ex.space.kind === 'floorplan' && ex.space.rooms[0]!.height).toBeGreaterThan(5.2 + 0.3);
  });

  it('sizes rooms to their works: more works, a larger room', () => {
    const small = valid([painting(1, 'A'), painting(2, 'A')]).ex.space.rooms[0]!.polygon;
    const large = valid(Array.from({ length: 20 }, (_, i) => painting(i, 'A', { height: 1.2, width: 1.4 }))).ex.space.rooms[0]!.polygon;
    const area = (p: number[][]): number => (p[1]![0]! - p[0]![0]!) * (p[2]![1]! - p[1]![1]!);
    expect(area(large)).toBeGreaterThan(area(small) * 2);
  });

  it('stands small objects in cases and larger ones on plinths, inside their room, facing its middle', () => {
    expect(display({ height: 0.3, width: 0.2 }).display).toBe('case');
    expect(display({ height: 0.9, width: 0.7 })).toEqual({ display: 'plinth', plinthHeight: 0.8 });
    expect(display({ height: 3, width: 1 }).display).toBe('none');
    const { ex } = valid([object(1, 'R'), object(2, 'R', { height: 1.1, width: 0.8, depth: 0.8 }), object(3, 'R')]);
    for (const a of ex.artworks) {
      const pose = artworkPose(ex, a);
      expect(pose.room).toBe(ex.space.rooms[0]!.id);
    }
  });

  it('splits a room too large for one and joins many rooms in rows that all connect', () => {
    const works = Array.from({ length: MAX_WORKS_PER_ROOM * 2 + 3 }, (_, i) => painting(i, 'Prints'));
    works.push(...Array.from({ length: 60 }, (_, i) => (i % 4 === 0 ? object(100 + i) : painting(100 + i))));
    const { ex, problems } = valid(works);
    expect(ex.space.rooms.slice(0, 3).map((r) => r.name.en)).toEqual(['Prints (1)', 'Prints (2)', 'Prints (3)']);
    expect(ex.space.rooms.length).toBeGreaterThan(5);
    expect(problems.filter((p) => /cannot be reached|overlaps/.test(p))).toEqual([]);
  });

  it('reports what it leaves out or fills in, and keeps the rest', () => {
    const noFile: ImportedWork = { ...painting(1), mediaFile: undefined };
    const noSize: ImportedWork = { ...painting(2), dimensions: undefined, rights: undefined };
    const huge: ImportedWork = { ...painting(3), dimensions: { height: 90, width: 2 } };
    const layout = layoutExhibition([noFile, noSize, huge, painting(4)]);
    expect(layout.exhibition.artworks.map((a) => a.id)).toEqual(['p-2', 'p-4']);
    const messages = layout.problems.map((p) => `${p.where}: ${p.message}`);
    expect(messages).toContain("work 'P 1': no image file, so the work cannot be shown; left out");
    expect(messages.some((m) => m.startsWith("work 'P 2': no dimensions"))).toBe(true);
    expect(messages.some((m) => m.startsWith("work 'P 2': no rights"))).toBe(true);
    expect(messages.some((m) => m.startsWith("work 'P 3': a size of 90 m"))).toBe(true);
    expect(layout.media.map((m) => m.file)).toEqual(['paintings/p-2.jpg', 'paintings/p-4.jpg']);
  });

  it('keeps every language of the texts, the default first, filling the default from another language', () => {
    const w: ImportedWork = { ...painting(1), title: { it: 'Paesaggio', en: 'Landscape' }, description: { it: 'Un <b>fiume</b>.' } };
    const { ex } = valid([w, { ...painting(2), title: { it: 'Ritratto' } }]);
    expect(ex.languages).toEqual(['it', 'en']);
    expect(ex.artworks[0]!.title).toEqual({ it: 'Paesaggio', en: 'Landscape' });
    expect(ex.artworks[0]!.backstory.it).toBe('Un fiume.');
  });
});
