/**
 * The platform's server: one process, one origin. It serves the app, keeps a live twin of each exhibition fed by
 * MQTT, stores every reading, and answers the read-only API. Later features (co-curation at /collab, group
 * visits) join it as extensions, the way Hocuspocus or aedes take extensions: each gets the Fastify app before
 * it listens, can claim a WebSocket path, and is closed with the server.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdirSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { LiveConfig } from '../twin/live/contract';
import { registerBuiltFiles, startViteMiddleware, type DevFiles } from './app-files';
import { startEmbeddedBroker } from './broker';
import { resolveConfig, type ServerConfig } from './config';
import { loadExhibitions, type ServedExhibition } from './exhibitions';
import { connectExternalBroker } from './external-broker';
import { openHistoryStore, type HistoryStore } from './history/index';
import { startRawRetention } from './retention';
import { registerHttpApi } from './http-api';
import { registerIiifRoutes } from './iiif-routes';
import { registerSecurity, securityOptionsFromEnv } from './security';
import { Ingest, type Publisher } from './ingest';
import { createTwins } from './live-twins';
import { curationExtension } from './collab/curation';
import { togetherExtension } from './together/together';
import { importExtension } from './import-routes';
import { scenariosExtension } from './scenarios';
import { sensorCredentials, SENSOR_USER, type SensorCredentials } from './sensor-auth';
import { startSimulator, type Simulator } from './simulator';

export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** What an extension is given while the server starts. */
export interface ServerContext {
  readonly config: ServerConfig;
  /** Routes and hooks go here; the app is not listening yet. */
  readonly app: FastifyInstance;
  readonly exhibitions: ReadonlyMap<string, ServedExhibition>;
  readonly history: HistoryStore;
  readonly ingest: Ingest;
  /** Claims WebSocket upgrades on one path of this origin (e.g. '/collab'). */
  onUpgrade(path: string, handler: UpgradeHandler): void;
  log(line: string): void;
}

export interface ServerExtension {
  readonly name: string;
  /** Called before the server listens, after the live twin and its storage are ready. */
  register(ctx: ServerContext): void | Promise<void>;
  /** Called first when the server closes (stop accepting work; the storage is still open). */
  close?(): void | Promise<void>;
}

export interface LiveServer {
  readonly config: ServerConfig;
  readonly url: string;
  readonly port: number;
  /** Where a sensor connects: ws://…/mqtt (embedded) or the external broker's URL. */
  readonly sensorBrokerUrl: string;
  /** The TCP MQTT port of the embedded broker, when it listens. */
  readonly mqttPort: number | undefined;
  readonly credentials: SensorCredentials;
  readonly app: FastifyInstance;
  readonly ingest: Ingest;
  readonly history: HistoryStore;
  readonly exhibitions: ReadonlyMap<string, ServedExhibition>;
  close(): Promise<void>;
}

