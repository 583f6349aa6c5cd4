import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareExhibitions, restoreTarget } from './exhibition-diff';

type Work = { id: string; placement: { offset: number }; label: Record<string, string>; conservation?: unknown; sensitivity?: unknown; environment?: unknown };
type Ex = { id: string; title: Record<string, string>; artworks: Work[] };
const base = JSON.parse(readFileSync('assets/default/exhibition.json', 'utf8')) as Ex;
const copy = (): Ex => structuredClone(base);
const [first, second] = [base.artworks[0]!.id, base.artworks[1]!.id];
const work = (ex: Ex, id: string) => ex.artworks.find((w) => w.id === id)!;

describe('compareExhibitions', () => {
  it('names a moved work, a changed text by language, and nothing else', () => {
    const after = copy();
    work(after, first).placement.offset += 0.5;
    work(after, second).label.it = 'Nuova didascalia';
    const d = compareExhibitions(base, after);
    expect(d).toEqual([
      { kind: 'moved', path: `artworks.${first}.placement.offset`, artwork: first, before: work(base, first).placement.offset, after: work(base, first).placement.offset + 0.5 },
      { kind: 'text', path: `artworks.${second}.label.it`, artwork: second, language: 'it', before: work(base, second).label.it, after: 'Nuova didascalia' },
    ]);
  });

  it('says which work was added, which removed, and that the order changed', () => {
    const after = copy();
    const [a, b] = after.artworks;
    after.artworks = [b!, { ...structuredClone(a!), id: 'new-work' }, ...after.artworks.slice(2)];
    const kinds = compareExhibitions(base, after).map((d) => `${d.kind} ${d.path}`);
    expect(kinds).toContain(`removed artworks.${first}`);
    expect(kinds).toContain('added artworks.new-work');
    expect(compareExhibitions(base, copy())).toEqual([]);
  });
});

describe('restoreTarget', () => {
  it('takes the earlier layout and texts but keeps today’s condition reports, needs and protocols', () => {
    const earlier = copy();
    const now = copy();
    work(now, first).placement.offset += 1;
    work(now, first).label.en = 'Rewritten';
    work(now, first).conservation = { reports: [{ id: 'cr-2026', date: '2026-12-01', condition: 'fair' }] };
    work(now, second).sensitivity = { level: 'restricted', changedBy: 'community' };
    work(now, second).environment = { lux: { max: 50 } };
    const target = restoreTarget(now, earlier) as unknown as Ex;
    expect(work(target, first).placement.offset).toBe(work(earlier, first).placement.offset);
    expect(work(target, first).label.en).toBe(work(earlier, first).label.en);
    expect(work(target, first).conservation).toEqual(work(now, first).conservation);
    expect(work(target, second).sensitivity).toEqual({ level: 'restricted', changedBy: 'community' });
    expect(work(target, second).environment).toEqual({ lux: { max: 50 } });
  });

  it('removes a work added since, unless it has a condition report now', () => {
    const earlier = copy();
    const now = copy();
    now.artworks.push({ ...structuredClone(now.artworks[0]!), id: 'added-plain', conservation: undefined });
    delete now.artworks.at(-1)!.conservation;
    now.artworks.push({ ...structuredClone(now.artworks[0]!), id: 'added-examined', conservation: { reports: [] } });
    const ids = (restoreTarget(now, earlier) as unknown as Ex).artworks.map((w) => w.id);
    expect(ids).not.toContain('added-plain');
    expect(ids).toContain('added-examined');
    expect(ids.length).toBe(earlier.artworks.length + 1);
  });
});
