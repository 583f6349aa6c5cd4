/**
 * A draft's history, over HTTP (the list of changes is GET /api/exhibitions/:id/changes, publish/routes.ts):
 *
 *   GET  /api/exhibitions/:id/changes/:seq            a signed-in user with a role: the draft as it was after change seq
 *   GET  /api/exhibitions/:id/compare?from=&to=       the same: what differs from change `from` to change `to`
 *                                                     (`to` left out: the draft now); src/twin/exhibition-diff.ts
 *   POST /api/exhibitions/:id/restore {seq}           admin or curator: the draft as it was after change seq, made
 *                                                     again as a new change; each work's conservation, environment
 *                                                     and protocol stay as they are now (never silently undone)
 *
 * A version is rebuilt from the draft's seed and its changes up to seq (storage.ts).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { compareExhibitions, diffJson, restoreTarget } from '../../twin/exhibition-diff';
import { applyExhibition, docToExhibition } from './doc-model';
import { mayPublish, mayWrite, refusedChanges } from '../accounts/permissions';
import { requireAccount } from '../accounts/routes';
import type { AccountStore } from '../accounts/store';
import type { Collab } from './collab';
import { rebuild, type DraftStore } from './storage';

export interface HistoryOptions {
  readonly accounts: AccountStore;
  readonly drafts: DraftStore;
  readonly collab: Collab;
  readonly exhibitionIds: ReadonlySet<string>;
}

const Params = z.object({ id: z.string().min(1).max(80) });
const Seq = z.coerce.number().int().min(0);
const CompareQuery = z.object({ from: Seq, to: Seq.optional() }).strict();
const RestoreBody = z.object({ seq: Seq }).strict();

const issues = (e: z.ZodError) => e.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');

export async function registerHistory(app: FastifyInstance, o: HistoryOptions): Promise<void> {
  const known = (params: unknown, reply: FastifyReply): string | undefined => {
    const p = Params.safeParse(params);
    if (p.success && o.exhibitionIds.has(p.data.id)) return p.data.id;
    void reply.code(404).send({ error: `There is no exhibition '${p.success ? p.data.id : ''}' on this server.` });
    return undefined;
  };

  /** The draft as it was after change `seq`, or a reply saying why there is none. */
  const versionAt = async (id: string, seq: number, reply: FastifyReply): Promise<Record<string, unknown> | undefined> => {
    const last = await o.drafts.lastSeq(id);
    if (seq > last) {
      void reply.code(404).send({ error: `there is no change ${seq} in this draft's history (the latest is ${last})` });
      return undefined;
    }
    // A draft nobody has opened yet has no seed: opening it stores the seed (version 0).
    const kept = (await o.drafts.updatesUpTo(id, seq)) ?? (await o.collab.draft(id), await o.drafts.updatesUpTo(id, seq));
    if (!kept) {
      void reply.code(409).send({ error: 'this draft was started before its history kept its first version; it cannot be rebuilt' });
      return undefined;
    }
    return docToExhibition(rebuild(kept.seed, kept.updates));
  };

  app.get('/api/exhibitions/:id/changes/:seq', async (req, reply) => {
    if (!requireAccount(o.accounts, req, reply, mayWrite, 'read the history of changes')) return reply;
    const id = known(req.params, reply);
    if (!id) return reply;
    const seq = Seq.safeParse((req.params as { seq?: unknown }).seq);
    if (!seq.success) return reply.code(400).send({ error: `seq: ${issues(seq.error)}` });
    return (await versionAt(id, seq.data, reply)) ?? reply;
  });

  app.get('/api/exhibitions/:id/compare', async (req, reply) => {
    if (!requireAccount(o.accounts, req, reply, mayWrite, 'compare versions')) return reply;
    const id = known(req.params, reply);
    if (!id) return reply;
    const q = CompareQuery.safeParse(req.query);
    if (!q.success) return reply.code(400).send({ error: issues(q.error) });
    const before = await versionAt(id, q.data.from, reply);
    if (!before) return reply;
    const after = q.data.to === undefined ? await o.collab.draft(id) : await versionAt(id, q.data.to, reply);
    if (!after) return reply;
    return { from: q.data.from, to: q.data.to ?? null, differences: compareExhibitions(before, after) };
  });

  app.post('/api/exhibitions/:id/restore', async (req, reply) => {
    const account = requireAccount(o.accounts, req, reply, mayPublish, 'restore an earlier version');
    if (!account) return reply;
    const id = known(req.params, reply);
    if (!id) return reply;
    const body = RestoreBody.safeParse(req.body);
    if (!body.success) return reply.code(400).send({ error: issues(body.error) });
    const earlier = await versionAt(id, body.data.seq, reply);
    if (!earlier) return reply;
    const current = await o.collab.draft(id);
    const target = restoreTarget(current, earlier);
    // The same rules as a live edit: a restore changes only what the role may change.
    const refused = refusedChanges(account, diffJson(current, target), current, target);
    if (refused.length) return reply.code(403).send({ error: refused[0], refused });
    await o.collab.edit(id, account.name, (doc) => applyExhibition(doc, target as never));
    return reply.code(201).send({ restored: body.data.seq, seq: await o.drafts.lastSeq(id) });
  });
}
