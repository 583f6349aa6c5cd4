import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knownHeadings } from './columns';
import { decodeText, readCsv, readXlsx } from './spreadsheet';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sheet-test-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const utf16le = (s: string): Buffer => Buffer.from(s, 'utf16le');

describe('decodeText', () => {
  it('reads UTF-8 with or without a BOM, UTF-16 with a BOM or without, and Windows-1252 when not UTF-8', () => {
    expect(decodeText(Buffer.from('\ufeffTitolo,Città', 'utf8'))).toEqual({ text: 'Titolo,Città' });
    expect(decodeText(Buffer.from('Titolo,Città', 'utf8'))).toEqual({ text: 'Titolo,Città' });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le('Title,Città')])).text).toBe('Title,Città');
    const be = utf16le('Title,Città').swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be])).text).toBe('Title,Città');
    const noBom = decodeText(utf16le('Title,Artist\r\nRiver,Anna\r\n'));
    expect(noBom.text).toBe('Title,Artist\r\nRiver,Anna\r\n');
    expect(noBom.note).toContain('UTF-16 without a byte-order mark');
    // "Città – Müller" saved by an old Excel as Windows-1252: à is 0xE0, the en dash 0x96, ü 0xFC.
    const latin = decodeText(Buffer.from([0x43, 0x69, 0x74, 0x74, 0xe0, 0x20, 0x96, 0x20, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]));
    expect(latin.text).toBe('Città – Müller');
    expect(latin.note).toContain('not UTF-8; read as Windows-1252');
  });
});

describe('readCsv', () => {
  it('numbers rows as a spreadsheet shows them, keeps empty rows in place and reads quoted new lines', () => {
    const sheet = readCsv(Buffer.from('Title,Description\r\nRiver,"Two\nlines"\r\n,\r\n\r\nHills,"says ""hello"""\r\n'));
    expect(sheet.rows.map((r) => [r.row, r.cells])).toEqual([
      [1, ['Title', 'Description']],
      [2, ['River', 'Two\nlines']],
      [3, ['', '']],
      [4, ['']],
      [5, ['Hills', 'says "hello"']],
    ]);
  });

  it('finds the separator: semicolons (European Excel) and tabs', () => {
    expect(readCsv(Buffer.from('Title;Dimensions\nRiver;73,7 x 92,1 cm\n')).rows[1]!.cells).toEqual(['River', '73,7 x 92,1 cm']);
    expect(readCsv(Buffer.from('Title\tArtist\nRiver, at dusk\tAnna\n')).rows[1]!.cells).toEqual(['River, at dusk', 'Anna']);
  });

  it('reads rows of different lengths', () => {
    const sheet = readCsv(Buffer.from('A,B,C\n1\n1,2,3,4\n'));
    expect(sheet.rows.map((r) => r.cells.length)).toEqual([3, 1, 4]);
  });
});

describe('readXlsx', () => {
  it('reads formulas as their saved result, merged cells in every row they cover, dates, rich text and links', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').addRow(['exported 2026-12-01']);
    const ws = wb.addWorksheet('Works');
    ws.addRow(['Title', 'Room', 'Year', 'Acquired', 'Rights']);
    ws.addRow(['River', 'Landscapes', { formula: '1880+9', result: 1889 }, new Date(Date.UTC(1901, 4, 2)), { text: 'CC BY 4.0', hyperlink: 'https://creativecommons.org/licenses/by/4.0/' }]);
    ws.addRow([{ richText: [{ text: 'Hills ' }, { font: { bold: true }, text: 'in Spring' }] }, null, { formula: 'C2+2' }, null, { error: '#REF!' }]);
    ws.addRow(['Harbour', null, 1910]);
    ws.mergeCells('B2:B4');
    const file = path.join(dir, 'works.xlsx');
    await wb.xlsx.writeFile(file);

    const sheet = await readXlsx(file, knownHeadings);
    expect(sheet.notes).toEqual(["read the sheet 'Works'; 'Notes' is left out"]);
    expect(sheet.rows.map((r) => r.cells)).toEqual([
      ['Title', 'Room', 'Year', 'Acquired', 'Rights'],
      ['River', 'Landscapes', '1889', '1901-05-02', 'CC BY 4.0'],
      ['Hills in Spring', 'Landscapes', '', '', ''],
      ['Harbour', 'Landscapes', '1910', '', ''],
    ]);
    expect(sheet.rows[2]!.notes).toEqual([
      { column: 2, message: 'the formula =C2+2 has no saved result; open the file in a spreadsheet program and save it again' },
      { column: 4, message: 'the cell holds the error #REF!' },
    ]);
  });

  it('says a file that is not a workbook is not one', async () => {
    const file = path.join(dir, 'fake.xlsx');
    await (await import('node:fs/promises')).writeFile(file, 'Title,Artist\n');
    await expect(readXlsx(file, knownHeadings)).rejects.toThrow(/fake\.xlsx could not be read as an Excel workbook/);
  });
});
