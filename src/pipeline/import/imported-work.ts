/**
 * What every importer (a folder and a spreadsheet, IIIF, Smithsonian Voyager) hands to the layout: the works as a
 * collection describes them, before they have a place in rooms. `layoutExhibition` (src/pipeline/import/layout.ts)
 * turns a list of these into a valid exhibition; each importer only reads its source.
 */
import type { Annotation, LangMap } from '../../twin/schema';

/** Where in the source something could not be used, and why: "row 12, Dimensions", "manifest items[3].body". */
export interface ImportProblem {
  where: string;
  message: string;
}

export interface ImportedWork {
  /** A stable id from the source (accession number, manifest id), made safe for the format by the layout. */
  sourceId: string;
  kind: 'painting' | 'object';
  title: LangMap;
  creator?: { name: LangMap; lifeDates?: string };
  date?: LangMap;
  medium?: LangMap;
  /** Real size in metres; the layout uses a default (and reports it) when absent. */
  dimensions?: { height: number; width: number; depth?: number };
  accessionNumber?: string;
  creditLine?: LangMap;
  /** Rights as given (a licence URL or a statement). */
  rights?: string;
  description?: LangMap;
  /** The short wall label, when the source gives one apart from the description (IIIF metadata "Label"). */
  label?: LangMap;
  /** A local file already fetched or found (absolute path): image for a painting, glTF/GLB for an object. */
  mediaFile?: string;
  /** A room name from the source; works sharing one hang together. */
  room?: string;
  /** Hotspots on the work (Voyager annotations), positions in the model's metres. */
  annotations?: Annotation[];
  /** Where the work is in its source, for messages ("row 12", "manifest items[3]"); absent: named by sourceId. */
  where?: string;
  /** Longer texts (Voyager articles) kept as stories, in order. */
  stories?: { title: LangMap; text: LangMap }[];
}

export interface ImportOptions {
  /** The folder the exhibition is written to. */
  out: string;
  /** Progress lines for a person watching. */
  log?: (line: string) => void;
}

/**
 * What a source importer (IIIF, Voyager) returns to `npm run import`: the works with their media already fetched
 * to local files, the problems met, and what the source says of the whole (its title, its languages).
 */
export interface SourceImport {
  works: ImportedWork[];
  problems: ImportProblem[];
  title?: LangMap;
  /** Languages the source's texts are in (from its language maps), first the main one. */
  languages?: string[];
}
