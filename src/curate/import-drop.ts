/**
 * Bringing a collection folder into the draft from the curating view: drop a folder (images, 3D models and a
 * .csv or .xlsx of the works) anywhere on the draft, or choose one. The files go to the server, which runs the
 * importer of `npm run import` (POST /api/exhibitions/:id/import, src/server/import-routes.ts); the works it
 * sends back are placed on the draft's free walls and floor and added as one change (import-drop-place.ts), so
 * everyone sees them at once and one Undo takes the import back. Every row, column or file the importer could
 * not use is listed with its place ("row 12, Dimensions: '??' is not a size").
 *
 * 360° photographs (JPEG or PNG, no spreadsheet) dropped or chosen here go to POST /api/exhibitions/:id/panoramas,
 * which cuts them into tiles as `npm run import:panoramas` does; each is put in its room in one change
 * (import-drop-panoramas.ts) and placed in the 360° photographs panel (panorama-place.ts).
 *
 * When this curator's Undo takes an import back (its batch no longer named in the draft), the server is told once
 * the Undo is stored, and removes the batch's files no kept revision names (POST …/imports/:batch/undone).
 */
import * as Y from 'yjs';
import { artworksMap, exhibitionMap } from '../twin/collab-doc';
import { addImportedPanoramas, batchesInDraft, type ImportedPanorama } from './import-drop-panoramas';
import { addImportedWorks, type ImportedDraftWork } from './import-drop-place';
import type { CurateLanguage } from './strings';

export interface ImportDropOptions {
  readonly root: HTMLElement;
  /** Where a drop is taken (the whole draft). */
  readonly dropTarget: HTMLElement;
  readonly doc: Y.Doc;
  readonly exhibitionId: string;
  readonly lang: CurateLanguage;
  readonly origin: object;
  readonly editable: boolean;
  /** Resolves once every change of this curator is stored on the server (the provider's unsynced count is 0). */
  readonly saved?: () => Promise<void>;
}

/** The provider's part that says whether changes are still on their way (HocuspocusProvider). */
interface Syncing {
  readonly hasUnsyncedChanges: boolean;
  on(event: 'unsyncedChanges', f: (e: { number: number }) => void): unknown;
  off(event: 'unsyncedChanges', f: (e: { number: number }) => void): unknown;
}

/** Resolves once the server has acknowledged every change the provider sent. */
export function allSent(provider: Syncing): Promise<void> {
  return new Promise((resolve) => {
    if (!provider.hasUnsyncedChanges) return resolve();
    const on = ({ number }: { number: number }) => {
      if (number > 0) return;
      provider.off('unsyncedChanges', on);
      resolve();
    };
    provider.on('unsyncedChanges', on);
  });
}

const WORDS = {
  en: {
    title: 'Import a folder',
    hint: 'Drop a folder of images and 3D models with a spreadsheet (.csv or .xlsx) of the works here, or choose one. The works are hung on free walls, in the room each row names when there is one.',
    choose: 'Choose a folder',
    sending: 'Sending {n} files…',
    importing: 'Importing {n} files: reading the sheet, checking and resizing each image…',
    added: 'Added {n} works: {titles}.',
    unplaced: 'No free wall or floor for: {titles}.',
    problems: '{n} things in the folder could not be used:',
    refused: 'Nothing was imported: {error}',
    noFiles: 'The drop held no files: drop the folder itself.',
    dropHere: 'Drop the folder (or 360° photographs) to import it',
    choosePhotos: 'Choose 360° photographs',
    photosHint: '360° photographs (equirectangular JPEG or PNG, 2:1) dropped here without a spreadsheet are added to their room, or the first, to be placed under 360° photographs.',
    sendingPhotos: 'Cutting {n} 360° photographs into tiles…',
    addedPhotos: 'Added {n} 360° photographs: {names}. Place each one under 360° photographs.',
    noRoom: 'The draft has no room to put the 360° photographs in.',
  },
  it: {
    title: 'Importa una cartella',
    hint: 'Trascina qui una cartella di immagini e modelli 3D con un foglio (.csv o .xlsx) delle opere, oppure sceglila. Le opere sono appese sulle pareti libere, nella sala indicata da ogni riga quando esiste.',
    choose: 'Scegli una cartella',
    sending: 'Invio di {n} file…',
    importing: 'Importazione di {n} file: lettura del foglio, controllo e ridimensionamento di ogni immagine…',
    added: 'Aggiunte {n} opere: {titles}.',
    unplaced: 'Nessuna parete o pavimento libero per: {titles}.',
    problems: '{n} elementi della cartella non sono stati usati:',
    refused: 'Non è stato importato nulla: {error}',
    noFiles: 'Non sono arrivati file: trascina la cartella stessa.',
    dropHere: 'Rilascia la cartella (o le fotografie a 360°) per importarla',
    choosePhotos: 'Scegli fotografie a 360°',
    photosHint: 'Le fotografie a 360° (JPEG o PNG equirettangolari, 2:1) trascinate qui senza un foglio sono aggiunte alla loro sala, o alla prima, da collocare in Fotografie a 360°.',
    sendingPhotos: 'Taglio in riquadri di {n} fotografie a 360°…',
    addedPhotos: 'Aggiunte {n} fotografie a 360°: {names}. Collocale in Fotografie a 360°.',
    noRoom: 'La bozza non ha sale in cui mettere le fotografie a 360°.',
  },
} as const;

