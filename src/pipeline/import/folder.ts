/**
 * A folder of images and 3D models with a spreadsheet of the works, read into `ImportedWork`s. Every row it cannot
 * use is reported by row and column ("row 12, Dimensions: '??' is not a size") and the rest come through. Sizes
 * a row leaves out are taken from the image's proportions; a work named in no row is reported, not guessed at.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { LangMap } from '../../twin/schema';
import type { ImportedWork, ImportProblem, SourceImport } from './imported-work';
import { knownHeadings, mapColumns, type Column, type Field } from './columns';
import { parseDimensions, type ParsedSize } from './dimensions';
import { readSpreadsheet, type SheetRow } from './spreadsheet';

export const IMAGE_TYPES = ['.jpg', '.jpeg', '.png', '.tif', '.tiff', '.webp'];
export const MODEL_TYPES = ['.glb', '.gltf'];
const SHEET_TYPES = ['.csv', '.xlsx'];
/** Height given to a painting whose record has no size (its width follows the image), and an object's. */
const FALLBACK = { painting: 0.6, object: 0.3 };

export interface FolderOptions {
  /** The language of columns without a language suffix ("Title" beside "title_it"); default English. */
  language?: string;
  /** Folders not to look in (the import's own output, when it is inside the source folder). */
  ignore?: string[];
}

/** Every file under the folder, by its path relative to it (with '/'), hidden files and ignored folders left out. */
async function listFiles(folder: string, ignore: string[]): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !ignore.some((i) => f === i || f.startsWith(i + path.sep)))
    .map((f) => path.relative(folder, f).split(path.sep).join('/'))
    .filter((rel) => !rel.split('/').some((part) => part.startsWith('.') || part.startsWith('~$')));
}

/** Reads the folder's spreadsheet(s) and finds each row's file. */
export async function importFolder(folder: string, opts: FolderOptions = {}): Promise<SourceImport> {
  const root = path.resolve(folder);
  const files = await listFiles(root, (opts.ignore ?? []).map((i) => path.resolve(i)));
  const sheets = files.filter((f) => !f.includes('/') && SHEET_TYPES.includes(path.extname(f).toLowerCase())).sort();
  const problems: ImportProblem[] = [];
  const lang = opts.language ?? 'en';
  if (sheets.length === 0) {
    throw new Error(`no spreadsheet (.csv or .xlsx) in ${folder}: it lists the works (title, creator, date, medium, dimensions, accession number, file…), one row each`);
  }
  const index = fileIndex(files);
  const works: ImportedWork[] = [];
  const languages = new Set<string>([lang]);
  for (const name of sheets) {
    const prefix = sheets.length > 1 ? `${name} ` : '';
    const sheet = await readSpreadsheet(path.join(root, name), knownHeadings);
    for (const note of sheet.notes) problems.push({ where: name, message: note });
    const headingAt = sheet.rows.slice(0, 10).findIndex((r) => knownHeadings(r.cells) >= 2);
    if (headingAt < 0) {
      problems.push({ where: name, message: 'no heading row found in its first 10 rows (such as Title, Artist, Date, Dimensions, File); the sheet is left out' });
      continue;
    }
    const heading = sheet.rows[headingAt]!;
    const { columns, unknown, duplicate } = mapColumns(heading.cells);
    if (unknown.length) problems.push({ where: `${prefix}row ${heading.row}`.trim(), message: `columns not used: ${unknown.map((u) => `'${u}'`).join(', ')}` });
    for (const d of duplicate) problems.push({ where: `${prefix}row ${heading.row}, ${d}`, message: 'a second column for the same field; the first is used' });
    for (const c of columns) if (c.language) languages.add(c.language);
    const reader = new RowReader(root, columns, lang, index, problems, prefix);
    for (const row of sheet.rows.slice(headingAt + 1)) {
      const work = await reader.read(row);
      if (work) works.push(work);
    }
  }
  const named = new Set(works.map((w) => w.mediaFile));
  const unused = files.filter((f) => isMedia(f) && !named.has(path.join(root, f)));
  if (unused.length) problems.push({ where: 'folder', message: `${unused.length} file${unused.length === 1 ? ' is' : 's are'} named in no row: ${unused.slice(0, 5).join(', ')}${unused.length > 5 ? ', …' : ''}` });
  return { works, problems, languages: [...languages] };
}

const isMedia = (f: string): boolean => [...IMAGE_TYPES, ...MODEL_TYPES].includes(path.extname(f).toLowerCase());

interface FileIndex {
  exact: Map<string, string>;
  lower: Map<string, string>;
  byStem: Map<string, string>;
}

