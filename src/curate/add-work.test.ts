import { describe, expect, it } from 'vitest';
import { readCsv } from '../pipeline/import/spreadsheet';
import { plainFileName, workSheet } from './add-work';

describe('a work added by hand', () => {
  it('becomes a one-row spreadsheet the importer reads back, commas and quotes kept', () => {
    const sheet = workSheet({ title: 'Boats, "at rest"', creator: ' Ada Lund ', size: '60 × 40 cm', file: 'boats.jpg', room: 'gallery' });
    expect(sheet).toBe('Title,Creator,Dimensions,File,Room\r\n"Boats, ""at rest""",Ada Lund,60 × 40 cm,boats.jpg,gallery\r\n');
    expect(readCsv(new TextEncoder().encode(sheet)).rows.map((r) => r.cells).filter((c) => c.some(Boolean))).toEqual([
      ['Title', 'Creator', 'Dimensions', 'File', 'Room'],
      ['Boats, "at rest"', 'Ada Lund', '60 × 40 cm', 'boats.jpg', 'gallery'],
    ]);
  });

  it('sends the image under a plain file name', () => {
    expect(plainFileName('Boats at rest (1).JPG')).toBe('Boats-at-rest-1-.JPG');
    expect(plainFileName('città.png')).toBe('citta-.png');
    expect(plainFileName('???')).toBe('image');
  });
});