type Key = keyof (typeof WORDS)['en'];
const say = (lang: CurateLanguage, key: Key, vars: Record<string, string | number> = {}): string =>
  ((WORDS as Record<string, Record<Key, string>>)[lang] ?? WORDS.en)[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

/** A file of the dropped folder with its path inside it ('prints/river.jpg'). */
export interface FolderFile {
  readonly path: string;
  readonly file: File;
}

/** Every file under the dropped entries, read with the File and Directory Entries API, paths from the drop's top. */
export async function filesOfDrop(items: DataTransferItemList): Promise<FolderFile[]> {
  const entries = [...items].map((i) => i.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
  // A single dropped folder: paths inside it, so its spreadsheet is at the top.
  const roots = entries.length === 1 && entries[0]!.isDirectory ? await readAll(entries[0] as FileSystemDirectoryEntry) : entries;
  const out: FolderFile[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      out.push({ path: `${prefix}${entry.name}`, file });
    } else if (entry.isDirectory) {
      for (const child of await readAll(entry as FileSystemDirectoryEntry)) await walk(child, `${prefix}${entry.name}/`);
    }
  };
  for (const e of roots) await walk(e, '');
  return out;
}

/** A directory's entries: readEntries hands them out in batches until it returns none. */
async function readAll(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) return all;
    all.push(...batch);
  }
}

/** The files an <input webkitdirectory> chose, with their paths below the chosen folder. */
export function filesOfInput(list: FileList): FolderFile[] {
  return [...list].map((file) => ({ path: file.webkitRelativePath.split('/').slice(1).join('/') || file.name, file }));
}

export interface ImportAnswer {
  ok: boolean;
  error?: string;
  batch?: string;
  works: ImportedDraftWork[];
  problems: { where: string; message: string }[];
}

/** Sends the folder to the server's importer: each file after a `path` field naming it, and the draft's languages. */
export async function sendFolder(exhibitionId: string, files: readonly FolderFile[], languages: readonly string[]): Promise<ImportAnswer> {
  const form = new FormData();
  form.append('languages', languages.join(','));
  for (const f of files) {
    form.append('path', f.path);
    form.append('file', f.file, f.file.name);
  }
  const res = await fetch(`/api/exhibitions/${encodeURIComponent(exhibitionId)}/import`, { method: 'POST', body: form, credentials: 'same-origin' });
  const body = (await res.json().catch(() => ({}))) as Partial<ImportAnswer> & { error?: string };
  return { ok: res.ok, works: body.works ?? [], problems: body.problems ?? [], ...(body.batch ? { batch: body.batch } : {}), ...(res.ok ? {} : { error: body.error ?? `HTTP ${res.status}` }) };
}

export interface PhotosAnswer {
  ok: boolean;
  error?: string;
  batch?: string;
  panoramas: ImportedPanorama[];
  problems: { where: string; message: string }[];
}

