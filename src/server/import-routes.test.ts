/** The curating view's folder import over HTTP: who may, what a bad upload is told, and what comes back. */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addImportedPanoramas, type ImportedPanorama } from '../curate/import-drop-panoramas';
import { gpanoXmp, quadrantPhoto } from '../pipeline/import/panorama/test-photos';
import { writeSampleFolder } from '../pipeline/import/sample-folder';
import { exhibitionMap } from '../twin/collab-doc';
import { AccountStore } from './accounts/store';
import { acknowledged, connect, removeDir } from './collab/testing';
import { DEFAULT_EXHIBITION } from './config';
import { uploadPathProblem } from './import-routes';
import { startServer, type LiveServer } from './server';

const dataDir = mkdtempSync(join(tmpdir(), 'import-routes-'));
const sampleDir = join(dataDir, 'sample');
const exhibitionId = (JSON.parse(await readFile(DEFAULT_EXHIBITION, 'utf8')) as { id: string }).id;
let server: LiveServer;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  await writeSampleFolder(sampleDir);
  mkdirSync(join(dataDir, 'data'));
  const accounts = AccountStore.open(join(dataDir, 'data'));
  await accounts.add({ name: 'ana', role: 'curator', password: 'curator-password' });
  await accounts.add({ name: 'cora', role: 'conservator', password: 'conservator-password' });
  accounts.close();
  server = await startServer({ port: 0, mqttPort: 0, serveApp: false, dataDir: join(dataDir, 'data'), exhibitions: [DEFAULT_EXHIBITION], log: false });
  for (const [name, password] of [['ana', 'curator-password'], ['cora', 'conservator-password']] as const) {
    const res = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password }) });
    cookies[name] = res.headers.getSetCookie()[0]!.split(';')[0]!;
  }
}, 60_000);

afterAll(async () => {
  await server?.close();
  removeDir(dataDir);
});

/** The folder as the curating view sends it: a path field before each file. */
async function folderForm(dir: string, extra: Record<string, string> = {}): Promise<FormData> {
  const form = new FormData();
  form.append('languages', 'en,it');
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  for (const f of files) {
    const full = join(f.parentPath, f.name);
    form.append('path', relative(dir, full).split(sep).join('/'));
    form.append('file', new Blob([await readFile(full)]), f.name);
  }
  for (const [path, text] of Object.entries(extra)) {
    form.append('path', path);
    form.append('file', new Blob([text]), path.split('/').pop()!);
  }
  return form;
}

const post = (form: FormData, headers: Record<string, string> = {}) => fetch(`${server.url}/api/exhibitions/${exhibitionId}/import`, { method: 'POST', body: form, headers });

