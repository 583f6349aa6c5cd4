/**
 * The live twin's HTTP API, read-only: nothing writes over HTTP (sensors write over MQTT as an authenticated user).
 * Every parameter is validated with zod; a bad one gets 400 and a sentence naming it.
 *
 *   GET /api/config                          LiveConfig
 *   GET /api/exhibitions/:id/live            LiveSnapshot
 *   GET /api/exhibitions/:id/history         HistoryResponse   ?zone=|artwork=&quantity=&from=&to=[&maxPoints=]
 *   GET /api/exhibitions/:id/history.csv     the same as CSV
 *   GET /api/exhibitions/:id/sensors         SensorHealth[]
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { QUANTITIES, UNITS, type HistoryResponse, type LiveConfig } from '../twin/live/contract';
import type { ServedExhibition } from './exhibitions';
import type { HistoryStore } from './history/index';
import type { Ingest } from './ingest';

/** The longest range one request may ask for: a year chart plus slack. */
export const MAX_RANGE_DAYS = 400;
export const MAX_POINTS = 5000;
const DAY = 86_400_000;

export interface HttpApiOptions {
  readonly exhibitions: ReadonlyMap<string, ServedExhibition>;
  readonly ingest: Ingest;
  readonly history: HistoryStore;
  readonly config: () => LiveConfig;
  readonly now?: () => Date;
}

const ExhibitionParams = z.object({ id: z.string().min(1).max(200) });

const isoTime = (name: string) =>
  z.iso.datetime({ offset: true, error: `${name} must be an ISO 8601 time with its zone, such as 2026-12-04T10:15:00Z` }).transform((s) => new Date(s));

const HistoryQuery = z
  .object({
    zone: z.string().min(1).max(200).optional(),
    artwork: z.string().min(1).max(200).optional(),
    quantity: z.enum(QUANTITIES, { error: `quantity must be one of ${QUANTITIES.join(', ')}` }),
    from: isoTime('from').optional(),
    to: isoTime('to').optional(),
    maxPoints: z.coerce
      .number({ error: 'maxPoints must be a number' })
      .int('maxPoints must be a whole number')
      .min(2, 'maxPoints must be at least 2')
      .max(MAX_POINTS, `maxPoints must be at most ${MAX_POINTS}`)
      .optional(),
  })
  .strict()
  .refine((q) => (q.zone === undefined) !== (q.artwork === undefined), { message: 'give exactly one of zone or artwork', path: ['zone'] });

/** "quantity: must be one of …; from: …" */
function describe(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      if (i.code === 'unrecognized_keys') return `unknown parameter${i.keys.length > 1 ? 's' : ''} ${i.keys.join(', ')}`;
      const field = i.path.join('.');
      return i.message.startsWith(field) || !field ? i.message : `${field}: ${i.message}`;
    })
    .join('; ');
}

const bad = (reply: FastifyReply, message: string) => reply.code(400).send({ error: message });

export async function registerHttpApi(app: FastifyInstance, o: HttpApiOptions): Promise<void> {
  const now = o.now ?? (() => new Date());

  /** The exhibition named in the path, or a 404 that lists what this server keeps. */
  const exhibitionOf = (params: unknown, reply: FastifyReply): ServedExhibition | undefined => {
    const p = ExhibitionParams.safeParse(params);
    const ex = p.success ? o.exhibitions.get(p.data.id) : undefined;
    if (!ex) {
      const id = p.success ? p.data.id : '';
      void reply.code(404).send({ error: `There is no exhibition '${id}' on this server; it keeps ${[...o.exhibitions.keys()].join(', ')}.` });
    }
    return ex;
  };

  app.get('/api/config', async () => o.config());

  app.get('/api/exhibitions/:id/live', async (req, reply) => {
    const ex = exhibitionOf(req.params, reply);
    return ex ? o.ingest.snapshot(ex.id) : reply;
  });

  app.get('/api/exhibitions/:id/sensors', async (req, reply) => {
    const ex = exhibitionOf(req.params, reply);
    return ex ? (o.ingest.sensors(ex.id)?.list() ?? []) : reply;
  });

  const history = async (params: unknown, query: unknown, reply: FastifyReply): Promise<HistoryResponse | undefined> => {
    const ex = exhibitionOf(params, reply);
    if (!ex) return undefined;
    const q = HistoryQuery.safeParse(query);
    if (!q.success) return void bad(reply, describe(q.error));
    const { zone, artwork, quantity, maxPoints } = q.data;
    if (zone !== undefined && !ex.exhibition.zones.some((z) => z.id === zone))
      return void bad(reply, `zone '${zone}' is not a zone of ${ex.id} (${ex.exhibition.zones.map((z) => z.id).join(', ') || 'it has none'})`);
    if (artwork !== undefined && !ex.exhibition.artworks.some((a) => a.id === artwork)) return void bad(reply, `artwork '${artwork}' is not a work of ${ex.id}`);
    const to = q.data.to ?? now();
    const from = q.data.from ?? new Date(to.getTime() - DAY);
    if (from.getTime() >= to.getTime()) return void bad(reply, 'from must be before to');
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY) return void bad(reply, `the range from–to must be at most ${MAX_RANGE_DAYS} days`);
    const target = zone !== undefined ? ({ kind: 'zone', id: zone } as const) : ({ kind: 'artwork', id: artwork! } as const);
    return o.history.query({ exhibition: ex.id, target, quantity, from, to, ...(maxPoints ? { maxPoints } : {}) });
  };

  app.get('/api/exhibitions/:id/history', async (req, reply) => history(req.params, req.query, reply));

  app.get('/api/exhibitions/:id/history.csv', async (req, reply) => {
    const h = await history(req.params, req.query, reply);
    if (!h) return reply;
    const unit = UNITS[h.quantity];
    const lines = [`time,${h.quantity} mean (${unit}),min,max`, ...h.points.map(([t, mean, min, max]) => `${new Date(t).toISOString()},${mean},${min},${max}`)];
    const name = `${h.exhibition}-${h.target.kind}-${h.target.id}-${h.quantity}.csv`.replace(/[^\w.-]/g, '_');
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${name}"`)
      .send(`${lines.join('\r\n')}\r\n`);
  });

  // Anything else under /api/ is a clear JSON 404, never the app's page.
  app.all('/api/*', async (req, reply) =>
    reply.code(req.method === 'GET' || req.method === 'HEAD' ? 404 : 405).send({ error: req.method === 'GET' || req.method === 'HEAD' ? `No API at ${req.url.split('?')[0]}` : 'Nothing writes over HTTP on this server: the API is read-only.' }),
  );
}