/** Files by exact path, by path in any case, by base name, and by name without extension (to match accession numbers). */
function fileIndex(files: string[]): FileIndex {
  const exact = new Map<string, string>();
  const lower = new Map<string, string>();
  const byStem = new Map<string, string>();
  for (const f of files.filter(isMedia)) {
    exact.set(f, f);
    lower.set(f.toLowerCase(), f);
    const base = f.split('/').pop()!;
    if (!lower.has(base.toLowerCase())) lower.set(base.toLowerCase(), f);
    const stem = base.replace(/\.[^.]+$/, '').toLowerCase();
    if (!byStem.has(stem)) byStem.set(stem, f);
  }
  return { exact, lower, byStem };
}

class RowReader {
  private readonly byField = new Map<Field, Column[]>();
  private readonly aspect = new Map<string, Promise<number | undefined>>();

  constructor(
    private readonly root: string,
    private readonly columns: Column[],
    private readonly lang: string,
    private readonly files: FileIndex,
    private readonly problems: ImportProblem[],
    private readonly prefix: string,
  ) {
    for (const c of columns) this.byField.set(c.field, [...(this.byField.get(c.field) ?? []), c]);
  }

  private where(row: SheetRow, column?: Column | string): string {
    const name = typeof column === 'string' ? column : column?.heading;
    return `${this.prefix}row ${row.row}${name ? `, ${name}` : ''}`;
  }

  private cell(row: SheetRow, field: Field): { text: string; column?: Column } {
    const main = this.byField.get(field)?.find((c) => !c.language);
    return { text: main ? (row.cells[main.index] ?? '').trim() : '', ...(main ? { column: main } : {}) };
  }

  private text(row: SheetRow, field: Field): LangMap | undefined {
    const out: LangMap = {};
    for (const c of this.byField.get(field) ?? []) {
      const t = (row.cells[c.index] ?? '').trim();
      if (t) out[c.language ?? this.lang] = t;
    }
    return Object.keys(out).length ? out : undefined;
  }

  async read(row: SheetRow): Promise<ImportedWork | undefined> {
    if (row.cells.every((c) => c.trim() === '') && row.notes.length === 0) return undefined; // an empty row
    for (const n of row.notes) {
      const col = this.columns.find((c) => c.index === n.column);
      this.problems.push({ where: this.where(row, col?.heading ?? (n.column >= 0 ? `column ${n.column + 1}` : undefined)), message: n.message });
    }
    if (row.cells.every((c) => c.trim() === '')) return undefined;
    const accession = this.cell(row, 'accession').text;
    const file = this.findFile(row, accession);
    if (!file) return undefined;
    const kind = IMAGE_TYPES.includes(path.extname(file).toLowerCase()) ? 'painting' : 'object';
    let title = this.text(row, 'title');
    if (!title) {
      const stem = path.basename(file).replace(/\.[^.]+$/, '');
      this.problems.push({ where: this.where(row, this.cell(row, 'title').column ?? 'Title'), message: `no title; the file name '${stem}' is used` });
      title = { [this.lang]: stem };
    }
    const creatorName = this.text(row, 'creator');
    let lifeDates = this.cell(row, 'lifeDates').text || undefined;
    // "Vincent van Gogh (1853–1890)": the dates in brackets are the life dates.
    if (creatorName && !lifeDates) {
      const m = /^(.*\S)\s*\(([^()]*\d{3,4}[^()]*)\)$/.exec(creatorName[this.lang] ?? '');
      if (m) {
        creatorName[this.lang] = m[1]!;
        lifeDates = m[2]!;
      }
    }
    const work: ImportedWork = {
      sourceId: accession || `row-${row.row}`,
      where: this.where(row),
      kind,
      title,
      mediaFile: path.join(this.root, file),
    };
    if (creatorName) work.creator = { name: creatorName, ...(lifeDates ? { lifeDates } : {}) };
    const set = <K extends keyof ImportedWork>(key: K, value: ImportedWork[K] | undefined): void => {
      if (value !== undefined) work[key] = value;
    };
    set('date', this.text(row, 'date'));
    set('medium', this.text(row, 'medium'));
    set('accessionNumber', accession || undefined);
    set('creditLine', this.text(row, 'credit'));
    set('rights', this.cell(row, 'rights').text || undefined);
    set('description', this.text(row, 'description'));
    set('room', this.cell(row, 'room').text || undefined);
    set('dimensions', await this.size(row, kind, work.mediaFile!));
    return work;
  }

