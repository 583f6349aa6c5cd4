/** The curating view's folder import over HTTP: who may, what a bad upload is told, and what comes back. */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSampleFolder } from '../pipeline/import/sample-folder';
import { AccountStore } from './accounts/store';
import { removeDir } from './collab/testing';
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
