import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateExhibition } from '../../twin/validate';
import { importFolder } from './folder';
import type { ImportProblem } from './imported-work';
import { layoutExhibition } from './layout';
import { checkWorkMedia, writeExhibition } from './media';
import { writeSampleFolder } from './sample-folder';

let tmp: string;
let sample: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'folder-import-'));
  sample = await writeSampleFolder(path.join(tmp, 'sample'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

const lines = (problems: ImportProblem[]): string[] => problems.map((p) => `${p.where}: ${p.message}`);

describe('importFolder', () => {
  it('reads an exported spreadsheet: its columns, languages, sizes and files, and reports each row it cannot use', async () => {
    const r = await importFolder(sample);
    expect(r.works.map((w) => w.title)).toEqual([
      { en: 'River at Dusk', it: 'Fiume al tramonto' },
      { en: 'Hills in Spring', it: 'Colline in primavera' },
      { en: 'Morning Harbour', it: 'Porto al mattino' },
      { en: 'Study of Light', it: 'Studio di luce' },
      { en: 'Carved Block', it: 'Blocco scolpito' },
      { en: 'Round Vessel', it: 'Vaso tondo' },
    ]);
    expect(r.languages).toEqual(['en', 'it']);
    const [river, hills, , study, block, vessel] = r.works;
    expect(river).toMatchObject({ kind: 'painting', accessionNumber: '1901.1', creator: { name: { en: 'Anna Bellini' }, lifeDates: '1850–1921' }, room: 'Landscapes', rights: 'Public domain', where: 'row 2' });
    expect(river!.dimensions).toEqual({ height: 0.737, width: 0.921 });
    expect(hills!.dimensions!.width).toBeCloseTo(0.921, 4);
    // '??' is reported, and the work keeps its image's proportions (400 × 500 px) at a stand-in size.
    expect(study!.dimensions!.width / study!.dimensions!.height).toBeCloseTo(0.8, 3);
    expect(block).toMatchObject({ kind: 'object', dimensions: { height: 0.45, width: 0.3, depth: 0.25 }, room: 'Objects' });
    expect(vessel!.dimensions).toBeUndefined();
    expect(lines(r.problems)).toEqual([
      "row 5, Dimensions: '??' is not a size; the work is shown at a stand-in size until it is corrected",
      "row 9, File Name: 'missing.jpg' is not in the folder; the row is left out",
    ]);
  });

  it('takes an object\'s size from its model when the record has none, and leaves out a file that does not decode', async () => {
    const dir = path.join(tmp, 'broken');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'vessel.glb'), await readFile(path.join(sample, 'vessel.glb')));
    await writeFile(path.join(dir, 'torn.jpg'), 'not a jpeg at all');
    await writeFile(path.join(dir, 'scan.bmp'), 'BM');
    await writeFile(path.join(dir, 'list.csv'), 'Inventory No.;Name;File\nA-1;Vessel;vessel.glb\nA-2;Torn;torn.jpg\nA-3;Scan;scan.bmp\nA-4;No file;\n');
    const r = await importFolder(dir);
    const problems = [...r.problems];
    const works = await checkWorkMedia(r.works, problems);
    expect(works.map((w) => w.accessionNumber)).toEqual(['A-1']);
    expect(works[0]!.dimensions!.height).toBeCloseTo(0.3, 2);
    const text = lines(problems);
    expect(text).toContain("row 4, File: 'scan.bmp' is not an image (JPEG, PNG, TIFF, WebP) or a 3D model (glTF, GLB); the row is left out");
    expect(text).toContain("row 5, File: no file named, and none is named after the accession number 'A-4'; the row is left out");
    expect(text.find((l) => l.startsWith('row 3, file:'))).toMatch(/'torn\.jpg' cannot be read as an image .*; the work is left out/);
  });

  it('reads an .xlsx with a title row above the headings, merged room cells, formulas and files found by accession number', async () => {
    const dir = path.join(tmp, 'xlsx');
    await mkdir(dir, { recursive: true });
    await sharp({ create: { width: 300, height: 200, channels: 3, background: '#806040' } }).jpeg().toFile(path.join(dir, '1999.5.jpg'));
    await sharp({ create: { width: 200, height: 300, channels: 3, background: '#406080' } }).png().toFile(path.join(dir, 'b.png'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Export');
    ws.addRow(['Collection export, 1 December 2026']);
    ws.addRow(['ACCESSION NO.', 'Artist/Maker', 'Object Title', 'Height (cm)', 'Width (cm)', 'Gallery', 'Image']);
    ws.addRow(['1999.5', 'Piero', 'Panel', 40, { formula: '40*1.5', result: 60 }, 'Room A', '']);
    ws.addRow(['1999.6', 'Piero', 'Panel two', 60, 'forty', null, 'B.PNG']);
    ws.mergeCells('F3:F4');
    await wb.xlsx.writeFile(path.join(dir, 'export.xlsx'));
    const r = await importFolder(dir);
    expect(r.works.map((w) => [w.title.en, w.room, w.dimensions])).toEqual([
      ['Panel', 'Room A', { height: 0.4, width: 0.6 }],
      // The width is not a size: it follows the image (200 × 300 px) from the height.
      ['Panel two', 'Room A', { height: 0.6, width: 0.4 }],
    ]);
    expect(lines(r.problems)).toEqual(["row 4, Width (cm): 'forty' is not a size"]);
  });

  it('reads 50,000 rows and keeps the format\'s 5,000 works, saying so (bounded: it finishes and reports)', async () => {
    const dir = path.join(tmp, 'big');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'river.jpg'), await readFile(path.join(sample, 'river.jpg')));
    const rows = ['Object Number,Title,Dimensions,File Name,Rights'];
    for (let i = 1; i <= 50_000; i++) rows.push(`B.${i},Work ${i},${i % 1000 === 0 ? '??' : '30 x 40 cm'},river.jpg,Public domain`);
    await writeFile(path.join(dir, 'big.csv'), rows.join('\n'));
    const r = await importFolder(dir);
    expect(r.works).toHaveLength(50_000);
    expect(r.problems.filter((p) => p.message.includes('is not a size'))).toHaveLength(50);
    const layout = layoutExhibition(r.works);
    expect(layout.exhibition.artworks).toHaveLength(5000);
    expect(lines(layout.problems)).toContain('row 5002: an exhibition holds at most 5000 works; this one and the 44999 after it are left out');
    const result = validateExhibition(JSON.parse(JSON.stringify(layout.exhibition)));
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  }, 120_000);

  it('says what a folder without a spreadsheet lacks', async () => {
    const dir = path.join(tmp, 'empty');
    await mkdir(dir, { recursive: true });
    await expect(importFolder(dir)).rejects.toThrow(/no spreadsheet \(\.csv or \.xlsx\) in .*empty/);
  });
});

describe('writeExhibition', () => {
  it('writes the packed exhibition (WebP at real size, far copies, packed models) and it validates', async () => {
    const r = await importFolder(sample);
    const problems = [...r.problems];
    const layout = layoutExhibition(await checkWorkMedia(r.works, problems), { title: { en: 'Sample' }, languages: r.languages! });
    const out = path.join(tmp, 'out');
    const written = await writeExhibition(layout, out);
    expect(written.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const ex = JSON.parse(await readFile(written.file, 'utf8'));
    expect(ex.artworks.map((a: { image?: string; model?: string }) => a.image ?? a.model)).toEqual([
      'paintings/1901-1.webp',
      'paintings/1901-2.webp',
      'paintings/1950-7.webp',
      'paintings/1950-8.webp',
      'objects/1977-3.glb',
      'objects/1977-4.glb',
    ]);
    // The TIFF became a WebP that browsers show.
    expect((await sharp(path.join(out, 'paintings/1950-7.webp')).metadata()).format).toBe('webp');
    expect(ex.artworks[0].farImage).toBe('paintings/1901-1.far.webp');
  }, 60_000);
});
