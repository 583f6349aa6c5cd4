/**
 * Adding one work by hand in the curating view: its image, title, maker, size and room. The form writes a
 * one-row spreadsheet beside the image and sends both through the same server import as a dropped folder
 * (POST /api/exhibitions/:id/import, import-drop.ts), so the image is checked, packed and served, and the row's
 * problems are named by column ("Dimensions: '??' is not a size"); the work is then hung on a free wall of the
 * room (import-drop-place.ts) in one change that everyone sees and that the server checks whole (curate-edits.ts).
 */
import type * as Y from 'yjs';
import { exhibitionMap } from '../twin/collab-doc';
import { sendFolder } from './import-drop';
import { addImportedWorks } from './import-drop-place';
import { type CurateLanguage } from './strings';

export interface AddWorkOptions {
  readonly root: HTMLElement;
  readonly doc: Y.Doc;
  readonly exhibitionId: string;
  readonly lang: CurateLanguage;
  readonly origin: object;
  readonly editable: boolean;
  /** The new work is added: select it. */
  readonly onAdded: (id: string) => void;
}

const WORDS = {
  en: {
    title: 'Add a work',
    image: 'Image (JPEG, PNG, WebP or TIFF)',
    workTitle: 'Title',
    creator: 'Artist or maker',
    size: 'Size (e.g. 60 × 40 cm)',
    room: 'Room',
    add: 'Add the work',
    adding: 'Adding…',
    added: 'Added {title}.',
    missing: 'An image and a title are needed.',
    notImage: '{name} is not a JPEG, PNG, WebP or TIFF image.',
    refused: 'Not added: {error}',
  },
  it: {
    title: 'Aggiungi un’opera',
    image: 'Immagine (JPEG, PNG, WebP o TIFF)',
    workTitle: 'Titolo',
    creator: 'Artista o autore',
    size: 'Misure (es. 60 × 40 cm)',
    room: 'Sala',
    add: 'Aggiungi l’opera',
    adding: 'Aggiunta in corso…',
    added: 'Aggiunta: {title}.',
    missing: 'Servono un’immagine e un titolo.',
    notImage: '{name} non è un’immagine JPEG, PNG, WebP o TIFF.',
    refused: 'Non aggiunta: {error}',
  },
} as const;

const say = (lang: CurateLanguage, key: keyof (typeof WORDS)['en'], values: Record<string, string> = {}) =>
  WORDS[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

const IMAGE = /\.(jpe?g|png|webp|tiff?)$/i;

/** One CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The one-row spreadsheet for a work (the importer's column names, src/pipeline/import/columns.ts). */
export function workSheet(row: { title: string; creator: string; size: string; file: string; room: string }): string {
  const heads = ['Title', 'Creator', 'Dimensions', 'File', 'Room'];
  const values = [row.title, row.creator, row.size, row.file, row.room];
  return `${heads.join(',')}\r\n${values.map((v) => csvField(v.trim())).join(',')}\r\n`;
}

/** The image's name as a plain file name the importer takes (letters, digits, dot, dash, underscore). */
export const plainFileName = (name: string): string => name.normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'image';

export function openAddWork(o: AddWorkOptions): () => void {
  const { lang } = o;
  const section = document.createElement('section');
  section.id = 'add-work';
  section.hidden = !o.editable;
  section.setAttribute('aria-labelledby', 'add-work-title');
  section.innerHTML = `<h2 id="add-work-title"></h2><form novalidate>
    <label for="add-image"></label><input id="add-image" type="file" accept=".jpg,.jpeg,.png,.webp,.tif,.tiff,image/jpeg,image/png,image/webp,image/tiff">
    <label for="add-title"></label><input id="add-title" type="text" maxlength="300">
    <label for="add-creator"></label><input id="add-creator" type="text" maxlength="300">
    <label for="add-size"></label><input id="add-size" type="text" maxlength="100">
    <label for="add-room"></label><select id="add-room"></select>
    <button type="submit"></button><div id="add-work-result" role="status" aria-live="polite"></div></form>`;
  const q = <T extends HTMLElement>(sel: string) => section.querySelector<T>(sel)!;
  q('#add-work-title').textContent = say(lang, 'title');
  for (const [id, key] of [['add-image', 'image'], ['add-title', 'workTitle'], ['add-creator', 'creator'], ['add-size', 'size'], ['add-room', 'room']] as const) {
    q(`label[for=${id}]`).textContent = say(lang, key);
  }
  const button = q<HTMLButtonElement>('button');
  button.textContent = say(lang, 'add');
  const result = q('#add-work-result');
  const room = q<HTMLSelectElement>('#add-room');
  const rooms = ((exhibitionMap(o.doc).get('space') as Y.Map<unknown> | undefined)?.toJSON()?.rooms ?? []) as { id: string; name?: Record<string, string> }[];
  room.append(...rooms.map((r) => Object.assign(document.createElement('option'), { value: r.id, textContent: r.name?.[lang] ?? r.name?.en ?? r.id })));
  o.root.append(section);

  const message = (text: string, error = false) => result.replaceChildren(Object.assign(document.createElement('p'), { textContent: text, className: error ? 'error' : '' }));

  q<HTMLFormElement>('form').addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!o.editable) return;
    const image = q<HTMLInputElement>('#add-image').files?.[0];
    const title = q<HTMLInputElement>('#add-title').value.trim();
    if (!image || !title) return message(say(lang, 'missing'), true);
    if (!IMAGE.test(image.name)) return message(say(lang, 'notImage', { name: image.name }), true);
    const file = plainFileName(image.name);
    const sheet = workSheet({ title, creator: q<HTMLInputElement>('#add-creator').value, size: q<HTMLInputElement>('#add-size').value, file, room: room.value });
    button.disabled = true;
    message(say(lang, 'adding'));
    try {
      const languages = (exhibitionMap(o.doc).get('languages') as string[] | undefined) ?? ['en'];
      const answer = await sendFolder(o.exhibitionId, [{ path: 'work.csv', file: new File([sheet], 'work.csv', { type: 'text/csv' }) }, { path: file, file: image }], languages);
      const placed = answer.ok && answer.works.length ? addImportedWorks(o.doc, answer.works, o.origin) : undefined;
      const id = placed?.added[0];
      if (!id) {
        const why = answer.error ?? answer.problems.map((p) => `${p.where}: ${p.message}`).join('; ');
        return message(say(lang, 'refused', { error: why || (placed?.unplaced.join(', ') ?? '') }), true);
      }
      message(say(lang, 'added', { title }));
      q<HTMLFormElement>('form').reset();
      o.onAdded(id);
    } catch (err) {
      message(say(lang, 'refused', { error: (err as Error).message }), true);
    } finally {
      button.disabled = false;
    }
  });
  return () => section.remove();
}
