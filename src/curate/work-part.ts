import type * as Y from 'yjs';
import type { CurateLanguage } from './strings';

/** What every part of a work's editor (its fields, creator, hotspots) is given to edit the work in the draft. */
export interface WorkPartOptions {
  readonly doc: Y.Doc;
  readonly workId: string;
  readonly languages: readonly string[];
  readonly lang: CurateLanguage;
  /** The origin of this curator's own edits (the one their Y.UndoManager tracks). */
  readonly origin: object;
  readonly editable: boolean;
}
