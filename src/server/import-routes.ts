/**
 * Importing a collection folder into an exhibition's draft from the curating view (a folder dropped on the page):
 *
 *   POST /api/exhibitions/:id/import     admin or curator, multipart/form-data (@fastify/multipart): for each
 *                                        file a `path` field (its path inside the dropped folder) then the
 *                                        `file`; optionally `languages` (the draft's, comma-separated, default
 *                                        first). Runs the importer of `npm run import` in a child process
 *                                        (src/cli/import-draft.ts → src/pipeline/import/into-draft.ts) and
 *                                        answers {batch, works, problems}: the works to add,
 *                                        their media packed into the batch folder; 422 when none could be used.
 *   GET  /exhibitions/<folder>/imports/<batch>/<file>   the packed media, beside the exhibition's own URL, so
 *                                        the works' relative paths resolve there in the visit and the curating view.
 *
 * Nothing is written without a curator's session from this server's own pages (accounts/routes.ts
 * requireAccount); every path is checked before a byte is stored; sizes are capped; one import runs at a time
 * (each decodes and resizes every image). Batches live in <data>/imports/<exhibition id>/<batch>/, never replaced.
 */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { mayPublish } from './accounts/permissions';
import { requireAccount } from './accounts/routes';
import { AccountStore } from './accounts/store';
import { ROOT } from './config';
import type { ServerExtension } from './server';

/** What one import may bring: generous for a room's worth of photographs, far from filling a disk. */
export const IMPORT_LIMITS = { fileBytes: 300 * 1024 * 1024, totalBytes: 2 * 1024 * 1024 * 1024, files: 2000 } as const;
/** What a dropped folder may hold: the importer's images, models (a .gltf's buffers and textures) and sheets. */
const ACCEPTED = /\.(jpe?g|png|tiff?|webp|glb|gltf|bin|ktx2|csv|xlsx)$/i;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const BATCH = /^[0-9]{8}-[0-9]{6}-[0-9a-f]{6}$/;
const Params = z.object({ id: z.string().min(1).max(80) });