/** Sends 360° photographs to the server, which cuts them into tiles (POST /api/exhibitions/:id/panoramas). */
export async function sendPhotos(exhibitionId: string, files: readonly FolderFile[], language: string): Promise<PhotosAnswer> {
  const form = new FormData();
  form.append('language', language);
  for (const f of files) {
    form.append('path', f.path);
    form.append('file', f.file, f.file.name);
  }
  const res = await fetch(`/api/exhibitions/${encodeURIComponent(exhibitionId)}/panoramas`, { method: 'POST', body: form, credentials: 'same-origin' });
  const body = (await res.json().catch(() => ({}))) as Partial<PhotosAnswer> & { error?: string };
  return { ok: res.ok, panoramas: body.panoramas ?? [], problems: body.problems ?? [], ...(body.batch ? { batch: body.batch } : {}), ...(res.ok ? {} : { error: body.error ?? `HTTP ${res.status}` }) };
}

/** A drop of 360° photographs rather than a collection folder: JPEG or PNG files only, and no spreadsheet. */
export const isPhotoDrop = (files: readonly FolderFile[]): boolean => {
  const shown = files.filter((f) => !f.path.split('/').some((s) => s.startsWith('.')));
  return shown.length > 0 && shown.every((f) => /\.(jpe?g|png)$/i.test(f.path));
};

const titleOf = (work: ImportedDraftWork['artwork'], lang: string): string => {
  const t = work.title as Record<string, string> | undefined;
  return t?.[lang] ?? (t ? Object.values(t)[0] : undefined) ?? work.id;
};

