/**
 * Co-curation as a server extension (server.ts): accounts and sessions (/api/session, /api/users), the
 * collaborative drafts at /collab, history and publishing (/api/exhibitions/:id/…). Data in the server's data
 * folder: accounts.sqlite, collab.sqlite (or PostgreSQL with MUSEUM_DATABASE_URL), published/. With MUSEUM_REDIS_URL
 * several instances share the drafts live (collab.ts).
 *
 * MUSEUM_ADMIN_PASSWORD (at least 10 characters) creates or resets the user `admin` at each start.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ROOT, ConfigError } from '../config';
import type { ServerExtension } from '../server';
import { MIN_PASSWORD_LENGTH } from '../accounts/passwords';
import { registerAccounts } from '../accounts/routes';
import { AccountStore } from '../accounts/store';
import { publishedExhibitionPath } from '../publish/versions';
import { PublishAnnouncer } from '../publish/announce';
import { registerPublishing } from '../publish/routes';
import { createCollab, type Collab } from './collab';
import { registerHistory } from './history-routes';
import { openDraftStore } from './postgres-storage';
import type { DraftStore } from './storage';

export interface CurationOptions {
  /** Environment to read MUSEUM_ADMIN_PASSWORD from (default process.env). */
  readonly env?: Record<string, string | undefined>;
  /** How long after the last edit a draft's compacted state is written. */
  readonly debounceMs?: number;
}

export function curationExtension(o: CurationOptions = {}): ServerExtension {
  let accounts: AccountStore | undefined;
  let drafts: DraftStore | undefined;
  let collab: Collab | undefined;
  const announcer = new PublishAnnouncer();
  return {
    name: 'co-curation',
    async register(ctx) {
      const password = (o.env ?? process.env).MUSEUM_ADMIN_PASSWORD;
      if (password !== undefined && password !== '' && password.length < MIN_PASSWORD_LENGTH) {
        throw new ConfigError(`MUSEUM_ADMIN_PASSWORD must be at least ${MIN_PASSWORD_LENGTH} characters long`);
      }
      const dataDir = ctx.config.dataDir;
      accounts = AccountStore.open(dataDir);
      drafts = await openDraftStore({ dataDir, databaseUrl: ctx.config.databaseUrl });
      if (password) {
        await accounts.ensureAdmin(password);
        ctx.log('  Co-curation: user "admin" has the password in MUSEUM_ADMIN_PASSWORD');
      }
      const files = new Map([...ctx.exhibitions].map(([id, e]) => [id, e.file]));
      const a = accounts;
      const d = drafts;
      const c = (collab = createCollab({
        accounts: a,
        drafts: d,
        exhibitionIds: () => files.keys(),
        seed: async (id) => JSON.parse(await readFile(publishedExhibitionPath(dataDir, id) ?? files.get(id)!, 'utf8')) as Record<string, unknown>,
        ...(o.debounceMs !== undefined ? { debounceMs: o.debounceMs } : {}),
        ...(ctx.config.redisUrl ? { redisUrl: ctx.config.redisUrl } : {}),
      }));
      await registerAccounts(ctx.app, { store: a });
      await registerHistory(ctx.app, { accounts: a, drafts: d, collab: c, exhibitionIds: new Set(files.keys()) });
      await registerPublishing(ctx.app, { dataDir, accounts: a, drafts: d, files, assetsDir: resolve(ROOT, 'assets'), draft: (id) => c.draft(id), announcer });
      ctx.onUpgrade('/collab', (req, socket, head) => c.handleUpgrade(req, socket, head));
    },
    async close() {
      announcer.close();
      await collab?.close();
      await drafts?.close();
      accounts?.close();
    },
  };
}
