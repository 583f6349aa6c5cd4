/**
 * Publishing, over HTTP:
 *
 *   POST /api/exhibitions/:id/publish    admin or curator: the draft, validated with the rules of
 *                                        `npm run validate`; 422 with the problems, or 201 with version N+1
 *   GET  /api/exhibitions/:id/versions   the published versions, newest first (anyone)
 *   GET  /api/exhibitions/:id/versions/live   anyone: server-sent events, the latest version and then each
 *                                        new one (an open visitor page learns of a publish; announce.ts)
 *   GET  /api/exhibitions/:id/changes    a signed-in user with a role: the draft's history, newest first,
 *                                        ?artwork=<id> for one work, ?before=<seq> to page back
 *
 * And the exhibition's usual URL (/exhibitions/<folder>/exhibition.json) gives the latest published version
 * when there is one, the exhibition's own file otherwise; its media stay in the original folder.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { z } from 'zod';
import { formatProblem, validateExhibition } from '../../twin/validate';
import { mayPublish, mayWrite } from '../accounts/permissions';
import { requireAccount } from '../accounts/routes';
import type { AccountStore } from '../accounts/store';
import type { DraftStore } from '../collab/storage';
import type { PublishAnnouncer } from './announce';
import { listVersions, publishedExhibitionPath, writeVersion } from './versions';

export interface PublishOptions {
  readonly dataDir: string;
  readonly accounts: AccountStore;
  readonly drafts: DraftStore;
  /** Exhibition id → its own file. */
  readonly files: ReadonlyMap<string, string>;
  /** The folder served at /exhibitions/ (the project's assets/). */
  readonly assetsDir: string;
  readonly draft: (id: string) => Promise<Record<string, unknown>>;
  /** Tells open visitor pages of each new version. */
  readonly announcer: PublishAnnouncer;
}

const Params = z.object({ id: z.string().min(1).max(80) });
const ChangesQuery = z
  .object({
    artwork: z.string().min(1).max(80).optional(),
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
  })
  .strict();

export async function registerPublishing(app: FastifyInstance, o: PublishOptions): Promise<void> {
  const known = (params: unknown, reply: FastifyReply): string | undefined => {
    const p = Params.safeParse(params);
    if (p.success && o.files.has(p.data.id)) return p.data.id;
    void reply.code(404).send({ error: `There is no exhibition '${p.success ? p.data.id : ''}' on this server; it keeps ${[...o.files.keys()].join(', ')}.` });
    return undefined;
  };

  app.post('/api/exhibitions/:id/publish', async (req, reply) => {
    const account = requireAccount(o.accounts, req, reply, mayPublish, 'publish');
    if (!account) return reply;
    const id = known(req.params, reply);
    if (!id) return reply;
    const draft = await o.draft(id);
    const result = validateExhibition(draft);
    if (!result.ok) {
      const problems = result.problems.filter((p) => p.severity === 'error');
      return reply.code(422).send({ error: `the draft has ${problems.length} problem(s) to fix before it can be published`, problems, messages: problems.map(formatProblem) });
    }
    const version = writeVersion(o.dataDir, id, draft, account.name);
    o.announcer.announce(id, version);
    return reply.code(201).send({ ...version, warnings: result.problems.map(formatProblem) });
  });

  app.get('/api/exhibitions/:id/versions', async (req, reply) => {
    const id = known(req.params, reply);
    return id ? listVersions(o.dataDir, id) : reply;
  });

  app.get('/api/exhibitions/:id/versions/live', async (req, reply) => {
    const id = known(req.params, reply);
    if (!id) return reply;
    reply.hijack(); // a stream that stays open: written by the announcer, not by Fastify
    o.announcer.open(id, reply.raw, listVersions(o.dataDir, id)[0] ?? { version: 0 });
    return reply;
  });

  app.get('/api/exhibitions/:id/changes', async (req, reply) => {
    if (!requireAccount(o.accounts, req, reply, mayWrite, 'read the history of changes')) return reply;
    const id = known(req.params, reply);
    if (!id) return reply;
    const q = ChangesQuery.safeParse(req.query);
    if (!q.success) return reply.code(400).send({ error: q.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ') });
    return o.drafts.history(id, q.data);
  });

  // The usual URL of each exhibition kept here whose file lies in the served assets folder.
  for (const [id, file] of o.files) {
    const rel = relative(o.assetsDir, file);
    if (rel.startsWith('..') || rel.includes(':')) continue;
    app.get(`/exhibitions/${rel.split(sep).join('/')}`, async (_req, reply) => {
      const published = publishedExhibitionPath(o.dataDir, id);
      const text = await readFile(published ?? file);
      return reply.type('application/json').header('Cache-Control', 'no-cache').send(text);
    });
  }
}