/** Starts the server; `input` fills in what it leaves out (see resolveConfig). */
export async function startServer(input: Partial<ServerConfig> = {}, extensions: readonly ServerExtension[] = []): Promise<LiveServer> {
  const config = resolveConfig(input);
  const log = (line: string) => {
    if (config.log) console.log(line);
  };
  mkdirSync(config.dataDir, { recursive: true });
  const exhibitions = await loadExhibitions(config.exhibitions);
  const credentials = sensorCredentials(config.dataDir, config.sensorPassword);
  const history = await openHistoryStore({ dataDir: config.dataDir, ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}) });
  const closers: (() => Promise<void> | void)[] = [() => history.close()];
  const closeAll = async () => {
    for (const c of closers.splice(0).reverse()) await c();
  };
  try {
    const twins = await createTwins(exhibitions, history, new Date(), {
      staleAfterMinutes: config.staleAfterMinutes,
      alertMinDurationSeconds: config.alertMinDurationSeconds,
    });
    // Sensor health saved by the last run, so the health view survives a restart.
    const sensorHealth = new Map(await Promise.all([...exhibitions.keys()].map(async (id) => [id, await history.sensorHealth(id)] as const)));
    const ingest = new Ingest({
      sensorHealth,
      twins,
      parse: twins.parse,
      history,
      snapshotMs: config.snapshotMs,
      onError: (message, e) => console.error(`${message}: ${e instanceof Error ? e.message : String(e)}`),
    });

    const app = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: 64 * 1024 });
    closers.push(() => app.close());
    // CSP and the other security headers on every response; Vite's dev server needs inline scripts, so no CSP there.
    // Browsers may connect to an external broker: its origin joins connect-src.
    const security = securityOptionsFromEnv();
    const browserBroker = config.brokerBrowserUrl ?? (config.brokerUrl?.startsWith('ws') ? config.brokerUrl : undefined);
    const trustedOrigins = [...(security.trustedOrigins ?? []), ...(browserBroker ? [new URL(browserBroker).origin] : [])];
    const securityHeaders = registerSecurity(app, { ...security, trustedOrigins, csp: config.mode === 'production' });
    const upgrades = new Map<string, UpgradeHandler>();

    const external = config.brokerUrl !== undefined;
    const liveConfig = (): LiveConfig => ({
      brokerUrl: external ? (config.brokerBrowserUrl ?? config.brokerUrl!) : '/mqtt',
      exhibitions: [...exhibitions.keys()],
    });
    await registerHttpApi(app, { exhibitions, ingest, history, config: liveConfig });
    registerIiifRoutes(app, exhibitions); // IIIF Manifests and Collections of the works (src/server/iiif-routes.ts)

    const ctx: ServerContext = {
      config,
      app,
      exhibitions,
      history,
      ingest,
      onUpgrade: (path, handler) => {
        if (upgrades.has(path)) throw new Error(`Two server parts claim WebSocket upgrades on ${path}`);
        upgrades.set(path, handler);
      },
      log,
    };
    // Co-curation (accounts, /collab, publishing) is part of every server; src/server/collab/curation.ts.
    // So are group visits at /together (src/server/together/); an extension named 'together' replaces the default.
    const together = extensions.some((e) => e.name === 'together') ? [] : [togetherExtension()];
    // Saved what-if scenarios (src/server/scenarios.ts).
    for (const ext of [curationExtension(), importExtension(), scenariosExtension(), ...together, ...extensions]) {
      await ext.register(ctx);
      if (ext.close) closers.push(() => ext.close!());
    }

    let dev: DevFiles | undefined;
    if (!config.serveApp) {
      app.setNotFoundHandler((_req, reply) => reply.code(404).type('text/plain; charset=utf-8').send('Not found'));
    } else if (config.mode === 'dev') {
      dev = await startViteMiddleware(app.server);
      closers.push(() => dev!.close());
      // Whatever the server's routes do not take goes to Vite (pages, modules, the exhibitions plugin…).
      app.setNotFoundHandler((req, reply) => {
        reply.hijack(); // so Fastify's onSend never runs: the security headers go on here
        for (const [name, value] of Object.entries(securityHeaders)) reply.raw.setHeader(name, value);
        dev!.middleware(req.raw, reply.raw, () => {
          reply.raw.statusCode = 404;
          reply.raw.end('Not found');
        });
      });
    } else {
      await registerBuiltFiles(app, config.distDir, config.e2eHooks);
      app.setNotFoundHandler((_req, reply) => reply.code(404).type('text/plain; charset=utf-8').send('Not found'));
    }

    let broker: Publisher & { close(): Promise<void> };
    let mqttPort: number | undefined;
    if (external) {
      broker = await connectExternalBroker({
        url: config.brokerUrl!,
        username: config.brokerUsername,
        password: config.brokerPassword,
        ingest,
        sessionKey: config.dataDir,
        log,
      });
    } else {
      const embedded = await startEmbeddedBroker({ ingest, credentials, host: config.host, mqttPort: config.mqttPort, log });
      upgrades.set('/mqtt', (req, socket, head) => embedded.handleUpgrade(req, socket, head));
      mqttPort = embedded.tcpPort;
      broker = embedded;
    }
    // Before the app closes: the broker's WebSockets ride on the app's HTTP server.
    closers.push(() => broker.close());
    closers.push(() => ingest.close()); // runs before the broker closes: no more alerts or snapshots, writes finished
    ingest.attach(broker);

    app.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      const handler = upgrades.get(path);
      if (handler) return handler(req, socket, head);
      if (dev && /^vite-/.test(String(req.headers['sec-websocket-protocol'] ?? ''))) return; // hot reload
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
    });

    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const hostForUrl = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
    const url = `http://${hostForUrl}:${port}`;
    const sensorBrokerUrl = external ? config.brokerUrl! : `ws://${hostForUrl}:${port}/mqtt`;

    const ticker = setInterval(() => ingest.tick(), config.tickMs);
    closers.push(() => clearInterval(ticker));
    // Raw readings are pruned only when MUSEUM_RAW_HISTORY_DAYS asks for it; by default every reading is kept.
    const days = config.rawHistoryDays;
    const retention = days === undefined ? undefined : startRawRetention({ history, days, log, onError: (message, e) => console.error(`${message}: ${e instanceof Error ? e.message : String(e)}`) });
    closers.push(async () => retention?.stop());

    let simulator: Simulator | undefined;
    if (config.simulator.enabled) {
      simulator = await startSimulator({
        url: sensorBrokerUrl,
        username: external ? (config.brokerUsername ?? decodeURIComponent(new URL(config.brokerUrl!).username)) : SENSOR_USER,
        password: external ? (config.brokerPassword ?? decodeURIComponent(new URL(config.brokerUrl!).password)) : credentials.password,
        exhibitions: [...exhibitions.values()].map((e) => e.exhibition),
        intervalMs: config.simulator.intervalMs,
        seed: config.simulator.seed,
        log,
      });
      closers.push(() => simulator!.stop());
    }

    return {
      config,
      url,
      port,
      sensorBrokerUrl,
      mqttPort,
      credentials,
      app,
      ingest,
      history,
      exhibitions,
      close: closeAll,
    };
  } catch (e) {
    await closeAll().catch(() => undefined);
    throw e;
  }
}