  /** The row's file: as written (any case, any folder), or else one named after the accession number. */
  private findFile(row: SheetRow, accession: string): string | undefined {
    const { text, column } = this.cell(row, 'file');
    const where = this.where(row, column ?? 'File');
    if (!text) {
      const stem = accession.toLowerCase();
      const byAccession = stem ? (this.files.byStem.get(stem) ?? this.files.byStem.get(stem.replace(/[^a-z0-9]+/g, '-'))) : undefined;
      if (byAccession) return byAccession;
      this.problems.push({ where, message: `no file named${accession ? `, and none is named after the accession number '${accession}'` : ''}; the row is left out` });
      return undefined;
    }
    const wanted = text.replace(/\\/g, '/').replace(/^\.\//, '');
    const ext = path.extname(wanted).toLowerCase();
    if (ext && !isMedia(wanted)) {
      this.problems.push({ where, message: `'${text}' is not an image (JPEG, PNG, TIFF, WebP) or a 3D model (glTF, GLB); the row is left out` });
      return undefined;
    }
    const found = this.files.exact.get(wanted) ?? this.files.lower.get(wanted.toLowerCase()) ?? this.files.lower.get(wanted.split('/').pop()!.toLowerCase()) ?? (!ext ? this.files.byStem.get(wanted.toLowerCase()) : undefined);
    if (!found) {
      this.problems.push({ where, message: `'${text}' is not in the folder; the row is left out` });
      return undefined;
    }
    return found;
  }

  /** Real size in metres from Dimensions or Height/Width/Depth; what is missing follows the image or a default. */
  private async size(row: SheetRow, kind: ImportedWork['kind'], media: string): Promise<ImportedWork['dimensions']> {
    let size: ParsedSize = {};
    const dims = this.cell(row, 'dimensions');
    if (dims.text) {
      const r = parseDimensions(dims.text, dims.column?.unit);
      if (r.ok) size = r.size;
      else this.problems.push({ where: this.where(row, dims.column), message: `${r.message}; the work is shown at a stand-in size until it is corrected` });
    }
    for (const axis of ['height', 'width', 'depth'] as const) {
      const { text, column } = this.cell(row, axis);
      if (!text || size[axis] !== undefined) continue;
      const r = parseDimensions(text, column?.unit ?? dims.column?.unit);
      const v = r.ok ? (r.size.height ?? r.size.width ?? r.size.depth) : undefined;
      if (v === undefined) {
        const bare = Number(text.replace(',', '.'));
        if (Number.isFinite(bare) && bare > 0 && !column?.unit) this.problems.push({ where: this.where(row, column), message: `'${text}' gives no unit; name it in the heading, e.g. "${column?.heading} (cm)"` });
        else this.problems.push({ where: this.where(row, column), message: r.ok ? `'${text}' is not a size` : r.message });
      } else size[axis] = v;
    }
    if (kind === 'painting' && (size.height === undefined || size.width === undefined)) {
      const ratio = await this.imageRatio(media);
      if (ratio !== undefined) {
        if (size.height !== undefined) size.width = size.height * ratio;
        else if (size.width !== undefined) size.height = size.width / ratio;
        else if (!dims.text) return undefined; // the layout gives its default and reports it
        else size = { height: FALLBACK.painting, width: FALLBACK.painting * ratio };
      }
    }
    if (size.height === undefined && size.width === undefined) return dims.text ? fallback(kind) : undefined;
    // A tenth of a millimetre: finer than any catalogue, and no 0.9209999 from unit arithmetic.
    const r = (v: number): number => Math.round(v * 10000) / 10000;
    const height = r(size.height ?? size.width!);
    const width = r(size.width ?? size.height!);
    return { height, width, ...(size.depth !== undefined ? { depth: r(size.depth) } : kind === 'object' ? { depth: width } : {}) };
  }

  /** Width over height of an image, read from its header (sharp). */
  private imageRatio(file: string): Promise<number | undefined> {
    let p = this.aspect.get(file);
    if (!p) {
      p = sharp(file)
        .metadata()
        .then((m) => (m.width && m.height ? ((m.orientation ?? 1) >= 5 ? m.height / m.width : m.width / m.height) : undefined))
        .catch(() => undefined);
      this.aspect.set(file, p);
    }
    return p;
  }
}

const fallback = (kind: ImportedWork['kind']): ImportedWork['dimensions'] =>
  kind === 'painting' ? { height: FALLBACK.painting, width: FALLBACK.painting * 0.8 } : { height: FALLBACK.object, width: FALLBACK.object, depth: FALLBACK.object };
