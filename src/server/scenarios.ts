/**
 * What-if scenarios saved with the exhibition, shared by the staff who run them (the What if view lists and loads
 * them). Kept in `<dataDir>/scenarios.sqlite` (better-sqlite3), one row per exhibition and scenario name, so they
 * survive a restart.
 *
 *   GET    /api/exhibitions/:id/scenarios         signed-in staff: [{name, description, changes, savedBy, savedAt}]
 *   PUT    /api/exhibitions/:id/scenarios/:name   signed-in staff: the scenario (its name must be :name) → 200/201
 *   DELETE /api/exhibitions/:id/scenarios/:name   signed-in staff → 204
 *
 * Every write needs a session (401) with a role (403) from this server's own pages (403). The scenario is checked
 * with the twin's own zod schema and applied to the exhibition as served (latest published version, else its
 * file), so a scenario naming works or rooms that do not exist is refused with the same messages the CLI prints.
 */
import Database from 'better-sqlite3';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { applyScenario, baselineSetting, parseScenario, ScenarioError, type Scenario } from '../twin/simulate';
import type { Exhibition } from '../twin/schema';
import { validateExhibition } from '../twin/validate';
import { mayWrite } from './accounts/permissions';
import { requireAccount } from './accounts/routes';
import { AccountStore } from './accounts/store';
import { publishedExhibitionPath } from './publish/versions';
import type { ServerExtension } from './server';

/** Enough for any museum's what-ifs; keeps one exhibition's list bounded. */
const MAX_SCENARIOS = 200;

interface SavedScenario extends Scenario {
  savedBy: string;
  savedAt: string;
}

const Params = z.object({ id: z.string().min(1).max(200), name: z.string().min(1).max(200).optional() });
/** The route's exhibition id and scenario name, or undefined once a 400 is sent. */
function params(req: FastifyRequest, reply: FastifyReply): z.infer<typeof Params> | undefined {
  const p = Params.safeParse(req.params);
  if (!p.success) void reply.code(400).send({ error: 'an exhibition id or scenario name is 1 to 200 characters', problems: [] });
  return p.data;
}

/** The scenarios of every exhibition, in SQLite. */
class ScenarioStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS scenarios (
      exhibition TEXT NOT NULL, name TEXT NOT NULL, body TEXT NOT NULL, saved_by TEXT NOT NULL, saved_at TEXT NOT NULL,
      PRIMARY KEY (exhibition, name))`);
  }

  list(exhibition: string): SavedScenario[] {
    const rows = this.db.prepare('SELECT body, saved_by, saved_at FROM scenarios WHERE exhibition = ? ORDER BY name').all(exhibition) as { body: string; saved_by: string; saved_at: string }[];
    return rows.map((r) => ({ ...(JSON.parse(r.body) as Scenario), savedBy: r.saved_by, savedAt: r.saved_at }));
  }

  count(exhibition: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM scenarios WHERE exhibition = ?').get(exhibition) as { n: number }).n;
  }

  has(exhibition: string, name: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM scenarios WHERE exhibition = ? AND name = ?').get(exhibition, name);
  }

  /** Saves or replaces; true when it is new. */
  save(exhibition: string, scenario: Scenario, by: string, at = new Date()): boolean {
    const isNew = !this.has(exhibition, scenario.name);
    this.db
      .prepare('INSERT INTO scenarios (exhibition, name, body, saved_by, saved_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (exhibition, name) DO UPDATE SET body = excluded.body, saved_by = excluded.saved_by, saved_at = excluded.saved_at')
      .run(exhibition, scenario.name, JSON.stringify(scenario), by, at.toISOString());
    return isNew;
  }

  remove(exhibition: string, name: string): boolean {
    return this.db.prepare('DELETE FROM scenarios WHERE exhibition = ? AND name = ?').run(exhibition, name).changes > 0;
  }

  close(): void {
    this.db.close();
  }
}

/** The problems that keep a scenario from running on this exhibition; empty when it can run. */
function scenarioProblems(exhibition: Exhibition, body: unknown): string[] {
  try {
    applyScenario(exhibition, baselineSetting(), parseScenario(body));
    return [];
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems;
    throw e;
  }
}

/** Saved scenarios as a server extension (registered in server.ts). */
export function scenariosExtension(): ServerExtension {
  let store: ScenarioStore | undefined;
  let accounts: AccountStore | undefined;
  return {
    name: 'scenarios',
    register(ctx) {
      const dataDir = ctx.config.dataDir;
      const s = (store = new ScenarioStore(join(dataDir, 'scenarios.sqlite')));
      // Its own connection to the accounts (WAL): sessions are read, never written, here.
      const a = (accounts = AccountStore.open(dataDir));
      const served = (id: string): Exhibition | undefined => {
        const e = ctx.exhibitions.get(id);
        if (!e) return undefined;
        const published = publishedExhibitionPath(dataDir, id);
        if (!published) return e.exhibition;
        const checked = validateExhibition(JSON.parse(readFileSync(published, 'utf8')));
        return checked.ok ? checked.exhibition : e.exhibition;
      };
      const { app } = ctx;
      app.get('/api/exhibitions/:id/scenarios', async (req, reply) => {
        const p = params(req, reply);
        if (!p) return reply;
        if (!requireAccount(a, req, reply, mayWrite, 'see saved scenarios')) return reply;
        if (!ctx.exhibitions.has(p.id)) return reply.code(404).send({ error: `no exhibition '${p.id}'` });
        return s.list(p.id);
      });
      app.put('/api/exhibitions/:id/scenarios/:name', async (req, reply) => {
        const p = params(req, reply);
        if (!p) return reply;
        const account = requireAccount(a, req, reply, mayWrite, 'save a scenario');
        if (!account) return reply;
        const exhibition = served(p.id);
        if (!exhibition) return reply.code(404).send({ error: `no exhibition '${p.id}'` });
        const problems = scenarioProblems(exhibition, req.body);
        if (problems.length) return reply.code(400).send({ error: 'the scenario cannot run on this exhibition', problems });
        const scenario = parseScenario(req.body);
        if (scenario.name !== p.name) return reply.code(400).send({ error: `the scenario is named '${scenario.name}', not '${p.name}'`, problems: [] });
        if (!s.has(p.id, p.name) && s.count(p.id) >= MAX_SCENARIOS) return reply.code(409).send({ error: `at most ${MAX_SCENARIOS} scenarios an exhibition; delete one first`, problems: [] });
        const isNew = s.save(p.id, scenario, account.name);
        return reply.code(isNew ? 201 : 200).send({ ...scenario, savedBy: account.name });
      });
      app.delete('/api/exhibitions/:id/scenarios/:name', async (req, reply) => {
        const p = params(req, reply);
        if (!p) return reply;
        if (!requireAccount(a, req, reply, mayWrite, 'delete a scenario')) return reply;
        if (!s.remove(p.id, p.name ?? '')) return reply.code(404).send({ error: `no saved scenario '${p.name}'` });
        return reply.code(204).send();
      });
    },
    close() {
      store?.close();
      accounts?.close();
    },
  };
}
