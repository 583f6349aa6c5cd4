import { describe, expect, it } from 'vitest';
import {
  aatKey,
  conservationTimeline,
  dominantState,
  isoDateStart,
  latestReport,
  resolveCondition,
  stateWeights,
  worksDueForExamination,
  type ReportLike,
} from './conservation';
import { minimalExhibition } from './fixtures';
import { listMedia, validateExhibition } from './validate';

const t = (en: string) => ({ en });
const report = (id: string, date: string, condition: ReportLike['condition'] = 'good'): ReportLike => ({ id, date, examiner: 'X', condition, notes: t(id), areas: [] });

describe('condition vocabulary', () => {
  it('takes the grades, their synonyms and labels in any case and spacing', () => {
    expect(resolveCondition('good')).toBe('good');
    expect(resolveCondition(' Very  Good ')).toBe('excellent');
    expect(resolveCondition('Instabile')).toBe('unstable');
    expect(resolveCondition('bad')).toBe('poor');
    expect(resolveCondition('splendid')).toBeUndefined();
  });

  it("maps a museum's own terms and AAT ids in any of their forms", () => {
    const mapped = { 'aat:300123456': 'poor', 'Needs attention': 'fair' };
    expect(resolveCondition('http://vocab.getty.edu/aat/300123456', mapped)).toBe('poor');
    expect(resolveCondition('https://vocab.getty.edu/page/aat/300123456', mapped)).toBe('poor');
    expect(resolveCondition('AAT:300123456', mapped)).toBe('poor');
    expect(resolveCondition('needs attention', mapped)).toBe('fair');
    expect(resolveCondition('aat:300999999', mapped)).toBeUndefined();
    expect(aatKey('https://example.org/aat/300123456')).toBeUndefined();
  });

  it('resolves terms when an exhibition is read, and names the one it cannot map', () => {
    const ex = minimalExhibition() as any;
    ex.conditionTerms = { 'http://vocab.getty.edu/aat/300111111': 'fair' };
    ex.artworks[0].conservation.reports[0].condition = 'aat:300111111';
    ex.artworks[0].conservation.reports[0].areas[0].condition = 'Poor';
    const ok = validateExhibition(ex);
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    const r = ok.exhibition.artworks[0]!.conservation!.reports[0]!;
    expect(r.condition).toBe('fair');
    expect(r.areas[0]!.condition).toBe('poor');

    ex.artworks[0].conservation.reports[0].areas[0].condition = 'craquelure';
    const bad = validateExhibition(ex);
    expect(bad.ok).toBe(false);
    expect(bad.problems).toContainEqual(
      expect.objectContaining({ path: 'artworks[0].conservation.reports[0].areas[0].condition', message: expect.stringContaining("'craquelure' is not a condition term") }),
    );
  });

  it('rejects a mapping onto something that is not a grade', () => {
    const ex = minimalExhibition() as any;
    ex.conditionTerms = { 'aat:300111111': 'so-so' };
    const r = validateExhibition(ex);
    expect(r.ok).toBe(false);
    expect(r.problems.some((p) => p.path.startsWith('conditionTerms'))).toBe(true);
  });
});

describe('conservation timeline', () => {
  it('puts reports and treatments in date order across precisions, a report before a same-day treatment', () => {
    const entries = conservationTimeline({
      reports: [report('r2016', '2016-09-28', 'fair'), report('r1987', '1987-06-04', 'poor'), report('r2017', '2017-05')],
      treatments: [
        { id: 't2017', date: '2017-05', conservator: 'P', description: t('clean') },
        { id: 't1988', date: '1988', conservator: 'L', description: t('consolidate') },
      ],
    });
    expect(entries.map((e) => e.id)).toEqual(['r1987', 't1988', 'r2016', 'r2017', 't2017']);
    expect(entries[1]).toMatchObject({ kind: 'treatment', who: 'L' });
    expect(conservationTimeline(undefined)).toEqual([]);
  });

  it('finds the latest report (the later one in the file on a tie)', () => {
    expect(latestReport({ reports: [report('a', '2020'), report('b', '2021-01'), report('c', '2021-01')] })?.id).toBe('c');
    expect(latestReport({ reports: [] })).toBeUndefined();
  });
});

describe('works due for examination', () => {
  const now = new Date(Date.UTC(2026, 10, 22));
  const works = [
    { id: 'recent', conservation: { reports: [report('r', '2025-06-01')] } },
    { id: 'old', conservation: { reports: [report('r', '2016-09-28', 'fair'), report('r2', '2019-01-01')] } },
    { id: 'older', conservation: { reports: [report('r', '2009-03-02', 'poor')] } },
    { id: 'never' },
  ];

  it('lists never-examined works first, then the most overdue', () => {
    const due = worksDueForExamination(works, now, 2);
    expect(due.map((d) => d.id)).toEqual(['never', 'older', 'old']);
    expect(due[1]).toMatchObject({ lastReport: '2009-03-02', condition: 'poor' });
    expect(due[2]!.years).toBeCloseTo(7.89, 1);
  });

  it('follows the chosen age', () => {
    expect(worksDueForExamination(works, now, 10).map((d) => d.id)).toEqual(['never', 'older']);
    expect(worksDueForExamination(works, now, 0.5).map((d) => d.id)).toEqual(['never', 'older', 'old', 'recent']);
  });

  it('takes a partial date as its first possible day', () => {
    expect(isoDateStart('2019').toISOString()).toBe('2019-01-01T00:00:00.000Z');
    expect(isoDateStart('2019-07').toISOString()).toBe('2019-07-01T00:00:00.000Z');
  });
});

describe('time-lapse blending', () => {
  it('blends the two neighbouring states and hides the rest', () => {
    expect(stateWeights(0, 3)).toEqual([1, 0, 0]);
    expect(stateWeights(0.25, 3)).toEqual([0.75, 0.25, 0]);
    expect(stateWeights(1.5, 3)).toEqual([0, 0.5, 0.5]);
    expect(stateWeights(2, 3)).toEqual([0, 0, 1]);
    expect(stateWeights(9, 3)).toEqual([0, 0, 1]);
    expect(stateWeights(-1, 3)).toEqual([1, 0, 0]);
    expect(stateWeights(Number.NaN, 2)).toEqual([1, 0]);
    expect(dominantState(1.6, 3)).toBe(2);
  });
});

describe('time-lapse in the format', () => {
  const withStates = (states: unknown[]) => {
    const ex = minimalExhibition() as any;
    ex.artworks[0].timeLapse = { states };
    return ex;
  };

  it('lists state media for checking and saving offline', () => {
    const ex = withStates([
      { id: 'before', date: '2016', title: t('Before'), image: 'paintings/before.jpg' },
      { id: 'now', date: '2021', title: t('Now') },
    ]);
    const r = validateExhibition(ex);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(listMedia(r.exhibition)).toContainEqual({ path: ['artworks', 0, 'timeLapse', 'states', 0, 'image'], file: 'paintings/before.jpg', role: 'painting-image', artwork: 0 });
  });

  it('needs two states, and media of the work’s kind', () => {
    expect(validateExhibition(withStates([{ id: 'a', title: t('A') }])).problems[0]).toMatchObject({ path: 'artworks[0].timeLapse.states', message: expect.stringContaining('at least two states') });
    const r = validateExhibition(withStates([{ id: 'a', title: t('A'), model: 'objects/a.glb' }, { id: 'b', title: t('B') }]));
    expect(r.problems).toContainEqual(expect.objectContaining({ path: 'artworks[0].timeLapse.states[0].model', severity: 'error' }));
  });
});
