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
 *   POST /api/exhibitions/:id/panoramas  admin or curator, multipart/form-data: 360° photographs (JPEG or PNG, each
 *                                        after its `path` field), optionally `language` (the draft's default).
 *                                        Runs src/cli/panorama-draft.ts (the tiles cut as npm run import:panoramas
 *                                        cuts them) and answers {batch, panoramas, problems}; 422 when none could be used.
 *   POST /api/exhibitions/:id/imports/:batch/undone   admin or curator: the import was undone; its files that no
 *                                        kept revision names are removed (import-sweep.ts): {removed, kept}.
 *   GET  /exhibitions/<folder>/imports/<batch>/<file>   the packed media, beside the exhibition's own URL, so
 *                                        the works' relative paths resolve there in the visit and the curating view;
 *                                        410 for a file removed when its import was undone.
 *
 * Nothing is written without a curator's session from this server's own pages (accounts/routes.ts
 * requireAccount); every path is checked before a byte is stored; sizes are capped; one import runs at a time
 * (each decodes and resizes every image). Batches live in <data>/imports/<exhibition id>/<batch>/, never replaced.
 */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, open, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { mayPublish } from './accounts/permissions';
import { requireAccount } from './accounts/routes';
import { AccountStore } from './accounts/store';
import { openDraftStore } from './collab/postgres-storage';
import type { DraftStore } from './collab/storage';
import { ROOT } from './config';
import { sweepBatch, wasRemoved } from './import-sweep';
import type { ServerExtension } from './server';

/** What one import may bring: generous for a room's worth of photographs, far from filling a disk. */
export const IMPORT_LIMITS = { fileBytes: 300 * 1024 * 1024, totalBytes: 2 * 1024 * 1024 * 1024, files: 2000 } as const;
/** What one drop of 360° photographs may bring: a room's worth of 12K photos (a 16K PNG can be 300 MB). */
export const PANORAMA_LIMITS = { fileBytes: IMPORT_LIMITS.fileBytes, totalBytes: 2 * 1024 * 1024 * 1024, files: 24 } as const;

/** What an upload takes: which files, what a skipped one is told, and how much. */
interface Accepts {
  readonly files: RegExp;
  readonly skipped: string;
  readonly limits: { readonly fileBytes: number; readonly totalBytes: number; readonly files: number };
  /** The fields besides `path`, with what their values must be. */
  readonly fields: Readonly<Record<string, (value: string) => string | undefined>>;
}
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
/** What a dropped folder may hold: the importer's images, models (a .gltf's buffers and textures) and sheets. */
const FOLDER: Accepts = {
  files: /\.(jpe?g|png|tiff?|webp|glb|gltf|bin|ktx2|csv|xlsx)$/i,
  skipped: 'not an image (JPEG, PNG, TIFF, WebP), a 3D model (glTF, GLB) or a spreadsheet (.csv, .xlsx); skipped',
  limits: IMPORT_LIMITS,
  fields: {
    languages: (v) => {
      const list = v.split(',').map((l) => l.trim()).filter(Boolean);
      const bad = list.find((l) => !LANGUAGE.test(l));
      return bad !== undefined || list.length > 20 ? `languages: '${bad ?? v}' is not a list of language tags such as "en,it"` : undefined;
    },
  },
};
/** 360° photographs: JPEG or PNG (the child process checks what each really is with sharp). */
const PHOTOS: Accepts = {
  files: /\.(jpe?g|png)$/i,
  skipped: 'not a JPEG or PNG photograph; a 360° photograph is taken as JPEG or PNG; skipped',
  limits: PANORAMA_LIMITS,
  fields: { language: (v) => (LANGUAGE.test(v) ? undefined : `language: '${v.slice(0, 20)}' is not a language tag such as "en"`) },
};
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

/** The first bytes of a JPEG and of a PNG: a photo is checked for what it is, not for what its name says. */
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
async function isJpegOrPng(file: string): Promise<boolean> {
  const fd = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await fd.read(Buffer.alloc(8), 0, 8, 0);
    const head = buffer.subarray(0, bytesRead);
    return head.subarray(0, 3).equals(JPEG) || head.equals(PNG);
  } finally {
    await fd.close();
  }
}