const TYPES: Record<string, string> = { '.webp': 'image/webp', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.glb': 'model/gltf-binary', '.ktx2': 'image/ktx2', '.json': 'application/json' };

/**
 * Why a path from a dropped folder cannot be stored as it is, or undefined when it can: relative, '/'-separated,
 * no empty, '.' or '..' part, no control characters, not too deep or long.
 */
export function uploadPathProblem(p: string): string | undefined {
  if (p.length === 0 || p.length > 400) return 'a file path is 1–400 characters long';
  if (/[\u0000-\u001f\u007f\\:]/.test(p)) return 'a file path must not contain control characters, "\\" or ":"';
  if (p.startsWith('/')) return 'a file path is relative to the dropped folder';
  const parts = p.split('/');
  if (parts.length > 8) return 'a file lies more than 8 folders deep';
  if (parts.some((s) => s === '' || s === '.' || s === '..')) return 'a file path must not contain empty, "." or ".." parts';
  return undefined;
}

/** A batch folder's name: when it was imported, and a random part so two never meet. */
function batchName(now = new Date()): string {
  const t = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${t}-${randomBytes(3).toString('hex')}`;
}

export interface ImportExtensionOptions {
  /** The folder served at /exhibitions/ (default the project's assets/). */
  readonly assetsDir?: string;
}

/** The curating view's folder import, as a server extension (server.ts lists it). */
export function importExtension(o: ImportExtensionOptions = {}): ServerExtension {
  let accounts: AccountStore | undefined;
  return {
    name: 'import',
    async register(ctx) {
      const { app } = ctx;
      const dataDir = ctx.config.dataDir;
      // A second handle on the accounts database: sessions are rows there, so a sign-in anywhere counts here.
      const store = (accounts = AccountStore.open(dataDir));
      const assets = path.resolve(o.assetsDir ?? path.join(ROOT, 'assets'));
      /** Exhibition id → its folder under /exhibitions/ (only those served from the assets folder can show imports). */
      const folders = new Map<string, string>();
      for (const [id, e] of ctx.exhibitions) {
        const rel = path.relative(assets, path.dirname(e.file));
        if (!rel.startsWith('..') && !path.isAbsolute(rel)) folders.set(id, rel.split(path.sep).join('/'));
      }
      await app.register(fastifyMultipart, {
        limits: { fileSize: IMPORT_LIMITS.fileBytes, files: IMPORT_LIMITS.files, fields: 2 * IMPORT_LIMITS.files + 10, fieldSize: 1024, parts: 3 * IMPORT_LIMITS.files + 10, headerPairs: 100 },
      });
      let busy = false;

      app.post('/api/exhibitions/:id/import', async (req, reply) => {
        const account = requireAccount(store, req, reply, mayPublish, 'import works');
        if (!account) return reply;
        const params = Params.safeParse(req.params);
        const id = params.success ? params.data.id : '';
        const folder = folders.get(id);
        if (!folder) return reply.code(404).send({ error: `There is no exhibition '${id}' on this server that can take imported works; it keeps ${[...folders.keys()].join(', ')}.` });
        if (!req.isMultipart()) return reply.code(415).send({ error: 'send the folder as multipart/form-data: a path field, then the file, for each file' });
        if (busy) return reply.code(429).header('Retry-After', '30').send({ error: 'another import is running on this server; try again when it has finished' });
        busy = true;
        let upload: string | undefined;
        try {
          upload = await mkdtemp(path.join(os.tmpdir(), 'museum-upload-'));
          const received = await receive(req.parts(), upload, reply);
          if (!received) return reply;
          // Checked here, before an importer process starts for nothing (the importer says the same).
          if (!received.files.some((f) => !f.includes('/') && /\.(csv|xlsx)$/i.test(f))) {
            return reply.code(422).send({ error: 'no spreadsheet (.csv or .xlsx) at the top of the dropped folder: it lists the works (title, creator, date, medium, dimensions, accession number, file…), one row each', problems: received.skipped });
          }
          const batch = batchName();
          const batchDir = path.join(dataDir, 'imports', id, batch);
          await mkdir(batchDir, { recursive: true });
          const result = await runImporter(upload, batchDir, `imports/${batch}/`, received.languages);
          if ('error' in result) {
            await rm(batchDir, { recursive: true, force: true });
            return reply.code(422).send({ error: result.error.replaceAll(upload, 'the dropped folder'), problems: received.skipped });
          }
          const problems = [...received.skipped, ...result.problems];
          if (!result.works.length) {
            await rm(batchDir, { recursive: true, force: true });
            return reply.code(422).send({ error: 'none of the rows could be imported', problems });
          }
          ctx.log(`  Import: ${account.name} imported ${result.works.length} work(s) into ${id} (batch ${batch}, ${problems.length} problem(s))`);
          return { batch, works: result.works, problems };
        } finally {
          busy = false;
          if (upload) await rm(upload, { recursive: true, force: true });
        }
      });

      // The packed media of each batch, beside the exhibition file whose works name them.
      for (const [id, folder] of folders) {
        app.get(`/exhibitions/${folder}/imports/:batch/*`, async (req, reply) => {
          const { batch, '*': rest } = req.params as { batch: string; '*': string };
          const root = path.join(dataDir, 'imports', id, batch);
          const file = path.resolve(root, rest ?? '');
          if (!BATCH.test(batch) || uploadPathProblem(rest ?? '') || !file.startsWith(root + path.sep)) return notFound(reply);
          const info = await stat(file).catch(() => undefined);
          if (!info?.isFile()) return notFound(reply);
          return reply
            .type(TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream')
            .header('Content-Length', info.size)
            // A batch is never written again: its files may be kept.
            .header('Cache-Control', 'public, max-age=31536000, immutable')
            .send(createReadStream(file));
        });
      }
    },
    close() {
      accounts?.close();
    },
  };
}

/** The longest an import may take (a few thousand large images on a busy machine). */
const IMPORT_TIMEOUT_MS = 20 * 60_000;

type ImporterAnswer = { works: unknown[]; problems: { where: string; message: string }[] } | { error: string };

/** Runs src/cli/import-draft.ts on the uploaded folder and reads its one line of JSON. */
function runImporter(folder: string, batchDir: string, prefix: string, languages: string[]): Promise<ImporterAnswer> {
  const args = ['--import', 'tsx', path.join(ROOT, 'src/cli/import-draft.ts'), folder, '--batch-dir', batchDir, '--prefix', prefix, ...(languages.length ? ['--languages', languages.join(',')] : [])];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], timeout: IMPORT_TIMEOUT_MS });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (b: Buffer) => out.push(b));
    // Progress lines; the last few explain a crash.
    child.stderr.on('data', (b: Buffer) => (err = (err + b.toString()).slice(-2000)));
    child.on('error', (e) => resolve({ error: `the importer could not start: ${e.message}` }));
    child.on('close', (code, signal) => {
      const line = Buffer.concat(out).toString().trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(line) as ImporterAnswer);
      } catch {
        resolve({ error: signal === 'SIGTERM' ? 'the import took too long and was stopped; import the folder in parts' : `the importer stopped (${code ?? signal}): ${err.trim().split('\n').pop() ?? ''}` });
      }
    });
  });
}

