/**
 * Which spreadsheet column holds what: the headings collection systems export ("Object Number", "Accession No.",
 * "Artist/Maker", "Dimensions", "Credit Line"…), matched whatever their case, spacing or punctuation, and language
 * columns ("title_it", "Description (fr)", "Titolo").
 */
import { unitInHeading, type Unit } from './dimensions';

export type Field =
  | 'title'
  | 'creator'
  | 'lifeDates'
  | 'date'
  | 'medium'
  | 'dimensions'
  | 'height'
  | 'width'
  | 'depth'
  | 'accession'
  | 'credit'
  | 'rights'
  | 'description'
  | 'file'
  | 'room';

/** Fields that carry a text a visitor reads, so may come in several languages. */
export const TEXT_FIELDS: ReadonlySet<Field> = new Set(['title', 'creator', 'date', 'medium', 'credit', 'description', 'room']);

/** Headings as written by common systems and in the languages of this project's museums, normalised (see `norm`). */
const ALIASES: Record<Field, string[]> = {
  title: ['title', 'object title', 'work title', 'artwork title', 'titolo', 'titre', 'titel', 'titulo', 'name'],
  creator: ['creator', 'artist', 'artist maker', 'maker', 'author', 'artist name', 'creator name', 'primary maker', 'made by', 'constituent', 'artist display name', 'autore', 'artista', 'kunstler', 'kuenstler', 'artiste', 'auteur'],
  lifeDates: ['life dates', 'artist dates', 'creator dates', 'artist life dates', 'maker dates', 'artist display bio', 'nationality and dates', 'date di nascita e morte'],
  date: ['date', 'dates', 'date made', 'object date', 'dated', 'production date', 'creation date', 'date created', 'display date', 'year', 'data', 'datazione', 'datierung', 'datum', 'fecha'],
  medium: ['medium', 'materials', 'material', 'medium and support', 'medium support', 'technique', 'materials and techniques', 'materials techniques', 'medium materials', 'tecnica', 'technik', 'materiale', 'materiali'],
  dimensions: ['dimensions', 'dimension', 'measurements', 'measurement', 'size', 'overall dimensions', 'dimensions display', 'dimensioni', 'misure', 'abmessungen', 'masse', 'mase', 'medidas'],
  height: ['height', 'h', 'altezza', 'hohe', 'hauteur', 'alto'],
  width: ['width', 'w', 'larghezza', 'breite', 'largeur', 'ancho'],
  depth: ['depth', 'd', 'profondita', 'tiefe', 'profondeur', 'diameter', 'diam'],
  accession: ['accession number', 'accession no', 'accession', 'acc no', 'accession num', 'object number', 'object no', 'object id', 'inventory number', 'inventory no', 'inv no', 'inventory', 'inventario', 'numero inventario', 'n inventario', 'inventarnummer', 'catalogue number', 'catalog number', 'registration number', 'id number', 'id'],
  credit: ['credit line', 'credit', 'creditline', 'acquisition credit', 'credit line acquisition', 'provenienza', 'crediti', 'mention'],
  rights: ['rights', 'copyright', 'licence', 'license', 'rights statement', 'image rights', 'usage rights', 'image licence', 'image license', 'diritti', 'rechte', 'droits'],
  description: ['description', 'label text', 'label', 'caption', 'summary', 'wall text', 'descrizione', 'beschreibung', 'descripcion', 'didascalia'],
  file: ['file', 'file name', 'filename', 'image', 'image file', 'image filename', 'media', 'media file', 'model', 'model file', 'path', 'file path', 'immagine', 'datei', 'fichier'],
  room: ['room', 'gallery', 'location', 'section', 'display location', 'sala', 'raum', 'salle', 'galleria'],
};

const LOOKUP = new Map<string, Field>(Object.entries(ALIASES).flatMap(([field, names]) => names.map((n) => [n, field as Field])));

/** Lowercase, accents off, punctuation and spacing as single spaces: "Accession No." → "accession no". */
export function norm(heading: string): string {
  return heading
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface Column {
  index: number;
  heading: string;
  field: Field;
  /** The language of its text, for language columns ("title_it"); absent: the spreadsheet's main language. */
  language?: string;
  /** A unit named in the heading ("Height (cm)"). */
  unit?: Unit;
}

/**
 * The columns the importer understands, and the headings it does not (reported, so a misspelt column is noticed).
 * A field's first column wins; a second one is reported.
 */
export function mapColumns(headings: string[]): { columns: Column[]; unknown: string[]; duplicate: string[] } {
  const columns: Column[] = [];
  const unknown: string[] = [];
  const duplicate: string[] = [];
  const seen = new Set<string>();
  headings.forEach((heading, index) => {
    if (!heading.trim()) return;
    const unit = unitInHeading(heading);
    const bare = norm(heading.replace(/[([][^)\]]*[)\]]\s*$/, (m) => (/^[([]\s*[a-z]{2,3}\s*[)\]]$/i.test(m.trim()) && !unit ? m : '')));
    const match = matchHeading(bare);
    if (!match) {
      unknown.push(heading);
      return;
    }
    const key = `${match.field}:${match.language ?? ''}`;
    if (seen.has(key)) {
      duplicate.push(heading);
      return;
    }
    seen.add(key);
    columns.push({ index, heading, ...match, ...(unit ? { unit } : {}) });
  });
  return { columns, unknown, duplicate };
}

/** Two- and three-letter words that end headings without being languages ("Artist ID", "Title Ref"). */
const NOT_LANGUAGES = new Set(['id', 'no', 'nr', 'num', 'ref', 'url', 'uri', 'alt']);

function matchHeading(bare: string): { field: Field; language?: string } | undefined {
  const whole = LOOKUP.get(bare);
  if (whole) return { field: whole };
  // "title it", "title_it", "Title (IT)", "description en gb": a known field and a language tag.
  const m = /^(.+?) ([a-z]{2,3})(?: ([a-z]{2}))?$/.exec(bare);
  if (!m) return undefined;
  if (NOT_LANGUAGES.has(m[2]!)) return undefined;
  const field = LOOKUP.get(m[1]!);
  if (!field || !TEXT_FIELDS.has(field)) return undefined;
  return { field, language: m[3] ? `${m[2]}-${m[3].toUpperCase()}` : m[2] };
}

/** How many of the headings name a known field: a row with two or more is taken as the heading row. */
export function knownHeadings(cells: string[]): number {
  return cells.filter((c) => c.trim() && matchHeading(norm(c))).length;
}