export function openImportDrop(o: ImportDropOptions): () => void {
  const { lang } = o;
  const section = document.createElement('section');
  section.id = 'import-folder';
  section.setAttribute('aria-labelledby', 'import-title');
  section.hidden = !o.editable;
  const title = Object.assign(document.createElement('h2'), { id: 'import-title', textContent: say(lang, 'title') });
  const hint = Object.assign(document.createElement('p'), { textContent: say(lang, 'hint') });
  const label = Object.assign(document.createElement('label'), { htmlFor: 'import-input', textContent: say(lang, 'choose') });
  const input = Object.assign(document.createElement('input'), { id: 'import-input', type: 'file', multiple: true });
  input.setAttribute('webkitdirectory', '');
  const photosHint = Object.assign(document.createElement('p'), { textContent: say(lang, 'photosHint') });
  const photosLabel = Object.assign(document.createElement('label'), { htmlFor: 'import-photos-input', textContent: say(lang, 'choosePhotos') });
  const photosInput = Object.assign(document.createElement('input'), { id: 'import-photos-input', type: 'file', multiple: true, accept: 'image/jpeg,image/png' });
  const result = Object.assign(document.createElement('div'), { id: 'import-result' });
  result.setAttribute('role', 'status');
  result.setAttribute('aria-live', 'polite');
  section.append(title, hint, label, input, photosHint, photosLabel, photosInput, result);
  o.root.append(section);

  let busy = false;
  /** Batches this curator added to the draft: told to the server when an Undo takes one out. */
  const added = new Set<string>();
  const onUndone = (tr: Y.Transaction) => {
    if (!(tr.origin instanceof Y.UndoManager) || !added.size) return;
    const named = batchesInDraft(o.doc);
    for (const batch of [...added].filter((b) => !named.has(b))) {
      added.delete(batch);
      // Once the Undo is stored: the server checks the draft and the published versions itself.
      void (o.saved?.() ?? Promise.resolve())
        .then(() => fetch(`/api/exhibitions/${encodeURIComponent(o.exhibitionId)}/imports/${batch}/undone`, { method: 'POST', credentials: 'same-origin' }))
        .catch(() => undefined); // files left behind take room, nothing else: the next Undo of this batch asks again
    }
  };
  o.doc.on('afterTransaction', onUndone);

  const problemsList = (problems: readonly { where: string; message: string }[]): HTMLElement[] => {
    if (!problems.length) return [];
    const list = document.createElement('ul');
    list.className = 'import-problems';
    list.append(...problems.slice(0, 200).map((p) => Object.assign(document.createElement('li'), { textContent: `${p.where}: ${p.message}` })));
    return [Object.assign(document.createElement('p'), { textContent: say(lang, 'problems', { n: problems.length }) }), list];
  };
  const error = (text: string) => Object.assign(document.createElement('p'), { className: 'error', textContent: text });

  async function importFolder(files: FolderFile[]): Promise<HTMLElement[]> {
    const languages = (exhibitionMap(o.doc).get('languages') as string[] | undefined) ?? ['en'];
    const answer = await sendFolder(o.exhibitionId, files, languages);
    const parts: HTMLElement[] = [];
    if (!answer.ok) parts.push(error(say(lang, 'refused', { error: answer.error ?? '' })));
    else {
      const placed = addImportedWorks(o.doc, answer.works, o.origin);
      if (answer.batch && placed.added.length) added.add(answer.batch);
      const titles = placed.added.map((id) => titleOf((artworksMap(o.doc).get(id)?.toJSON() ?? { id }) as ImportedDraftWork['artwork'], lang));
      parts.push(Object.assign(document.createElement('p'), { className: 'import-added', textContent: say(lang, 'added', { n: placed.added.length, titles: titles.join(', ') }) }));
      if (placed.unplaced.length) parts.push(error(say(lang, 'unplaced', { titles: placed.unplaced.join(', ') })));
    }
    return [...parts, ...problemsList(answer.problems)];
  }

  async function importPhotos(files: FolderFile[]): Promise<HTMLElement[]> {
    const language = ((exhibitionMap(o.doc).get('languages') as string[] | undefined) ?? ['en'])[0] ?? 'en';
    const answer = await sendPhotos(o.exhibitionId, files, language);
    const parts: HTMLElement[] = [];
    if (!answer.ok) parts.push(error(say(lang, 'refused', { error: answer.error ?? '' })));
    else {
      const placed = addImportedPanoramas(o.doc, answer.panoramas, o.origin);
      if (!placed.length) parts.push(error(say(lang, 'noRoom')));
      else {
        if (answer.batch) added.add(answer.batch);
        const names = placed.map((p) => `${p.id} (${p.room})`);
        parts.push(Object.assign(document.createElement('p'), { className: 'import-added', textContent: say(lang, 'addedPhotos', { n: placed.length, names: names.join(', ') }) }));
      }
    }
    return [...parts, ...problemsList(answer.problems)];
  }

  async function run(files: FolderFile[]): Promise<void> {
    if (busy || !o.editable) return;
    if (!files.length) return void result.replaceChildren(say(lang, 'noFiles'));
    busy = true;
    input.disabled = photosInput.disabled = true;
    section.setAttribute('aria-busy', 'true');
    const photos = isPhotoDrop(files);
    result.replaceChildren(say(lang, photos ? 'sendingPhotos' : 'importing', { n: files.length }));
    try {
      result.replaceChildren(...(photos ? await importPhotos(files) : await importFolder(files)));
    } catch (e) {
      result.replaceChildren(error(say(lang, 'refused', { error: (e as Error).message })));
    } finally {
      busy = false;
      input.disabled = photosInput.disabled = false;
      section.removeAttribute('aria-busy');
    }
  }

  photosInput.addEventListener('change', () => {
    if (photosInput.files) void run(filesOfInput(photosInput.files));
    photosInput.value = '';
  });
  input.addEventListener('change', () => {
    if (input.files) void run(filesOfInput(input.files));
    input.value = '';
  });
  // Files dragged over the draft: the page takes the drop instead of the browser opening the file.
  const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  const over = (e: DragEvent) => {
    if (!o.editable || !hasFiles(e)) return;
    e.preventDefault();
    o.dropTarget.dataset.dropping = say(lang, 'dropHere');
  };
  const leave = (e: DragEvent) => {
    if (e.target === o.dropTarget) delete o.dropTarget.dataset.dropping;
  };
  const drop = async (e: DragEvent) => {
    if (!o.editable || !hasFiles(e) || !e.dataTransfer) return;
    e.preventDefault();
    delete o.dropTarget.dataset.dropping;
    section.scrollIntoView({ block: 'nearest' });
    await run(await filesOfDrop(e.dataTransfer.items));
  };
  o.dropTarget.addEventListener('dragover', over);
  o.dropTarget.addEventListener('dragleave', leave);
  o.dropTarget.addEventListener('drop', drop);
  return () => {
    o.dropTarget.removeEventListener('dragover', over);
    o.dropTarget.removeEventListener('dragleave', leave);
    o.dropTarget.removeEventListener('drop', drop);
    o.doc.off('afterTransaction', onUndone);
    section.remove();
  };
}