/** The curating view's folder import, as a server extension (server.ts lists it). */
export function importExtension(o: ImportExtensionOptions = {}): ServerExtension {
  let accounts: AccountStore | undefined;
  let drafts: DraftStore | undefined;
  return {
    name: 'import',
    async register(ctx) {
      const { app } = ctx;
      const dataDir = ctx.config.dataDir;
      // A second handle on the accounts database: sessions are rows there, so a sign-in anywhere counts here.
      const store = (accounts = AccountStore.open(dataDir));
      // And on the drafts (every acknowledged change is on disk there): what an undone import's files are checked against.
      const draftStore = (drafts = await openDraftStore({ dataDir, databaseUrl: ctx.config.databaseUrl }));
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

      /** The exhibition a request names, or a 404 sent. */
      const exhibitionOf = (req: FastifyRequest, reply: FastifyReply): string | undefined => {
        const params = Params.safeParse(req.params);
        const id = params.success ? params.data.id : '';
        if (folders.has(id)) return id;
        void reply.code(404).send({ error: `There is no exhibition '${id}' on this server that can take imported works; it keeps ${[...folders.keys()].join(', ')}.` });
        return undefined;
      };

      /**
       * An upload to import into a new batch: checks who and what, receives the files into a temporary folder,
       * runs `importer` on it and answers; one import at a time on the server; nothing is kept of a refused one.
       */
      const importUpload = async (
        req: FastifyRequest,
        reply: FastifyReply,
        what: { action: string; nothing: string; accepts: Accepts; before?: (upload: string, received: Received) => Promise<string | undefined> },
        importer: (upload: string, batchDir: string, prefix: string, received: Received) => Promise<ImporterAnswer>,
      ) => {
        const account = requireAccount(store, req, reply, mayPublish, what.action);
        if (!account) return reply;
        const id = exhibitionOf(req, reply);
        if (!id) return reply;
        if (!req.isMultipart()) return reply.code(415).send({ error: 'send the files as multipart/form-data: a path field, then the file, for each file' });
        if (busy) return reply.code(429).header('Retry-After', '30').send({ error: 'another import is running on this server; try again when it has finished' });
        busy = true;
        let upload: string | undefined;
        try {
          upload = await mkdtemp(path.join(os.tmpdir(), 'museum-upload-'));
          const received = await receive(req.parts(), upload, reply, what.accepts);
          if (!received) return reply;
          // Checked here, before an importer process starts for nothing.
          const refused = await what.before?.(upload, received);
          if (refused) return reply.code(422).send({ error: refused, problems: received.skipped });
          const batch = batchName();
          const batchDir = path.join(dataDir, 'imports', id, batch);
          await mkdir(batchDir, { recursive: true });
          const result = await importer(upload, batchDir, `imports/${batch}/`, received);
          const problems = [...received.skipped, ...('problems' in result ? result.problems : [])];
          const made = 'error' in result ? [] : (result.works ?? result.panoramas ?? []);
          if ('error' in result || !made.length) {
            await rm(batchDir, { recursive: true, force: true });
            return reply.code(422).send({ error: 'error' in result ? result.error.replaceAll(upload, 'the upload') : what.nothing, problems });
          }
          ctx.log(`  Import: ${account.name} imported ${made.length} ${result.works ? 'work(s)' : '360° photograph(s)'} into ${id} (batch ${batch}, ${problems.length} problem(s))`);
          return { batch, ...result, problems };
        } finally {
          busy = false;
          if (upload) await rm(upload, { recursive: true, force: true });
        }
      };

      app.post('/api/exhibitions/:id/import', (req, reply) =>
        importUpload(
          req,
          reply,
          {
            action: 'import works',
            nothing: 'none of the rows could be imported',
            accepts: FOLDER,
            before: async (_upload, received) =>
              received.files.some((f) => !f.includes('/') && /\.(csv|xlsx)$/i.test(f))
                ? undefined
                : 'no spreadsheet (.csv or .xlsx) at the top of the dropped folder: it lists the works (title, creator, date, medium, dimensions, accession number, file…), one row each',
          },
          (upload, batchDir, prefix, received) => {
            const languages = (received.fields.languages ?? '').split(',').map((l) => l.trim()).filter(Boolean);
            return runChild('src/cli/import-draft.ts', [upload, '--batch-dir', batchDir, '--prefix', prefix, ...(languages.length ? ['--languages', languages.join(',')] : [])]);
          },
        ),
      );

      app.post('/api/exhibitions/:id/panoramas', (req, reply) =>
        importUpload(
          req,
          reply,
          {
            action: 'import 360° photographs',
            nothing: 'none of the photographs could be imported',
            accepts: PHOTOS,
            // A file named .jpg that is not a JPEG or PNG is named and left out before anything decodes it.
            before: async (upload, received) => {
              let photos = 0;
              for (const rel of received.files) {
                const file = path.join(upload, ...rel.split('/'));
                if (await isJpegOrPng(file)) {
                  photos++;
                  continue;
                }
                received.skipped.push({ where: rel, message: 'is not a JPEG or PNG image (its first bytes are neither): a 360° photograph is taken as JPEG or PNG; skipped' });
                await rm(file);
              }
              return photos ? undefined : 'none of the files is a JPEG or PNG photograph';
            },
          },
          (upload, batchDir, prefix, received) => runChild('src/cli/panorama-draft.ts', [upload, '--batch-dir', batchDir, '--prefix', prefix, ...(received.fields.language ? ['--language', received.fields.language] : [])]),
        ),
      );

      app.post('/api/exhibitions/:id/imports/:batch/undone', async (req, reply) => {
        const account = requireAccount(store, req, reply, mayPublish, 'take back an import');
        if (!account) return reply;
        const id = exhibitionOf(req, reply);
        if (!id) return reply;
        const { batch } = req.params as { batch?: string };
        if (!batch || !BATCH.test(batch)) return reply.code(400).send({ error: `'${String(batch).slice(0, 40)}' is not an import batch (e.g. 20261207-081500-a1b2c3)` });
        try {
          const swept = await sweepBatch({ dataDir, drafts: draftStore, exhibitionId: id }, batch);
          if (swept.removed.length) ctx.log(`  Import: ${account.name} undid batch ${batch} of ${id}; ${swept.removed.length} file(s) removed, ${swept.kept.length} kept`);
          return swept;
        } catch (e) {
          return reply.code(409).send({ error: (e as Error).message });
        }
      });

      // The packed media of each batch, beside the exhibition file whose works name them.
      for (const [id, folder] of folders) {
        app.get(`/exhibitions/${folder}/imports/:batch/*`, async (req, reply) => {
          const { batch, '*': rest } = req.params as { batch: string; '*': string };
          const root = path.join(dataDir, 'imports', id, batch);
          const file = path.resolve(root, rest ?? '');
          if (!BATCH.test(batch) || uploadPathProblem(rest ?? '') || rest.split('/').some((s) => s.startsWith('.')) || !file.startsWith(root + path.sep)) return notFound(reply);
          const info = await stat(file).catch(() => undefined);
          if (!info?.isFile()) {
            if (await wasRemoved(root, rest)) return reply.code(410).type('text/plain; charset=utf-8').send('Gone: this file was removed when its import was undone');
            return notFound(reply);
          }
          return reply
            .type(TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream')
            .header('Content-Length', info.size)
            // A batch is never written again: its files may be kept.
            .header('Cache-Control', 'public, max-age=31536000, immutable')
            .send(createReadStream(file));
        });
      }
    },
    async close() {
      accounts?.close();
      await drafts?.close();
    },
  };
}

/** The longest an import may take (a few thousand large images on a busy machine). */
const IMPORT_TIMEOUT_MS = 20 * 60_000;

type Problems = { where: string; message: string }[];
type ImporterAnswer = { works?: unknown[]; panoramas?: unknown[]; problems: Problems } | { error: string };
type Received = NonNullable<Awaited<ReturnType<typeof receive>>>;

/** Runs an importer command line (src/cli/import-draft.ts, src/cli/panorama-draft.ts) and reads its one line of JSON. */
function runChild(script: string, argv: string[]): Promise<ImporterAnswer> {
  const args = ['--import', 'tsx', path.join(ROOT, script), ...argv];
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
        resolve({ error: signal === 'SIGTERM' ? 'the import took too long and was stopped; import the files in parts' : `the importer stopped (${code ?? signal}): ${err.trim().split('\n').pop() ?? ''}` });
      }
    });
  });
}

