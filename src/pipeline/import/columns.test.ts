import { describe, expect, it } from 'vitest';
import { knownHeadings, mapColumns } from './columns';
import { parseRights, safeId, shortLabel, unknownText } from './work-texts';

const fields = (headings: string[]): string[] => mapColumns(headings).columns.map((c) => `${c.field}${c.language ? `:${c.language}` : ''}${c.unit ? `(${c.unit})` : ''}`);

describe('mapColumns', () => {
  it('understands the headings collection systems export, whatever their case, spacing and punctuation', () => {
    expect(fields(['Object Number', 'Title', 'Artist/Maker', 'Date Made', 'Medium', 'Dimensions', 'Credit Line', 'Rights', 'Description', 'File Name', 'Gallery'])).toEqual([
      'accession', 'title', 'creator', 'date', 'medium', 'dimensions', 'credit', 'rights', 'description', 'file', 'room',
    ]);
    expect(fields(['ACCESSION NO.', 'accession_number'])).toEqual(['accession']);
    expect(fields(['  Accession   No ', 'Inventory No.', 'N. inventario'])).toEqual(['accession']);
    expect(fields(['Materials & Techniques', 'Image filename', 'Artist Life Dates'])).toEqual(['medium', 'file', 'lifeDates']);
  });

  it('reads language columns and units in headings', () => {
    expect(fields(['Title', 'title_it', 'Title (FR)', 'description-de', 'Description en-gb'])).toEqual(['title', 'title:it', 'title:fr', 'description:de', 'description:en-GB']);
    expect(fields(['Height (cm)', 'Width [in.]', 'Depth'])).toEqual(['height(cm)', 'width(in)', 'depth']);
    // Not languages: an id, and fields that are not texts.
    expect(mapColumns(['Artist ID', 'File it']).unknown).toEqual(['Artist ID', 'File it']);
  });

  it('reports headings it does not use and a second column for one field', () => {
    const m = mapColumns(['Title', 'Colour notes', 'Object title', '']);
    expect(m.unknown).toEqual(['Colour notes']);
    expect(m.duplicate).toEqual(['Object title']);
  });

  it('counts known headings to find the heading row below a title row', () => {
    expect(knownHeadings(['Collection export, 1 December 2026'])).toBe(0);
    expect(knownHeadings(['Object Number', 'Title', 'Notes'])).toBe(2);
  });
});

describe('work texts', () => {
  it('reads rights as licences', () => {
    expect(parseRights('https://creativecommons.org/licenses/by-sa/4.0/')).toEqual({ licence: 'CC-BY-SA-4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' });
    expect(parseRights('https://creativecommons.org/publicdomain/zero/1.0/')).toMatchObject({ licence: 'CC0-1.0' });
    expect(parseRights('http://rightsstatements.org/vocab/NoC-US/1.0/')).toMatchObject({ licence: 'public-domain' });
    expect(parseRights('http://rightsstatements.org/vocab/InC/1.0/')).toMatchObject({ licence: 'all-rights-reserved' });
    expect(parseRights('Public Domain')).toEqual({ licence: 'public-domain' });
    expect(parseRights('CC BY-NC 4.0')).toEqual({ licence: 'CC-BY-NC-4.0' });
    expect(parseRights('© The Estate of the Artist')).toEqual({ licence: 'all-rights-reserved', holder: 'The Estate of the Artist' });
    expect(parseRights('')).toBeUndefined();
  });

  it('makes ids the format accepts, unique', () => {
    const taken = new Set<string>();
    expect(safeId('1901.1', 'w', taken)).toBe('1901-1');
    expect(safeId('1901/1', 'w', taken)).toBe('1901-1-2');
    expect(safeId('Città N°5', 'w', taken)).toBe('citta-n-5');
    expect(safeId('…', 'work-3', taken)).toBe('work-3');
  });

  it('gives a short label from a long description, and words for what a record does not say', () => {
    const long = `${'A sentence of some length about the work. '.repeat(10)}\n\nA second paragraph.`;
    const label = shortLabel({ en: long }, { en: 'Title' }).en!;
    expect(label.length).toBeLessThanOrEqual(300);
    expect(label.endsWith('.')).toBe(true);
    expect(unknownText('creator', ['it', 'en', 'ja'])).toEqual({ it: 'Autore sconosciuto', en: 'Unknown maker' });
    expect(unknownText('date', ['ja'])).toEqual({ ja: 'Undated' });
  });
});
