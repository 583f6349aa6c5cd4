import { describe, expect, it } from 'vitest';
import { parseDimensions, unitInHeading, type ParsedSize } from './dimensions';

function size(text: string, unit?: Parameters<typeof parseDimensions>[1]): ParsedSize {
  const r = parseDimensions(text, unit);
  if (!r.ok) throw new Error(r.message);
  // Millimetre precision is what a catalogue gives.
  return Object.fromEntries(Object.entries(r.size).map(([k, v]) => [k, Math.round(v * 10000) / 10000]));
}
const message = (text: string): string => {
  const r = parseDimensions(text);
  return r.ok ? 'ok' : r.message;
};

describe('parseDimensions', () => {
  it('reads height × width in centimetres, with ×, x, X, by or *', () => {
    expect(size('73.7 × 92.1 cm')).toEqual({ height: 0.737, width: 0.921 });
    expect(size('73.7 x 92.1 cm')).toEqual({ height: 0.737, width: 0.921 });
    expect(size('73.7X92.1cm')).toEqual({ height: 0.737, width: 0.921 });
    expect(size('73.7 by 92.1 cm')).toEqual({ height: 0.737, width: 0.921 });
    expect(size('45 * 30 * 12 cm')).toEqual({ height: 0.45, width: 0.3, depth: 0.12 });
  });

  it('reads inches with fractions, the unit applying to every number before it', () => {
    expect(size('29 x 36 1/4 in.')).toEqual({ height: 0.7366, width: 0.9208 });
    expect(size('29 x 36¼ in')).toEqual({ height: 0.7366, width: 0.9208 });
    expect(size('10" x 8"')).toEqual({ height: 0.254, width: 0.2032 });
    expect(size("6' x 4'")).toEqual({ height: 1.8288, width: 1.2192 });
  });

  it('prefers the metric size where both are given, as museums print them', () => {
    expect(size('29 x 36 1/4 in. (73.7 x 92.1 cm)')).toEqual({ height: 0.737, width: 0.921 });
    expect(size('73.7 x 92.1 cm (29 x 36 1/4 in.)')).toEqual({ height: 0.737, width: 0.921 });
  });

  it('reads labelled parts before or after the number, in several languages', () => {
    expect(size('H. 45 cm')).toEqual({ height: 0.45 });
    expect(size('H 45 x W 30 x D 20 cm')).toEqual({ height: 0.45, width: 0.3, depth: 0.2 });
    expect(size('45 cm (h) x 30 cm (w)')).toEqual({ height: 0.45, width: 0.3 });
    expect(size('Height: 45 cm, Width: 30 cm, Depth: 20 cm')).toEqual({ height: 0.45, width: 0.3, depth: 0.2 });
    expect(size('Altezza 120 cm; larghezza 80 cm')).toEqual({ height: 1.2, width: 0.8 });
    expect(size('Höhe 120 cm')).toEqual({ height: 1.2 });
  });

  it('takes a diameter as width and depth', () => {
    expect(size('Diam. 30 cm')).toEqual({ width: 0.3, depth: 0.3 });
    expect(size('H. 12 cm, diam. 30 cm')).toEqual({ height: 0.12, width: 0.3, depth: 0.3 });
    expect(size('Ø 8 cm')).toEqual({ width: 0.08, depth: 0.08 });
  });

  it('reads decimal commas and thousands separators', () => {
    expect(size('73,7 x 92,1 cm')).toEqual({ height: 0.737, width: 0.921 });
    expect(size('1,250 x 900 mm')).toEqual({ height: 1.25, width: 0.9 });
    expect(size('2.1 x 3 m')).toEqual({ height: 2.1, width: 3 });
  });

  it("takes the work's own size before its frame or base", () => {
    expect(size('frame: 62 x 52 cm; image: 50 x 40 cm')).toEqual({ height: 0.5, width: 0.4 });
    expect(size('frame: 62 x 52 cm')).toEqual({ height: 0.62, width: 0.52 });
  });

  it('uses a unit from the column heading for bare numbers', () => {
    expect(size('73.7 x 92.1', 'cm')).toEqual({ height: 0.737, width: 0.921 });
    expect(unitInHeading('Dimensions (cm)')).toBe('cm');
    expect(unitInHeading('Height [in.]')).toBe('in');
    expect(unitInHeading('Dimensions')).toBeUndefined();
  });

  it('says why a value is not a size', () => {
    expect(message('??')).toBe("'??' is not a size");
    expect(message('unknown')).toBe("'unknown' is not a size");
    expect(message('73.7 x 92.1')).toBe("'73.7 x 92.1' gives no unit (mm, cm, m, in or ft)");
    expect(message('1 x 2 x 3 x 4 cm')).toContain('has 4 numbers');
    expect(message('7370 x 9210 cm')).toContain('larger than any work (is the unit right?)');
    expect(message('0 x 10 cm')).toContain('gives a height of 0');
    expect(message('   ')).toBe('empty');
  });
});