const notFound = (reply: FastifyReply) => reply.code(404).type('text/plain; charset=utf-8').send('Not found');

type Part = { type: 'file'; fieldname: string; filename: string; file: NodeJS.ReadableStream & { truncated?: boolean } } | { type: 'field'; fieldname: string; value: unknown };

/**
 * Stores the upload's files under `dir` by their checked paths. Files of other kinds are skipped and named; a bad
 * path or field, a file without its path or a size over the limits answers 400 or 413 and returns undefined.
 */
async function receive(parts: AsyncIterable<unknown>, dir: string, reply: FastifyReply, accepts: Accepts): Promise<{ fields: Record<string, string>; files: string[]; skipped: { where: string; message: string }[] } | undefined> {
  const fields: Record<string, string> = {};
  const skipped: { where: string; message: string }[] = [];
  const seen = new Set<string>();
  const stored: string[] = [];
  const { limits } = accepts;
  let next: string | undefined;
  let total = 0;
  try {
    for await (const raw of parts) {
      const part = raw as Part;
      if (part.type === 'field') {
        const value = String(part.value);
        const check = accepts.fields[part.fieldname];
        if (part.fieldname === 'path') next = value;
        else if (check) {
          const problem = check(value);
          if (problem) return void reply.code(400).send({ error: problem });
          fields[part.fieldname] = value;
        } else return void reply.code(400).send({ error: `unknown field '${part.fieldname.slice(0, 40)}': send path and file for each file${Object.keys(accepts.fields).map((f) => `, and ${f}`).join('')}` });
        continue;
      }
      const rel = next;
      next = undefined;
      if (rel === undefined) return void reply.code(400).send({ error: `the file '${part.filename.slice(0, 80)}' came without its path field` });
      const problem = uploadPathProblem(rel);
      if (problem) return void reply.code(400).send({ error: `'${rel.slice(0, 80)}': ${problem}` });
      const hidden = rel.split('/').some((s) => s.startsWith('.') || s.startsWith('~$'));
      if (hidden || !accepts.files.test(rel) || seen.has(rel.toLowerCase())) {
        part.file.resume(); // read and dropped: the rest of the upload still arrives
        if (!hidden) skipped.push({ where: rel, message: seen.has(rel.toLowerCase()) ? 'a second file of this name; the first is used' : accepts.skipped });
        continue;
      }
      if (seen.size >= limits.files) return void reply.code(413).send({ error: `at most ${limits.files} files may come at once; send them in parts` });
      seen.add(rel.toLowerCase());
      stored.push(rel);
      const dest = path.join(dir, ...rel.split('/'));
      await mkdir(path.dirname(dest), { recursive: true });
      let size = 0;
      part.file.on('data', (chunk: Buffer) => {
        size += chunk.length;
      });
      await pipeline(part.file, createWriteStream(dest));
      total += size;
      if (part.file.truncated || size > limits.fileBytes) return void reply.code(413).send({ error: `'${rel}' is larger than ${limits.fileBytes / 1024 / 1024} MB, the most one file may be` });
      if (total > limits.totalBytes) return void reply.code(413).send({ error: `the upload is larger than ${limits.totalBytes / 1024 / 1024 / 1024} GB, the most one import may bring; import it in parts` });
    }
  } catch (e) {
    const err = e as { statusCode?: number; code?: string; message: string };
    if (err.code === 'FST_FILES_LIMIT' || err.code === 'FST_PARTS_LIMIT' || err.code === 'FST_FIELDS_LIMIT') {
      return void reply.code(413).send({ error: `at most ${limits.files} files may come at once; send them in parts` });
    }
    if (err.code === 'FST_REQ_FILE_TOO_LARGE') return void reply.code(413).send({ error: `a file is larger than ${limits.fileBytes / 1024 / 1024} MB, the most one file may be` });
    if (err.statusCode && err.statusCode < 500) return void reply.code(400).send({ error: `the upload could not be read: ${err.message}` });
    throw e;
  }
  return { fields, files: stored, skipped };
}