describe('POST /api/exhibitions/:id/import', () => {
  it('takes a folder only from a signed-in curator or admin, from this server’s own pages', async () => {
    const visitor = await post(await folderForm(sampleDir));
    expect(visitor.status).toBe(401);
    expect(((await visitor.json()) as { error: string }).error).toBe('sign in to import works');
    const conservator = await post(await folderForm(sampleDir), { cookie: cookies.cora! });
    expect(conservator.status).toBe(403);
    const elsewhere = await post(await folderForm(sampleDir), { cookie: cookies.ana!, origin: 'https://evil.example' });
    expect(elsewhere.status).toBe(403);
    expect((await readdir(join(dataDir, 'data')))).not.toContain('imports');
  });

  it('imports the folder: each work with its texts and packed media served beside the exhibition, each bad row named', async () => {
    const res = await post(await folderForm(sampleDir, { 'notes/readme.txt': 'not a work' }), { cookie: cookies.ana! });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { batch: string; works: { artwork: Record<string, unknown> & { id: string }; room?: string }[]; problems: { where: string; message: string }[] };
    expect(body.works.map((w) => (w.artwork.title as Record<string, string>).en)).toEqual(['River at Dusk', 'Hills in Spring', 'Morning Harbour', 'Study of Light', 'Carved Block', 'Round Vessel']);
    const river = body.works[0]!;
    expect(river.room).toBe('Landscapes');
    expect(body.works[4]!.room).toBe('Objects');
    expect(river.artwork).toMatchObject({ kind: 'painting', title: { en: 'River at Dusk', it: 'Fiume al tramonto' }, accessionNumber: '1901.1', dimensions: { height: 0.737, width: 0.921 } });
    // The place is the curating view's to choose on the draft's own walls.
    expect(river.artwork.placement).toBeUndefined();
    const image = river.artwork.image as string;
    expect(image.startsWith(`imports/${body.batch}/`)).toBe(true);
    const lines = body.problems.map((p) => `${p.where}: ${p.message}`);
    expect(lines).toContain('notes/readme.txt: not an image (JPEG, PNG, TIFF, WebP), a 3D model (glTF, GLB) or a spreadsheet (.csv, .xlsx); skipped');
    expect(lines.some((l) => l.startsWith("row 5, Dimensions: '??'"))).toBe(true);
    expect(lines).toContain("row 9, File Name: 'missing.jpg' is not in the folder; the row is left out");

    const media = await fetch(`${server.url}/exhibitions/default/${image}`);
    expect(media.status).toBe(200);
    expect(media.headers.get('content-type')).toBe('image/webp');
    expect((await media.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    const model = await fetch(`${server.url}/exhibitions/default/${body.works[4]!.artwork.model as string}`);
    expect(model.headers.get('content-type')).toBe('model/gltf-binary');
    expect((await fetch(`${server.url}/exhibitions/default/imports/${body.batch}/../../accounts.sqlite`)).status).toBe(404);
  }, 120_000);

  it('refuses a path that climbs out of the folder, and says what a folder without a spreadsheet lacks', async () => {
    const form = new FormData();
    form.append('path', '../../escape.jpg');
    form.append('file', new Blob(['x']), 'escape.jpg');
    const climbing = await post(form, { cookie: cookies.ana! });
    expect(climbing.status).toBe(400);
    expect(((await climbing.json()) as { error: string }).error).toBe(`'../../escape.jpg': a file path must not contain empty, "." or ".." parts`);

    const sheetless = new FormData();
    sheetless.append('path', 'river.jpg');
    sheetless.append('file', new Blob([await readFile(join(sampleDir, 'river.jpg'))]), 'river.jpg');
    const res = await post(sheetless, { cookie: cookies.ana! });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toMatch(/^no spreadsheet \(\.csv or \.xlsx\) at the top of the dropped folder: it lists the works/);
  });
});

/** 360° photographs as the curating view sends them: a path field before each file, and the draft's language. */
function photosForm(photos: Record<string, Buffer | string>): FormData {
  const form = new FormData();
  form.append('language', 'en');
  for (const [name, bytes] of Object.entries(photos)) {
    form.append('path', name);
    form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name);
  }
  return form;
}

type PanoramasAnswer = { batch: string; panoramas: ImportedPanorama[]; problems: { where: string; message: string }[]; error?: string };
const postPhotos = async (photos: Record<string, Buffer | string>, cookie = cookies.ana!) => {
  const res = await fetch(`${server.url}/api/exhibitions/${exhibitionId}/panoramas`, { method: 'POST', body: photosForm(photos), headers: { cookie } });
  return { status: res.status, body: (await res.json()) as PanoramasAnswer };
};
const tileUrl = (tile: string) => `${server.url}/exhibitions/default/${tile}`;

describe('POST /api/exhibitions/:id/panoramas', () => {
  it('takes 360° photographs only from a signed-in curator or admin', async () => {
    const photo = await quadrantPhoto(400, 200);
    expect((await fetch(`${server.url}/api/exhibitions/${exhibitionId}/panoramas`, { method: 'POST', body: photosForm({ 'hall.jpg': photo }) })).status).toBe(401);
    expect((await postPhotos({ 'hall.jpg': photo }, cookies.cora!)).status).toBe(403);
  });

  it('cuts each photo into tiles served beside the exhibition, its heading from GPano; each other file is named with why', async () => {
    const { status, body } = await postPhotos({
      'Hall East.jpg': await quadrantPhoto(400, 200, gpanoXmp({ heading: 80, fullWidth: 400, fullHeight: 200 })),
      'wide.jpg': await quadrantPhoto(300, 200),
      'script.jpg': '<script>alert(1)</script>',
      'notes.txt': 'not a photo',
    });
    expect(status).toBe(200);
    expect(body.panoramas.map((p) => [p.file, p.panorama.id, p.panorama.heading, p.headingFrom, p.panorama.pixels])).toEqual([['Hall East.jpg', 'hall-east', 80, 'gpano', [400, 200]]]);
    const tile = body.panoramas[0]!.panorama.levels[0]!.tiles[0]!;
    expect(tile).toBe(`imports/${body.batch}/panoramas/hall-east/0-0-0.jpg`);
    const served = await fetch(tileUrl(tile));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(Object.fromEntries(body.problems.map((p) => [p.where, p.message]))).toEqual({
      'notes.txt': 'not a JPEG or PNG photograph; a 360° photograph is taken as JPEG or PNG; skipped',
      'script.jpg': 'is not a JPEG or PNG image (its first bytes are neither): a 360° photograph is taken as JPEG or PNG; skipped',
      'wide.jpg': 'is 300 × 200 px: a 360° photograph is 2:1 (equirectangular), e.g. 400 × 200',
    });
  }, 60_000);

  it('answers 422 naming each photo when none can be used, and keeps nothing of it', async () => {
    const before = await readdir(join(dataDir, 'data', 'imports', exhibitionId)).catch(() => []);
    const { status, body } = await postPhotos({ 'wide.jpg': await quadrantPhoto(300, 200) });
    expect(status).toBe(422);
    expect(body.error).toBe('none of the photographs could be imported');
    expect(body.problems).toEqual([{ where: 'wide.jpg', message: 'is 300 × 200 px: a 360° photograph is 2:1 (equirectangular), e.g. 400 × 200' }]);
    expect(await readdir(join(dataDir, 'data', 'imports', exhibitionId)).catch(() => [])).toEqual(before);
  }, 60_000);
});

describe('POST /api/exhibitions/:id/imports/:batch/undone', () => {
  const undone = (batch: string, cookie: string = cookies.ana!) =>
    fetch(`${server.url}/api/exhibitions/${exhibitionId}/imports/${batch}/undone`, { method: 'POST', headers: cookie ? { cookie } : {} });

  it('removes the files of an undone import that no kept revision names, and keeps those the draft or a published version names', async () => {
    const first = (await postPhotos({ 'hall.jpg': await quadrantPhoto(400, 200) })).body;
    const second = (await postPhotos({ 'door.jpg': await quadrantPhoto(400, 200) })).body;
    const firstTile = first.panoramas[0]!.panorama.levels[0]!.tiles[0]!;
    const secondTile = second.panoramas[0]!.panorama.levels[0]!.tiles[0]!;
    expect((await undone(second.batch, '')).status).toBe(401);
    expect((await undone(second.batch, cookies.cora!)).status).toBe(403);
    expect((await undone('..%2F..%2Faccounts')).status).toBe(400);
    expect((await undone('not-a-batch')).status).toBe(400);

    const curator = await connect(server, cookies.ana!, exhibitionId);
    try {
      const origin = { curator: 'ana' };
      const undo = new Y.UndoManager([exhibitionMap(curator.doc)], { trackedOrigins: new Set([origin]) });
      // The first import is added and published; the second only added.
      addImportedPanoramas(curator.doc, first.panoramas, origin);
      await acknowledged(curator);
      const published = await fetch(`${server.url}/api/exhibitions/${exhibitionId}/publish`, { method: 'POST', headers: { cookie: cookies.ana! } });
      expect(published.status).toBe(201);
      undo.stopCapturing();
      addImportedPanoramas(curator.doc, second.panoramas, origin);
      await acknowledged(curator);

      // While the draft names the second import's tiles, nothing of it goes.
      expect(await (await undone(second.batch)).json()).toEqual({ removed: [], kept: ['panoramas/door/0-0-0.jpg'] });
      undo.undo();
      await acknowledged(curator);
      expect(await (await undone(second.batch)).json()).toEqual({ removed: ['panoramas/door/0-0-0.jpg'], kept: [] });
      const gone = await fetch(tileUrl(secondTile));
      expect(gone.status).toBe(410);
      expect(await gone.text()).toBe('Gone: this file was removed when its import was undone');

      // The first import undone too: the published version still names its tiles, so they stay.
      undo.undo();
      await acknowledged(curator);
      expect(await (await undone(first.batch)).json()).toEqual({ removed: [], kept: ['panoramas/hall/0-0-0.jpg'] });
      expect((await fetch(tileUrl(firstTile))).status).toBe(200);
    } finally {
      curator.destroy();
    }
  }, 90_000);
});

describe('uploadPathProblem', () => {
  it('accepts a dropped folder’s paths and refuses what could land outside it', () => {
    expect(uploadPathProblem('images/room 1/river.jpg')).toBeUndefined();
    expect(uploadPathProblem('/etc/passwd')).toBe('a file path is relative to the dropped folder');
    expect(uploadPathProblem('a\\..\\b.jpg')).toMatch(/must not contain/);
    expect(uploadPathProblem('a//b.jpg')).toMatch(/empty/);
    expect(uploadPathProblem('C:x.jpg')).toMatch(/":"/);
    expect(uploadPathProblem('a/b/c/d/e/f/g/h/i.jpg')).toBe('a file lies more than 8 folders deep');
  });
});
