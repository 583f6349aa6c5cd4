/**
 * Reads a spreadsheet of works into rows of text cells, numbered as the person who made it sees them (the heading
 * row is row 1 in a plain export). CSV with csv-parse (any of UTF-8, UTF-16 or Windows-1252, a BOM or none, comma,
 * semicolon or tab); XLSX with exceljs (formulas read as their saved result, merged cells as their value in every
 * cell they cover, dates as dates). Each cell that cannot be read becomes a note on its row and column.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

export interface SheetRow {
  /** The row number a person sees in the spreadsheet (1-based, heading row included). */
  row: number;
  cells: string[];
  /** Cells that could not be read: the column's index and why. */
  notes: { column: number; message: string }[];
}

export interface Sheet {
  rows: SheetRow[];
  /** What the whole file needs said: its encoding, other sheets left unread. */
  notes: string[];
}

export class SheetError extends Error {}

/** Text from bytes whose encoding nobody recorded: a BOM says it, else UTF-8 if it is valid, else Windows-1252. */
export function decodeText(bytes: Uint8Array): { text: string; note?: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)) };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  // UTF-16 without a BOM: every other byte of ASCII text is zero.
  const sample = bytes.subarray(0, 2000);
  let zeros = 0;
  for (let i = 1; i < sample.length; i += 2) if (sample[i] === 0) zeros++;
  if (sample.length > 8 && zeros > sample.length / 4) return { text: new TextDecoder('utf-16le').decode(bytes), note: 'the file is UTF-16 without a byte-order mark; read as UTF-16 (little-endian)' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { text: windows1252(bytes), note: 'the file is not UTF-8; read as Windows-1252 (Western European). Save it as "CSV UTF-8" if accents look wrong' };
  }
}

/**
 * Windows-1252 (Excel's "CSV" on Western systems): Latin-1 but for 0x80–0x9F, which hold € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž
 * ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ. Node's own decoder for this label reads those as Latin-1 control characters.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
function windows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b)));
    out += chunk.join('');
  }
  return out;
}

/** The separator of the heading line: the one of comma, semicolon and tab found most often outside quotes. */
function sniffDelimiter(text: string): string {
  const line = /^[^\r\n]*/.exec(text.replace(/^(\s*\r?\n)+/, ''))?.[0] ?? '';
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![1] > 0 ? [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0] : ',';
}

export function readCsv(bytes: Uint8Array): Sheet {
  const { text, note } = decodeText(bytes);
  const notes = note ? [note] : [];
  const skipped: { row: number; message: string }[] = [];
  let record = 0;
  const records = parse(text, {
    delimiter: sniffDelimiter(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    on_record: (r: string[]) => {
      record++;
      return r;
    },
    on_skip: (err) => {
      record++;
      skipped.push({ row: record, message: err ? err.message.replace(/^Invalid Record Length: /, '') : 'the line could not be read' });
      return undefined;
    },
  }) as string[][];
  // Records keep their order; skipped ones are reported in their place.
  const rows: SheetRow[] = [];
  let r = 0;
  const skippedRows = new Set(skipped.map((s) => s.row));
  for (const cells of records) {
    r++;
    while (skippedRows.has(r)) r++;
    rows.push({ row: r, cells: cells.map((c) => c.trim()), notes: [] });
  }
  for (const s of skipped) rows.push({ row: s.row, cells: [], notes: [{ column: -1, message: `this line could not be read as CSV (${s.message})` }] });
  rows.sort((a, b) => a.row - b.row);
  return { rows, notes };
}

/** A cell as text: rich text joined, links as their text, formulas as their saved result, dates as YYYY-MM-DD. */
export function cellText(value: ExcelJS.CellValue): { text: string; problem?: string } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value.trim() };
  if (typeof value === 'number') return { text: String(Number(value.toPrecision(12))) };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) {
    const iso = value.toISOString();
    return { text: iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ') };
  }
  if ('error' in value) return { text: '', problem: `the cell holds the error ${value.error}` };
  if ('richText' in value) return { text: value.richText.map((t) => t.text).join('').trim() };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    const formula = 'formula' in value ? value.formula : value.sharedFormula;
    if (result === undefined || result === null) return { text: '', problem: `the formula =${formula} has no saved result; open the file in a spreadsheet program and save it again` };
    return cellText(result);
  }
  if ('text' in value) return cellText((value as { text: ExcelJS.CellValue }).text);
  return { text: '' };
}

export async function readXlsx(file: string, knownHeadings: (cells: string[]) => number): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (e) {
    throw new SheetError(`${path.basename(file)} could not be read as an Excel workbook (.xlsx): ${(e as Error).message}`);
  }
  const sheets: { ws: ExcelJS.Worksheet; rows: SheetRow[]; score: number }[] = [];
  workbook.eachSheet((ws) => {
    if (ws.state !== 'visible') return;
    const rows: SheetRow[] = [];
    const width = ws.columnCount;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      const notes: SheetRow['notes'] = [];
      for (let c = 1; c <= width; c++) {
        // A merged cell gives its value in every cell it covers (exceljs reads the master's value there).
        const { text, problem } = cellText(row.getCell(c).value);
        cells.push(text);
        if (problem) notes.push({ column: c - 1, message: problem });
      }
      rows.push({ row: rowNumber, cells, notes });
    });
    const score = Math.max(0, ...rows.slice(0, 10).map((r) => knownHeadings(r.cells)));
    sheets.push({ ws, rows, score });
  });
  if (sheets.length === 0) throw new SheetError(`${path.basename(file)} has no visible sheet`);
  const best = [...sheets].sort((a, b) => b.score - a.score || b.rows.length - a.rows.length)[0]!;
  const others = sheets.filter((s) => s !== best && s.rows.length > 0).map((s) => `'${s.ws.name}'`);
  const notes = others.length ? [`read the sheet '${best.ws.name}'; ${others.join(', ')} ${others.length === 1 ? 'is' : 'are'} left out`] : [];
  return { rows: best.rows, notes };
}

/** A .csv or .xlsx file's rows. */
export async function readSpreadsheet(file: string, knownHeadings: (cells: string[]) => number): Promise<Sheet> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') return readXlsx(file, knownHeadings);
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return readCsv(await readFile(file));
  throw new SheetError(`${path.basename(file)} is not a spreadsheet this import reads (.csv or .xlsx)`);
}
