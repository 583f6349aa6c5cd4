import { describe, expect, it } from 'vitest';
import { minimalExhibition } from '../fixtures';
import { Exhibition, type Artwork, type ExhibitionInput } from '../schema';
import { validateExhibition } from '../validate';
import { lightCategoryByMaterial, needsOf } from './needs';

type ArtInput = ExhibitionInput['artworks'][number];

/** The fixture's first work with a different medium and needs, through the real schema. */
function work(medium: string, environment?: ArtInput['environment']): Artwork {
  const input = minimalExhibition();
  const art = { ...input.artworks[0]!, medium: { en: medium }, ...(environment ? { environment } : {}) } as ArtInput;
  input.artworks = [art];
  return Exhibition.parse(input).artworks[0]!;
}

describe('needs named after a standard', () => {
  it('CIE 157 categories give their illuminance and annual exposure limits', () => {
    expect(needsOf(work('Oil on canvas', { light: 'high' }))).toMatchObject({ illuminance: { max: 50 }, annualLuxHours: 15_000, uv: { max: 75 } });
    expect(needsOf(work('Oil on canvas', { light: 'medium' }))).toMatchObject({ illuminance: { max: 50 }, annualLuxHours: 150_000 });
    expect(needsOf(work('Watercolour', { light: 'low' }))).toMatchObject({ illuminance: { max: 200 }, annualLuxHours: 600_000 });
    const stone = needsOf(work('Oil on canvas', { light: 'insensitive' }));
    expect(stone.illuminance).toBeUndefined();
    expect(stone.annualLuxHours).toBeUndefined();
    expect(stone.uv).toBeUndefined();
    expect(stone.source).toContain('light: CIE 157:2004 category 1 (irresponsive)');
  });

  it('ASHRAE classes give a band about 50 % RH and 20 °C with their 24 h swing', () => {
    expect(needsOf(work('Oil on panel', { climate: 'AA' }))).toMatchObject({
      humidity: { min: 45, max: 55, maxFluctuation24h: 10 },
      temperature: { min: 13, max: 27, maxFluctuation24h: 4 },
    });
    expect(needsOf(work('x', { climate: 'A' })).humidity).toEqual({ min: 40, max: 60, maxFluctuation24h: 20 });
    expect(needsOf(work('x', { climate: 'B' }))).toMatchObject({ humidity: { min: 30, max: 70 }, temperature: { max: 30 } });
    const d = needsOf(work('x', { climate: 'D' }));
    expect(d.humidity).toEqual({ min: 0, max: 75 });
    expect(d.temperature).toBeUndefined();
    expect(d.source).toContain('climate: ASHRAE class D');
  });

  it('the Bizot guidance gives 40–60 % RH, 16–25 °C and 10 % RH in 24 h', () => {
    const n = needsOf(work('Oil on canvas', { climate: 'bizot' }));
    expect(n.humidity).toEqual({ min: 40, max: 60, maxFluctuation24h: 10 });
    expect(n.temperature).toEqual({ min: 16, max: 25 });
    expect(n.source).toContain('climate: Bizot interim guidance');
  });
});

describe('needs given in numbers', () => {
  it('are taken as written and say so', () => {
    const n = needsOf(
      work('Oil on canvas', {
        light: { maxLux: 80, annualLuxHours: 100_000 },
        uv: 10,
        climate: { rhMin: 45, rhMax: 55, tMin: 18, tMax: 22, maxRhFluctuation24h: 5, maxTFluctuation24h: 2 },
      }),
    );
    expect(n).toMatchObject({
      illuminance: { max: 80 },
      annualLuxHours: 100_000,
      uv: { max: 10 },
      humidity: { min: 45, max: 55, maxFluctuation24h: 5 },
      temperature: { min: 18, max: 22, maxFluctuation24h: 2 },
    });
    expect(n.source).toBe("light: the work's own figures; uv: the work's own figure; climate: the work's own figures");
  });

  it('refuses an inverted band with a clear message', () => {
    const input = minimalExhibition();
    (input.artworks[0] as ArtInput).environment = { climate: { rhMin: 60, rhMax: 40, tMin: 16, tMax: 25 } };
    const r = validateExhibition(input);
    expect(r.problems.some((p) => p.message.includes('rhMin < rhMax'))).toBe(true);
  });

  it('refuses an unknown class', () => {
    const input = minimalExhibition();
    (input.artworks[0] as { environment?: unknown }).environment = { climate: 'museum-grade' };
    expect(Exhibition.safeParse(input).success).toBe(false);
  });
});

describe('needs by material when absent', () => {
  it('oil on canvas: CIE category 2, 200 lx, 600,000 lx·h; Bizot climate', () => {
    const n = needsOf(work('Oil on canvas'));
    expect(n).toMatchObject({ illuminance: { max: 50 * 4 }, annualLuxHours: 600_000, uv: { max: 75 }, humidity: { min: 40, max: 60 } });
    expect(n.source).toMatch(/^light: CIE 157:2004 category 2 \(low responsivity\), by medium "Oil"/);
    expect(n.source).toContain('climate: Bizot interim guidance (default');
  });

  it('works on paper, watercolour, textiles: category 3, 50 lx, 150,000 lx·h', () => {
    for (const m of ['Pen and ink on paper', 'Watercolour', 'Wool tapestry', 'Gelatin silver photograph', 'Acquerello su carta'])
      expect(needsOf(work(m)), m).toMatchObject({ illuminance: { max: 50 }, annualLuxHours: 150_000 });
  });

  it('silk and colour photographs: category 4, 15,000 lx·h', () => {
    expect(needsOf(work('Ink and colour on silk')).annualLuxHours).toBe(15_000);
    expect(needsOf(work('Chromogenic colour photograph')).annualLuxHours).toBe(15_000);
  });

  it('the most responsive material wins in mixed media', () => {
    expect(lightCategoryByMaterial({ en: 'Oil on paper, laid down on panel' }).category).toBe('medium');
    expect(lightCategoryByMaterial({ en: 'Bronze with silk tassels' }).category).toBe('high');
  });

  it('metal, stone, glass, ceramic: no light limit; Italian media are read too', () => {
    for (const m of ['Bronze', 'Carrara marble', 'Blown glass', 'Glazed porcelain', 'Terracotta'])
      expect(lightCategoryByMaterial({ en: m }).category, m).toBe('insensitive');
    expect(lightCategoryByMaterial({ it: 'Olio su tela' }).category).toBe('low');
    expect(lightCategoryByMaterial({ en: 'Furniture, walnut wood' }).category).toBe('low'); // "fur" is not furniture
  });

  it('an unrecognised medium is treated as medium responsivity and says so', () => {
    const c = lightCategoryByMaterial({ en: 'Mixed media' });
    expect(c.category).toBe('medium');
    expect(needsOf(work('Mixed media')).source).toContain('medium not recognised');
  });

  it('a named climate keeps the light default by material, and the reverse', () => {
    const n = needsOf(work('Watercolour', { climate: 'A' }));
    expect(n.annualLuxHours).toBe(150_000);
    expect(n.humidity?.max).toBe(60);
  });
});