const notFound = (reply: FastifyReply) => reply.code(404).type('text/plain; charset=utf-8').send('Not found');

type Part = { type: 'file'; fieldname: string; filename: string; file: NodeJS.ReadableStream & { truncated?: boolean } } | { type: 'field'; fieldname: string; value: unknown };

/**
 * Stores the upload's files under `dir` by their checked paths. Files of other kinds are skipped and named; a bad
 * path, a file without its path or a size over the limits answers 400 or 413 and returns undefined.
 */
async function receive(parts: AsyncIterable<unknown>, dir: string, reply: FastifyReply): Promise<{ languages: string[]; files: string[]; skipped: { where: string; message: string }[] } | undefined> {
  let languages: string[] = [];
  const skipped: { where: string; message: string }[] = [];
  const seen = new Set<string>();
  let next: string | undefined;
  let total = 0;
  try {
    for await (const raw of parts) {
      const part = raw as Part;
      if (part.type === 'field') {
        const value = String(part.value);
        if (part.fieldname === 'path') next = value;
        else if (part.fieldname === 'languages') {
          languages = value.split(',').map((l) => l.trim()).filter(Boolean);
          const bad = languages.find((l) => !LANGUAGE.test(l));
          if (bad !== undefined || languages.length > 20) return void reply.code(400).send({ error: `languages: '${bad ?? value}' is not a list of language tags such as "en,it"` });
        } else return void reply.code(400).send({ error: `unknown field '${part.fieldname.slice(0, 40)}': send path and file for each file, and languages` });
        continue;
      }
      const rel = next;
      next = undefined;
      if (rel === undefined) return void reply.code(400).send({ error: `the file '${part.filename.slice(0, 80)}' came without its path field` });
      const problem = uploadPathProblem(rel);
      if (problem) return void reply.code(400).send({ error: `'${rel.slice(0, 80)}': ${problem}` });
      const hidden = rel.split('/').some((s) => s.startsWith('.') || s.startsWith('~$'));
      if (hidden || !ACCEPTED.test(rel) || seen.has(rel.toLowerCase())) {
        part.file.resume(); // read and dropped: the rest of the upload still arrives
        if (!hidden) skipped.push({ where: rel, message: seen.has(rel.toLowerCase()) ? 'a second file of this name; the first is used' : 'not an image (JPEG, PNG, TIFF, WebP), a 3D model (glTF, GLB) or a spreadsheet (.csv, .xlsx); skipped' });
        continue;
      }
      seen.add(rel.toLowerCase());
      const dest = path.join(dir, ...rel.split('/'));
      await mkdir(path.dirname(dest), { recursive: true });
      let size = 0;
      part.file.on('data', (chunk: Buffer) => {
        size += chunk.length;
      });
      await pipeline(part.file, createWriteStream(dest));
      total += size;
      if (part.file.truncated) return void reply.code(413).send({ error: `'${rel}' is larger than ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB, the most one file may be` });
      if (total > IMPORT_LIMITS.totalBytes) return void reply.code(413).send({ error: `the folder is larger than ${IMPORT_LIMITS.totalBytes / 1024 / 1024 / 1024} GB, the most one import may bring; import it in parts` });
    }
  } catch (e) {
    const err = e as { statusCode?: number; code?: string; message: string };
    if (err.code === 'FST_FILES_LIMIT' || err.code === 'FST_PARTS_LIMIT' || err.code === 'FST_FIELDS_LIMIT') {
      return void reply.code(413).send({ error: `a folder may hold at most ${IMPORT_LIMITS.files} files; import it in parts` });
    }
    if (err.code === 'FST_REQ_FILE_TOO_LARGE') return void reply.code(413).send({ error: `a file is larger than ${IMPORT_LIMITS.fileBytes / 1024 / 1024} MB, the most one file may be` });
    if (err.statusCode && err.statusCode < 500) return void reply.code(400).send({ error: `the upload could not be read: ${err.message}` });
    throw e;
  }
  return { languages, files: [...seen], skipped };
}
