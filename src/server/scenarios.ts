/**
 * What-if scenarios saved with the exhibition, shared by the staff who run them (the What if view lists and loads
 * them). Kept in the server's database (scenario-store.ts): PostgreSQL when MUSEUM_DATABASE_URL names one, as the
 * history, else `<dataDir>/scenarios.sqlite`; one row per exhibition and scenario name, so they survive a restart.
 *
 *   GET    /api/exhibitions/:id/scenarios         signed-in staff: [{name, description, changes, savedBy, savedAt}]
 *   PUT    /api/exhibitions/:id/scenarios/:name   signed-in staff: the scenario (its name must be :name) → 200/201
 *   DELETE /api/exhibitions/:id/scenarios/:name   signed-in staff → 204
 *   GET    /api/exhibitions/:id/what-if/light     signed-in staff: the light measured over the last year per zone
 *                                                 and work (LightCalibration), to calibrate the light model
 *
 * Every write needs a session (401) with a role (403) from this server's own pages (403). The scenario is checked
 * with the twin's own zod schema and applied to the exhibition as served (latest published version, else its
 * file), so a scenario naming works or rooms that do not exist is refused with the same messages the CLI prints.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { applyScenario, baselineSetting, litLevel, parseScenario, ScenarioError, type LightCalibration, type MeasuredLevel } from '../twin/simulate';
import type { HistoryStore } from './history/index';
import type { Exhibition } from '../twin/schema';
import { validateExhibition } from '../twin/validate';
import { mayWrite } from './accounts/permissions';
import { requireAccount } from './accounts/routes';
import { AccountStore } from './accounts/store';
import { publishedExhibitionPath } from './publish/versions';
import { openScenarioStore, type ScenarioStore } from './scenario-store';
import type { ServerExtension } from './server';

/** Enough for any museum's what-ifs; keeps one exhibition's list bounded. */
const MAX_SCENARIOS = 200;

const Params = z.object({ id: z.string().min(1).max(200), name: z.string().min(1).max(200).optional() });
/** The route's exhibition id and scenario name, or undefined once a 400 is sent. */
function params(req: FastifyRequest, reply: FastifyReply): z.infer<typeof Params> | undefined {
  const p = Params.safeParse(req.params);
  if (!p.success) void reply.code(400).send({ error: 'an exhibition id or scenario name is 1 to 200 characters', problems: [] });
  return p.data;
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

const YEAR_MS = 365 * 24 * 3_600_000;

/**
 * Each zone's and work's light while lit over the last year, from the live twin's stored illuminance (hourly
 * means: a year is 8,760 points, under the 10,000 asked for, so the history answers from its hourly rollup).
 */
async function lightCalibration(history: HistoryStore, exhibition: Exhibition, now: Date): Promise<LightCalibration> {
  const from = new Date(now.getTime() - YEAR_MS);
  const levels = async (kind: 'zone' | 'artwork', ids: string[]): Promise<Record<string, MeasuredLevel>> => {
    const out: Record<string, MeasuredLevel> = {};
    for (const id of ids) {
      const h = await history.query({ exhibition: exhibition.id, target: { kind, id }, quantity: 'illuminance', from, to: now, maxPoints: 10_000 });
      const level = h.bucketSeconds === 3600 ? litLevel(h.points) : undefined;
      if (level) out[id] = level;
    }
    return out;
  };
  return {
    from: from.toISOString(),
    to: now.toISOString(),
    zones: await levels('zone', exhibition.zones.map((z) => z.id)),
    artworks: await levels('artwork', exhibition.artworks.map((a) => a.id)),
  };
}

/** Saved scenarios as a server extension (registered in server.ts). */
export function scenariosExtension(): ServerExtension {
  let store: ScenarioStore | undefined;
  let accounts: AccountStore | undefined;
  return {
    name: 'scenarios',
    async register(ctx) {
      const dataDir = ctx.config.dataDir;
      const s = (store = await openScenarioStore({ dataDir, databaseUrl: ctx.config.databaseUrl }));
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
        return await s.list(p.id);
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
        if (!(await s.has(p.id, p.name)) && (await s.count(p.id)) >= MAX_SCENARIOS) return reply.code(409).send({ error: `at most ${MAX_SCENARIOS} scenarios an exhibition; delete one first`, problems: [] });
        const isNew = await s.save(p.id, scenario, account.name);
        return reply.code(isNew ? 201 : 200).send({ ...scenario, savedBy: account.name });
      });
      app.get('/api/exhibitions/:id/what-if/light', async (req, reply) => {
        const p = params(req, reply);
        if (!p) return reply;
        if (!requireAccount(a, req, reply, mayWrite, 'read the measured light')) return reply;
        const exhibition = served(p.id);
        if (!exhibition) return reply.code(404).send({ error: `no exhibition '${p.id}'` });
        return lightCalibration(ctx.history, exhibition, new Date());
      });
      app.delete('/api/exhibitions/:id/scenarios/:name', async (req, reply) => {
        const p = params(req, reply);
        if (!p) return reply;
        if (!requireAccount(a, req, reply, mayWrite, 'delete a scenario')) return reply;
        if (!(await s.remove(p.id, p.name ?? ''))) return reply.code(404).send({ error: `no saved scenario '${p.name}'` });
        return reply.code(204).send();
      });
    },
    async close() {
      accounts?.close();
      await store?.close();
    },
  };
}
