/**
 * What an undone import leaves behind: the media files of its batch (<data>/imports/<exhibition id>/<batch>/) that
 * no kept revision of the exhibition names any more are removed; every file the draft as it is now, or any
 * published version, still names stays, with its copies of the same name (nothing anyone saved or published is lost). Versions in the draft's change
 * history between the import and its undo are the import itself and keep nothing: restoring one of them brings the
 * works back without those files (the media URL then answers 410 Gone, saying why).
 */
import { readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { docToExhibition } from './collab/doc-model';
import type { DraftStore } from './collab/storage';

/** Every string in `value` naming a file under `prefix` ('imports/<batch>/'), as a path inside the batch. */
export function namedUnder(value: unknown, prefix: string, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const p = value.startsWith('./') ? value.slice(2) : value;
    if (p.startsWith(prefix)) out.add(p.slice(prefix.length).split(/[?#]/)[0]!);
  } else if (Array.isArray(value)) for (const v of value) namedUnder(v, prefix, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) namedUnder(v, prefix, out);
  return out;
}

/** 'works/river.far.webp' → 'works/river': a file's path up to the first dot of its name. */
const stem = (f: string): string => {
  const slash = f.lastIndexOf('/') + 1;
  const dot = f.indexOf('.', slash + 1);
  return dot < 0 ? f : f.slice(0, dot);
};

export interface SweepOptions {
  readonly dataDir: string;
  readonly drafts: DraftStore;
  readonly exhibitionId: string;
}

/** The exhibition's kept revisions: the draft as it is now (when one was started) and every published version. */
async function keptRevisions(o: SweepOptions): Promise<unknown[]> {
  const out: unknown[] = [];
  // The store has every acknowledged change (collab.ts writes each before applying it), so this is the draft now.
  const state = await o.drafts.load(o.exhibitionId);
  if (state) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    out.push(docToExhibition(doc));
    doc.destroy();
  }
  const published = path.join(o.dataDir, 'published', o.exhibitionId);
  const versions = (await readdir(published).catch(() => [] as string[])).filter((n) => /^[1-9]\d*$/.test(n));
  for (const n of versions) {
    const text = await readFile(path.join(published, n, 'exhibition.json'), 'utf8').catch(() => undefined);
    // A version that cannot be read keeps everything: nothing is removed on a guess.
    if (text === undefined) throw new Error(`published version ${n} of '${o.exhibitionId}' cannot be read; nothing was removed`);
    out.push(JSON.parse(text) as unknown);
  }
  return out;
}

/** The note left in a batch folder naming the files removed, so the media route can say why one is gone. */
export const REMOVED_NOTE = '.removed.json';

/**
 * Removes the files of `batch` that no kept revision names; returns what was removed and what stays (paths inside
 * the batch). A note of the removed files stays in the batch folder (a few bytes), so their URLs can say why.
 */
export async function sweepBatch(o: SweepOptions, batch: string): Promise<{ removed: string[]; kept: string[] }> {
  const root = path.join(o.dataDir, 'imports', o.exhibitionId, batch);
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((e) => e.isFile() && e.name !== REMOVED_NOTE).map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
  if (!files.length) return { removed: [], kept: [] };
  const named = new Set<string>();
  for (const revision of await keptRevisions(o)) namedUnder(revision, `imports/${batch}/`, named);
  // A named file keeps its companions found by name, not by a field: a model's USDZ copy for AR Quick Look
  // (src/pipeline/usdz.ts, beside the GLB), and any other copy of the same stem.
  const stems = new Set([...named].map(stem));
  const keeps = (f: string) => named.has(f) || stems.has(stem(f));
  const removed = files.filter((f) => !keeps(f)).sort();
  const kept = files.filter(keeps).sort();
  for (const f of removed) await rm(path.join(root, ...f.split('/')), { force: true });
  // Folders the removal emptied (a panorama's tiles), deepest first; a folder still holding a file stays.
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => path.join(e.parentPath, e.name)).sort((a, b) => b.length - a.length);
  for (const d of dirs) await rmdir(d).catch(() => undefined);
  if (removed.length) {
    const before = await removedFiles(root);
    await writeFile(path.join(root, REMOVED_NOTE), `${JSON.stringify({ removed: [...new Set([...before, ...removed])].sort(), at: new Date().toISOString() })}\n`);
  }
  return { removed, kept };
}

/** The files of the batch at `batchRoot` removed when its import was undone. */
async function removedFiles(batchRoot: string): Promise<string[]> {
  const text = await readFile(path.join(batchRoot, REMOVED_NOTE), 'utf8').catch(() => undefined);
  if (text === undefined) return [];
  try {
    const removed = (JSON.parse(text) as { removed?: unknown }).removed;
    return Array.isArray(removed) ? removed.filter((f): f is string => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

/** Whether `rel` (a path inside the batch) was removed when its import was undone. */
export const wasRemoved = async (batchRoot: string, rel: string): Promise<boolean> => (await removedFiles(batchRoot)).includes(rel);
